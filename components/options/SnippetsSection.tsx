import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import {
  STARTER_SECTION_IDS,
  isManaged,
  createSnippet as createSnippetDefault,
  deleteSnippet as deleteSnippetDefault,
  importSnippetPack as importSnippetPackDefault,
  listSnippets as listSnippetsDefault,
  parseSnippetPack,
  snippetPack,
  updateSnippet as updateSnippetDefault,
  watchSnippets as watchSnippetsDefault,
  type Snippet,
  type SnippetInput,
  type SnippetPack,
} from '@/lib/storage';
import { ManagedBadge } from './ManagedSection';

export interface SnippetsSectionProps {
  listSnippets?: typeof listSnippetsDefault;
  createSnippet?: (input: SnippetInput) => Promise<Snippet>;
  updateSnippet?: (id: string, patch: Partial<SnippetInput>) => Promise<Snippet>;
  deleteSnippet?: typeof deleteSnippetDefault;
  watchSnippets?: typeof watchSnippetsDefault;
  importSnippetPack?: typeof importSnippetPackDefault;
  /** Hands a file to the user (default: a download from the options page). */
  download?: (filename: string, text: string) => void;
}

function downloadFile(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** tianbao-snippets-20260315.json */
function packFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tianbao-snippets-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

/** The section ids offered as checkboxes, with their message ids. */
const SECTION_CHOICES: ReadonlyArray<[string, string]> = [
  [STARTER_SECTION_IDS.opening, 'storage.snippets.section.opening'],
  [STARTER_SECTION_IDS.mainWork, 'storage.snippets.section.mainWork'],
  [STARTER_SECTION_IDS.problems, 'storage.snippets.section.problems'],
  [STARTER_SECTION_IDS.nextSteps, 'storage.snippets.section.nextSteps'],
];

interface Draft {
  id?: string;
  title: string;
  body: string;
  folder: string;
  tags: string;
  sectionIds: string[];
}

const emptyDraft = (): Draft => ({ title: '', body: '', folder: '', tags: '', sectionIds: [] });

/** 标签 are typed as one line; Chinese and Western commas, 、 and spaces all separate them. */
const splitTags = (text: string) => text.split(/[,，、;；\s]+/).map((tag) => tag.trim()).filter(Boolean);

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'messageId' in error && typeof error.messageId === 'string') {
    const params = 'params' in error ? (error.params as Record<string, string | number>) : undefined;
    return t(error.messageId, params);
  }
  return t('storage.snippets.saveFailed');
}

function matches(snippet: Snippet, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [snippet.title, snippet.body, snippet.folder, ...snippet.tags].some((text) => text.toLowerCase().includes(q));
}

/** How long the list must stay unchanged before a change made elsewhere is shown. */
const REFRESH_AFTER_MS = 150;

