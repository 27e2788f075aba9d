// Backup and restore of every item as one JSON file.
//
// Restore checks the whole file before writing anything — size, JSON syntax, nesting depth, forbidden keys,
// the envelope, each item's version and each item's schema — and then writes every item in ONE
// storage.local.set, so a restore either replaces all items or changes nothing. Failures come back as
// `{ ok: false, messageId, params }`, never as a throw, because the options page shows them to the user.
import * as v from 'valibot';
import { t } from '../i18n';
import { StorageFullError } from './errors';
import {
  ITEMS,
  ITEM_NAMES,
  asideKey,
  itemStateOf,
  metaKey,
  readItem,
  readStored,
  type ItemDef,
  type ItemName,
  type ItemValues,
} from './items';
import { mergeSetAside, parseSetAside, type SetAsideEntry } from './asideRecords';
import { listSetAside } from './setAside';
import { migrateValue } from './migrations';
import { FORBIDDEN_KEYS, LIMITS, TimestampSchema, issuePath } from './schemas';
import { itemEntries, setAsideEntries, withItemLocks, writeValues } from './write';

export const BACKUP_FORMAT = 'tianbao-backup';
export const BACKUP_VERSION = 1;
/** Largest file restore accepts (UTF-8 bytes). Export refuses to produce a bigger one. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
/** Deepest nesting a genuine backup reaches is 8 (items → templates → sections → …); allow some slack. */
export const MAX_BACKUP_DEPTH = 24;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  items: { [K in ItemName]: { version: number; value: ItemValues[K] } };
  /**
   * Stored entries this build does not use (failed its check, or written by a newer build), verbatim. Present
   * only when there are some; restore puts them back aside, never into the items.
   */
  setAside?: SetAsideEntry[];
}

/** How much each item holds: 1 for settings, the number of entries for the others (drafts: all fields). */
export type BackupSummary = Record<ItemName, number>;

export type BackupMessageParams = Record<string, string | number>;

export interface BackupFailure {
  ok: false;
  messageId: string;
  params: BackupMessageParams;
}

export interface BackupInspection {
  ok: true;
  exportedAt: string;
  summary: BackupSummary;
  values: ItemValues;
  /** Items the file does not hold (a backup from before they existed): restore leaves them as stored. */
  absent?: ItemName[];
  setAside: SetAsideEntry[];
}

export interface RestoreSuccess {
  ok: true;
  messageId: 'storage.restore.done';
  params: BackupMessageParams;
  summary: BackupSummary;
}

export class BackupTooLargeError extends Error {
  override readonly name = 'BackupTooLargeError';
  readonly messageId = 'storage.export.tooLarge';
  readonly params: BackupMessageParams;
  constructor(bytes: number) {
    super(`Backup would be ${bytes} bytes, over the ${MAX_BACKUP_BYTES} limit`);
    this.params = { sizeMb: toMb(bytes), limitMb: toMb(MAX_BACKUP_BYTES) };
  }
}

const toMb = (bytes: number) => Math.ceil((bytes / 1024 / 1024) * 10) / 10;

/** UTF-8 length without allocating the encoded copy (a 20 MB string would mean 60 MB of bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function summarize(values: ItemValues): BackupSummary {
  return {
    settings: 1,
    snippets: values.snippets.length,
    templates: values.templates.length,
    siteProfiles: Object.keys(values.siteProfiles).length,
    drafts: Object.values(values.drafts).reduce((sum, fields) => sum + Object.keys(fields).length, 0),
    reportHistory: values.reportHistory.length,
    references: values.references.length,
  };
}

async function readAll(): Promise<ItemValues> {
  const [settings, snippets, templates, siteProfiles, drafts, reportHistory, references] = await Promise.all([
    readItem(ITEMS.settings),
    readItem(ITEMS.snippets),
    readItem(ITEMS.templates),
    readItem(ITEMS.siteProfiles),
    readItem(ITEMS.drafts),
    readItem(ITEMS.reportHistory),
    readItem(ITEMS.references),
  ]);
  return { settings, snippets, templates, siteProfiles, drafts, reportHistory, references };
}

/** What is stored now, counted the way a backup is (for the restore confirmation). */
export async function summarizeStoredData(): Promise<BackupSummary> {
  return summarize(await readAll());
}

