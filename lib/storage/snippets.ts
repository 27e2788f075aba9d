// Snippet CRUD. The variables a snippet uses are derived from its body ({{单位名称}}) on every save, so the
// list can never disagree with the text.
import * as v from 'valibot';
import { readItem, snippetsItem } from './items';
import { getManagedConfig, isManaged, MANAGED_ID_PREFIX, watchManaged, type ManagedConfig } from './managed';
import { StorageNotFoundError } from './errors';
import { issuePath, LIMITS, SnippetSchema, type Snippet } from './schemas';
import { updateItem } from './write';

export interface SnippetInput {
  title: string;
  body: string;
  folder?: string;
  tags?: readonly string[];
  sectionIds?: readonly string[];
}

/** Names inside {{…}} in order of first use, without duplicates. */
export function extractVariables(body: string): string[] {
  const names = [...body.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((match) => match[1]!);
  return [...new Set(names)];
}

/** Windows and old-Mac line ends become \n: a paragraph is a line. */
const normaliseBody = (body: string) => body.replace(/\r\n?/g, '\n');
const cleanList = (items: readonly string[] | undefined) => [
  ...new Set((items ?? []).map((item) => item.trim()).filter(Boolean)),
];

/**
 * A snippet as it is first listed: its body's line ends normalised, its tags and sections trimmed and each kept
 * once, its variables read from the body, never used, made and last changed at `now`.
 */
function newSnippet(
  id: string,
  input: { title: string; body: string; folder: string; tags?: readonly string[]; sectionIds?: readonly string[] },
  now: number,
): Snippet {
  const body = normaliseBody(input.body);
  return {
    id,
    title: input.title,
    body,
    folder: input.folder,
    tags: cleanList(input.tags),
    sectionIds: cleanList(input.sectionIds),
    variables: extractVariables(body),
    siteValues: {},
    useCount: 0,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The unit's snippets (单位统一配置) as list entries: read-only, marked `managed: true`, never stored. */
export function managedSnippets(config: ManagedConfig | undefined): Snippet[] {
  return (config?.snippets ?? []).map((input) => {
    const snippet: Snippet & { managed: true } = {
      ...newSnippet(MANAGED_ID_PREFIX + input.id, { ...input, folder: input.folder.trim() }, 0),
      managed: true,
    };
    return snippet;
  });
}

/** The unit's snippets first (isManaged() tells them apart), then the user's own. */
export async function listSnippets(): Promise<Snippet[]> {
  const [own, config] = await Promise.all([readItem(snippetsItem), getManagedConfig()]);
  return [...managedSnippets(config), ...own];
}

/** The listed managed snippet with `id`, if it is one: its use is not counted and nothing about it is stored. */
async function managedSnippet(id: string): Promise<Snippet | undefined> {
  if (!id.startsWith(MANAGED_ID_PREFIX)) return undefined;
  return managedSnippets(await getManagedConfig()).find((snippet) => snippet.id === id && isManaged(snippet));
}

export async function getSnippet(id: string): Promise<Snippet | undefined> {
  return (await listSnippets()).find((snippet) => snippet.id === id);
}

export async function createSnippet(input: SnippetInput, now = Date.now()): Promise<Snippet> {
  const snippet = newSnippet(crypto.randomUUID(), { ...input, title: input.title.trim(), folder: (input.folder ?? '').trim() }, now);
  await updateItem(snippetsItem, (list) => [...list, snippet]);
  return snippet;
}

/** Applies `change` to the snippet with `id`; throws StorageNotFoundError when there is none. */
async function changeSnippet(id: string, change: (snippet: Snippet) => Snippet): Promise<Snippet> {
  let changed: Snippet | undefined;
  await updateItem(snippetsItem, (list) => {
    const index = list.findIndex((snippet) => snippet.id === id);
    if (index < 0) {
      changed = undefined;
      return list;
    }
    changed = change(list[index]!);
    return list.map((snippet, i) => (i === index ? changed! : snippet));
  });
  if (!changed) throw new StorageNotFoundError('snippets', id);
  return changed;
}

export function updateSnippet(id: string, patch: Partial<SnippetInput>, now = Date.now()): Promise<Snippet> {
  return changeSnippet(id, (snippet) => {
    const body = patch.body === undefined ? snippet.body : normaliseBody(patch.body);
    return {
      ...snippet,
      title: patch.title === undefined ? snippet.title : patch.title.trim(),
      body,
      folder: patch.folder === undefined ? snippet.folder : patch.folder.trim(),
      tags: patch.tags === undefined ? snippet.tags : cleanList(patch.tags),
      sectionIds: patch.sectionIds === undefined ? snippet.sectionIds : cleanList(patch.sectionIds),
      variables: extractVariables(body),
      updatedAt: now,
    };
  });
}

export async function deleteSnippet(id: string): Promise<boolean> {
  let found = false;
  await updateItem(snippetsItem, (list) => {
    const kept = list.filter((snippet) => snippet.id !== id);
    found = kept.length !== list.length;
    return found ? kept : list;
  });
  return found;
}

/** Counts one insertion of the snippet (for "recent" and "most used" ordering). */
export async function recordSnippetUse(id: string, now = Date.now()): Promise<Snippet> {
  const managed = await managedSnippet(id);
  if (managed) return managed;
  return changeSnippet(id, (snippet) => ({ ...snippet, useCount: snippet.useCount + 1, lastUsedAt: now }));
}

/** Remembers the variable values used for this snippet on `origin` (merged into what is stored). */
export async function setSnippetSiteValues(
  id: string,
  origin: string,
  values: Record<string, string>,
): Promise<Snippet> {
  const managed = await managedSnippet(id);
  if (managed) return managed;
  return changeSnippet(id, (snippet) => ({
    ...snippet,
    siteValues: { ...snippet.siteValues, [origin]: { ...snippet.siteValues[origin], ...values } },
  }));
}

/** Most recently used first; never-used snippets last, newest first. */
export async function listRecentSnippets(limit = 10): Promise<Snippet[]> {
  const list = await listSnippets();
  return list
    .filter((snippet) => snippet.lastUsedAt !== null)
    .sort((a, b) => b.lastUsedAt! - a.lastUsedAt!)
    .slice(0, limit);
}

export function watchSnippets(callback: (snippets: Snippet[]) => void): () => void {
  const reload = () => void listSnippets().then(callback);
  const stopOwn = snippetsItem.item.watch(reload);
  const stopManaged = watchManaged(reload);
  return () => {
    stopOwn();
    stopManaged();
  };
}

// ---- ordering ----

const DAY_MS = 24 * 60 * 60 * 1000;
/** A use a week ago weighs half as much as one today. */
const RECENCY_HALF_LIFE_DAYS = 7;
/** What a use today adds, against log2(1 + uses) for the count: used today beats used often long ago. */
const RECENCY_WEIGHT = 4;

/** How likely the snippet is wanted next: its uses (counted with diminishing weight) and how recent the last one was. */
export function snippetUseScore(snippet: Pick<Snippet, 'useCount' | 'lastUsedAt'>, now = Date.now()): number {
  const count = Math.log2(1 + Math.max(0, snippet.useCount));
  if (snippet.lastUsedAt === null) return count;
  const days = Math.max(0, now - snippet.lastUsedAt) / DAY_MS;
  return count + RECENCY_WEIGHT * 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
}

const byTitle = new Intl.Collator('zh-Hans-CN');

/** Recent and frequent first (snippetUseScore), then by title: the list with nothing typed in the search. */
export function orderByUse<T extends Pick<Snippet, 'useCount' | 'lastUsedAt' | 'title'>>(list: readonly T[], now = Date.now()): T[] {
  return list
    .map((snippet) => ({ snippet, score: snippetUseScore(snippet, now) }))
    .sort((a, b) => b.score - a.score || byTitle.compare(a.snippet.title, b.snippet.title))
    .map((entry) => entry.snippet);
}

// ---- snippet packs ----
// A pack is a JSON file of snippets to share with colleagues: titles, bodies, folders, tags and sections only
// (no use counts, no values remembered for sites). It is separate from the full backup (backup.ts), which
// restores everything; a pack only adds snippets, or replaces the user's own.

export const SNIPPET_PACK_FORMAT = 'tianbao-snippet-pack';
export const SNIPPET_PACK_VERSION = 1;

const PackSnippetSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.snippetTitleLength)),
  body: SnippetSchema.entries.body,
  folder: v.optional(SnippetSchema.entries.folder, ''),
  tags: v.optional(SnippetSchema.entries.tags, []),
  sectionIds: v.optional(SnippetSchema.entries.sectionIds, []),
});
export type PackSnippet = v.InferOutput<typeof PackSnippetSchema>;

