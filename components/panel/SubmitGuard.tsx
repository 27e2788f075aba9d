import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import type { Finding } from '@/lib/core/types';
import type { GuardStore } from '@/lib/guard/panel-guard';

// The dialog's own rules; the panel's stylesheet (panel.css) belongs to the panel work.
const CSS = `
.tb-guard { margin: 8px 12px 0; padding: 10px 12px; border: 1px solid #f54a45; border-radius: 6px; background: #fff5f5; }
.tb-guard h2 { margin: 0 0 4px; font-size: 15px; color: #a61d24; }
.tb-guard p { margin: 0 0 8px; font-size: 13px; }
.tb-guard ul { margin: 0 0 8px; padding-left: 18px; max-height: 40vh; overflow: auto; }
.tb-guard li { margin-bottom: 4px; }
.tb-guard-actions { display: flex; gap: 8px; }
`;

const SHOWN = 8;

function excerpt(text: string, finding: Finding): string {
  const raw = text.slice(finding.start, finding.end);
  return raw.length > 30 ? `${raw.slice(0, 30)}…` : raw;
}

/** 提交前检查: the blocking findings of a held submit, with 返回修改 and 仍然提交. */
export function SubmitGuard({ store }: { store: GuardStore }) {
  const request = useStore(store, (s) => s.request);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The user has just pressed the page's 提交: the decision is the next thing to do.
    if (request) back.current?.focus({ preventScroll: true });
  }, [request]);
  if (!request) return null;
  const { findings, fields } = request;
  const field = (key: string | undefined) => fields.find((candidate) => candidate.key === key);
  return (
    <section className="tb-guard" role="alertdialog" aria-labelledby="tb-guard-title" aria-describedby="tb-guard-explain">
      <style>{CSS}</style>
      <h2 id="tb-guard-title">{t('guard.title', { count: findings.length })}</h2>
      <p id="tb-guard-explain">{t('guard.explain')}</p>
      <ul>
        {findings.slice(0, SHOWN).map((finding, index) => {
          const where = field(finding.fieldKey);
          const quoted = where ? excerpt(where.text, finding) : '';
          return (
            <li key={`${finding.ruleId}-${finding.fieldKey}-${finding.start}-${index}`}>
              {t(finding.messageId, finding.params)}
              {where && (
                <span className="tb-muted">
                  {' '}
                  {t('guard.inField', { label: where.label || t('drafts.unlabelled') })}
                  {quoted && ` · “${quoted}”`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {findings.length > SHOWN && <p className="tb-muted">{t('guard.more', { count: findings.length - SHOWN })}</p>}
      <div className="tb-guard-actions">
        <button ref={back} type="button" className="tb-primary" onClick={() => store.getState().decide('cancel')}>
          {t('guard.back')}
        </button>
        <button type="button" className="tb-secondary" onClick={() => store.getState().decide('submit')}>
          {t('guard.submitAnyway')}
        </button>
      </div>
    </section>
  );
}
