import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { CleanDerived, DerivedOutlineSection, ParagraphPlace, SampleChange } from '@/lib/core/derive';

/** What the review hands back on 保存模板: the edited outline, snippet titles, and the snippets left ticked. */
export interface DeriveEdits {
  outline: DerivedOutlineSection[];
  snippetTitles: string[];
  keep: ReadonlySet<number>;
}

/** A category's name for the user, as the panel's checks list names it; 其他 for one no catalog names. */
function categoryName(category: string): string {
  const id = `checks.category.${category}`;
  const name = t(id);
  return name === id ? t('checks.category.other') : name;
}

const oneLine = (text: string, max = 40) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** One change: a short one with the words around it (a lone "）" says nothing), a deletion as such. */
function ChangeRow({ change }: { change: SampleChange }) {
  const context = change.before.length <= 2 && change.after.length <= 2 && change.count === 1;
  const left = context ? change.left : '';
  const right = context ? change.right : '';
  return (
    <li>
      <span className="opt-muted">{categoryName(change.category)}</span>{' '}
      {left}
      <del>{oneLine(change.before)}</del>
      {right} →{' '}
      {change.after === '' && !context ? (
        <em>{t('templates.review.deleted')}</em>
      ) : (
        <>
          {left}
          <ins>{oneLine(change.after)}</ins>
          {right}
        </>
      )}
      {change.count > 1 && <span className="opt-muted"> {t('templates.review.times', { count: change.count })}</span>}
    </li>
  );
}

const PLACES: ParagraphPlace[] = ['title', 'section', 'topic', 'example', 'meta', 'duplicate', 'cruft', 'placeholder', 'unplaced'];

/**
 * The review step of 从范文生成: what cleaning changed, what it could not fix, the variables it set, where every
 * paragraph went, and the template's whole outline with each title editable and the example text under its
 * section. Nothing is saved here: 保存模板 hands the edits to `onSave`; when saving fails, the review (and the
 * user's edits, kept in this component's state) stays as it was.
 */
