// Schemas of every persistent item (valibot). The same schemas check what the extension writes and what a
// backup file brings in, so a restored value can never be something the extension itself could not have
// saved. Every string and every array has an upper bound: a hostile or corrupted file must not be able to
// fill the storage or freeze the page with a 50 MB title.
import * as v from 'valibot';

export const LIMITS = {
  idLength: 120,
  originLength: 300,
  fieldKeyLength: 500,
  variableNameLength: 30,
  variableValueLength: 2_000,
  snippetTitleLength: 200,
  snippetBodyLength: 20_000,
  folderLength: 100,
  tagLength: 40,
  tagsPerSnippet: 30,
  sectionIdsPerSnippet: 50,
  variablesPerSnippet: 50,
  sitesPerSnippet: 500,
  snippets: 5_000,
  templateNameLength: 100,
  reportKindsPerTemplate: 20,
  sectionsPerTemplate: 300,
  templates: 200,
  /** Nesting allowed inside a template's opaque sections (section → topics → keywords is depth 4). */
  templateSectionDepth: 8,
  templateStringLength: 10_000,
  templateContainerLength: 1_000,
  siteProfiles: 1_000,
  pathPatternLength: 500,
  fieldsPerSite: 200,
  variablesPerSite: 50,
  draftTextLength: 200_000,
  draftSites: 1_000,
  draftsPerSite: 200,
  pageUrlLength: 2_000,
  fieldLabelLength: 200,
  // The user's rule settings. The three text bounds are those of UserRuleSettingsSchema in
  // lib/core/rules/settings.ts (tests/storage/ruleSettings.test.ts keeps them equal); the counts are ours.
  ruleIdLength: 80,
  userEntryTextLength: 40,
  userEntryNoteLength: 200,
  /** There are 15 rules; room for many more without letting a file list millions. */
  disabledRules: 200,
  /** Pack entries (about a hundred today) plus the user's own entries. */
  disabledEntries: 5_000,
  userEntries: 2_000,
  ruleSites: 1_000,
  /** Report history (reportHistory.ts): submitted reports kept as records. */
  reportRecords: 500,
  fieldsPerRecord: 200,
  /** The user's own sample texts for 范文相似度 (references.ts). */
  referenceTexts: 200,
  referenceTitleLength: 200,
  referenceTextLength: 100_000,
} as const;

export const PANEL_WIDTH = { min: 280, max: 640, default: 360 } as const;
export const DRAFT_RETENTION_DAYS = { min: 1, max: 365, default: 30 } as const;

/** Keys that would reach Object.prototype if copied carelessly; never valid as a record key. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmptyText = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const safeKey = (max: number) =>
  v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(max),
    v.check((key) => !FORBIDDEN_KEYS.has(key), 'forbidden key'),
  );
const boundedArray = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const boundedRecord = <K extends v.GenericSchema<string, string>, T extends v.GenericSchema>(
  key: K,
  value: T,
  max: number,
) =>
  v.pipe(
    // valibot's record() silently skips __proto__/constructor/prototype keys; refuse them instead, so a
    // value is never saved with part of it quietly missing.
    v.custom<Record<string, unknown>>(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        !Array.isArray(input) &&
        Object.keys(input).every((k) => !FORBIDDEN_KEYS.has(k)),
      'object with allowed keys',
    ),
    v.record(key, value),
    v.check((record) => Object.keys(record).length <= max, `more than ${max} entries`),
  );

/** Milliseconds since the epoch. */
export const TimestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const IdSchema = v.pipe(
  safeKey(LIMITS.idLength),
  // Ids are generated (UUIDs, starter-…, rule ids): no whitespace or control characters.
  v.regex(/^[^\s\p{Cc}]+$/u),
);
/** `https://host[:port]`, as `new URL(url).origin` gives it. */
export const OriginSchema = v.pipe(
  safeKey(LIMITS.originLength),
  v.regex(/^https?:\/\/[^/\s?#]+$/),
);
export const FieldKeySchema = safeKey(LIMITS.fieldKeyLength);
/** The name inside {{…}}: letters (any script), digits, underscore. */
export const VariableNameSchema = v.pipe(
  safeKey(LIMITS.variableNameLength),
  v.regex(/^[\p{L}\p{N}_]+$/u),
);
const VariableValuesSchema = boundedRecord(
  VariableNameSchema,
  text(LIMITS.variableValueLength),
  LIMITS.variablesPerSite,
);

// ---- settings ----

// The user's rule settings, stored in the shape the engine and the options page use: UserRuleSettings from
// lib/core/rules/settings.ts. That module's schema is not imported: it would load the whole rule engine and
// its packs into every script that reads storage (the background among them). This one accepts only values
// that schema accepts, and adds what storage needs: strict objects, a bound on every array and record,
// origins as keys. tests/storage/ruleSettings.test.ts checks both at compile time and at run time.

/** A rule id (`ellipsis`) or a pack entry id (`yichang-teshi`, `user-3`). */
export const RuleIdSchema = v.pipe(IdSchema, v.maxLength(LIMITS.ruleIdLength));
const ruleIds = (max: number) => boundedArray(RuleIdSchema, max);
/** One line of text: the engine matches a user entry within a paragraph. */
const lineText = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(/^[^\r\n]*$/));

export const UserEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^user-[0-9]{1,6}$/)),
  wrong: lineText(2, LIMITS.userEntryTextLength),
  right: lineText(0, LIMITS.userEntryTextLength),
  note: v.optional(text(LIMITS.userEntryNoteLength)),
});

