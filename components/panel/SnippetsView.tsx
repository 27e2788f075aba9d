import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n';
import { buildSnippetIndex } from '@/lib/core/snippets/search';
import { renderSnippet } from '@/lib/core/snippets/render';
import type { PageBridge } from '@/lib/panel/bridge';
import {
  getSettings,
  isManaged,
  listSnippets,
  orderByUse,
  recordSnippetUse,
  setSnippetSiteValues,
  type Snippet,
} from '@/lib/storage';
import { emptyFieldForVariable, formValues } from '@/lib/panel/form-values';
// The tab's own rules, beside panel.css (whose palette they use).
import './snippets.css';

export interface SnippetSource {
  list(): Promise<Snippet[]>;
  recordUse(id: string): Promise<unknown>;
  rememberValues(id: string, origin: string, values: Record<string, string>): Promise<unknown>;
  /** 设置 → 片段插入时另起一段 (on when the source does not say). */
  paragraphs?(): Promise<boolean>;
}

const storageSource: SnippetSource = {
  list: listSnippets,
  recordUse: recordSnippetUse,
  rememberValues: setSnippetSiteValues,
  paragraphs: async () => (await getSettings()).snippetParagraphs,
};

interface Pending {
  snippet: Snippet;
  missing: string[];
  typed: Record<string, string>;
  /** Variable name → also write the value into the form's empty field for it (the checkbox, on by default). */
  fill: Record<string, boolean>;
}

/** {{变量}} as lib/core/snippets/render.ts reads it, with the name captured: split() keeps the names. */
const VARIABLE_SPLIT = /\{\{\s*([^{}\s][^{}]{0,40}?)\s*\}\}/;

const SHORT_PREVIEW = 60;

/**
 * The snippet's whole body as it would go in: variables filled from the form, the site and what was typed;
 * one without a value yet is a marked 【变量名】.
 */
function FullPreview({ body, values }: { body: string; values: Record<string, string> }) {
  const parts = body.split(VARIABLE_SPLIT);
  return (
    <span className="tb-snip-preview">
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const rendered = renderSnippet(`{{${part}}}`, values);
        return rendered.missing.length > 0 ? (
          <mark key={i} className="tb-snip-var" title={t('snippets.unfilled', { name: part })}>
            【{part}】
          </mark>
        ) : (
          <span key={i} className="tb-snip-filled">
            {rendered.text}
          </span>
        );
      })}
    </span>
  );
}

/**
 * Saved snippets, searchable by characters or pinyin, recent and frequent first. A listbox the search box
 * drives from the keyboard (↑/↓, Enter inserts, Esc gives the keyboard back to the page's field); a click on a
 * snippet inserts it at the caret of the last field.
 */
