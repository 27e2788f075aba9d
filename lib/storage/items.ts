// The persistent items. Every item is a WXT storage item with a schema version from day one, so that a later
// shape change is a migration and not a guess. Reads go through `readItem` (migrated, then checked against
// the schema); writes go through write.ts, never through `item.setValue`, so that every write is validated,
// quota-checked and tagged with its version in the same `storage.local.set` call.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { GenericSchema } from 'valibot';
import * as v from 'valibot';
import { migrateValue, type Migrations } from './migrations';
import {
  DraftSchema,
  DraftsSchema,
  FieldKeySchema,
  LIMITS,
  OriginSchema,
  RuleIdSchema,
  SettingsSchema,
  SiteProfileSchema,
  SiteProfilesSchema,
  SnippetSchema,
  SnippetsSchema,
  TemplatesSchema,
  UserTemplateSchema,
  UserEntrySchema,
  DRAFT_RETENTION_DAYS,
  ReportHistorySchema,
  ReportRecordSchema,
  ReferenceTextSchema,
  ReferenceTextsSchema,
  type ReferenceTexts,
  issuePath,
  type ReportHistory,
  type Drafts,
  type RuleSettings,
  type Settings,
  type SiteProfiles,
  type Snippet,
  type UserTemplate,
} from './schemas';
import { STARTER_SNIPPETS } from './starterSnippets';

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  submitGuard: true,
  draftAutosave: true,
  draftRetentionDays: DRAFT_RETENTION_DAYS.default,
  // The same value as defaultRuleSettings() in lib/core/rules/settings.ts (not imported: see schemas.ts).
  rules: { version: 1, disabledRules: [], disabledEntries: [], userEntries: [], sites: {} },
  snippetParagraphs: true,
};

/** Why a stored entry is not used: it failed this build's check, or a newer build wrote it. */
export type SetAsideReason = 'invalid' | 'newer';

/** One stored entry this build does not use, exactly as it was stored. */
export interface RejectedEntry {
  /** What the entry is within its item: a snippet's id, a site's origin, a setting's name ('' = the whole item). */
  key: string;
  /** Where the check failed, e.g. `3.title`. */
  path: string;
  reason: SetAsideReason;
  value: unknown;
}

export interface Split<T> {
  value: T;
  rejected: RejectedEntry[];
}

export interface ItemDef<T> {
  /** Name used in backups and messages: settings, snippets, templates, siteProfiles, drafts. */
  name: ItemName;
  /** `local:<name>` — the WXT key. */
  key: `local:${string}`;
  /** The key inside browser.storage.local. */
  storageKey: string;
  version: number;
  migrations: Migrations;
  schema: GenericSchema<unknown, T>;
  fallback: T;
  /**
   * Splits a stored value that fails the schema (hand-edited, damaged, or partly from a newer build) into
   * what is valid, which is used, and the entries that are not, which are kept aside verbatim (set-aside.ts).
   */
  split: (raw: unknown) => Split<T>;
  item: ReturnType<typeof storage.defineItem<T>>;
}

export const ITEM_NAMES = ['settings', 'snippets', 'templates', 'siteProfiles', 'drafts', 'reportHistory', 'references'] as const;
export type ItemName = (typeof ITEM_NAMES)[number];