export const SnippetPackSchema = v.object({
  format: v.literal(SNIPPET_PACK_FORMAT),
  version: v.literal(SNIPPET_PACK_VERSION),
  exportedAt: v.optional(v.number()),
  snippets: v.pipe(v.array(PackSnippetSchema), v.maxLength(LIMITS.snippets)),
});
export type SnippetPack = v.InferOutput<typeof SnippetPackSchema>;

/** The pack of `snippets` (the unit's managed ones are not the user's to hand on and are left out). */
export function snippetPack(snippets: readonly Snippet[], now = Date.now()): SnippetPack {
  return {
    format: SNIPPET_PACK_FORMAT,
    version: SNIPPET_PACK_VERSION,
    exportedAt: now,
    snippets: snippets
      .filter((snippet) => !isManaged(snippet))
      .map(({ title, body, folder, tags, sectionIds }) => ({ title, body, folder, tags: [...tags], sectionIds: [...sectionIds] })),
  };
}

export type PackParseResult =
  | { ok: true; pack: SnippetPack }
  /** notJson: not JSON at all; notPack: JSON, but no snippet pack (a backup, another file); invalid: at `path`. */
  | { ok: false; reason: 'notJson' | 'notPack' | 'invalid'; path?: string };

/** Reads a pack file's text. Nothing is stored. */
export function parseSnippetPack(text: string): PackParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  const looksLikePack =
    typeof data === 'object' && data !== null && (data as { format?: unknown }).format === SNIPPET_PACK_FORMAT;
  if (!looksLikePack) return { ok: false, reason: 'notPack' };
  const parsed = v.safeParse(SnippetPackSchema, data);
  if (!parsed.success) return { ok: false, reason: 'invalid', path: issuePath(parsed.issues) };
  return { ok: true, pack: parsed.output };
}

