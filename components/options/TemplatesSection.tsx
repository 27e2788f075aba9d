import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { builtinTemplates } from '@/lib/core/template';
import { deriveFromSample, type Derived } from '@/lib/core/derive';
import { createSnippet, deleteUserTemplate, listUserTemplates, saveUserTemplate, type UserTemplate } from '@/lib/storage';

/** Longest sample accepted: a long report is about 20,000 characters; five of them pasted together still fit. */
export const MAX_SAMPLE_CHARS = 200_000;

export interface TemplatesStore {
  list(): Promise<UserTemplate[]>;
  saveTemplate(input: Pick<UserTemplate, 'name' | 'reportKinds' | 'sections'>): Promise<UserTemplate>;
  saveSnippet(input: { title: string; body: string; folder: string; tags: string[]; sectionIds: string[] }): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

const storageStore: TemplatesStore = {
  list: listUserTemplates,
  saveTemplate: saveUserTemplate,
  saveSnippet: createSnippet,
  remove: deleteUserTemplate,
};

/**
 * 模板: the built-in templates, the user's own, and 从范文生成 — a pasted sample report becomes a template (its
 * outline) and candidate snippets (its paragraphs, by section), leaving out duplicates, web cruft and
 * placeholders. Nothing is saved until the user has seen the preview and chosen which snippets to keep.
 */
export function TemplatesSection({ store = storageStore }: { store?: TemplatesStore }) {
  const [own, setOwn] = useState<UserTemplate[]>([]);
  const [sample, setSample] = useState('');
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Derived | undefined>(undefined);
  const [keep, setKeep] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const reload = () => store.list().then(setOwn, () => setMessage({ ok: false, text: t('templates.loadFailed') }));
  useEffect(() => {
    void reload();
  }, []);

  const derive = () => {
    setMessage(undefined);
    if (sample.trim() === '') return setMessage({ ok: false, text: t('templates.sampleEmpty') });
    if (sample.length > MAX_SAMPLE_CHARS) {
      return setMessage({ ok: false, text: t('templates.sampleTooLong', { max: MAX_SAMPLE_CHARS, count: sample.length }) });
    }
    const result = deriveFromSample(sample, { name: name.trim() || undefined });
    // The engine's error names a schema path; what the user needs to know is that no outline was found.
    if ('error' in result) return setMessage({ ok: false, text: t('templates.noOutline') });
    setDraft(result);
    setKeep(new Set(result.snippets.map((_, i) => i)));
  };

  const save = async () => {
    if (!draft) return;
    try {
      const saved = await store.saveTemplate({
        name: name.trim() || draft.template.name,
        reportKinds: draft.template.kinds,
        sections: draft.template.sections as unknown as Record<string, unknown>[],
      });
      let count = 0;
      for (const [i, snippet] of draft.snippets.entries()) {
        if (!keep.has(i)) continue;
        await store.saveSnippet({
          title: snippet.title,
          body: snippet.body,
          folder: saved.name,
          tags: [snippet.sectionTitle],
          sectionIds: [snippet.sectionId],
        });
        count += 1;
      }
      setMessage({ ok: true, text: t('templates.saved', { name: saved.name, count }) });
      setDraft(undefined);
      setSample('');
      await reload();
    } catch (error) {
      const e = error as { messageId?: string; params?: Record<string, string | number> };
      setMessage({ ok: false, text: t(e.messageId ?? 'templates.saveFailed', e.params) });
    }
  };

  return (
    <section aria-labelledby="templates-title" className="opt-section">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <h3>{t('templates.builtin')}</h3>
      <ul className="opt-list">
        {builtinTemplates.map((template) => (
          <li key={template.id}>
            <span>{template.name}</span>
            <span className="opt-muted">{t('templates.sectionCount', { count: template.sections.length })}</span>
          </li>
        ))}
      </ul>
      <h3>{t('templates.own')}</h3>
      {own.length === 0 ? (
        <p className="opt-muted">{t('templates.ownNone')}</p>
      ) : (
        <ul className="opt-list">
          {own.map((template) => (
            <li key={template.id}>
              <span>{template.name}</span>
              <button type="button" onClick={() => void store.remove(template.id).then(reload)}>
                {t('templates.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('templates.derive')}</h3>
      <p className="opt-muted">{t('templates.deriveExplain')}</p>
      <label>
        {t('templates.name')} <input type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      </label>
      <textarea
        aria-label={t('templates.sample')}
        rows={8}
        value={sample}
        placeholder={t('templates.samplePlaceholder')}
        onChange={(e) => setSample(e.target.value)}
      />
      <p>
        <button type="button" onClick={derive}>
          {t('templates.preview')}
        </button>
      </p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'opt-error'}>
          {message.text}
        </p>
      )}
      {draft && (
        <div className="opt-confirm" aria-label={t('templates.previewTitle')}>
          <p>
            {t('templates.previewSummary', {
              sections: draft.template.sections.length,
              snippets: draft.snippets.length,
              duplicates: draft.skipped.duplicates,
              cruft: draft.skipped.cruft,
              placeholders: draft.skipped.placeholders,
            })}
          </p>
          {draft.template.sections.length === 1 && draft.template.sections[0]!.id === 'body' && (
            <p role="alert" className="opt-error">
              {t('templates.noOutline')}
            </p>
          )}
          <ol>
            {draft.template.sections.map((section) => (
              <li key={section.id}>{section.title}</li>
            ))}
          </ol>
          <ul className="opt-list">
            {draft.snippets.map((snippet, i) => (
              <li key={i}>
                <label>
                  <input
                    type="checkbox"
                    checked={keep.has(i)}
                    onChange={() => {
                      const next = new Set(keep);
                      if (next.has(i)) next.delete(i);
                      else next.add(i);
                      setKeep(next);
                    }}
                  />{' '}
                  【{snippet.sectionTitle}】{snippet.title}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void save()}>
            {t('templates.save', { count: keep.size })}
          </button>{' '}
          <button type="button" onClick={() => setDraft(undefined)}>
            {t('templates.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
