import { useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { planSplits, type SplitPlan } from '@/lib/core/split';
import type { PageBridge } from '@/lib/panel/bridge';
import { applySplit, type SplitOutcome } from '@/lib/panel/split';
import type { PanelChange } from '@/lib/panel/undo';
import type { PageAnalysis } from './usePageAnalysis';
import { Notice, type NoticeMessage } from './Notice';

/** How much of a moved text the preview quotes. */
const QUOTE_AT_MOST = 160;
const quote = (text: string) => (text.length > QUOTE_AT_MOST ? `${text.slice(0, QUOTE_AT_MOST)}…` : text);

function outcomeText(plan: SplitPlan, outcome: SplitOutcome): NoticeMessage {
  if (outcome.ok) return { ok: true, text: t('split.done', { targets: outcome.targets.map((label) => `“${label}”`).join('、') || `“${plan.sourceLabel}”` }) };
  if (outcome.reason === 'gone' || outcome.reason === 'changed') return { ok: false, text: t(`split.${outcome.reason}`, { field: outcome.field }) };
  const why = t(outcome.messageId ?? 'checks.fixFailed', outcome.params);
  const written = outcome.written.length > 0 ? t('split.writtenSome', { fields: outcome.written.map((label) => `“${label}”`).join('、') }) : '';
  if (outcome.reason === 'write') return { ok: false, text: `${t('split.writeFailed', { field: outcome.field, source: plan.sourceLabel, reason: why })}${written}` };
  return { ok: false, text: `${t('split.sourceFailed', { source: plan.sourceLabel, reason: why })}${written}` };
}

export interface SplitOfferProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  record?: (change: PanelChange) => void;
}

/**
 * 拆分到各栏: when a field holds sections the form has fields of its own for (a 范文 pasted whole into 主要工作情况),
 * says which and where they would go, shows exactly what each field receives and what the source loses, and
 * moves them on 确认拆分.
 */
export function SplitOffer({ analysis, bridge, record }: SplitOfferProps) {
  const template = analysis.templates.find((candidate) => candidate.id === analysis.templateId);
  const plans = useMemo(
    () => planSplits(analysis.reportFields.map((field) => ({ ...field, label: field.label ?? '' })), template),
    [analysis.reportFields, template],
  );
  const [previewing, setPreviewing] = useState<string | undefined>(undefined);
  /** Source texts the user said not to split (the offer comes back when the text changes). */
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | undefined>(undefined);

  const shown = plans.filter((plan) => !dismissed.has(`${plan.sourceKey}|${plan.sourceText}`));
  if (shown.length === 0 && !message) return null;

  const run = async (plan: SplitPlan) => {
    setBusy(true);
    try {
      const outcome = await applySplit(bridge, plan);
      if (outcome.ok || outcome.reason === 'write' || outcome.reason === 'source') {
        if (outcome.change) record?.(outcome.change);
      }
      setMessage(outcomeText(plan, outcome));
      setPreviewing(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tb-split" role="region" aria-label={t('split.title')} data-testid="tianbao-split">
      <Notice message={message} onDismiss={() => setMessage(undefined)} />
      {shown.map((plan) => {
        const id = `${plan.sourceKey}|${plan.sourceText}`;
        const open = previewing === id;
        return (
          <div key={plan.sourceKey} className="tb-split-plan">
            <p style={{ margin: '0 0 4px' }}>{t('split.offer', { source: plan.sourceLabel, count: plan.moves.length })}</p>
            <ul className="tb-split-moves">
              {plan.moves.map((move) => (
                <li key={move.start}>
                  {t(move.already ? 'split.moveAlready' : 'split.move', { heading: move.heading, target: move.targetLabel })}
                </li>
              ))}
            </ul>
            {open ? (
              <div className="tb-preview">
                {plan.targets.map((target) => (
                  <div key={target.key}>
                    <p className="tb-muted" style={{ margin: 0 }}>
                      {t(target.appended ? 'split.previewAppend' : 'split.previewTarget', { target: target.label })}
                    </p>
                    <blockquote className="tb-moved">
                      <ins>{quote(target.edit.text.replace(/^\n/, ''))}</ins>
                    </blockquote>
                  </div>
                ))}
                <p className="tb-muted" style={{ margin: '0 0 6px' }}>
                  {t('split.previewSource', { source: plan.sourceLabel, count: plan.moves.length })}
                  {plan.renumbered.length > 0 &&
                    t('split.previewRenumber', { changes: plan.renumbered.map((r) => `${r.from}→${r.to}`).join('，') })}
                </p>
                <span className="tb-actions">
                  <button type="button" className="tb-primary" disabled={busy} onClick={() => void run(plan)}>
                    {t('split.confirm')}
                  </button>
                  <button type="button" className="tb-secondary" onClick={() => setPreviewing(undefined)}>
                    {t('split.cancel')}
                  </button>
                </span>
              </div>
            ) : (
              <span className="tb-actions">
                <button
                  type="button"
                  className="tb-link"
                  onClick={() => {
                    setMessage(undefined);
                    setPreviewing(id);
                  }}
                >
                  {t('split.action')}
                </button>
                <button type="button" className="tb-link" onClick={() => setDismissed(new Set([...dismissed, id]))}>
                  {t('split.dismiss')}
                </button>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