export function SnippetsView({ bridge, origin, source = storageSource }: { bridge: PageBridge; origin: string; source?: SnippetSource }) {
  const [snippets, setSnippets] = useState<Snippet[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [fullPreview, setFullPreview] = useState(false);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  useEffect(() => {
    source
      .list()
      .then(setSnippets)
      .catch(() => setSnippets([]));
  }, [source]);
  const index = useMemo(() => buildSnippetIndex(snippets ?? []), [snippets]);
  const byUse = useMemo(() => orderByUse(snippets ?? []), [snippets]);
  const results = query.trim() === '' ? byUse : index.search(query);
  const current = active >= 0 && active < results.length ? active : -1;
  // Coming to 片段 from inside the panel (the tab pressed with the keyboard or clicked), the search box takes
  // the keyboard so that typing searches at once. Never while the page has the focus: the user is writing.
  const loaded = snippets !== undefined && snippets.length > 0;
  useEffect(() => {
    if (loaded && document.hasFocus()) searchRef.current?.focus({ preventScroll: true });
  }, [loaded]);
  // The active snippet stays in sight as ↑/↓ move through a list longer than the panel.
  useEffect(() => {
    if (current < 0) return;
    const element = document.getElementById(optionId(current));
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  if (!snippets) return null;
  if (snippets.length === 0) return <p className="tb-empty">{t('snippets.none')}</p>;
  const target = bridge.lastFocusedLabel();
  const fields = bridge.readFields();
  const valuesFor = (snippet: Snippet, typed: Record<string, string> = {}) => ({
    ...formValues(fields),
    ...(snippet.siteValues[origin] ?? {}),
    ...typed,
  });

  /** Writes typed values into the form's empty fields that were ticked; returns the labels that failed. */
  const fillForm = async (typed: Record<string, string>, fill: Record<string, boolean>): Promise<string[]> => {
    const failed: string[] = [];
    if (!bridge.replaceFieldText) return failed;
    // The form as it is now: a field the user filled meanwhile is theirs, not overwritten.
    const now = bridge.freshFields ? await bridge.freshFields() : bridge.readFields();
    for (const [name, value] of Object.entries(typed)) {
      if (fill[name] !== true || value.trim() === '') continue;
      const field = emptyFieldForVariable(now, name);
      if (!field) continue;
      const result = await bridge.replaceFieldText(field.key, value.trim()).catch(() => ({ ok: false }));
      if (!result.ok) failed.push(field.label);
    }
    return failed;
  };

  const insert = async (snippet: Snippet, typed: Record<string, string>, fill: Record<string, boolean> = {}) => {
    if (bridge.lastFocusedLabel() === undefined) {
      setOutcome({ ok: false, text: t('panel.insertNoField') });
      return;
    }
    const rendered = renderSnippet(snippet.body, valuesFor(snippet, typed));
    if (rendered.missing.length > 0) {
      const fillable = Object.fromEntries(
        rendered.missing.filter((name) => emptyFieldForVariable(fields, name)).map((name) => [name, pending?.fill[name] ?? true]),
      );
      setPending({ snippet, missing: rendered.missing, typed, fill: fillable });
      return;
    }
    setPending(undefined);
    // The form's own fields first: writing them moves the page's focus, the insertion then puts it back.
    const fillFailed = await fillForm(typed, fill);
    const paragraph = source.paragraphs ? await source.paragraphs().catch(() => true) : true;
    const result = await bridge.insert(rendered.text, { paragraph });
    const text =
      result.ok && !result.messageId ? t('snippets.inserted', { title: snippet.title }) : t(result.messageId ?? 'snippets.insertFailed', result.params);
    setOutcome({
      ok: result.ok && fillFailed.length === 0,
      text: [text, ...fillFailed.map((label) => t('snippets.fillFailed', { label }))].join(' '),
    });
    if (result.ok) {
      void source.recordUse(snippet.id).catch(() => undefined);
      if (Object.keys(typed).length > 0) void source.rememberValues(snippet.id, origin, typed).catch(() => undefined);
      // The user goes on typing in the field, just after the snippet.
      void bridge.focusTarget?.().catch(() => false);
    }
  };

  const cancelPending = () => {
    setPending(undefined);
    searchRef.current?.focus();
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // keys that belong to the input method
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const next = event.key === 'ArrowDown' ? Math.min(current + 1, results.length - 1) : Math.max(current - 1, 0);
      setActive(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current >= 0) void insert(results[current]!, {});
      else if (results.length === 1) void insert(results[0]!, {});
      else if (results.length > 1) setActive(0);
    } else if (event.key === 'Escape') {
      // Not the search box's own Esc (which empties it): the keyboard goes back to the page's field.
      event.preventDefault();
      void bridge.focusTarget?.().catch(() => false);
    }
  };

  const emptyFields = pending
    ? new Map(pending.missing.map((name) => [name, emptyFieldForVariable(fields, name)] as const))
    : undefined;

  return (
    <div className="tb-snips">
      <input
        ref={searchRef}
        className="tb-search"
        type="search"
        value={query}
        placeholder={t('snippets.searchPlaceholder')}
        aria-label={t('snippets.searchLabel')}
        aria-controls={listId}
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-describedby={`${ids}-keys`}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(-1);
        }}
        onKeyDown={onSearchKey}
      />
      <p className="tb-muted">
        {target === undefined ? t('snippets.noTarget') : t('snippets.target', { label: target || t('fields.unlabelled') })}
      </p>
      <p className="tb-muted tb-snip-keys" id={`${ids}-keys`}>
        {t('snippets.keysHint')}
      </p>
      {outcome && (
        <p className={outcome.ok ? 'tb-ok' : 'tb-notice tb-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {pending && (
        <form
          key={pending.snippet.id}
          className="tb-vars"
          aria-label={t('snippets.fillVariables', { title: pending.snippet.title })}
          onSubmit={(event) => {
            event.preventDefault();
            void insert(pending.snippet, pending.typed, pending.fill);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            event.stopPropagation();
            cancelPending();
          }}
        >
          <p>{t('snippets.fillVariables', { title: pending.snippet.title })}</p>
          {pending.missing.map((name, i) => {
            const field = emptyFields?.get(name);
            return (
              <div key={name} className="tb-var">
                <label>
                  {name}
                  <input
                    className="tb-search"
                    autoFocus={i === 0}
                    value={pending.typed[name] ?? ''}
                    onChange={(event) => setPending({ ...pending, typed: { ...pending.typed, [name]: event.target.value } })}
                  />
                </label>
                {field && (
                  <label className="tb-var-fill">
                    <input
                      type="checkbox"
                      checked={pending.fill[name] === true}
                      onChange={(event) => setPending({ ...pending, fill: { ...pending.fill, [name]: event.target.checked } })}
                    />
                    {t('snippets.fillField', { label: field.label.replace(/[\s:：*＊]+$/, '') || name })}
                  </label>
                )}
              </div>
            );
          })}
          <p className="tb-snip-preview-box">
            <FullPreview body={pending.snippet.body} values={valuesFor(pending.snippet, pending.typed)} />
          </p>
          <span className="tb-actions">
            <button type="submit" className="tb-primary">
              {t('snippets.insert')}
            </button>
            <button type="button" onClick={cancelPending}>
              {t('snippets.cancel')}
            </button>
          </span>
        </form>
      )}
      <label className="tb-snip-toggle">
        <input type="checkbox" checked={fullPreview} onChange={(event) => setFullPreview(event.target.checked)} />
        {t('snippets.fullPreview')}
      </label>
      {results.length === 0 && <p className="tb-empty">{t('snippets.noMatch')}</p>}
      <ul className="tb-list tb-snip-list" role="listbox" id={listId} aria-label={t('snippets.listLabel')}>
        {results.map((snippet, i) => {
          const expanded = fullPreview || i === current;
          return (
            <li
              key={snippet.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'tb-item tb-snip tb-snip-active' : 'tb-item tb-snip'}
              onClick={() => {
                setActive(i);
                void insert(snippet, {});
              }}
            >
              <span className="tb-item-title">
                {snippet.title}
                {isManaged(snippet) && (
                  <span className="tb-managed" style={{ fontSize: 12, color: '#1d4f91' }}>
                    {' '}
                    {t('managed.label')}
                  </span>
                )}
              </span>
              {expanded ? (
                <FullPreview body={snippet.body} values={valuesFor(snippet)} />
              ) : (
                <span className="tb-muted">{snippet.body.length > SHORT_PREVIEW ? `${snippet.body.slice(0, SHORT_PREVIEW)}…` : snippet.body}</span>
              )}
              <span className="tb-snip-go" aria-hidden="true">
                {t('snippets.insert')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
