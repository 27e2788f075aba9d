// Snippet CRUD. The variables a snippet uses are derived from its body ({{单位名称}}) on every save, so the
// list can never disagree with the text.
import { readItem, snippetsItem } from './items';
import { getManagedConfig, isManaged, MANAGED_ID_PREFIX, watchManaged, type ManagedConfig } from './managed';
import { StorageNotFoundError } from './errors';
import type { Snippet } from './schemas';
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

/** The unit's snippets (单位统一配置) as list entries: read-only, marked `managed: true`, never stored. */
export function managedSnippets(config: ManagedConfig | undefined): Snippet[] {
  return (config?.snippets ?? []).map((input) => {
    const body = normaliseBody(input.body);
    const snippet: Snippet & { managed: true } = {
      id: MANAGED_ID_PREFIX + input.id,
      title: input.title,
      body,
      folder: input.folder.trim(),
      tags: cleanList(input.tags),
      sectionIds: cleanList(input.sectionIds),
      variables: extractVariables(body),
      siteValues: {},
      useCount: 0,
      lastUsedAt: null,
      createdAt: 0,
      updatedAt: 0,
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
  const body = normaliseBody(input.body);
  const snippet: Snippet = {
    id: crypto.randomUUID(),
    title: input.title.trim(),
    body,
    folder: (input.folder ?? '').trim(),
    tags: cleanList(input.tags),
    sectionIds: cleanList(input.sectionIds),
    variables: extractVariables(body),
    siteValues: {},
    useCount: 0,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
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