/** 片段库: list, search, add, edit and delete snippets. Changes made in other tabs show up as they happen. */
export function SnippetsSection({
  listSnippets = listSnippetsDefault,
  createSnippet = createSnippetDefault,
  updateSnippet = updateSnippetDefault,
  deleteSnippet = deleteSnippetDefault,
  watchSnippets = watchSnippetsDefault,
  importSnippetPack = importSnippetPackDefault,
  download = downloadFile,
}: SnippetsSectionProps) {
  const [snippets, setSnippets] = useState<Snippet[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Draft | undefined>(undefined);
  const [confirmDelete, setConfirmDelete] = useState<Snippet | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | undefined>(undefined);
  /** Ids of the user's snippets ticked for 导出所选. */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** A pack file read and checked, waiting for the user to choose merge or replace. */
  const [importing, setImporting] = useState<{ file: string; pack: SnippetPack } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    listSnippets()
      .then((list) => live && setSnippets(list))
      .catch(() => live && setMessage({ kind: 'alert', text: t('storage.snippets.loadFailed') }));
    // Another context may change the list many times in a row (a restore, the panel, the background): show the
    // latest list once the burst is over instead of re-rendering every entry on every change.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unwatch = watchSnippets((list) => {
      clearTimeout(timer);
      timer = setTimeout(() => live && setSnippets(list), REFRESH_AFTER_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unwatch();
    };
  }, []);

  const shown = useMemo(() => (snippets ?? []).filter((snippet) => matches(snippet, query)), [snippets, query]);

  async function save(draft: Draft) {
    if (!draft.title.trim()) {
      setMessage({ kind: 'alert', text: t('storage.snippets.titleRequired') });
      return;
    }
    const input: SnippetInput = {
      title: draft.title,
      body: draft.body,
      folder: draft.folder,
      tags: splitTags(draft.tags),
      sectionIds: draft.sectionIds,
    };
    try {
      if (draft.id) await updateSnippet(draft.id, input);
      else await createSnippet(input);
      setSnippets(await listSnippets());
      setEditing(undefined);
      setMessage({ kind: 'status', text: t('storage.snippets.saved', { title: draft.title.trim() }) });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorText(error) });
    }
  }

  async function remove(snippet: Snippet) {
    setConfirmDelete(undefined);
    try {
      await deleteSnippet(snippet.id);
      setSnippets(await listSnippets());
      setMessage({ kind: 'status', text: t('storage.snippets.deleted', { title: snippet.title }) });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorText(error) });
    }
  }

  function exportPack(which: readonly Snippet[]) {
    const pack = snippetPack(which);
    if (pack.snippets.length === 0) {
      setMessage({ kind: 'alert', text: t('storage.snippets.exportNone') });
      return;
    }
    const file = packFileName();
    download(file, `${JSON.stringify(pack, null, 2)}\n`);
    setMessage({ kind: 'status', text: t('storage.snippets.exported', { count: pack.snippets.length, file }) });
  }

  /** Reads and checks a chosen pack file; nothing is stored until the user picks merge or replace. */
  async function readPack(file: File) {
    setImporting(undefined);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ kind: 'alert', text: t('storage.snippets.importNotJson', { file: file.name }) });
      return;
    }
    const parsed = parseSnippetPack(text);
    if (!parsed.ok) {
      const id =
        parsed.reason === 'notJson'
          ? 'storage.snippets.importNotJson'
          : parsed.reason === 'notPack'
            ? 'storage.snippets.importNotPack'
            : 'storage.snippets.importInvalid';
      setMessage({ kind: 'alert', text: t(id, { file: file.name, path: parsed.path ?? '' }) });
      return;
    }
    if (parsed.pack.snippets.length === 0) {
      setMessage({ kind: 'alert', text: t('storage.snippets.importEmpty', { file: file.name }) });
      return;
    }
    setMessage(undefined);
    setImporting({ file: file.name, pack: parsed.pack });
  }

  async function runImport(mode: 'merge' | 'replace') {
    if (!importing) return;
    setImporting(undefined);
    try {
      const result = await importSnippetPack(importing.pack, mode);
      setSnippets(await listSnippets());
      setSelected(new Set());
      const parts = [t('storage.snippets.importDone', { count: result.added.length })];
      if (result.removed > 0) parts.push(t('storage.snippets.importRemoved', { count: result.removed }));
      if (result.duplicates.length > 0) {
        parts.push(
          t('storage.snippets.importDuplicates', { count: result.duplicates.length, titles: result.duplicates.map((title) => `“${title}”`).join('、') }),
        );
      }
      setMessage({ kind: 'status', text: parts.join(' ') });
    } catch (error) {
      const e = error as { messageId?: unknown } | undefined;
      setMessage({ kind: 'alert', text: typeof e?.messageId === 'string' ? `${t('storage.snippets.importFailed')} ${errorText(error)}` : t('storage.snippets.importFailed') });
    }
  }

  const own = (snippets ?? []).filter((snippet) => !isManaged(snippet));
  const chosen = own.filter((snippet) => selected.has(snippet.id));

  const edit = (snippet: Snippet) =>
    setEditing({
      id: snippet.id,
      title: snippet.title,
      body: snippet.body,
      folder: snippet.folder,
      tags: snippet.tags.join('，'),
      sectionIds: [...snippet.sectionIds],
    });

  return (
    <section aria-labelledby="snippets-title" className="opt-section">
      <h2 id="snippets-title">{t('storage.snippets.title')}</h2>
      <p className="opt-muted">{t('storage.snippets.explain')}</p>
      <p>
        <input
          type="search"
          aria-label={t('storage.snippets.search')}
          placeholder={t('storage.snippets.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />{' '}
        <button type="button" onClick={() => setEditing(emptyDraft())} disabled={editing !== undefined}>
          {t('storage.snippets.new')}
        </button>
      </p>
      <fieldset className="opt-pack">
        <legend>{t('storage.snippets.packTitle')}</legend>
        <p className="opt-muted">{t('storage.snippets.packExplain')}</p>
        <p>
          <button type="button" onClick={() => exportPack(own)} disabled={!snippets}>
            {t('storage.snippets.exportAll')}
          </button>{' '}
          <button type="button" onClick={() => exportPack(chosen)} disabled={chosen.length === 0}>
            {t('storage.snippets.exportSelected', { count: chosen.length })}
          </button>{' '}
          <label>
            {t('storage.snippets.importPack')}{' '}
            <input
              type="file"
              accept=".json,application/json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void readPack(file);
              }}
            />
          </label>
        </p>
        {importing && (
          <div role="group" aria-label={t('storage.snippets.importReady', { file: importing.file, count: importing.pack.snippets.length })}>
            <p>{t('storage.snippets.importReady', { file: importing.file, count: importing.pack.snippets.length })}</p>
            <p>
              <button type="button" onClick={() => void runImport('merge')}>
                {t('storage.snippets.importMerge')}
              </button>{' '}
              <button type="button" onClick={() => void runImport('replace')} aria-describedby="snippets-replace-hint">
                {t('storage.snippets.importReplace')}
              </button>{' '}
              <button type="button" onClick={() => setImporting(undefined)}>
                {t('storage.backup.cancel')}
              </button>
            </p>
            <p className="opt-muted" id="snippets-replace-hint">
              {t('storage.snippets.importReplaceHint')}
            </p>
          </div>
        )}
      </fieldset>
      {editing && <SnippetForm draft={editing} onChange={setEditing} onSave={save} onCancel={() => setEditing(undefined)} />}
      {message && <p role={message.kind}>{message.text}</p>}
      {snippets && shown.length === 0 && (
        <p className="opt-muted">{t(query.trim() ? 'storage.snippets.noMatch' : 'storage.snippets.none')}</p>
      )}
      <ul className="opt-list" aria-label={t('storage.snippets.listLabel')}>
        {shown.map((snippet) => (
          <li key={snippet.id}>
            <div>
              {!isManaged(snippet) && (
                <input
                  type="checkbox"
                  aria-label={t('storage.snippets.select', { title: snippet.title })}
                  checked={selected.has(snippet.id)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(snippet.id);
                    else next.delete(snippet.id);
                    setSelected(next);
                  }}
                />
              )}{' '}
              <strong>{snippet.title}</strong>
              {isManaged(snippet) && <ManagedBadge />}
              {snippet.folder && <span className="opt-muted"> · {snippet.folder}</span>}
              <div className="opt-muted">
                {[
                  ...snippet.tags,
                  ...(snippet.variables.length > 0
                    ? [t('storage.snippets.variables', { names: snippet.variables.join('、') })]
                    : []),
                  t('storage.snippets.useCount', { count: snippet.useCount }),
                ].join(' · ')}
              </div>
            </div>
            {isManaged(snippet) ? null : confirmDelete?.id === snippet.id ? (
              <span role="group" aria-label={t('storage.snippets.confirmDelete', { title: snippet.title })}>
                {t('storage.snippets.confirmDelete', { title: snippet.title })}{' '}
                <button type="button" onClick={() => void remove(snippet)}>
                  {t('storage.snippets.delete')}
                </button>{' '}
                <button type="button" onClick={() => setConfirmDelete(undefined)}>
                  {t('storage.backup.cancel')}
                </button>
              </span>
            ) : (
              <span>
                <button
                  type="button"
                  aria-label={t('storage.snippets.editNamed', { title: snippet.title })}
                  onClick={() => edit(snippet)}
                >
                  {t('storage.snippets.edit')}
                </button>{' '}
                <button
                  type="button"
                  aria-label={t('storage.snippets.deleteNamed', { title: snippet.title })}
                  onClick={() => setConfirmDelete(snippet)}
                >
                  {t('storage.snippets.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SnippetForm({
  draft,
  onChange,
  onSave,
  onCancel,
}: {
  draft: Draft;
  onChange(draft: Draft): void;
  onSave(draft: Draft): Promise<void>;
  onCancel(): void;
}) {
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  return (
    <form
      aria-label={t(draft.id ? 'storage.snippets.editTitle' : 'storage.snippets.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft);
      }}
    >
      <p>
        <label>
          {t('storage.snippets.fieldTitle')}{' '}
          <input value={draft.title} onChange={(event) => set({ title: event.target.value })} />
        </label>
      </p>
      <p>
        <label>
          {t('storage.snippets.fieldBody')}
          <br />
          <textarea rows={6} cols={60} value={draft.body} onChange={(event) => set({ body: event.target.value })} />
        </label>
        <br />
        <span className="opt-muted">{t('storage.snippets.bodyHint')}</span>
      </p>
      <p>
        <label>
          {t('storage.snippets.fieldFolder')}{' '}
          <input value={draft.folder} onChange={(event) => set({ folder: event.target.value })} />
        </label>{' '}
        <label>
          {t('storage.snippets.fieldTags')}{' '}
          <input value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />
        </label>
      </p>
      <fieldset>
        <legend>{t('storage.snippets.fieldSections')}</legend>
        {SECTION_CHOICES.map(([id, messageId]) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={draft.sectionIds.includes(id)}
              onChange={(event) =>
                set({
                  sectionIds: event.target.checked
                    ? [...draft.sectionIds, id]
                    : draft.sectionIds.filter((sectionId) => sectionId !== id),
                })
              }
            />
            {t(messageId)}{' '}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit">{t('storage.snippets.save')}</button>{' '}
        <button type="button" onClick={onCancel}>
          {t('storage.backup.cancel')}
        </button>
      </p>
    </form>
  );
}
