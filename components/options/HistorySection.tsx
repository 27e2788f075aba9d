import { getLanguage, t } from '@/lib/i18n';
import { draftPreview } from '@/lib/drafts/text';
import { exportReportHistory, recordChars, type ReportRecord } from '@/lib/storage';
import { downloadJson } from './downloadJson';
import { formatTime, useStoredList } from './useStoredList';

export interface HistorySectionProps {
  /** Every record, newest first (lib/storage listReportHistory). */
  list(): Promise<ReportRecord[]>;
  remove(id: string): Promise<unknown>;
  setKept(id: string, kept: boolean): Promise<unknown>;
  /** How many days records not kept stay (Settings.draftRetentionDays). */
  retentionDays(): Promise<number>;
  /** Calls back when the history changes elsewhere (a submit in a portal tab); returns an unsubscribe function. */
  watch?(onChange: () => void): () => void;
  /** Saves a JSON file (defaults to a download). */
  save?(text: string, fileName: string): void;
}

export function periodLabel(period: ReportRecord['period']): string {
  if (!period) return t('options.history.noPeriod');
  if (getLanguage() === 'en') return period.half ? `${period.year} H${period.half}` : String(period.year);
  return period.half ? `${period.year}年${period.half === 1 ? '上' : '下'}半年` : `${period.year}年度`;
}

const fileName = (record?: ReportRecord) => {
  const day = new Date(record?.submittedAt ?? Date.now()).toISOString().slice(0, 10);
  return record ? `tianbao-report-${day}.json` : `tianbao-report-history-${day}.json`;
};

/** 报告记录: the submitted reports, each openable in full, exportable as JSON, deletable, and keepable past the retention. */
export function HistorySection({ list, remove, setKept, retentionDays, watch, save = downloadJson }: HistorySectionProps) {
  const { items: records, days, error, open, setOpen, run } = useStoredList(
    { list, retentionDays, watch },
    { loadFailed: 'options.history.loadFailed', actionFailed: 'options.history.actionFailed' },
  );

  return (
    <section aria-labelledby="history-title" className="opt-section">
      <h2 id="history-title">{t('options.history.title')}</h2>
      <p className="opt-muted">{t('options.history.explain', { days: days ?? 30 })}</p>
      {error && (
        <p role="alert" className="opt-error">
          {error}
        </p>
      )}
      {records && records.length === 0 && <p>{t('options.history.none')}</p>}
      {records && records.length > 0 && (
        <>
          <p>
            <button type="button" onClick={() => save(exportReportHistory(records), fileName())}>
              {t('options.history.exportAll')}
            </button>
          </p>
          <ul className="opt-list">
            {records.map((record) => {
              const shown = open === record.id;
              const site = `${record.origin}${record.path}`;
              return (
                <li key={record.id} aria-label={`${site} ${periodLabel(record.period)}`} style={{ flexDirection: 'column', alignItems: 'stretch' }}>
                  <span className="opt-origin">{site}</span>
                  <span>
                    {t('options.history.entry', {
                      period: periodLabel(record.period),
                      time: formatTime(record.submittedAt),
                      fields: record.fields.length,
                      count: recordChars(record),
                    })}
                  </span>
                  <span className="opt-muted">
                    {t(`options.history.source.${record.source}`)}
                    {record.kept && <> · {t('options.history.kept')}</>}
                  </span>
                  {shown ? (
                    <div className="opt-history-text">
                      {record.fields.map((field) => (
                        <div key={field.key}>
                          <strong>{field.label || field.key}</strong>
                          <p style={{ whiteSpace: 'pre-wrap', margin: '2px 0 8px' }}>{field.text || t('options.history.fieldEmpty')}</p>
                        </div>
                      ))}
                    </div>
                  ) : (
                    <span className="opt-muted">{draftPreview(record.fields.map((f) => f.text).join(' '), 100)}</span>
                  )}
                  <span style={{ display: 'flex', gap: 8 }}>
                    <button type="button" aria-expanded={shown} onClick={() => setOpen(shown ? undefined : record.id)}>
                      {shown ? t('options.history.hide') : t('options.history.show')}
                    </button>
                    <button type="button" aria-pressed={!!record.kept} onClick={() => void run(() => setKept(record.id, !record.kept))}>
                      {record.kept ? t('options.history.unkeep') : t('options.history.keep')}
                    </button>
                    <button type="button" onClick={() => save(exportReportHistory([record]), fileName(record))}>
                      {t('options.history.export')}
                    </button>
                    <button type="button" onClick={() => void run(() => remove(record.id))}>
                      {t('options.history.delete')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
