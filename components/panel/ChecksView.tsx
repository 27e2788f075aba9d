import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Finding, Severity } from '@/lib/core/types';
import type { PageBridge } from '@/lib/panel/bridge';
import type { PageAnalysis } from './usePageAnalysis';

const ORDER: Severity[] = ['blocking', 'warning', 'info'];
/** A rule with this many findings or more shows as one group row, so that 70 half-width commas do not bury an xx. */
const GROUP_AT = 4;

interface Group {
  ruleId: string;
  severity: Severity;
  findings: Finding[];
}

function groupFindings(findings: Finding[]): Group[] {
  const byRule = new Map<string, Group>();
  for (const finding of findings) {
    const key = `${finding.severity}|${finding.ruleId}`;
    let group = byRule.get(key);
    if (!group) {
      group = { ruleId: finding.ruleId, severity: finding.severity, findings: [] };
      byRule.set(key, group);
    }
    group.findings.push(finding);
  }
  return [...byRule.values()].sort(
    (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.findings[0]!.start - b.findings[0]!.start,
  );
}

export function ChecksView({ analysis, bridge }: { analysis: PageAnalysis; bridge: PageBridge }) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { findings, fields } = analysis;
  if (analysis.reportFields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  if (findings.length === 0) return <p className="tb-ok">{t('checks.clean')}</p>;

  const textOf = (key: string | undefined) => fields.find((field) => field.key === key)?.text ?? '';
  const labelOf = (key: string | undefined) => fields.find((field) => field.key === key)?.label ?? '';
  const counts = ORDER.map((severity) => findings.filter((f) => f.severity === severity).length);
  const excerpt = (finding: Finding) => {
    const raw = textOf(finding.fieldKey).slice(finding.start, finding.end);
    return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  };

  const fixOne = async (finding: Finding) => {
    const result = await bridge.applyFix(finding);
    setOutcome(result.ok ? undefined : { ok: false, text: t(result.messageId ?? 'checks.fixFailed', result.params) });
  };

  // Later fixes first, so that each earlier finding's offsets still hold when its turn comes.
  const fixAll = async (group: Group) => {
    const fixable = group.findings.filter((f) => f.fix).sort((a, b) => b.fix!.start - a.fix!.start);
    let done = 0;
    for (const finding of fixable) {
      const result = await bridge.applyFix(finding);
      if (result.ok) done += 1;
    }
    setOutcome(
      done === fixable.length
        ? { ok: true, text: t('checks.fixedAll', { count: done }) }
        : { ok: false, text: t('checks.fixedSome', { done, total: fixable.length }) },
    );
  };

  const row = (finding: Finding, index: number) => (
    <li key={`${finding.ruleId}-${finding.fieldKey}-${finding.start}-${index}`} className={`tb-item tb-sev-${finding.severity}`}>
      <span className="tb-item-title">
        <span className="tb-sev">{t(`severity.${finding.severity}`)}</span>
        {t(finding.messageId, finding.params)}
      </span>
      <span className="tb-muted">
        {labelOf(finding.fieldKey)} · “{excerpt(finding)}”
      </span>
      <span className="tb-actions">
        <button type="button" className="tb-link" onClick={() => bridge.reveal(finding)}>
          {t('checks.locate')}
        </button>
        {finding.fix && (
          <button type="button" className="tb-link" onClick={() => void fixOne(finding)}>
            {finding.fix.text === '' ? t('checks.fixDelete') : t('checks.fixReplace', { text: finding.fix.text })}
          </button>
        )}
      </span>
    </li>
  );

  return (
    <div>
      <p className="tb-summary">{t('checks.summary', { blocking: counts[0]!, warning: counts[1]!, info: counts[2]! })}</p>
      {outcome && (
        <p className={outcome.ok ? 'tb-ok' : 'tb-notice tb-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <ul className="tb-list">
        {groupFindings(findings).flatMap((group) => {
          if (group.findings.length < GROUP_AT) return group.findings.map(row);
          const key = `${group.severity}|${group.ruleId}`;
          const expanded = open.has(key);
          const first = group.findings[0]!;
          const fixable = group.findings.filter((f) => f.fix).length;
          return [
            <li key={key} className={`tb-item tb-group tb-sev-${group.severity}`}>
              <span className="tb-item-title">
                <span className="tb-sev">{t(`severity.${group.severity}`)}</span>
                {t(first.messageId, first.params)}
              </span>
              <span className="tb-muted">{t('checks.groupCount', { count: group.findings.length })}</span>
              <span className="tb-actions">
                <button
                  type="button"
                  className="tb-link"
                  aria-expanded={expanded}
                  onClick={() => {
                    const next = new Set(open);
                    if (expanded) next.delete(key);
                    else next.add(key);
                    setOpen(next);
                  }}
                >
                  {expanded ? t('checks.collapseGroup') : t('checks.expandGroup')}
                </button>
                {fixable > 1 && (
                  <button type="button" className="tb-link" onClick={() => void fixAll(group)}>
                    {t('checks.fixAll', { count: fixable })}
                  </button>
                )}
              </span>
            </li>,
            ...(expanded ? group.findings.map(row) : []),
          ];
        })}
      </ul>
    </div>
  );
}
