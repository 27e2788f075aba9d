import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Finding, Severity } from '@/lib/core/types';
import type { PageBridge } from '@/lib/panel/bridge';
import type { PageAnalysis } from './usePageAnalysis';

const ORDER: Severity[] = ['blocking', 'warning', 'info'];

function excerpt(text: string, finding: Finding): string {
  const raw = text.slice(finding.start, finding.end);
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/** Findings of every check, most serious first; click to locate, one click to fix where the fix is certain. */
export function ChecksView({ analysis, bridge }: { analysis: PageAnalysis; bridge: PageBridge }) {
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const { findings, fields } = analysis;
  if (fields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  if (findings.length === 0) return <p className="tb-ok">{t('checks.clean')}</p>;
  const textOf = (key: string | undefined) => fields.find((field) => field.key === key)?.text ?? '';
  const labelOf = (key: string | undefined) => fields.find((field) => field.key === key)?.label ?? '';
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const counts = ORDER.map((severity) => findings.filter((f) => f.severity === severity).length);
  return (
    <div>
      <p className="tb-summary">
        {t('checks.summary', { blocking: counts[0]!, warning: counts[1]!, info: counts[2]! })}
      </p>
      {outcome && (
        <p className="tb-notice tb-error" role="alert">
          {outcome}
        </p>
      )}
      <ul className="tb-list">
        {sorted.map((finding, index) => (
          <li key={`${finding.ruleId}-${finding.fieldKey}-${finding.start}-${index}`} className={`tb-item tb-sev-${finding.severity}`}>
            <span className="tb-item-title">
              <span className="tb-sev">{t(`severity.${finding.severity}`)}</span>
              {t(finding.messageId, finding.params)}
            </span>
            <span className="tb-muted">
              {labelOf(finding.fieldKey)} · “{excerpt(textOf(finding.fieldKey), finding)}”
            </span>
            <span className="tb-actions">
              <button type="button" className="tb-link" onClick={() => bridge.reveal(finding)}>
                {t('checks.locate')}
              </button>
              {finding.fix && (
                <button
                  type="button"
                  className="tb-link"
                  onClick={async () => {
                    const result = await bridge.applyFix(finding);
                    setOutcome(result.ok ? undefined : t(result.messageId ?? 'checks.fixFailed', result.params));
                  }}
                >
                  {finding.fix.text === '' ? t('checks.fixDelete') : t('checks.fixReplace', { text: finding.fix.text })}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
