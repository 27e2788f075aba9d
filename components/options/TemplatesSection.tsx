import { useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { builtinTemplates } from '@/lib/core/template';
import { buildEditedTemplate, deriveCleanTemplate, type CleanDerived } from '@/lib/core/derive';
import { createSnippet, deleteUserTemplate, isManaged, listUserTemplates, saveUserTemplate, type UserTemplate } from '@/lib/storage';
import { ManagedBadge } from './ManagedSection';
import { DeriveReview, type DeriveEdits } from './DeriveReview';

/** Longest sample accepted: a long report is about 20,000 characters; five of them pasted together still fit. */
export const MAX_SAMPLE_CHARS = 200_000;

export interface TemplatesStore {
  list(): Promise<UserTemplate[]>;
  /** Adds a template, or replaces the one with `id` (a retry after a failed save). */
  saveTemplate(input: Pick<UserTemplate, 'name' | 'reportKinds' | 'sections'> & { id?: string }): Promise<UserTemplate>;
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
 * 模板: the built-in templates, the user's own, and 从范文生成 — a pasted sample report is cleaned (the engine's
 * fixes applied), its unit name and period become variables, and it becomes a template (its outline) and
 * candidate snippets (its paragraphs, by section). The review shows every change and where every paragraph
 * went, with each title editable; nothing is saved until 保存模板, and a failed save keeps the review and the
 * user's edits open.
 */
export function TemplatesSection({ store = storageStore }: { store?: TemplatesStore }) {
  const [own, setOwn] = useState<UserTemplate[]>([]);
  const [sample, setSample] = useState('');
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<CleanDerived | undefined>(undefined);
  /** Bumped on each 生成, so that a new draft starts a fresh review (its own edits). */
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
  const [reviewError, setReviewError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  // What a failed save already wrote, so that saving again updates that template and adds only the rest.
  const partial = useRef<{ templateId?: string; snippets: Set<number> }>({ snippets: new Set() });
  const reload = () => store.list().then(setOwn, () => setMessage({ ok: false, text: t('templates.loadFailed') }));
  useEffect(() => {
    void reload();
  }, []);

  const close = () => {
    setDraft(undefined);
    setReviewError(undefined);
    partial.current = { snippets: new Set() };
  };

  const derive = () => {
    setMessage(undefined);
    if (sample.trim() === '') return setMessage({ ok: false, text: t('templates.sampleEmpty') });
    if (sample.length > MAX_SAMPLE_CHARS) {
      return setMessage({ ok: false, text: t('templates.sampleTooLong', { max: MAX_SAMPLE_CHARS, count: sample.length }) });
    }
    const result = deriveCleanTemplate(sample, { name: name.trim() || undefined });
    // The engine's error names a schema path; what the user needs to know is that no outline was found.
    if ('error' in result) return setMessage({ ok: false, text: t('templates.noOutline') });
    close();
    setDraft(result);
    setGeneration((n) => n + 1);
  };

  const save = async (edits: DeriveEdits) => {
    if (!draft || saving) return;
    setReviewError(undefined);
    const built = buildEditedTemplate(draft, edits.outline, name.trim() || draft.template.name);
    if ('error' in built) return setReviewError(t('templates.review.emptyTitle'));
    const sectionTitles = new Map(built.template.sections.map((section) => [section.id, section.title]));
    setSaving(true);
    try {
      const saved = await store.saveTemplate({
        ...(partial.current.templateId ? { id: partial.current.templateId } : {}),
        name: built.template.name,
        reportKinds: built.template.kinds,
        sections: built.template.sections as unknown as Record<string, unknown>[],
      });
      partial.current.templateId = saved.id;
      for (const [i, snippet] of draft.snippets.entries()) {
        if (!edits.keep.has(i) || partial.current.snippets.has(i)) continue;
        const section = sectionTitles.get(snippet.sectionId) ?? snippet.sectionTitle;
        await store.saveSnippet({
          title: edits.snippetTitles[i]?.trim() || snippet.title,
          body: snippet.body,
          folder: saved.name,
          tags: [section],
          sectionIds: [snippet.sectionId],
        });
        partial.current.snippets.add(i);
      }
      const count = [...edits.keep].filter((i) => partial.current.snippets.has(i)).length;
      setMessage({ ok: true, text: t('templates.saved', { name: saved.name, count }) });
      close();
      setSample('');
      await reload();
    } catch (error) {
      const e = error as { messageId?: string; params?: Record<string, string | number> };
      setReviewError(`${t(e.messageId ?? 'templates.saveFailed', e.params)} ${t('templates.review.keptOpen')}`);
    } finally {
      setSaving(false);
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
              <span>
                {template.name}
                {isManaged(template) && <ManagedBadge />}
              </span>
              {!isManaged(template) && (
                <button type="button" onClick={() => void store.remove(template.id).then(reload)}>
                  {t('templates.delete')}
                </button>
              )}
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
        <DeriveReview
          key={generation}
          derived={draft}
          saving={saving}
          error={reviewError}
          onSave={(edits) => void save(edits)}
          onCancel={close}
        />
      )}
    </section>
  );
}