/** Every item as one JSON text. Throws BackupTooLargeError rather than write a file restore would refuse. */
export async function exportBackup(now = new Date()): Promise<string> {
  const [values, { entries: setAside }] = await Promise.all([readAll(), listSetAside()]);
  const items = Object.fromEntries(
    ITEM_NAMES.map((name) => [name, { version: ITEMS[name].version, value: values[name] }]),
  ) as BackupFile['items'];
  const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), items };
  // A backup must not be the one place where kept-aside entries get lost (a reinstall, a new computer).
  if (setAside.length > 0) file.setAside = setAside;
  const text = JSON.stringify(file, null, 1);
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_BACKUP_BYTES) throw new BackupTooLargeError(bytes);
  return text;
}

/** `tianbao-backup-2026-11-28.json`, in local time. */
export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tianbao-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

const fail = (messageId: string, params: BackupMessageParams = {}): BackupFailure => ({ ok: false, messageId, params });

/**
 * Walks parsed JSON without recursion (a hostile file can nest a million arrays) and reports the first
 * forbidden key or a nesting deeper than MAX_BACKUP_DEPTH.
 */
function findHostileStructure(root: unknown): BackupFailure | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BACKUP_DEPTH) return fail('storage.restore.tooDeep', { limit: MAX_BACKUP_DEPTH });
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return fail('storage.restore.forbiddenKey', { key });
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Whether the JSON text nests arrays/objects deeper than `limit`, read straight off the text: parsing a
 * million nested arrays takes seconds and memory before any check could run on the result.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

const ItemEnvelopeSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  value: v.unknown(),
});

const SetAsideRecordSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  item: v.picklist(ITEM_NAMES),
  reason: v.picklist(['invalid', 'newer']),
  key: v.pipe(v.string(), v.maxLength(2_000)),
  path: v.pipe(v.string(), v.maxLength(2_000)),
  // Verbatim by definition: bounded only by the file's size and depth checks above.
  value: v.unknown(),
  setAsideAt: v.nullable(TimestampSchema),
});

/** At most one record per stored entry this build could ever hold, twice over. */
const MAX_SET_ASIDE = 2 * (LIMITS.snippets + LIMITS.templates + LIMITS.siteProfiles + LIMITS.draftSites * LIMITS.draftsPerSite);

const EnvelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  items: v.strictObject({
    settings: ItemEnvelopeSchema,
    snippets: ItemEnvelopeSchema,
    templates: ItemEnvelopeSchema,
    siteProfiles: ItemEnvelopeSchema,
    drafts: ItemEnvelopeSchema,
    // Backups made before the report history and the user's sample texts existed have none: restoring them leaves
    // the stored ones alone.
    reportHistory: v.optional(ItemEnvelopeSchema),
    references: v.optional(ItemEnvelopeSchema),
  }),
  setAside: v.optional(v.pipe(v.array(SetAsideRecordSchema), v.maxLength(MAX_SET_ASIDE))),
});

const itemLabel = (name: ItemName) => t(`storage.item.${name}`);

function checkItem<T>(def: ItemDef<T>, envelope: { version: number; value: unknown }): T | BackupFailure {
  if (envelope.version > def.version) {
    return fail('storage.restore.itemNewer', { item: itemLabel(def.name), version: envelope.version });
  }
  let value: unknown;
  try {
    value = migrateValue(envelope.value, envelope.version, def.version, def.migrations);
  } catch {
    return fail('storage.restore.invalid', { item: itemLabel(def.name), path: '-' });
  }
  const parsed = v.safeParse(def.schema, value);
  if (!parsed.success) {
    return fail('storage.restore.invalid', { item: itemLabel(def.name), path: issuePath(parsed.issues) || '-' });
  }
  return parsed.output;
}

const isFailure = (value: unknown): value is BackupFailure =>
  typeof value === 'object' && value !== null && (value as BackupFailure).ok === false;

