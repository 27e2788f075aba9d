// The 检查 tab's report period line: which period the checks use and where it came from, or that none was found
// (then the stale-reference check does not run), with a selector to set it for the site or go back to 自动识别.
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { formatPeriod, parsePeriod } from '@/lib/core/period';
import type { ReportPeriod } from '@/lib/core/types';
import type { PageAnalysis } from './usePageAnalysis';

const AUTO = '';

export function periodLabel(period: ReportPeriod): string {
  const key = period.half === 1 ? 'checks.period.h1' : period.half === 2 ? 'checks.period.h2' : 'checks.period.year';
  return t(key, { year: period.year });
}

/** This year and the previous two, each as 上半年, 下半年 and 全年; plus `current` if it is older. */
function choices(thisYear: number, current: ReportPeriod | undefined): ReportPeriod[] {
  const list: ReportPeriod[] = [];
  for (const year of [thisYear, thisYear - 1, thisYear - 2]) list.push({ year, half: 1 }, { year, half: 2 }, { year });
  if (current && !list.some((p) => formatPeriod(p) === formatPeriod(current))) list.push(current);
  return list;
}

export function PeriodBar({ analysis, now = new Date() }: { analysis: PageAnalysis; now?: Date }) {
  const [editing, setEditing] = useState(false);
  const { period, setPeriod } = analysis;
  const manual = period?.source === 'manual';
  const showSelector = setPeriod !== undefined && (editing || !period || manual);

  return (
    <div className="tb-period">
      {period ? (
        <span data-testid="tb-period">
          {t('checks.period.shown', { period: periodLabel(period.period), source: t(`checks.period.source.${period.source}`) })}
        </span>
      ) : (
        <span data-testid="tb-period" className="tb-muted">
          {t('checks.period.none')}
        </span>
      )}
      {setPeriod && !showSelector && (
        <button type="button" className="tb-link" onClick={() => setEditing(true)}>
          {t('checks.period.change')}
        </button>
      )}
      {showSelector && (
        <select
          className="tb-period-select"
          aria-label={t('checks.period.choose')}
          value={manual ? formatPeriod(period.period) : AUTO}
          onChange={(event) => {
            const value = event.target.value;
            // Only values the list offers come back; anything else reads as 自动识别.
            setPeriod(value === AUTO ? undefined : parsePeriod(value));
            setEditing(false);
          }}
        >
          <option value={AUTO}>{t('checks.period.auto')}</option>
          {choices(now.getFullYear(), manual ? period.period : undefined).map((choice) => (
            <option key={formatPeriod(choice)} value={formatPeriod(choice)}>
              {periodLabel(choice)}
            </option>
          ))}
        </select>
      )}
      {analysis.periodSaveFailed && (
        <p className="tb-notice tb-error" role="alert">
          {t('checks.period.saveFailed')}
        </p>
      )}
    </div>
  );
}
