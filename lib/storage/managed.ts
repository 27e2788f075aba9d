// 单位统一配置: what a unit's IT puts in the browser's enterprise policy for this extension (Windows registry or
// Group Policy, /etc/chromium/policies/managed on Linux, Firefox's policies.json), read from
// `browser.storage.managed`. It carries the unit's name, templates, 本单位规范写法 entries, rules and entries it
// switches off, snippets, the portal origins it recommends, locks (submit guard on, draft retention, rules that
// may not be switched off) and the public key signed packs must verify with.
//
// The value is checked whole: one bad part and none of it applies (the options page says what and where), so a
// desktop never runs half a configuration. Chromium checks the structure against public/managed-schema.json
// (generated from these schemas: tests/scripts/managed-docs.ts) and drops a top-level key that does not fit; so
// everything sits under one `config` key beside `version`, and a `version` without its `config` is reported as
// a value the browser refused. Without a policy (no schema, Firefox with none) the area is empty or throws:
// both read as "no configuration".
//
// Managed items are merged by the read functions of this folder (listSnippets, listUserTemplates,
// getRuleSettings, getSettings, getSiteProfile), marked `managed: true`, and never written to storage.local.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { parseTemplate, SectionSchema, TEMPLATE_SCHEMA_VERSION } from '../core/template/schema';
import {
  DRAFT_RETENTION_DAYS,
  IdSchema,
  LIMITS,
  OriginSchema,
  RuleIdSchema,
  type RuleSettings,
  type SiteProfile,
} from './schemas';

export const MANAGED_VERSION = 1;

/** Prefix of every managed item's id (templates, snippets, rule entries): never one the user's own items get. */
export const MANAGED_ID_PREFIX = 'unit-';

export const MANAGED_LIMITS = {
  unitNameLength: 100,
  templates: 50,
  entries: 2_000,
  snippets: 2_000,
  sites: 200,
  packKeyLength: 400,
} as const;

/** How long the first read may take before it counts as "no configuration" (Chromium: about 3 s at start-up). */
export const MANAGED_READ_TIMEOUT_MS = 8_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmptyText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const uniqueIds = <T extends { id: string }>(items: readonly T[]) => new Set(items.map((i) => i.id)).size === items.length;
/** An id the unit chooses: lower-case letters, digits and -, as template ids are. */
const UnitIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,50}$/, 'id: lower-case letters, digits and - (at most 51)'),
);
const lineText = (min: number, max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max), v.regex(/^[^\r\n]*$/, 'one line'));

export const ManagedTemplateSchema = v.strictObject({
  id: v.pipe(UnitIdSchema, v.description('模板编号（本配置内唯一）/ template id, unique here')),
  name: v.pipe(nonEmptyText(LIMITS.templateNameLength), v.description('模板名称 / name')),
  reportKinds: v.pipe(
    v.optional(list(nonEmptyText(LIMITS.templateNameLength), LIMITS.reportKindsPerTemplate), []),
    v.description('适用的报告种类（按标题选用）/ report kinds it is picked for by title'),
  ),
  sections: v.pipe(
    v.array(SectionSchema),
    v.minLength(1),
    v.maxLength(LIMITS.sectionsPerTemplate),
    v.description('各节，与用户模板相同（lib/core/template/schema.ts）/ sections, as user templates have'),
  ),
});

export const ManagedEntrySchema = v.strictObject({
  wrong: v.pipe(lineText(2, LIMITS.userEntryTextLength), v.description('不规范写法 / wording to flag')),
  right: v.pipe(lineText(1, LIMITS.userEntryTextLength), v.description('本单位规范写法 / the unit’s wording')),
  note: v.pipe(v.optional(text(LIMITS.userEntryNoteLength)), v.description('说明 / note shown with the finding')),
});