export function DeriveReview({
  derived,
  onSave,
  onCancel,
  saving,
  error,
}: {
  derived: CleanDerived;
  onSave: (edits: DeriveEdits) => void;
  onCancel: () => void;
  saving: boolean;
  error?: string;
}) {
  const [outline, setOutline] = useState<DerivedOutlineSection[]>(() =>
    derived.outline.map((section) => ({ ...section, topics: section.topics.map((topic) => ({ ...topic })) })),
  );
  const [snippetTitles, setSnippetTitles] = useState<string[]>(() => derived.snippets.map((s) => s.title));
  const [keep, setKeep] = useState<ReadonlySet<number>>(() => new Set(derived.snippets.map((_, i) => i)));

  const setSectionTitle = (index: number, title: string) =>
    setOutline(outline.map((section, i) => (i === index ? { ...section, title } : section)));
  const setTopicTitle = (index: number, topicIndex: number, title: string) =>
    setOutline(
      outline.map((section, i) =>
        i === index ? { ...section, topics: section.topics.map((topic, j) => (j === topicIndex ? { ...topic, title } : topic)) } : section,
      ),
    );
  const toggle = (index: number) => {
    const next = new Set(keep);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setKeep(next);
  };

  const counts = Object.fromEntries(PLACES.map((place) => [place, 0])) as Record<ParagraphPlace, number>;
  for (const paragraph of derived.paragraphs) counts[paragraph.place] += 1;
  const changed = derived.changes.reduce((sum, change) => sum + change.count, 0);
  const noOutline = derived.template.sections.length === 1 && derived.template.sections[0]!.id === 'body';

  const examples = (sectionId: string) => {
    const indexes = derived.snippets.map((snippet, i) => (snippet.sectionId === sectionId ? i : -1)).filter((i) => i >= 0);
    if (indexes.length === 0) return null;
    return (
      <ul className="opt-examples">
        {indexes.map((i) => (
          <li key={i}>
            <div className="opt-example-head">
              <label>
                <input type="checkbox" checked={keep.has(i)} onChange={() => toggle(i)} /> {t('templates.review.keepSnippet')}
              </label>
              <input
                type="text"
                aria-label={t('templates.review.snippetTitle', { n: i + 1 })}
                value={snippetTitles[i] ?? ''}
                maxLength={60}
                onChange={(e) => setSnippetTitles(snippetTitles.map((title, j) => (j === i ? e.target.value : title)))}
              />
            </div>
            <p className="opt-example">{derived.snippets[i]!.body}</p>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <div className="opt-confirm opt-review" role="region" aria-label={t('templates.review.title')}>
      <h4>{t('templates.review.title')}</h4>
      <p>
        {t('templates.previewSummary', {
          sections: derived.template.sections.length,
          snippets: derived.snippets.length,
          duplicates: derived.skipped.duplicates,
          cruft: derived.skipped.cruft,
          placeholders: derived.skipped.placeholders,
        })}
      </p>
      {noOutline && (
        <p role="alert" className="opt-error">
          {t('templates.noOutline')}
        </p>
      )}

      <h5>{changed > 0 ? t('templates.review.changes', { count: changed }) : t('templates.review.changesNone')}</h5>
      {derived.changes.length > 0 && (
        <ul className="opt-changes" aria-label={t('templates.review.changes', { count: changed })}>
          {derived.changes.map((change, i) => (
            <ChangeRow key={i} change={change} />
          ))}
        </ul>
      )}
      {derived.unfixed.length > 0 && (
        <>
          <p>{t('templates.review.unfixed')}</p>
          <ul className="opt-changes" aria-label={t('templates.review.unfixedList')}>
            {derived.unfixed.map((issue, i) => (
              <li key={i}>
                <span className="opt-muted">{categoryName(issue.category)}</span> “{oneLine(issue.text)}”
                {issue.count > 1 && <span className="opt-muted"> {t('templates.review.times', { count: issue.count })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h5>{t('templates.review.variables')}</h5>
      {derived.variables.length === 0 ? (
        <p className="opt-muted">{t('templates.review.variablesNone')}</p>
      ) : (
        <>
          <ul className="opt-changes" aria-label={t('templates.review.variables')}>
            {derived.variables.map((variable, i) => (
              <li key={i}>
                {t('templates.review.variableRow', { variable: `{{${variable.name}}}`, value: variable.value, count: variable.count })}
              </li>
            ))}
          </ul>
          <p className="opt-muted">{t('templates.review.variablesExplain')}</p>
        </>
      )}

      <h5>{t('templates.review.paragraphs')}</h5>
      <p>{t('templates.review.placeCounts', { total: derived.paragraphs.length, ...counts })}</p>
      {derived.unplaced.length > 0 && (
        <div className="opt-unplaced">
          <p>{t('templates.review.unplaced', { count: derived.unplaced.length })}</p>
          <ul aria-label={t('templates.review.unplaced', { count: derived.unplaced.length })}>
            {derived.unplaced.map((paragraph) => (
              <li key={paragraph.line}>「{paragraph.preview}」</li>
            ))}
          </ul>
          <p className="opt-muted">{t('templates.review.unplacedExplain')}</p>
        </div>
      )}

      <h5>{t('templates.review.outline')}</h5>
      <ol className="opt-outline">
        {derived.snippets.some((snippet) => snippet.sectionId === 'intro') && (
          <li>
            <strong>{t('templates.review.intro')}</strong>
            {examples('intro')}
          </li>
        )}
        {outline.map((section, i) => (
          <li key={section.id}>
            <label className="opt-heading-edit">
              <span>{section.marker}</span>
              <input
                type="text"
                aria-label={t('templates.review.sectionTitle', { n: i + 1 })}
                value={section.title}
                maxLength={80}
                onChange={(e) => setSectionTitle(i, e.target.value)}
              />
            </label>
            {section.topics.length > 0 && (
              <ul className="opt-topics">
                {section.topics.map((topic, j) => (
                  <li key={j}>
                    <label className="opt-heading-edit">
                      <span>{topic.marker}</span>
                      <input
                        type="text"
                        aria-label={t('templates.review.topicTitle', { n: i + 1, m: j + 1 })}
                        value={topic.title}
                        maxLength={80}
                        onChange={(e) => setTopicTitle(i, j, e.target.value)}
                      />
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {examples(section.id)}
          </li>
        ))}
      </ol>

      {error && (
        <p role="alert" className="opt-error">
          {error}
        </p>
      )}
      <p>
        <button type="button" disabled={saving} onClick={() => onSave({ outline, snippetTitles, keep })}>
          {t('templates.review.save')}
        </button>{' '}
        <button type="button" disabled={saving} onClick={onCancel}>
          {t('templates.cancel')}
        </button>{' '}
        <span className="opt-muted">{t('templates.review.saveNote', { count: keep.size })}</span>
      </p>
    </div>
  );
}
