// Applies the user's language setting (设置 → 界面语言) to the i18n helper, in any extension context.
import { browser } from 'wxt/browser';
import { resolveLanguage, setLanguage, type Language } from '../i18n';
import { getLanguageSetting } from '../storage';

export async function loadLanguage(): Promise<Language> {
  let setting: 'auto' | Language = 'auto';
  try {
    setting = await getLanguageSetting();
  } catch {
    // Unreadable settings never block the UI: fall back to the default language.
  }
  const language = resolveLanguage(setting, browser.i18n?.getUILanguage?.());
  setLanguage(language);
  return language;
}
