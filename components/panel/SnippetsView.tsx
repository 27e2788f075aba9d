import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { buildSnippetIndex } from '@/lib/core/snippets/search';
import { renderSnippet } from '@/lib/core/snippets/render';
import type { PageBridge, PanelField } from '@/lib/panel/bridge';
import { isManaged, listSnippets, recordSnippetUse, setSnippetSiteValues, type Snippet } from '@/lib/storage';
import { formValues } from '@/lib/panel/form-values';

export interface SnippetSource {
  list(): Promise<Snippet[]>;
  recordUse(id: string): Promise<unknown>;
  rememberValues(id: string, origin: string, values: Record<string, string>): Promise<unknown>;
}

const storageSource: SnippetSource = {
  list: listSnippets,
  recordUse: recordSnippetUse,
  rememberValues: setSnippetSiteValues,
};

interface Pending {
  snippet: Snippet;
  missing: string[];
  typed: Record<string, string>;
}

/** Saved snippets, searchable by characters or pinyin; one click inserts at the caret of the last field. */
export function SnippetsView({ bridge, origin, source = storageSource }: { bridge: PageBridge; origin: string; source?: SnippetSource }) {
  const [snippets, setSnippets] = useState<Snippet[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  useEffect(() => {
    source
      .list()
      .then(setSnippets)
      .catch(() => setSnippets([]));
  }, [source]);
  const index = useMemo(() => buildSnippetIndex(snippets ?? []), [snippets]);
  if (!snippets) return null;
  if (snippets.length === 0) return <p className="tb-empty">{t('snippets.none')}</p>;
  const results = index.search(query);
  const target = bridge.lastFocusedLabel();

  const insert = async (snippet: Snippet, typed: Record<string, string>) => {
    if (bridge.lastFocusedLabel() === undefined) {
      setOutcome({ ok: false, text: t('panel.insertNoField') });
      return;
    }
    const values = { ...formValues(bridge.readFields()), ...(snippet.siteValues[origin] ?? {}), ...typed };
    const rendered = renderSnippet(snippet.body, values);
    if (rendered.missing.length > 0) {
      setPending({ snippet, missing: rendered.missing, typed });
      return;
    }
    setPending(undefined);
    const result = await bridge.insert(rendered.text);
    setOutcome({
      ok: result.ok,
      text: result.ok && !result.messageId ? t('snippets.inserted', { title: snippet.title }) : t(result.messageId ?? 'snippets.insertFailed', result.params),
    });
    if (result.ok) {
      void source.recordUse(snippet.id).catch(() => undefined);
      if (Object.keys(typed).length > 0) void source.rememberValues(snippet.id, origin, typed).catch(() => undefined);
    }
  };

  return (
    <div>
      <input
        className="tb-search"
        type="search"
        value={query}
        placeholder={t('snippets.searchPlaceholder')}
        aria-label={t('snippets.searchLabel')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="tb-muted">
        {target === undefined ? t('snippets.noTarget') : t('snippets.target', { label: target || t('fields.unlabelled') })}
      </p>
      {outcome && (
        <p className={outcome.ok ? 'tb-ok' : 'tb-notice tb-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {pending && (
        <form
          className="tb-vars"
          onSubmit={(event) => {
            event.preventDefault();
            void insert(pending.snippet, pending.typed);
          }}
        >
          <p>{t('snippets.fillVariables', { title: pending.snippet.title })}</p>
          {pending.missing.map((name) => (
            <label key={name} className="tb-var">
              {name}
              <input
                className="tb-search"
                value={pending.typed[name] ?? ''}
                onChange={(event) => setPending({ ...pending, typed: { ...pending.typed, [name]: event.target.value } })}
              />
            </label>
          ))}
          <button type="submit" className="tb-primary">
            {t('snippets.insert')}
          </button>
        </form>
      )}
      {results.length === 0 && <p className="tb-empty">{t('snippets.noMatch')}</p>}
      <ul className="tb-list">
        {results.map((snippet) => (
          <li key={snippet.id} className="tb-item">
            <span className="tb-item-title">{snippet.title}</span>
            {isManaged(snippet) && <span className="tb-managed" style={{ fontSize: 12, color: '#1d4f91' }}>{t('managed.label')}</span>}
            <span className="tb-muted">{snippet.body.length > 60 ? `${snippet.body.slice(0, 60)}…` : snippet.body}</span>
            <span className="tb-actions">
              <button type="button" className="tb-link" onClick={() => void insert(snippet, {})}>
                {t('snippets.insert')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
