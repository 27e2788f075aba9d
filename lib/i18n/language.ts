// Language choice without the catalogs, so that the page-load agent can use it without carrying every string.

export const LANGUAGES = ['zh_CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The user's setting wins; with 'auto', English only for a browser whose UI language is English, and Chinese
 * (the product's default) for Chinese and for every other language.
 */
export function resolveLanguage(setting: 'auto' | Language, uiLanguage: string | undefined): Language {
  if (setting !== 'auto') return setting;
  return uiLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh_CN';
}