/** Checks a backup text completely without writing anything. */
export function inspectBackup(text: unknown): BackupInspection | BackupFailure {
  if (typeof text !== 'string') return fail('storage.restore.notJson');
  const limitMb = toMb(MAX_BACKUP_BYTES);
  // Every character is at least one byte: a longer string is too large without counting.
  if (text.length > MAX_BACKUP_BYTES) return fail('storage.restore.tooLarge', { sizeMb: toMb(text.length), limitMb });
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_BACKUP_BYTES) return fail('storage.restore.tooLarge', { sizeMb: toMb(bytes), limitMb });
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail('storage.restore.empty');

  if (nestsDeeperThan(trimmed, MAX_BACKUP_DEPTH)) return fail('storage.restore.tooDeep', { limit: MAX_BACKUP_DEPTH });

  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // A backup is one object: text that starts like one but does not end like one was cut off.
    return trimmed.startsWith('{') && !trimmed.endsWith('}')
      ? fail('storage.restore.truncated')
      : fail('storage.restore.notJson');
  }

  const hostile = findHostileStructure(parsed);
  if (hostile) return hostile;

  const head = parsed as { format?: unknown; version?: unknown };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || head.format !== BACKUP_FORMAT) {
    return fail('storage.restore.wrongFormat');
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > BACKUP_VERSION) {
    return fail('storage.restore.newerVersion', { version: head.version });
  }
  if (head.version !== BACKUP_VERSION) return fail('storage.restore.wrongFormat');

  const envelope = v.safeParse(EnvelopeSchema, parsed);
  if (!envelope.success) {
    return fail('storage.restore.invalid', { item: t('storage.item.file'), path: issuePath(envelope.issues) || '-' });
  }

  const values: Partial<Record<ItemName, unknown>> = {};
  const absent: ItemName[] = [];
  for (const name of ITEM_NAMES) {
    const itemEnvelope = envelope.output.items[name];
    if (itemEnvelope === undefined) {
      absent.push(name);
      values[name] = structuredClone(ITEMS[name].fallback);
      continue;
    }
    const checked = checkItem(ITEMS[name] as ItemDef<unknown>, itemEnvelope);
    if (isFailure(checked)) return checked;
    values[name] = checked;
  }
  const complete = values as ItemValues;
  return {
    ok: true,
    exportedAt: envelope.output.exportedAt,
    summary: summarize(complete),
    values: complete,
    ...(absent.length > 0 ? { absent } : {}),
    setAside: (envelope.output.setAside ?? []) as SetAsideEntry[],
  };
}

/**
 * Replaces every item with the backup's, or changes nothing. Storage quota and write failures come back
 * as messages too.
 */
export async function restoreBackup(text: unknown): Promise<RestoreSuccess | BackupFailure> {
  const inspection = inspectBackup(text);
  if (!inspection.ok) return inspection;
  const restored = ITEM_NAMES.filter((name) => !inspection.absent?.includes(name));
  const keys = restored.map((name) => ITEMS[name].storageKey);
  return withItemLocks(keys, async () => {
    let entries: Record<string, unknown> = {};
    const now = Date.now();
    for (const name of restored) {
      const def = ITEMS[name] as ItemDef<unknown>;
      const stored = await readStored(def);
      const state = itemStateOf(def, stored[def.storageKey], stored[metaKey(def)]);
      // Replacing an item a newer build saved would lose what this build cannot read: ask for the update.
      if (state.newer) return fail('storage.restore.storedNewer', { item: itemLabel(name) });
      // Entries of the current item this build does not use are kept aside, as every write of it does, and so
      // are the file's own kept-aside entries.
      const fromFile = inspection.setAside
        .filter((entry) => entry.item === name)
        .map((entry) => ({ ...entry, setAsideAt: entry.setAsideAt ?? now }));
      const aside = setAsideEntries(def, state, stored[asideKey(def)], now);
      const merged = mergeSetAside(parseSetAside(name, aside[asideKey(def)] ?? stored[asideKey(def)]), fromFile);
      entries = {
        ...entries,
        ...itemEntries(def, inspection.values[name]),
        ...(merged.length > 0 ? { [asideKey(def)]: merged } : {}),
      };
    }
    try {
      await writeValues(entries);
    } catch (error) {
      if (error instanceof StorageFullError) return fail('storage.restore.full');
      console.error('[tianbao] restore failed', error);
      return fail('storage.restore.failed');
    }
    const summary = inspection.summary;
    return {
      ok: true as const,
      messageId: 'storage.restore.done' as const,
      params: { snippets: summary.snippets, templates: summary.templates, sites: summary.siteProfiles, drafts: summary.drafts },
      summary,
    };
  });
}
