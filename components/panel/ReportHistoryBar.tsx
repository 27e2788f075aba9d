import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { formatShare } from '@/lib/core/similarity';
import { previousPeriod } from '@/lib/core/period-rewrite';
import type { ReportPeriod } from '@/lib/core/types';
import {
  formPath,
  listReferenceTexts,
  listReportHistory,
  recordReport,
  updateSiteProfile,
  watchReferenceTexts,
  watchReportHistory,
  type ReferenceText,
  type ReportRecord,
} from '@/lib/storage';
import { pageOrigin } from '@/lib/panel/page-origin';
import type { PageBridge } from '@/lib/panel/bridge';
import { isReportField } from '@/lib/panel/report';
import { applyPrevious, formIsEmpty, planFromPrevious, type PreviousOutcome } from '@/lib/panel/previous-report';
import { measureReportCopies, previousRecordOf, type CopyMeasure } from '@/lib/panel/copies';
import type { PanelChange } from '@/lib/panel/undo';
import type { PageAnalysis } from './usePageAnalysis';
import { useSiteProfileValue } from './useSiteProfileValue';
import { Notice, type NoticeMessage } from './Notice';

/** The report history (all records, newest first), kept current. */
export function useReportRecords(): ReportRecord[] {
  const [records, setRecords] = useState<ReportRecord[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => void listReportHistory().then((next) => alive && setRecords(next), () => undefined);
    load();
    const stop = watchReportHistory(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return records;
}

/** The user's own sample texts (我的范文), kept current. */
function useUserReferences(): ReferenceText[] {
  const [list, setList] = useState<ReferenceText[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => void listReferenceTexts().then((next) => alive && setList(next), () => undefined);
    load();
    const stop = watchReferenceTexts(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return list;
}

export const periodName = (period: ReportPeriod | undefined) =>
  period ? t(period.half ? `history.period.h${period.half}` : 'history.period.year', { year: period.year }) : t('history.period.unknown');

const currentUrl = (pageUrl?: () => string) => pageUrl?.() ?? globalThis.location?.href ?? '';

/** The copy measure of the form against its previous record and the samples, and the site's threshold. */
export function useReportCopies(analysis: PageAnalysis, pageUrl?: () => string) {
  const origin = pageOrigin();
  const records = useReportRecords();
  const user = useUserReferences();
  const [threshold, setThreshold] = useSiteProfileValue(origin, (profile) => profile?.copyThreshold ?? 0);
  const previous = previousRecordOf(records, origin, currentUrl(pageUrl), analysis.period?.period);
  const fields = analysis.reportFields;
  const empty = fields.every((field) => field.text.trim() === '');
  const copies = useMemo(() => (empty ? undefined : measureReportCopies(fields, previous, user)), [fields, previous, empty, user]);
  const saveThreshold = (value: number) => {
    setThreshold(value);
    void updateSiteProfile(origin, { copyThreshold: value }).catch(() => undefined);
  };
  return { copies, previous, threshold, saveThreshold, records };
}

export interface ReportHistoryBarProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  record?: (change: PanelChange) => void;
  /** The portal page's address (the form is its path). */
  pageUrl?: () => string;
}

function outcomeText(outcome: PreviousOutcome, from?: ReportPeriod, to?: ReportPeriod): NoticeMessage {
  if (outcome.ok) {
    return {
      ok: true,
      text: t('history.previous.done', {
        fields: outcome.filled.map((label) => `“${label}”`).join('、'),
        rewrites: outcome.rewrites,
        from: periodName(from),
        to: periodName(to),
        carried: outcome.carried,
      }),
    };
  }
  if (outcome.reason === 'write') return { ok: false, text: t('history.previous.writeFailed', { field: outcome.field, reason: t(outcome.messageId ?? 'checks.fixFailed', outcome.params) }) };
  return { ok: false, text: t(`split.${outcome.reason}`, { field: outcome.field }) };
}

/**
 * Above every tab: on an empty form, 从上期报告开始 with the same form's record for the previous period; on a
 * filled one, 标记为已提交 (a record for the next period).
 */
export function ReportHistoryBar({ analysis, bridge, record, pageUrl }: ReportHistoryBarProps) {
  const origin = pageOrigin();
  const { copies, records } = useReportCopies(analysis, pageUrl);
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | undefined>(undefined);

  const empty = formIsEmpty(analysis.fields);
  const url = currentUrl(pageUrl);
  // The record to start from: the previous period's, when the form's period is known; else the newest.
  const wanted = analysis.period ? previousPeriod(analysis.period.period) : undefined;
  const candidates = records.filter((r) => r.origin === origin && r.path === formPath(url));
  const start =
    (wanted && candidates.find((r) => r.period?.year === wanted.year && (r.period.half ?? 0) === (wanted.half ?? 0))) ?? candidates[0];

  const fillFromPrevious = async (source: ReportRecord) => {
    setBusy(true);
    try {
      const plan = planFromPrevious(source, analysis.fields, analysis.period?.period);
      const outcome = await applyPrevious(bridge, plan);
      if ((outcome.ok || outcome.reason === 'write') && outcome.change) record?.(outcome.change);
      setMessage(outcomeText(outcome, plan.from, plan.to));
    } finally {
      setBusy(false);
    }
  };

  const markSubmitted = async () => {
    setBusy(true);
    try {
      const fields = analysis.fields.filter(isReportField).map((f) => ({ key: f.key, label: f.label, text: f.text }));
      const result = await recordReport({ origin, pageUrl: url, fields, source: 'user', ...(analysis.period ? { period: analysis.period.period } : {}) });
      setMessage({ ok: result.outcome === 'saved' || result.outcome === 'unchanged', text: t(`history.mark.${result.outcome}`) });
    } catch {
      setMessage({ ok: false, text: t('history.mark.failed') });
    } finally {
      setBusy(false);
    }
  };

  const offer = empty && start && dismissed !== start.id;
  const canMark = !empty && analysis.reportFields.length > 0;
  if (!offer && !canMark && !message) return null;
  return (
    <div className="tb-history" role="region" aria-label={t('history.region')} data-testid="tianbao-history">
      <Notice message={message} onDismiss={() => setMessage(undefined)} />
      {offer && (
        <div className="tb-history-offer">
          <p style={{ margin: '0 0 4px' }}>
            {t('history.previous.offer', { period: periodName(start.period), fields: start.fields.length, time: new Date(start.submittedAt).toLocaleDateString() })}
          </p>
          <span className="tb-actions">
            <button type="button" className="tb-primary" disabled={busy} onClick={() => void fillFromPrevious(start)}>
              {t('history.previous.action')}
            </button>
            <button type="button" className="tb-link" onClick={() => setDismissed(start.id)}>
              {t('history.previous.dismiss')}
            </button>
          </span>
        </div>
      )}
      {canMark && (
        <span className="tb-actions">
          <button type="button" className="tb-link" disabled={busy} onClick={() => void markSubmitted()} title={t('history.mark.title')}>
            {t('history.mark.action')}
          </button>
          {copies?.previous && <span className="tb-muted">{t('history.copies.previousShort', { share: formatShare(copies.previous.share) })}</span>}
        </span>
      )}
    </div>
  );
}

export interface CopiesSectionProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  pageUrl?: () => string;
}

function PassageList({ measure, bridge }: { measure: CopyMeasure; bridge: PageBridge }) {
  const [all, setAll] = useState(false);
  const shown = all ? measure.passages : measure.passages.slice(0, 5);
  return (
    <>
      <ul className="tb-copies-list">
        {shown.map((p) => (
          <li key={`${p.fieldKey}:${p.start}`}>
            <span>{t('history.copies.passage', { text: p.text.length > 40 ? `${p.text.slice(0, 18)}……${p.text.slice(-14)}` : p.text, source: p.source, chars: p.end - p.start })}</span>{' '}
            <button type="button" className="tb-link" onClick={() => bridge.reveal(p)}>
              {t('checks.locate')}
            </button>
          </li>
        ))}
      </ul>
      {measure.passages.length > shown.length && (
        <button type="button" className="tb-link" onClick={() => setAll(true)}>
          {t('history.copies.more', { count: measure.passages.length - shown.length })}
        </button>
      )}
    </>
  );
}

/** In 检查: 上期重复率 and 范文相似度 with the copied passages, each located; and the site's threshold. */
export function CopiesSection({ analysis, bridge, pageUrl }: CopiesSectionProps) {
  const { copies, threshold, saveThreshold } = useReportCopies(analysis, pageUrl);
  if (!copies) return null;
  // One line until opened, so that the findings stay at the top of 检查; open from the start when a share is
  // over the site's threshold (the guard warns about it then too).
  const over =
    threshold > 0 &&
    ((copies.previous?.share ?? 0) * 100 >= threshold || copies.references.share * 100 >= threshold);
  return (
    <section className="tb-copies" aria-label={t('history.copies.title')} data-testid="tianbao-copies">
      <details open={over || undefined}>
      <summary>
        {copies.previous ? (
          <strong>{t('history.copies.previous', { share: formatShare(copies.previous.share) })}</strong>
        ) : (
          <span className="tb-muted">{t('history.copies.noPreviousShort')}</span>
        )}
        {' · '}
        <strong>{t('history.copies.references', { share: formatShare(copies.references.share) })}</strong>
      </summary>
      {copies.previous ? (
        <>
          <p className="tb-muted" style={{ margin: '4px 0' }}>{t('history.copies.previousOf', { period: periodName(copies.previous.record.period) })}</p>
          <PassageList measure={copies.previous} bridge={bridge} />
        </>
      ) : (
        <p className="tb-muted" style={{ margin: '4px 0' }}>{t('history.copies.noPrevious')}</p>
      )}
      <p className="tb-muted" style={{ margin: '4px 0' }}>{t('history.copies.referencesOf', { count: copies.references.count })}</p>
      <PassageList measure={copies.references} bridge={bridge} />
      <label className="tb-muted" style={{ display: 'block', marginTop: 4 }}>
        {t('history.copies.threshold')}{' '}
        <input
          type="number"
          min={0}
          max={100}
          step={5}
          value={threshold}
          style={{ width: 56 }}
          onChange={(event) => {
            const value = Math.max(0, Math.min(100, Math.round(Number(event.target.value) || 0)));
            saveThreshold(value);
          }}
        />
        %
      </label>
      </details>
    </section>
  );
}