export const ManagedSnippetSchema = v.strictObject({
  id: v.pipe(UnitIdSchema, v.description('片段编号（本配置内唯一）/ snippet id, unique here')),
  title: v.pipe(nonEmptyText(LIMITS.snippetTitleLength), v.description('标题 / title')),
  body: v.pipe(text(LIMITS.snippetBodyLength), v.description('正文，可含 {{变量}} / text, may hold {{variables}}')),
  folder: v.pipe(v.optional(text(LIMITS.folderLength), ''), v.description('文件夹（片段包名）/ folder, e.g. the pack')),
  tags: v.pipe(
    v.optional(list(nonEmptyText(LIMITS.tagLength), LIMITS.tagsPerSnippet), []),
    v.description('标签 / tags'),
  ),
  sectionIds: v.pipe(
    v.optional(list(IdSchema, LIMITS.sectionIdsPerSnippet), []),
    v.description('所属模板节 / template sections it belongs to'),
  ),
});

export const ManagedSiteSchema = v.strictObject({
  origin: v.pipe(OriginSchema, v.description('门户地址 https://主机[:端口] / portal origin')),
  template: v.pipe(v.optional(UnitIdSchema), v.description('在该门户默认使用的单位模板编号 / unit template used there by default')),
});

export const ManagedLocksSchema = v.strictObject({
  submitGuard: v.pipe(v.optional(v.boolean()), v.description('true：提交前检查始终开启，不可关闭 / submit guard always on')),
  draftRetentionDays: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(DRAFT_RETENTION_DAYS.min), v.maxValue(DRAFT_RETENTION_DAYS.max))),
    v.description('草稿保留天数，固定 / draft retention, fixed'),
  ),
  requiredRules: v.pipe(
    v.optional(list(RuleIdSchema, LIMITS.disabledRules), []),
    v.description('不可关闭的规则编号 / rules that may not be switched off'),
  ),
});

