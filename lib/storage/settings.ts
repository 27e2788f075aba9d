// Settings: language, defaults for the submit guard and draft autosave, draft retention, and the user's
// rule settings (rules and entries switched off everywhere or per site, the user's own wrong → right entries)
// in the UserRuleSettings shape the engine and the options page use.
import type { UserRuleSettings } from '../core/rules/settings';
import { DEFAULT_SETTINGS, readItem, settingsItem } from './items';
import { applyLocks, getManagedConfig, mergeRuleSettings, ownRuleSettings, watchManaged } from './managed';
import type { Settings } from './schemas';
import { updateItem } from './write';

export { DEFAULT_SETTINGS };

/** The settings in force: the user's, under the unit's locks and with the unit's rule settings (managed.ts). */
export async function getSettings(): Promise<Settings> {
  const [own, config] = await Promise.all([readItem(settingsItem), getManagedConfig()]);
  if (!config) return own;
  return { ...applyLocks(own, config), rules: mergeRuleSettings(own.rules, config) };
}

/**
 * The user's interface language alone. The unit's configuration does not set it, so this does not wait for the
 * browser's policy (Chromium answers the first managed read about 3 s after it starts): pages draw at once.
 */
export async function getLanguageSetting(): Promise<Settings['language']> {
  return (await readItem(settingsItem)).language;
}

/** Merges `patch` into the settings (validated; `rules` is replaced whole — saveRuleSettings says so by name). */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateItem(settingsItem, (current) => ({ ...current, ...patch }));
}

/** The user's rule settings, ready for ruleConfigFor() and the options page's RulesSection. */
export async function getRuleSettings(): Promise<UserRuleSettings> {
  return (await getSettings()).rules;
}

/**
 * Replaces the user's rule settings with `next` (as RulesSection's onChange hands it over) and returns what
 * was stored. A value outside the limits throws StorageValidationError, a full storage StorageFullError
 * (both carry a message id); either way nothing was written.
 */
export async function saveRuleSettings(next: UserRuleSettings): Promise<UserRuleSettings> {
  // The unit's entries and switches (shown by getRuleSettings) are not the user's to store.
  const config = await getManagedConfig();
  const saved = await updateItem(settingsItem, (current) => ({ ...current, rules: ownRuleSettings(next, current.rules, config) }));
  return mergeRuleSettings(saved.rules, config);
}

/** Calls `callback` with the new settings whenever any context changes them. Returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const reload = () => void getSettings().then(callback);
  const stopOwn = settingsItem.item.watch(reload);
  const stopManaged = watchManaged(reload);
  return () => {
    stopOwn();
    stopManaged();
  };
}