export interface PackImportResult {
  added: Snippet[];
  /** Titles of pack entries skipped because a snippet with the same title and body is already there. */
  duplicates: string[];
  /** How many of the user's own snippets a replace removed. */
  removed: number;
}

const sameKey = (snippet: Pick<Snippet, 'title' | 'body'>) => `${snippet.title.trim()}\u0000${normaliseBody(snippet.body)}`;

/**
 * Adds the pack's snippets (`merge`), or puts them in place of the user's own (`replace`; the unit's managed
 * snippets are not stored and stay). A snippet with the same title and body as one already kept (or an
 * earlier one of the pack) is skipped and reported. One write: on a storage error nothing has changed.
 */
export async function importSnippetPack(pack: SnippetPack, mode: 'merge' | 'replace', now = Date.now()): Promise<PackImportResult> {
  const config = await getManagedConfig();
  let result: PackImportResult = { added: [], duplicates: [], removed: 0 };
  await updateItem(snippetsItem, (list) => {
    const kept = mode === 'replace' ? [] : list;
    const seen = new Set([...kept, ...managedSnippets(config)].map(sameKey));
    const added: Snippet[] = [];
    const duplicates: string[] = [];
    for (const entry of pack.snippets) {
      const body = normaliseBody(entry.body);
      const key = sameKey({ title: entry.title, body });
      if (seen.has(key)) {
        duplicates.push(entry.title.trim());
        continue;
      }
      seen.add(key);
      added.push(newSnippet(crypto.randomUUID(), { ...entry, title: entry.title.trim(), folder: entry.folder.trim() }, now));
    }
    result = { added, duplicates, removed: mode === 'replace' ? list.length : 0 };
    return [...kept, ...added];
  });
  return result;
}