export const ManagedConfigSchema = v.strictObject({
  unitName: v.pipe(v.optional(nonEmptyText(MANAGED_LIMITS.unitNameLength)), v.description('单位名称 / the unit’s name')),
  templates: v.pipe(
    v.optional(list(ManagedTemplateSchema, MANAGED_LIMITS.templates), []),
    v.check(uniqueIds, 'duplicate template id'),
    v.description('单位模板 / the unit’s templates'),
  ),
  entries: v.pipe(
    v.optional(list(ManagedEntrySchema, MANAGED_LIMITS.entries), []),
    v.check((items) => new Set(items.map((e) => e.wrong)).size === items.length, 'duplicate wrong wording'),
    v.description('本单位规范写法词条 / the unit’s wrong → right entries'),
  ),
  disabledRules: v.pipe(v.optional(list(RuleIdSchema, LIMITS.disabledRules), []), v.description('关闭的规则 / rules switched off')),
  disabledEntries: v.pipe(
    v.optional(list(RuleIdSchema, LIMITS.disabledEntries), []),
    v.description('关闭的内置词条 / pack entries switched off'),
  ),
  snippets: v.pipe(
    v.optional(list(ManagedSnippetSchema, MANAGED_LIMITS.snippets), []),
    v.check(uniqueIds, 'duplicate snippet id'),
    v.description('单位片段 / the unit’s snippets'),
  ),
  sites: v.pipe(
    v.optional(list(ManagedSiteSchema, MANAGED_LIMITS.sites), []),
    v.check((items) => new Set(items.map((s) => s.origin)).size === items.length, 'duplicate origin'),
    v.description('推荐启用的门户（浏览器仍会询问）/ portals recommended for enabling'),
  ),
  locks: v.pipe(v.optional(ManagedLocksSchema, {}), v.description('锁定项 / locks')),
  packKey: v.pipe(
    v.optional(v.pipe(v.string(), v.maxLength(MANAGED_LIMITS.packKeyLength), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'))),
    v.description('签名包公钥（base64 SPKI, ECDSA P-256）；设置后只接受以其签名的包 / pinned pack key'),
  ),
});

/** The whole policy value under the extension's id. */
export const ManagedPolicySchema = v.strictObject({
  version: v.pipe(v.literal(MANAGED_VERSION), v.description('配置格式版本，填 1 / format version: 1')),
  config: v.pipe(ManagedConfigSchema, v.description('单位统一配置 / the configuration')),
});

export type ManagedConfig = v.InferOutput<typeof ManagedConfigSchema>;
export type ManagedSnippetInput = v.InferOutput<typeof ManagedSnippetSchema>;
export type ManagedTemplateInput = v.InferOutput<typeof ManagedTemplateSchema>;

export type ManagedProblemKind = 'invalid' | 'newer' | 'refused';

export interface ManagedProblem {
  kind: ManagedProblemKind;
  /** Where, e.g. `config.snippets.2.title` ('' = the whole value). */
  path: string;
  /** The check's own words (valibot's message), for IT staff. */
  detail: string;
}

export interface ManagedState {
  /** The configuration in force; undefined without a policy or when it was refused. */
  config?: ManagedConfig;
  /** A policy value is set but not used, and why. */
  problem?: ManagedProblem;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pathOf = (issue: v.BaseIssue<unknown>) => (issue.path ?? []).map((item) => String(item.key)).join('.');

/** The policy value as read from storage.managed, checked whole. Pure: tests call it directly. */
export function parseManagedPolicy(raw: unknown): ManagedState {
  if (raw === undefined || raw === null || (isPlainObject(raw) && Object.keys(raw).length === 0)) return {};
  if (isPlainObject(raw) && typeof raw.version === 'number' && raw.version > MANAGED_VERSION) {
    return { problem: { kind: 'newer', path: 'version', detail: `version ${raw.version}` } };
  }
  if (isPlainObject(raw) && raw.version === MANAGED_VERSION && raw.config === undefined) {
    return { problem: { kind: 'refused', path: 'config', detail: 'config missing' } };
  }
  const parsed = v.safeParse(ManagedPolicySchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { problem: { kind: 'invalid', path: pathOf(issue), detail: issue.message } };
  }
  const config = parsed.output.config;
  // What valibot cannot say per field: each template as a whole engine template (unique section ids), and
  // every site's template naming one of the unit's templates.
  for (const [index, template] of config.templates.entries()) {
    const engine = parseTemplate(managedTemplateData(template));
    if (!engine.ok) {
      const first = engine.issues[0]!;
      return {
        problem: { kind: 'invalid', path: `config.templates.${index}${first.path ? `.${first.path}` : ''}`, detail: first.message },
      };
    }
  }
  const templateIds = new Set(config.templates.map((t) => t.id));
  const badSite = config.sites.findIndex((site) => site.template !== undefined && !templateIds.has(site.template));
  if (badSite >= 0) {
    return { problem: { kind: 'invalid', path: `config.sites.${badSite}.template`, detail: 'no template with this id' } };
  }
  return { config };
}

/** A managed template as the engine's template data (the shape parseTemplate checks). */
export function managedTemplateData(template: ManagedTemplateInput) {
  return {
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id: MANAGED_ID_PREFIX + template.id,
    version: 1,
    name: template.name,
    kinds: template.reportKinds.length > 0 ? template.reportKinds : [template.name],
    variant: 'derived' as const,
    sections: template.sections,
  };
}

/** Whether an item shown by a list function comes from the unit's configuration (read-only, 单位统一配置). */
export function isManaged(item: unknown): boolean {
  return isPlainObject(item) && item.managed === true;
}

/** Whether an id is a managed item's (template, snippet, rule entry). */
export const isManagedId = (id: string) => id.startsWith(MANAGED_ID_PREFIX);

/** The raw policy value, or undefined where the browser has none (Firefox without policy, no schema). */
async function readRaw(): Promise<unknown> {
  let area: { get(keys?: null): Promise<Record<string, unknown>> } | undefined;
  try {
    area = (browser.storage as unknown as { managed?: typeof area }).managed;
  } catch {
    return undefined;
  }
  if (!area || typeof area.get !== 'function') return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      area.get(null),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), MANAGED_READ_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The unit's configuration as this browser delivers it now, checked whole. */
export async function readManaged(): Promise<ManagedState> {
  return parseManagedPolicy(await readRaw());
}

/** The configuration in force, or undefined (none, or refused). */
export async function getManagedConfig(): Promise<ManagedConfig | undefined> {
  return (await readManaged()).config;
}

/** Calls `callback` whenever the policy value changes (Chromium: about 5 s after the file). Returns the unwatch. */
export function watchManaged(callback: () => void): () => void {
  const onChanged = browser.storage?.onChanged;
  if (!onChanged) return () => undefined;
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  onChanged.addListener(listener);
  return () => onChanged.removeListener(listener);
}

/** The effective draft retention and guard default under the locks. */
export function applyLocks<T extends { submitGuard: boolean; draftRetentionDays: number }>(settings: T, config?: ManagedConfig): T {
  if (!config) return settings;
  const next = { ...settings };
  if (config.locks.submitGuard === true) next.submitGuard = true;
  if (config.locks.draftRetentionDays !== undefined) next.draftRetentionDays = config.locks.draftRetentionDays;
  return next;
}

/** The unit's 本单位规范写法 entries as the engine's user entries, with managed ids (unit-1, unit-2 …). */
export function managedEntries(config: ManagedConfig | undefined): RuleSettings['userEntries'] {
  return (config?.entries ?? []).map((entry, index) => ({
    id: `${MANAGED_ID_PREFIX}${index + 1}`,
    wrong: entry.wrong,
    right: entry.right,
    ...(entry.note ? { note: entry.note } : {}),
  }));
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * The rule settings in force: the unit's entries before the user's (a user entry with the same wrong wording
 * gives way), the unit's switches added to the user's, and no switch at all for a rule the unit requires.
 */
export function mergeRuleSettings(own: RuleSettings, config: ManagedConfig | undefined): RuleSettings {
  if (!config) return own;
  const required = new Set(config.locks.requiredRules);
  const allowed = (ids: readonly string[]) => ids.filter((id) => !required.has(id));
  const unit = managedEntries(config);
  const unitWrong = new Set(unit.map((e) => e.wrong));
  return {
    version: own.version,
    disabledRules: allowed(union(own.disabledRules, config.disabledRules)),
    disabledEntries: union(own.disabledEntries, config.disabledEntries),
    userEntries: [...unit, ...own.userEntries.filter((e) => !unitWrong.has(e.wrong))],
    sites: Object.fromEntries(
      Object.entries(own.sites).map(([origin, site]) => [
        origin,
        { disabledRules: allowed(site.disabledRules), disabledEntries: [...site.disabledEntries] },
      ]),
    ),
  };
}

/**
 * What of `next` (the merged settings as the options page edited them) is the user's to store: never the unit's
 * entries, and a switch the unit set only where the user had set it too.
 */
export function ownRuleSettings(next: RuleSettings, stored: RuleSettings, config: ManagedConfig | undefined): RuleSettings {
  const userEntries = next.userEntries.filter((e) => !isManagedId(e.id));
  if (!config) return { ...next, userEntries };
  const unitRules = new Set(config.disabledRules);
  const unitEntries = new Set(config.disabledEntries);
  return {
    ...next,
    disabledRules: next.disabledRules.filter((id) => !unitRules.has(id) || stored.disabledRules.includes(id)),
    disabledEntries: next.disabledEntries.filter((id) => !unitEntries.has(id) || stored.disabledEntries.includes(id)),
    userEntries,
  };
}

/** A site's profile under the configuration: the unit's template where the user chose none, the guard lock. */
export function applyManagedSite(profile: SiteProfile, origin: string, config: ManagedConfig | undefined): SiteProfile {
  if (!config) return profile;
  const site = config.sites.find((s) => s.origin === origin);
  const next = { ...profile };
  if (site?.template && profile.templateId === null) next.templateId = MANAGED_ID_PREFIX + site.template;
  // The site's own "off" does not count under the lock: the global setting (locked on) decides.
  if (config.locks.submitGuard === true) next.submitGuard = null;
  return next;
}
