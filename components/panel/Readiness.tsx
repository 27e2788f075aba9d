import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Finding } from '@/lib/core/types';
import { distinctProblems } from '@/lib/guard/findings';
import { REQUIRED_RULE } from '@/lib/guard/required';
import { holdsSubmit } from '@/lib/panel/history-findings';
import type { PageBridge } from '@/lib/panel/bridge';
import type { PageAnalysis } from './usePageAnalysis';

/** What is still missing before the report can go in, and the one click that leads to it. */
export interface MissingItem {
  key: string;
  label: string;
  /** Show the place on the page (a field, a finding), or the 结构 tab (sections and topics live there). */
  action: { kind: 'reveal'; finding: Finding } | { kind: 'structure' };
}

/** Blocking findings that say a required section is not written: the section's own item stands for them. */
const SECTION_RULES = new Set(['coverage-section-missing', 'coverage-section-empty']);

/**
 * What keeps the report from being ready, each thing once:
 * - an empty required field (one item per field);
 * - a required template section that is missing or has no real content (one item per section; the blocking
 *   finding the engine raises for it is not counted again, nor are the topics of a section not yet written,
 *   and a section kept in its own field that is an empty required field is counted as that field);
 * - a required topic not covered in a section that is written (one item per topic);
 * - every other blocking finding, one per place (distinctProblems: the same figure as the 检查 tab's badge and
 *   the submit guard, so that the three never disagree about what blocks).
 * A form with nothing typed in it is never ready: when nothing else is listed, it is one item of its own.
 * A page without fields has no form to submit and yields nothing (the bar is not shown there).
 */
export function missingItems(analysis: PageAnalysis): MissingItem[] {
  const { fields, findings, reportFields } = analysis;
  if (fields.length === 0) return [];
  const items: MissingItem[] = [];
  const reveal = (finding: Finding) => ({ kind: 'reveal' as const, finding });
  // Blocking findings, and the report history's figures to verify (需核实) and copied share (lib/panel/history-findings.ts).
  const blockers = distinctProblems(findings.filter(holdsSubmit));

  // The form's own requirements first: the portal refuses a submit without them.
  const emptyRequired = new Set<string>();
  blockers.forEach((finding, index) => {
    if (finding.ruleId !== REQUIRED_RULE) return;
    if (finding.fieldKey !== undefined) emptyRequired.add(finding.fieldKey);
    items.push({ key: `field:${finding.fieldKey ?? index}`, label: t(finding.messageId, finding.params), action: reveal(finding) });
  });

  // Coverage means nothing on a page without a text field to read as the report (usePageAnalysis says the same).
  const sections = reportFields.length === 0 ? [] : (analysis.analysis.coverage?.sections ?? []);
  const unwritten = new Set<string>();
  for (const section of sections) {
    if (section.status === 'missing' || section.status === 'empty') {
      if (!section.required) continue;
      unwritten.add(section.title);
      // A section kept in its own field that is an empty required field is that field's item already.
      if (section.fieldKey !== undefined && emptyRequired.has(section.fieldKey)) continue;
      items.push({
        key: `section:${section.id}`,
        label: t(section.status === 'missing' ? 'readiness.sectionMissing' : 'readiness.sectionEmpty', { section: section.title }),
        action: { kind: 'structure' },
      });
      continue;
    }
    for (const topic of section.topics) {
      if (!topic.required || topic.covered) continue;
      items.push({
        key: `topic:${section.id}:${topic.id}`,
        label: t('readiness.topicMissing', { section: section.title, topic: topic.title }),
        action: { kind: 'structure' },
      });
    }
  }

  blockers.forEach((finding, index) => {
    if (finding.ruleId === REQUIRED_RULE) return;
    if (SECTION_RULES.has(finding.ruleId) && unwritten.has(String(finding.params?.section ?? ''))) return;
    items.push({
      key: `finding:${finding.ruleId}:${finding.fieldKey ?? ''}:${finding.start}:${index}`,
      label: t(finding.messageId, finding.params),
      action: reveal(finding),
    });
  });

  if (items.length === 0 && fields.every((field) => field.text.trim() === '')) {
    // Nothing required and no template to compare with: still, an empty form is not a report to submit.
    const target = reportFields[0]?.key ?? fields[0]!.key;
    items.push({
      key: 'blank',
      label: t('readiness.blank'),
      action: reveal({ ruleId: 'readiness-blank', category: 'form', severity: 'blocking', start: 0, end: 0, messageId: 'readiness.blank', fieldKey: target }),
    });
  }
  return items;
}

export interface ReadinessProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  /** Opens the 结构 tab, where missing sections and topics are shown and their scaffolds inserted. */
  showStructure(): void;
}

/**
 * The bar above every tab: 可以提交 when nothing is missing, else 还差 N 项 with the list of what, each a click
 * from where it is fixed. It reads the same analysis as the tabs, so it follows the user's typing.
 */
export function Readiness({ analysis, bridge, showStructure }: ReadinessProps) {
  const [open, setOpen] = useState(false);
  if (analysis.fields.length === 0) return null;
  const items = missingItems(analysis);
  if (items.length === 0) {
    return (
      <div className="tb-ready tb-ready-ok" role="status" aria-label={t('readiness.label')} title={t('readiness.readyTitle')}>
        ✓ {t('readiness.ready')}
      </div>
    );
  }
  return (
    <div className="tb-ready tb-ready-missing" role="region" aria-label={t('readiness.label')}>
      <button type="button" className="tb-ready-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('readiness.missing', { count: items.length })}
        <span className="tb-muted">{open ? t('readiness.hide') : t('readiness.show')}</span>
      </button>
      {open && (
        <ul className="tb-ready-list">
          {items.map((item) => (
            <li key={item.key} className="tb-ready-item">
              <span>{item.label}</span>
              {item.action.kind === 'reveal' ? (
                <button
                  type="button"
                  className="tb-link"
                  onClick={() => {
                    if (item.action.kind === 'reveal') bridge.reveal(item.action.finding);
                  }}
                >
                  {t('checks.locate')}
                </button>
              ) : (
                <button type="button" className="tb-link" onClick={showStructure}>
                  {t('readiness.toStructure')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
