import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import type { Finding } from '@/lib/core/types';
import type { GuardStore } from '@/lib/guard/panel-guard';

// The dialog's own rules (colours from panel.css's palette, light or dark with the system). While a submit is
// held the dialog takes the panel's whole height under its header: the list scrolls by itself and the two
// buttons stay in view below it, so that at 1024×768 neither the list nor the decision is squeezed away.
const CSS = `
.tb-panel:has(> .tb-guard) > :not(.tb-header, .tb-guard, .tb-resize) { display: none; }
.tb-guard { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column;
  margin: 8px 12px 12px; padding: 10px 12px; border: 1px solid var(--tb-danger-border); border-radius: 6px; background: var(--tb-danger-bg); }
.tb-guard h2 { flex: none; margin: 0 0 4px; font-size: 15px; color: var(--tb-danger); }
.tb-guard p { flex: none; margin: 0 0 8px; font-size: 13px; color: var(--tb-fg); }
.tb-guard ul { flex: 1 1 auto; min-height: 4em; margin: 0 0 8px; padding: 6px 8px 6px 24px; overflow: auto;
  background: var(--tb-bg); border-radius: 4px; color: var(--tb-fg); }
.tb-guard li { margin-bottom: 4px; }
.tb-guard-actions { flex: none; display: flex; flex-wrap: wrap; gap: 8px; padding-top: 8px; border-top: 1px solid var(--tb-danger-border); }
`;

/** The list scrolls; past this many the rest are counted (the 检查 tab lists them all). */
const SHOWN = 50;

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
