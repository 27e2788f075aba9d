import { pageOrigin } from '@/lib/panel/page-origin';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { OutlineHeading, SectionCoverage, StructureSuggestion } from '@/lib/core/analyze';
import { mergeEdits } from '@/lib/core/edits';
import type { Fix } from '@/lib/core/types';
import type { PageBridge } from '@/lib/panel/bridge';
import { updateSiteProfile } from '@/lib/storage';
import type { PageAnalysis } from './usePageAnalysis';
import { formValues } from '@/lib/panel/form-values';
import { renderSnippet } from '@/lib/core/snippets/render';
import { useRememberedValues } from './useRememberedValues';
import { ChangeLog, type PanelChange } from '@/lib/panel/undo';
import { DraftPreview } from './DraftPreview';
import type { DraftSnippet } from '@/lib/core/draft';

export interface StructureViewProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  /** Saves the template chosen for the site (null = automatic); storage by default. */
  saveTemplate?: (templateId: string | null) => Promise<unknown>;
  /** Called with what an insertion changed, for the panel's 撤销. */
  record?: (change: PanelChange) => void;
  /** The snippet library for 一键成稿; the stored one by default (tests pass their own). */
  snippets?: readonly DraftSnippet[];
}

const STATUS_MARK: Record<SectionCoverage['status'], string> = {
  found: '✓',
  missing: '✗',
  'out-of-order': '↕',
  empty: '○',
};

function OutlineTree({ headings }: { headings: OutlineHeading[] }) {
  return (
    <ul className="tb-outline">
      {headings.map((heading, index) => (
        <li key={`${heading.start}-${index}`}>
          <span className="tb-marker">{heading.marker}</span>
          {heading.title}
          {heading.children.length > 0 && <OutlineTree headings={heading.children} />}
        </li>
      ))}
    </ul>
  );
}

function SectionRow({ section }: { section: SectionCoverage }) {
  const covered = section.topics.filter((topic) => topic.covered).length;
  return (
    <li className={`tb-item tb-section tb-status-${section.status}`}>
      <span className="tb-item-title">
        <span className="tb-status" aria-hidden="true">
          {STATUS_MARK[section.status]}
        </span>
        {section.title}
        {!section.required && <span className="tb-muted">（{t('structure.optional')}）</span>}
      </span>
      <span className="tb-muted">
        {t(`structure.status.${section.status}`)}
        {section.topics.length > 0 && ` · ${t('structure.topics', { covered, total: section.topics.length })}`}
      </span>
      {section.status !== 'missing' && section.topics.some((topic) => !topic.covered && topic.required) && (
        <span className="tb-muted">
          {t('structure.topicsMissing', {
            topics: section.topics
              .filter((topic) => !topic.covered && topic.required)
              .map((topic) => topic.title)
              .join('、'),
          })}
        </span>
      )}
    </li>
  );
}

/**
 * The report's structure against its template: which sections are there, missing, empty or out of order, what
 * each covers, and the scaffold of a missing section, inserted in one click at the place it belongs.
 */
