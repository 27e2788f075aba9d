// The persistent items. Every item is a WXT storage item with a schema version from day one, so that a later
// shape change is a migration and not a guess. Reads go through `readItem` (migrated, then checked against
// the schema); writes go through write.ts, never through `item.setValue`, so that every write is validated,
// quota-checked and tagged with its version in the same `storage.local.set` call.
import { storage } from 'wxt/utils/storage';
import type { GenericSchema } from 'valibot';
import * as v from 'valibot';
import type { Migrations } from './migrations';
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
};

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
  /** Keeps what is valid of a stored value that fails the schema (written by an older build or by hand). */
  salvage: (raw: unknown) => T;
  item: ReturnType<typeof storage.defineItem<T>>;
}

export const ITEM_NAMES = ['settings', 'snippets', 'templates', 'siteProfiles', 'drafts'] as const;
export type ItemName = (typeof ITEM_NAMES)[number];

function define<T>(
  name: ItemName,
  version: number,
  migrations: Migrations,
  schema: GenericSchema<unknown, T>,
  fallback: T,
  salvage: (raw: unknown) => T,
): ItemDef<T> {
  const key = `local:${name}` as const;
  const item = storage.defineItem<T>(key, {
    fallback,
    version,
    // WXT runs migrations as soon as an item with a `migrations` option is defined; with none to run,
    // defining the item touches no storage (entrypoints import this module at build time too).
    ...(Object.keys(migrations).length > 0 ? { migrations } : {}),
  });
  return { name, key, storageKey: name, version, migrations, schema, fallback, salvage, item };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function salvageArray<T extends { id: string }>(schema: GenericSchema<unknown, T>) {
  return (raw: unknown): T[] => {
    if (!Array.isArray(raw)) return [];
    const seen = new Set<string>();
    const kept: T[] = [];
    for (const entry of raw) {
      const parsed = v.safeParse(schema, entry);
      if (parsed.success && !seen.has(parsed.output.id)) {
        seen.add(parsed.output.id);
        kept.push(parsed.output);
      }
    }
    return kept;
  };
}

function salvageRecord<T>(keySchema: GenericSchema<unknown, string>, valueOf: (raw: unknown) => T | undefined) {
  return (raw: unknown): Record<string, T> => {
    const kept: Record<string, T> = {};
    if (!isPlainObject(raw)) return kept;
    for (const [key, value] of Object.entries(raw)) {
      if (!v.is(keySchema, key)) continue;
      const salvaged = valueOf(value);
      if (salvaged !== undefined) kept[key] = salvaged;
    }
    return kept;
  };
}

/** The valid ids of a list, each once, at most `max`. */
function salvageIds(raw: unknown, max: number): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((id): id is string => v.is(RuleIdSchema, id)))].slice(0, max);
}

/** Keeps every valid switch, user entry and site of the rule settings; one bad entry loses only itself. */
function salvageRuleSettings(raw: unknown): RuleSettings {
  const rules: RuleSettings = structuredClone(DEFAULT_SETTINGS.rules);
  if (!isPlainObject(raw)) return rules;
  rules.disabledRules = salvageIds(raw.disabledRules, LIMITS.disabledRules);
  rules.disabledEntries = salvageIds(raw.disabledEntries, LIMITS.disabledEntries);
  rules.userEntries = salvageArray(UserEntrySchema)(raw.userEntries).slice(0, LIMITS.userEntries);
  const sites = salvageRecord(OriginSchema, (site) =>
    isPlainObject(site)
      ? {
          disabledRules: salvageIds(site.disabledRules, LIMITS.disabledRules),
          disabledEntries: salvageIds(site.disabledEntries, LIMITS.disabledEntries),
        }
      : undefined,
  )(raw.sites);
  rules.sites = Object.fromEntries(Object.entries(sites).slice(0, LIMITS.ruleSites));
  return rules;
}

function salvageSettings(raw: unknown): Settings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (!isPlainObject(raw)) return settings;
  const entries = SettingsSchema.entries;
  for (const key of Object.keys(entries) as (keyof Settings)[]) {
    const parsed = v.safeParse(entries[key], raw[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.output;
    else if (key === 'rules') settings.rules = salvageRuleSettings(raw.rules);
  }
  return settings;
}

// Version 1 of every item. When an item moves to v2, keep its v1 type next to the migration (see migrations.ts).
export const settingsItem = define<Settings>('settings', 1, {}, SettingsSchema, DEFAULT_SETTINGS, salvageSettings);

export const snippetsItem = define<Snippet[]>(
  'snippets',
  1,
  {},
  SnippetsSchema,
  // First install: the starter snippets, until the user saves the list once (an emptied list stays empty).
  [...STARTER_SNIPPETS],
  salvageArray(SnippetSchema),
);

export const templatesItem = define<UserTemplate[]>(
  'templates',
  1,
  {},
  TemplatesSchema,
  [],
  salvageArray(UserTemplateSchema),
);

export const siteProfilesItem = define<SiteProfiles>(
  'siteProfiles',
  1,
  {},
  SiteProfilesSchema,
  {},
  salvageRecord(OriginSchema, (value) => {
    const parsed = v.safeParse(SiteProfileSchema, value);
    if (parsed.success) return parsed.output;
    // A hand-edited or odd period must not cost the site its whole profile: drop the period (the panel then
    // detects it again) and keep the rest if that is valid.
    if (!isPlainObject(value) || !('reportPeriod' in value)) return undefined;
    const { reportPeriod: _dropped, ...rest } = value;
    const retried = v.safeParse(SiteProfileSchema, rest);
    return retried.success ? retried.output : undefined;
  }),
);

export const draftsItem = define<Drafts>(
  'drafts',
  1,
  {},
  DraftsSchema,
  {},
  salvageRecord(OriginSchema, (perSite) => {
    const fields = salvageRecord(FieldKeySchema, (draft) => {
      const parsed = v.safeParse(DraftSchema, draft);
      return parsed.success ? parsed.output : undefined;
    })(perSite);
    return Object.keys(fields).length > 0 ? fields : undefined;
  }),
);

export interface ItemValues {
  settings: Settings;
  snippets: Snippet[];
  templates: UserTemplate[];
  siteProfiles: SiteProfiles;
  drafts: Drafts;
}

export const ITEMS: { [K in ItemName]: ItemDef<ItemValues[K]> } = {
  settings: settingsItem,
  snippets: snippetsItem,
  templates: templatesItem,
  siteProfiles: siteProfilesItem,
  drafts: draftsItem,
};

/** The version-meta key WXT keeps beside an item (`settings$` → `{ v: 1 }`). */
export const metaKey = (def: ItemDef<unknown>) => `${def.storageKey}$`;

/**
 * The item's value: migrated by WXT, then parsed with its schema (a fresh copy, so callers may mutate it).
 * A stored value that fails the schema is salvaged entry by entry rather than thrown away.
 */
export async function readItem<T>(def: ItemDef<T>): Promise<T> {
  const raw = await def.item.getValue();
  const parsed = v.safeParse(def.schema, raw);
  if (parsed.success) return parsed.output;
  console.warn(`[tianbao] stored ${def.name} did not match its schema; keeping the valid entries`);
  return def.salvage(raw);
}