export const SiteRuleSettingsSchema = v.strictObject({
  disabledRules: ruleIds(LIMITS.disabledRules),
  disabledEntries: ruleIds(LIMITS.disabledEntries),
});

export const RuleSettingsSchema = v.strictObject({
  version: v.literal(1),
  /** Switched off everywhere. */
  disabledRules: ruleIds(LIMITS.disabledRules),
  disabledEntries: ruleIds(LIMITS.disabledEntries),
  userEntries: v.pipe(
    boundedArray(UserEntrySchema, LIMITS.userEntries),
    v.check((list) => new Set(list.map((e) => e.id)).size === list.length, 'duplicate user entry id'),
  ),
  /** Switched off on one site (origin → switches), on top of the everywhere ones. */
  sites: boundedRecord(OriginSchema, SiteRuleSettingsSchema, LIMITS.ruleSites),
});
/** Structurally the same as UserRuleSettings (lib/core/rules/settings.ts). */
export type RuleSettings = v.InferOutput<typeof RuleSettingsSchema>;

export const LanguageSettingSchema = v.picklist(['auto', 'zh_CN', 'en']);
export type LanguageSetting = v.InferOutput<typeof LanguageSettingSchema>;

export const SettingsSchema = v.strictObject({
  language: LanguageSettingSchema,
  /** Default for sites whose profile does not say (SiteProfile.submitGuard === null). */
  submitGuard: v.boolean(),
  /** Default for sites whose profile does not say (SiteProfile.draftAutosave === null). */
  draftAutosave: v.boolean(),
  draftRetentionDays: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(DRAFT_RETENTION_DAYS.min),
    v.maxValue(DRAFT_RETENTION_DAYS.max),
  ),
  rules: RuleSettingsSchema,
  /**
   * 片段插入时另起一段: a snippet inserted after text on the same line starts a paragraph of its own. Optional
   * with its default, so settings (and backups) saved before it existed stay valid.
   */
  snippetParagraphs: v.optional(v.boolean(), true),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

// ---- snippets ----

export const SnippetSchema = v.strictObject({
  id: IdSchema,
  title: nonEmptyText(LIMITS.snippetTitleLength),
  /** Plain text; paragraphs separated by \n. */
  body: text(LIMITS.snippetBodyLength),
  /** '' = no folder. */
  folder: text(LIMITS.folderLength),
  tags: boundedArray(nonEmptyText(LIMITS.tagLength), LIMITS.tagsPerSnippet),
  /** Template section ids this snippet belongs to (e.g. 'main-work', 'problems', 'next-steps'). */
  sectionIds: boundedArray(IdSchema, LIMITS.sectionIdsPerSnippet),
  /** Variable names used in the body, derived from its {{…}} on every save. */
  variables: boundedArray(VariableNameSchema, LIMITS.variablesPerSnippet),
  /** origin → variable name → value remembered for that site. */
  siteValues: boundedRecord(OriginSchema, VariableValuesSchema, LIMITS.sitesPerSnippet),
  useCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastUsedAt: v.nullable(TimestampSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Snippet = v.InferOutput<typeof SnippetSchema>;

export const SnippetsSchema = v.pipe(
  boundedArray(SnippetSchema, LIMITS.snippets),
  v.check((list) => new Set(list.map((s) => s.id)).size === list.length, 'duplicate snippet id'),
);

// ---- user templates ----

/**
 * Whether `value` is plain JSON data within the template limits. The section shape belongs to
 * lib/core/template; storage only makes sure it is bounded data, not what it means.
 */
export function isBoundedJson(value: unknown, depth = 0): boolean {
  if (depth > LIMITS.templateSectionDepth) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= LIMITS.templateStringLength;
  if (Array.isArray(value)) {
    return value.length <= LIMITS.templateContainerLength && value.every((item) => isBoundedJson(item, depth + 1));
  }
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
    const keys = Object.keys(value);
    return (
      keys.length <= LIMITS.templateContainerLength &&
      keys.every(
        (key) =>
          key.length <= LIMITS.idLength &&
          !FORBIDDEN_KEYS.has(key) &&
          isBoundedJson((value as Record<string, unknown>)[key], depth + 1),
      )
    );
  }
  return false;
}

export const TemplateSectionSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'section must be an object',
  ),
  v.check((section) => isBoundedJson(section), 'section exceeds limits'),
);

export const UserTemplateSchema = v.strictObject({
  id: IdSchema,
  name: nonEmptyText(LIMITS.templateNameLength),
  reportKinds: boundedArray(nonEmptyText(LIMITS.templateNameLength), LIMITS.reportKindsPerTemplate),
  sections: boundedArray(TemplateSectionSchema, LIMITS.sectionsPerTemplate),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type UserTemplate = v.InferOutput<typeof UserTemplateSchema>;

export const TemplatesSchema = v.pipe(
  boundedArray(UserTemplateSchema, LIMITS.templates),
  v.check((list) => new Set(list.map((t) => t.id)).size === list.length, 'duplicate template id'),
);

// ---- site profiles ----

/**
 * A report period the user set for a site (检查 tab), in the engine's shape (ReportPeriod, lib/core/types.ts):
 * the years lib/core/period.ts accepts, and 1 = 上半年, 2 = 下半年, no half = 全年.
 */
export const ReportPeriodSchema = v.strictObject({
  year: v.pipe(v.number(), v.integer(), v.minValue(1949), v.maxValue(2199)),
  half: v.optional(v.picklist([1, 2])),
});

export const SiteProfileSchema = v.strictObject({
  enabled: v.boolean(),
  /** Glob on the path ('*' = every page of the origin) where the panel applies. */
  pathPattern: text(LIMITS.pathPatternLength),
  panelWidth: v.pipe(v.number(), v.integer(), v.minValue(PANEL_WIDTH.min), v.maxValue(PANEL_WIDTH.max)),
  panelCollapsed: v.boolean(),
  templateId: v.nullable(IdSchema),
  /** Field key (from lib/dom) → template section id. */
  fieldSectionMap: boundedRecord(FieldKeySchema, IdSchema, LIMITS.fieldsPerSite),
  variables: VariableValuesSchema,
  /** null = follow Settings.submitGuard. */
  submitGuard: v.nullable(v.boolean()),
  /** null = follow Settings.draftAutosave. */
  draftAutosave: v.nullable(v.boolean()),
  /**
   * The report period the user chose for the site; absent = detect it from the form or the report. Optional, so
   * every profile stored before it existed is still a valid v1 value: no version bump, no migration.
   */
  reportPeriod: v.optional(ReportPeriodSchema),
  /**
   * 上期重复率/范文相似度 above this percentage is a warning the submit guard lists (issue 13); absent or 0 = off.
   * Optional, so profiles stored before it existed stay valid v1 values.
   */
  copyThreshold: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  updatedAt: TimestampSchema,
});
export type SiteProfile = v.InferOutput<typeof SiteProfileSchema>;

export const SiteProfilesSchema = boundedRecord(OriginSchema, SiteProfileSchema, LIMITS.siteProfiles);
export type SiteProfiles = v.InferOutput<typeof SiteProfilesSchema>;

// ---- drafts ----

/** A field's text from before the current page load, kept when that page's first save would replace it. */
export const EarlierDraftSchema = v.strictObject({
  text: text(LIMITS.draftTextLength),
  savedAt: TimestampSchema,
  /** The text had been submitted (Draft.submittedAt) before a new page load replaced it. */
  submittedAt: v.optional(TimestampSchema),
});
export type EarlierDraft = v.InferOutput<typeof EarlierDraftSchema>;

/** Why a field's latest text was not saved as a draft; the user is told in the panel and the options page. */
export const UnsavedDraftSchema = v.strictObject({
  reason: v.picklist(['tooLong', 'siteFull']),
  at: TimestampSchema,
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type UnsavedDraft = v.InferOutput<typeof UnsavedDraftSchema>;

export const DraftSchema = v.strictObject({
  text: text(LIMITS.draftTextLength),
  savedAt: TimestampSchema,
  /** Offered back instead of `text` until restored or discarded (lib/storage/drafts.ts saveDraft). */
  earlier: v.optional(EarlierDraftSchema),
  pageUrl: text(LIMITS.pageUrlLength),
  fieldLabel: text(LIMITS.fieldLabelLength),
  /**
   * When the page submitted its form with this text (issue 9): the draft is kept, marked, until it expires like
   * any other. Optional, so drafts stored before it existed are still valid v1 values.
   */
  submittedAt: v.optional(TimestampSchema),
  /**
   * The field's latest text was not saved (lib/storage/drafts.ts saveDraftBatch): longer than a draft may be, or
   * the site's drafts are full. `text` is still the last text that was saved; `length` the refused one's.
   */
  unsaved: v.optional(UnsavedDraftSchema),
});
export type Draft = v.InferOutput<typeof DraftSchema>;

export const DraftsSchema = boundedRecord(
  OriginSchema,
  boundedRecord(FieldKeySchema, DraftSchema, LIMITS.draftsPerSite),
  LIMITS.draftSites,
);
export type Drafts = v.InferOutput<typeof DraftsSchema>;

// ---- report history ----

/** One field of a submitted report: its key, label and text as submitted. */
export const ReportRecordFieldSchema = v.strictObject({
  key: FieldKeySchema,
  label: text(LIMITS.fieldLabelLength),
  text: text(LIMITS.draftTextLength),
});
export type ReportRecordField = v.InferOutput<typeof ReportRecordFieldSchema>;

/** A report as submitted (the guard saw the submit go through, or the user marked it 已提交). */
export const ReportRecordSchema = v.strictObject({
  id: IdSchema,
  origin: OriginSchema,
  /** The form: the page's path (no query), as drafts compare pages. */
  path: text(LIMITS.pageUrlLength),
  period: v.optional(ReportPeriodSchema),
  submittedAt: TimestampSchema,
  source: v.picklist(['guard', 'user']),
  /** Kept by the user: not removed with the drafts' retention. */
  kept: v.optional(v.boolean()),
  fields: boundedArray(ReportRecordFieldSchema, LIMITS.fieldsPerRecord),
});
export type ReportRecord = v.InferOutput<typeof ReportRecordSchema>;

export const ReportHistorySchema = v.pipe(
  boundedArray(ReportRecordSchema, LIMITS.reportRecords),
  v.check((records) => new Set(records.map((r) => r.id)).size === records.length, 'duplicate id'),
);
export type ReportHistory = v.InferOutput<typeof ReportHistorySchema>;

// ---- the user's sample texts ----

/** A sample text the user added (a 范文 they were given): 范文相似度 compares reports with it too. */
export const ReferenceTextSchema = v.strictObject({
  id: IdSchema,
  title: nonEmptyText(LIMITS.referenceTitleLength),
  text: nonEmptyText(LIMITS.referenceTextLength),
  addedAt: TimestampSchema,
});
export type ReferenceText = v.InferOutput<typeof ReferenceTextSchema>;

export const ReferenceTextsSchema = v.pipe(
  boundedArray(ReferenceTextSchema, LIMITS.referenceTexts),
  v.check((texts) => new Set(texts.map((r) => r.id)).size === texts.length, 'duplicate id'),
);
export type ReferenceTexts = v.InferOutput<typeof ReferenceTextsSchema>;

/** A dotted path to the first issue, e.g. `snippets.3.title`, for messages and errors. */
export function issuePath(issues: readonly v.BaseIssue<unknown>[] | undefined): string {
  const first = issues?.[0];
  if (!first?.path) return '';
  return first.path.map((item) => String(item.key)).join('.');
}
