// Typed message lookup for every surface (panel, options page, CLI). Catalogs are plain JSON, one file per
// area and language, so that each area's strings sit together and a translator edits data, not code.
// Chinese (zh_CN) is the default; English must hold the same keys (tests/i18n.test.ts fails otherwise).
// The manifest's own strings live in public/_locales, which the browser reads itself.
import zhUi from './locales/zh_CN/ui.json';
import zhStorage from './locales/zh_CN/storage.json';
import zhEngine from './locales/zh_CN/engine.json';
import zhRules from './locales/zh_CN/rules.json';
import zhDom from './locales/zh_CN/dom.json';
import zhGuard from './locales/zh_CN/guard.json';
import enUi from './locales/en/ui.json';
import enStorage from './locales/en/storage.json';
import enEngine from './locales/en/engine.json';
import enRules from './locales/en/rules.json';
import enDom from './locales/en/dom.json';
import enGuard from './locales/en/guard.json';

import { type Language } from './language';

export { LANGUAGES, resolveLanguage, type Language } from './language';

const zh = { ...zhUi, ...zhStorage, ...zhEngine, ...zhRules, ...zhDom, ...zhGuard };
export type MessageId = keyof typeof zh;

export const catalogs: Record<Language, Record<string, string>> = {
  zh_CN: zh,
  en: { ...enUi, ...enStorage, ...enEngine, ...enRules, ...enDom, ...enGuard },
};

/** Area catalogs, for the parity test: each area must hold the same keys in both languages. */
export const areaCatalogs: Record<string, Record<Language, Record<string, string>>> = {
  ui: { zh_CN: zhUi, en: enUi },
  storage: { zh_CN: zhStorage, en: enStorage },
  engine: { zh_CN: zhEngine, en: enEngine },
  rules: { zh_CN: zhRules, en: enRules },
  dom: { zh_CN: zhDom, en: enDom },
  guard: { zh_CN: zhGuard, en: enGuard },
};

let current: Language = 'zh_CN';

export function setLanguage(language: Language): void {
  current = language;
}

export function getLanguage(): Language {
  return current;
}

/** A parameter whose words depend on the language (a report period: 2026年上半年 / 2026, first half). */
export interface LocalizedParam {
  zh_CN: string;
  en: string;
}

export type MessageParams = Record<string, string | number | LocalizedParam>;

const paramText = (value: string | number | LocalizedParam, language: Language): string =>
  typeof value === 'object' && value !== null ? (value[language] ?? value.zh_CN) : String(value);

/**
 * The message for `id` in `language` (default: the current one) with `{name}` placeholders filled.
 * An id missing from the catalog yields the id itself, so a gap is visible rather than blank.
 */
export function t(id: MessageId | (string & {}), params?: MessageParams, language: Language = current): string {
  const template = catalogs[language][id] ?? catalogs.zh_CN[id] ?? id;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(params[name]!, language) : whole,
  );
}