export function StructureView({ analysis, bridge, saveTemplate, record, snippets }: StructureViewProps) {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  const [drafting, setDrafting] = useState(false);
  const remembered = useRememberedValues();
  const { outline, coverage, suggestions, template } = analysis.analysis;
  if (analysis.reportFields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  const reportEmpty = analysis.reportFields.every((field) => field.text.trim() === '');

  // The scaffold and the renumbering of the headings after it go in as one edit, checked against the text the
  // analysis read: one Ctrl+Z undoes both, and a field edited since is left as it is.
  const insertScaffold = async (suggestion: StructureSuggestion) => {
    const fieldKey = suggestion.fieldKey ?? analysis.reportFields[0]?.key;
    const seen = analysis.reportFields.find((field) => field.key === fieldKey)?.text;
    // The scaffold's variables filled as a snippet's are (单位名称 and 报告期 from the form, else the values this
    // site remembers); the blanks only the writer can fill ({{次数}}, {{问题一}}) stay, and the checks flag them.
    const scaffoldText = renderSnippet(suggestion.text, { ...remembered, ...formValues(analysis.fields) }).text;
    const insertion: Fix = { start: suggestion.offset, end: suggestion.offset, text: scaffoldText };
    const renumber = suggestion.renumber ?? [];
    const fix = renumber.length === 0 ? insertion : seen === undefined ? undefined : mergeEdits(seen, [insertion, ...renumber]);
    if (!fix) {
      setMessage({ ok: false, text: t('structure.insertStale') });
      return;
    }
    const result = await bridge.applyFix(
      {
        ruleId: 'structure-suggestion',
        category: 'coverage',
        severity: 'info',
        start: suggestion.offset,
        end: suggestion.offset,
        messageId: suggestion.reason.messageId,
        fieldKey,
        fix,
      },
      {
        ...(seen === undefined ? {} : { expectedText: seen }),
        // After the scaffold's last line, where the writer goes on.
        caret: suggestion.offset + scaffoldText.replace(/\s+$/, '').length,
        // What a rich editor inserts alone when it cannot renumber in the same undo step.
        ...(renumber.length > 0 ? { insertion } : {}),
      },
    );
    const log = new ChangeLog('scaffold');
    log.note(fieldKey, analysis.fields.find((field) => field.key === fieldKey)?.label ?? '', result);
    const change = log.change();
    if (change) record?.(change);
    if (result.ok && result.renumberSkipped) {
      setMessage({ ok: true, text: t('structure.insertedNotRenumbered', { section: suggestion.sectionTitle, count: renumber.length }) });
    } else if (result.ok) {
      setMessage({
        ok: true,
        text:
          renumber.length > 0
            ? t('structure.insertedRenumbered', { section: suggestion.sectionTitle, count: renumber.length })
            : t('structure.inserted', { section: suggestion.sectionTitle }),
      });
    } else if (result.messageId === 'checks.fixStale') {
      setMessage({ ok: false, text: t('structure.insertStale') });
    } else if (result.messageId === 'checks.fixManual') {
      // This tab has no 定位 button: its own words for an edit left to the user.
      setMessage({ ok: false, text: t('structure.insertManual', { section: suggestion.sectionTitle }) });
    } else {
      setMessage({ ok: false, text: t(result.messageId ?? 'checks.fixFailed', result.params) });
    }
  };

  return (
    <div>
      <label className="tb-muted tb-map">
        {t('structure.templateLabel')}{' '}
        <select
          value={analysis.templateChosen ? analysis.templateId : ''}
          onChange={(event) => {
            const save =
              saveTemplate ?? ((id: string | null) => updateSiteProfile(pageOrigin(), { templateId: id }));
            save(event.target.value || null).catch(() =>
              setMessage({ ok: false, text: t('structure.templateSaveFailed') }),
            );
          }}
        >
          <option value="">{t('structure.templateAuto', { name: template?.name ?? '' })}</option>
          {analysis.templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      {drafting ? (
        <DraftPreview
          analysis={analysis}
          bridge={bridge}
          {...(snippets ? { snippets } : {})}
          {...(record ? { record } : {})}
          onClose={() => setDrafting(false)}
          onInserted={(text) => setMessage({ ok: true, text })}
        />
      ) : (
        <p className="tb-actions tb-draft-offer">
          {reportEmpty && <span className="tb-muted">{t('draft.offerEmpty')} </span>}
          <button type="button" className={reportEmpty ? 'tb-primary' : 'tb-secondary'} onClick={() => setDrafting(true)}>
            {t('draft.offer')}
          </button>
        </p>
      )}
      {coverage && (
        <p className="tb-muted">{t('structure.topicsTotal', { covered: coverage.topicsCovered, total: coverage.topicsTotal })}</p>
      )}
      {message && (
        <p className={message.ok ? 'tb-ok' : 'tb-notice tb-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {suggestions.length > 0 && (
        <>
          <h3 className="tb-h3">{t('structure.suggestions')}</h3>
          <ul className="tb-list">
            {suggestions.map((suggestion, index) => (
              <li key={`${suggestion.sectionId}-${index}`} className="tb-item">
                <span className="tb-item-title">{t(suggestion.reason.messageId, suggestion.reason.params)}</span>
                <span className="tb-muted tb-scaffold">{suggestion.scaffold.length > 80 ? `${suggestion.scaffold.slice(0, 80)}…` : suggestion.scaffold}</span>
                <span className="tb-actions">
                  <button type="button" className="tb-link" onClick={() => void insertScaffold(suggestion)}>
                    {t('structure.insertScaffold')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {coverage && (
        <>
          <h3 className="tb-h3">{t('structure.sections')}</h3>
          <ul className="tb-list">
            {coverage.sections.map((section) => (
              <SectionRow key={section.id} section={section} />
            ))}
          </ul>
        </>
      )}
      <h3 className="tb-h3">{t('structure.outline')}</h3>
      {outline.length === 0 ? <p className="tb-empty">{t('structure.noOutline')}</p> : <OutlineTree headings={outline} />}
    </div>
  );
}
