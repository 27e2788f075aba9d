// Settings: language, defaults for the submit guard and draft autosave, draft retention, and the user's
// rule settings (switched-off rules and entries, own dictionary entries).
import { DEFAULT_SETTINGS, readItem, settingsItem } from './items';
import type { DictionaryEntry, RuleSettings, Settings } from './schemas';
import { updateItem } from './write';

export { DEFAULT_SETTINGS };

export function getSettings(): Promise<Settings> {
  return readItem(settingsItem);
}

/** Merges `patch` into the settings (validated; `rules` is replaced whole — use updateRuleSettings for parts). */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateItem(settingsItem, (current) => ({ ...current, ...patch }));
}

export function updateRuleSettings(patch: Partial<RuleSettings>): Promise<Settings> {
  return updateItem(settingsItem, (current) => ({ ...current, rules: { ...current.rules, ...patch } }));
}

function toggle(list: readonly string[], id: string, enabled: boolean): string[] {
  const without = list.filter((item) => item !== id);
  return enabled ? without : [...without, id];
}

/** Switches a whole rule on or off. */
export function setRuleEnabled(ruleId: string, enabled: boolean): Promise<Settings> {
  return updateItem(settingsItem, (current) => ({
    ...current,
    rules: { ...current.rules, disabledRuleIds: toggle(current.rules.disabledRuleIds, ruleId, enabled) },
  }));
}

/** Switches one entry of a rule pack on or off. */
export function setRuleEntryEnabled(entryId: string, enabled: boolean): Promise<Settings> {
  return updateItem(settingsItem, (current) => ({
    ...current,
    rules: { ...current.rules, disabledEntryIds: toggle(current.rules.disabledEntryIds, entryId, enabled) },
  }));
}

/** Adds (or, with an existing id, replaces) a user dictionary entry: wrong phrasing → right one, and why. */
export async function saveDictionaryEntry(
  entry: Omit<DictionaryEntry, 'id'> & { id?: string },
): Promise<DictionaryEntry> {
  const saved: DictionaryEntry = {
    id: entry.id ?? `user-${crypto.randomUUID()}`,
    wrong: entry.wrong.trim(),
    right: entry.right.trim(),
    reason: entry.reason.trim(),
  };
  await updateItem(settingsItem, (current) => {
    const others = current.rules.userDictionary.filter((item) => item.id !== saved.id);
    return { ...current, rules: { ...current.rules, userDictionary: [...others, saved] } };
  });
  return saved;
}

export async function deleteDictionaryEntry(id: string): Promise<boolean> {
  let found = false;
  await updateItem(settingsItem, (current) => {
    const kept = current.rules.userDictionary.filter((item) => item.id !== id);
    found = kept.length !== current.rules.userDictionary.length;
    return found ? { ...current, rules: { ...current.rules, userDictionary: kept } } : current;
  });
  return found;
}

/** Calls `callback` with the new settings whenever any context changes them. Returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.item.watch(() => {
    void getSettings().then(callback);
  });
}