function define<T>(
  name: ItemName,
  version: number,
  migrations: Migrations,
  schema: GenericSchema<unknown, T>,
  fallback: T,
  split: (raw: unknown) => Split<T>,
): ItemDef<T> {
  const key = `local:${name}` as const;
  const item = storage.defineItem<T>(key, {
    fallback,
    version,
    // WXT runs migrations as soon as an item with a `migrations` option is defined; with none to run,
    // defining the item touches no storage (entrypoints import this module at build time too).
    ...(Object.keys(migrations).length > 0 ? { migrations } : {}),
  });
  return { name, key, storageKey: name, version, migrations, schema, fallback, split, item };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a stored entry says it was written by a newer build: an object whose own `version` is above the
 * one this build writes. Today only the rule settings carry one; a newer build may stamp other entries.
 */
function isNewerEntry(entry: unknown, version: number): boolean {
  return isPlainObject(entry) && typeof entry.version === 'number' && entry.version > version;
}

const invalid = (key: string, path: string, value: unknown): RejectedEntry => ({ key, path, reason: 'invalid', value });

/** A prefix for the paths of a nested split (`rules.` + `userEntries.2.wrong`). */
const within = (prefix: string, rejected: RejectedEntry[]): RejectedEntry[] =>
  rejected.map((entry) => ({
    ...entry,
    key: entry.key ? `${prefix}.${entry.key}` : prefix,
    path: entry.path ? `${prefix}.${entry.path}` : prefix,
  }));

function splitArray<T extends { id: string }>(schema: GenericSchema<unknown, T>, max: number, version: number) {
  return (raw: unknown): Split<T[]> => {
    // Not a list at all: the whole stored value is one entry to keep aside.
    if (!Array.isArray(raw)) return { value: [], rejected: [invalid('', '', raw)] };
    const seen = new Set<string>();
    const value: T[] = [];
    const rejected: RejectedEntry[] = [];
    raw.forEach((entry, index) => {
      const id = isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : `#${index + 1}`;
      if (isNewerEntry(entry, version)) {
        rejected.push({ key: id, path: String(index), reason: 'newer', value: entry });
        return;
      }
      const parsed = v.safeParse(schema, entry);
      if (!parsed.success) rejected.push(invalid(id, `${index}.${issuePath(parsed.issues)}`.replace(/\.$/, ''), entry));
      else if (seen.has(parsed.output.id)) rejected.push(invalid(id, `${index}.id`, entry));
      else if (value.length >= max) rejected.push(invalid(id, String(index), entry));
      else {
        seen.add(parsed.output.id);
        value.push(parsed.output);
      }
    });
    return { value, rejected };
  };
}

function splitRecord<T>(
  keySchema: GenericSchema<unknown, string>,
  max: number,
  version: number,
  valueOf: (raw: unknown) => Split<T | undefined>,
) {
  return (raw: unknown): Split<Record<string, T>> => {
    if (!isPlainObject(raw)) return { value: {}, rejected: [invalid('', '', raw)] };
    const value: Record<string, T> = {};
    const rejected: RejectedEntry[] = [];
    let count = 0;
    for (const [key, entry] of Object.entries(raw)) {
      if (isNewerEntry(entry, version)) rejected.push({ key, path: key, reason: 'newer', value: entry });
      else if (!v.is(keySchema, key) || count >= max) rejected.push(invalid(key, key, entry));
      else {
        const split = valueOf(entry);
        rejected.push(...within(key, split.rejected));
        if (split.value !== undefined) {
          value[key] = split.value;
          count++;
        }
      }
    }
    return { value, rejected };
  };
}

/** A record value checked whole: kept, or kept aside whole under its key. */
function wholeValue<T>(schema: GenericSchema<unknown, T>) {
  return (raw: unknown): Split<T | undefined> => {
    const parsed = v.safeParse(schema, raw);
    return parsed.success ? { value: parsed.output, rejected: [] } : { value: undefined, rejected: [invalid('', issuePath(parsed.issues), raw)] };
  };
}

/** The valid ids of a list, each once, at most `max`; every other entry is kept aside. */
function splitIds(raw: unknown, max: number, name: string): Split<string[]> {
  if (!Array.isArray(raw)) return { value: [], rejected: raw === undefined ? [] : [invalid(name, name, raw)] };
  const value: string[] = [];
  const rejected: RejectedEntry[] = [];
  raw.forEach((id, index) => {
    if (!v.is(RuleIdSchema, id) || (value.length >= max && !value.includes(id))) {
      rejected.push(invalid(name, `${name}.${index}`, id));
    } else if (!value.includes(id)) value.push(id); // a repeated id is the same switch: nothing is lost
  });
  return { value, rejected };
}

/** Keeps every valid switch, user entry and site of the rule settings; one bad entry is kept aside alone. */
function splitRuleSettings(raw: unknown): Split<RuleSettings> {
  const rules: RuleSettings = structuredClone(DEFAULT_SETTINGS.rules);
  if (!isPlainObject(raw)) return { value: rules, rejected: raw === undefined ? [] : [invalid('', '', raw)] };
  const rejected: RejectedEntry[] = [];
  const known = new Set(['version', 'disabledRules', 'disabledEntries', 'userEntries', 'sites']);
  for (const key of Object.keys(raw)) if (!known.has(key)) rejected.push(invalid(key, key, raw[key]));
  // A missing version is nothing to keep; any other value than 1 (and not newer: see splitSettings) is.
  if (raw.version !== 1 && raw.version !== undefined) rejected.push(invalid('version', 'version', raw.version));
  const disabledRules = splitIds(raw.disabledRules, LIMITS.disabledRules, 'disabledRules');
  const disabledEntries = splitIds(raw.disabledEntries, LIMITS.disabledEntries, 'disabledEntries');
  const userEntries =
    raw.userEntries === undefined
      ? { value: [], rejected: [] }
      : splitArray(UserEntrySchema, LIMITS.userEntries, 1)(raw.userEntries);
  const sites =
    raw.sites === undefined
      ? { value: {}, rejected: [] }
      : splitRecord(OriginSchema, LIMITS.ruleSites, 1, (site) => {
          if (!isPlainObject(site)) return { value: undefined, rejected: [invalid('', '', site)] };
          const siteRules = splitIds(site.disabledRules, LIMITS.disabledRules, 'disabledRules');
          const siteEntries = splitIds(site.disabledEntries, LIMITS.disabledEntries, 'disabledEntries');
          const extra = Object.keys(site)
            .filter((key) => key !== 'disabledRules' && key !== 'disabledEntries')
            .map((key) => invalid(key, key, site[key]));
          return {
            value: { disabledRules: siteRules.value, disabledEntries: siteEntries.value },
            rejected: [...siteRules.rejected, ...siteEntries.rejected, ...extra],
          };
        })(raw.sites);
  rules.disabledRules = disabledRules.value;
  rules.disabledEntries = disabledEntries.value;
  rules.userEntries = userEntries.value;
  rules.sites = sites.value;
  rejected.push(
    ...disabledRules.rejected,
    ...disabledEntries.rejected,
    ...within('userEntries', userEntries.rejected),
    ...within('sites', sites.rejected),
  );
  return { value: rules, rejected };
}

/** Settings: each setting is an entry; the rule settings are split further, switch by switch. */
function splitSettings(raw: unknown): Split<Settings> {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (!isPlainObject(raw)) return { value: settings, rejected: [invalid('', '', raw)] };
  const rejected: RejectedEntry[] = [];
  const entries = SettingsSchema.entries;
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(entries, key)) rejected.push(invalid(key, key, raw[key]));
  }
  for (const key of Object.keys(entries) as (keyof Settings)[]) {
    if (raw[key] === undefined) continue; // never set: the default, nothing to keep
    if (key === 'rules' && isNewerEntry(raw.rules, 1)) {
      rejected.push({ key: 'rules', path: 'rules.version', reason: 'newer', value: raw.rules });
      continue;
    }
    const parsed = v.safeParse(entries[key], raw[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.output;
    else if (key === 'rules') {
      const rules = splitRuleSettings(raw.rules);
      settings.rules = rules.value;
      rejected.push(...within('rules', rules.rejected));
    } else rejected.push(invalid(key, `${key}`, raw[key]));
  }
  return { value: settings, rejected };
}

// Version 1 of every item. When an item moves to v2, keep its v1 type next to the migration (see migrations.ts).
export const settingsItem = define<Settings>('settings', 1, {}, SettingsSchema, DEFAULT_SETTINGS, splitSettings);

export const snippetsItem = define<Snippet[]>(
  'snippets',
  1,
  {},
  SnippetsSchema,
  // First install: the starter snippets, until the user saves the list once (an emptied list stays empty).
  [...STARTER_SNIPPETS],
  splitArray(SnippetSchema, LIMITS.snippets, 1),
);

export const templatesItem = define<UserTemplate[]>(
  'templates',
  1,
  {},
  TemplatesSchema,
  [],
  splitArray(UserTemplateSchema, LIMITS.templates, 1),
);

export const siteProfilesItem = define<SiteProfiles>(
  'siteProfiles',
  1,
  {},
  SiteProfilesSchema,
  {},
  splitRecord(OriginSchema, LIMITS.siteProfiles, 1, (value) => {
    const parsed = v.safeParse(SiteProfileSchema, value);
    if (parsed.success) return { value: parsed.output, rejected: [] };
    const rejected = [invalid('', issuePath(parsed.issues), value)];
    // A hand-edited or odd period must not cost the site its whole profile: use the profile without it (the
    // panel then detects the period again) and keep the stored profile aside as it was.
    if (!isPlainObject(value) || !('reportPeriod' in value)) return { value: undefined, rejected };
    const { reportPeriod: _aside, ...rest } = value;
    const retried = v.safeParse(SiteProfileSchema, rest);
    return { value: retried.success ? retried.output : undefined, rejected };
  }),
);

export const draftsItem = define<Drafts>(
  'drafts',
  1,
  {},
  DraftsSchema,
  {},
  splitRecord(OriginSchema, LIMITS.draftSites, 1, (perSite) => {
    const fields = splitRecord(FieldKeySchema, LIMITS.draftsPerSite, 1, wholeValue(DraftSchema))(perSite);
    return { value: Object.keys(fields.value).length > 0 ? fields.value : undefined, rejected: fields.rejected };
  }),
);

export const reportHistoryItem = define<ReportHistory>(
  'reportHistory',
  1,
  {},
  ReportHistorySchema,
  [],
  splitArray(ReportRecordSchema, LIMITS.reportRecords, 1),
);

export const referencesItem = define<ReferenceTexts>(
  'references',
  1,
  {},
  ReferenceTextsSchema,
  [],
  splitArray(ReferenceTextSchema, LIMITS.referenceTexts, 1),
);

export interface ItemValues {
  settings: Settings;
  snippets: Snippet[];
  templates: UserTemplate[];
  siteProfiles: SiteProfiles;
  drafts: Drafts;
  reportHistory: ReportHistory;
  references: ReferenceTexts;
}

export const ITEMS: { [K in ItemName]: ItemDef<ItemValues[K]> } = {
  settings: settingsItem,
  snippets: snippetsItem,
  templates: templatesItem,
  siteProfiles: siteProfilesItem,
  drafts: draftsItem,
  reportHistory: reportHistoryItem,
  references: referencesItem,
};

/** The version-meta key WXT keeps beside an item (`settings$` → `{ v: 1 }`). */
export const metaKey = (def: ItemDef<unknown>) => `${def.storageKey}$`;

/** Where the entries of an item that this build does not use are moved when the item is next written. */
export const asideKey = (def: ItemDef<unknown>) => `${def.storageKey}~setAside`;

/** What is stored for an item, as this build sees it. */
export interface ItemState<T> {
  /** The valid entries (or the default when nothing is stored): what every reader uses. */
  value: T;
  /** Stored entries not in `value`, verbatim. */
  rejected: RejectedEntry[];
  /** The version tag beside the stored value (1 when there is none). */
  storedVersion: number;
  /**
   * A newer build wrote the item (its version tag) or one of its entries: this build must not write the item
   * at all, or it would drop or rewrite what it cannot read.
   */
  newer: boolean;
}

/** The state of an item from the raw stored value and version tag (as read in one `get`). */
export function itemStateOf<T>(def: ItemDef<T>, raw: unknown, meta: unknown): ItemState<T> {
  const tag = isPlainObject(meta) ? meta.v : undefined;
  const storedVersion = typeof tag === 'number' && Number.isInteger(tag) && tag >= 1 ? tag : 1;
  if (raw === undefined || raw === null) {
    return { value: structuredClone(def.fallback), rejected: [], storedVersion, newer: storedVersion > def.version };
  }
  if (storedVersion > def.version) {
    // Read what this build understands, but the item as a whole stays as the newer build left it.
    const { value } = def.split(raw);
    return { value, rejected: [{ key: '', path: '', reason: 'newer', value: raw }], storedVersion, newer: true };
  }
  let current: unknown = raw;
  if (storedVersion < def.version) {
    try {
      current = migrateValue(raw, storedVersion, def.version, def.migrations);
    } catch {
      return { value: structuredClone(def.fallback), rejected: [invalid('', '', raw)], storedVersion, newer: false };
    }
  }
  const parsed = v.safeParse(def.schema, current);
  if (parsed.success) return { value: parsed.output, rejected: [], storedVersion, newer: false };
  const split = def.split(current);
  return { ...split, storedVersion, newer: split.rejected.some((entry) => entry.reason === 'newer') };
}

/** The item's stored value, version tag and set-aside entries, in one read. */
export async function readStored(def: ItemDef<unknown>): Promise<Record<string, unknown>> {
  return browser.storage.local.get([def.storageKey, metaKey(def), asideKey(def)]);
}

export async function readItemState<T>(def: ItemDef<T>): Promise<ItemState<T>> {
  const stored = await readStored(def as ItemDef<unknown>);
  return itemStateOf(def, stored[def.storageKey], stored[metaKey(def as ItemDef<unknown>)]);
}

/**
 * The item's value: migrated, then parsed with its schema (a fresh copy, so callers may mutate it). Entries
 * that fail the schema are left out here and kept, verbatim, by every write (see write.ts and set-aside.ts).
 */
export async function readItem<T>(def: ItemDef<T>): Promise<T> {
  const state = await readItemState(def);
  if (state.rejected.length > 0) {
    console.warn(`[tianbao] ${state.rejected.length} stored ${def.name} entries are not used; they are kept aside`);
  }
  return state.value;
}
