// The user's rule settings as the options page edits them and storage keeps them: rules and entries switched
// off everywhere or on one site, and the user's own wrong → right entries. Validated with valibot, versioned
// from v1 (the lead's storage item holds it; a migration goes beside this schema when it changes).
import * as v from 'valibot';
import { cruftPack, officialNamesPack, placeholdersPack, spinPairsPack, eventsPack } from '../packs';
import { rules, type RuleConfig, type UserEntry } from './index';

export const USER_ENTRY_MAX = 40;

const Ids = v.array(v.pipe(v.string(), v.maxLength(80)));

export const UserEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^user-[0-9]{1,6}$/)),
  wrong: v.pipe(v.string(), v.minLength(2), v.maxLength(USER_ENTRY_MAX), v.regex(/^[^\r\n]*$/)),
  right: v.pipe(v.string(), v.maxLength(USER_ENTRY_MAX), v.regex(/^[^\r\n]*$/)),
  note: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export const SiteRuleSettingsSchema = v.object({ disabledRules: Ids, disabledEntries: Ids });
export type SiteRuleSettings = v.InferOutput<typeof SiteRuleSettingsSchema>;

export const UserRuleSettingsSchema = v.object({
  version: v.literal(1),
  disabledRules: Ids,
  disabledEntries: Ids,
  userEntries: v.array(UserEntrySchema),
  /** Per-site switches, keyed by origin (https://oa.example.gov.cn); added to the everywhere switches. */
  sites: v.record(v.string(), SiteRuleSettingsSchema),
});
export type UserRuleSettings = v.InferOutput<typeof UserRuleSettingsSchema>;

export const defaultRuleSettings = (): UserRuleSettings => ({
  version: 1,
  disabledRules: [],
  disabledEntries: [],
  userEntries: [],
  sites: {},
});

/** The RuleConfig for one page: everywhere switches plus that site's. */
export function ruleConfigFor(settings: UserRuleSettings, origin?: string): RuleConfig {
  const site = origin ? settings.sites[origin] : undefined;
  return {
    disabledRules: [...settings.disabledRules, ...(site?.disabledRules ?? [])],
    disabledEntries: [...settings.disabledEntries, ...(site?.disabledEntries ?? [])],
    userEntries: settings.userEntries,
  };
}

/** Message id of what is wrong with a new wrong → right pair, or undefined when it can be added. */
export function validateUserEntry(
  wrong: string,
  right: string,
  existing: readonly UserEntry[],
): string | undefined {
  const w = wrong.trim();
  const r = right.trim();
  if (w === '' || r === '') return 'rules.ui.error.empty';
  if (/[\r\n]/.test(wrong) || /[\r\n]/.test(right)) return 'rules.ui.error.lineBreak';
  if (Array.from(w).length < 2) return 'rules.ui.error.tooShort';
  if (w.length > USER_ENTRY_MAX || r.length > USER_ENTRY_MAX) return 'rules.ui.error.tooLong';
  if (w === r) return 'rules.ui.error.same';
  if (existing.some((e) => e.wrong === w)) return 'rules.ui.error.duplicate';
  return undefined;
}

/** Adds a validated pair with a fresh id; returns the settings unchanged when the pair is invalid. */
export function addUserEntry(settings: UserRuleSettings, wrong: string, right: string, note?: string): UserRuleSettings {
  if (validateUserEntry(wrong, right, settings.userEntries)) return settings;
  const used = new Set(settings.userEntries.map((e) => e.id));
  let n = settings.userEntries.length + 1;
  while (used.has(`user-${n}`)) n++;
  const entry: UserEntry = { id: `user-${n}`, wrong: wrong.trim(), right: right.trim(), ...(note ? { note } : {}) };
  return { ...settings, userEntries: [...settings.userEntries, entry] };
}

/** Data the options page lists: each rule with the pack entries a user may switch off one by one. */
export interface RuleCatalogItem {
  id: string;
  category: string;
  entries: { id: string; label: string }[];
}

export function ruleCatalog(): RuleCatalogItem[] {
  const dictionaryLabel = (e: { reason: string }) => e.reason;
  const entriesOf: Record<string, { id: string; label: string }[]> = {
    'official-names': officialNamesPack.entries.map((e) => ({ id: e.id, label: dictionaryLabel(e) })),
    'spin-artefacts': spinPairsPack.entries.map((e) => ({ id: e.id, label: dictionaryLabel(e) })),
    placeholders: placeholdersPack.entries.map((e) => ({ id: e.id, label: e.example })),
    'web-cruft': cruftPack.entries.map((e) => ({ id: e.id, label: e.example })),
    'stale-references': [...eventsPack.anniversaries, ...eventsPack.meetings, ...eventsPack.guidance, ...eventsPack.campaigns].map((e) => ({
      id: e.id,
      label: ('name' in e && e.name) || e.trigger.split('|')[0]!,
    })),
  };
  return rules
    .filter((r) => r.id !== 'user-entries')
    .map((r) => ({ id: r.id, category: r.category, entries: entriesOf[r.id] ?? [] }));
}
