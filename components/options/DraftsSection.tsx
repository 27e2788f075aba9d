import { useState } from 'react';
import { t } from '@/lib/i18n';
import { DRAFT_BUDGET, draftChars, type DraftEntry } from '@/lib/storage';
import { draftPreview } from '@/lib/drafts/text';
import { formatTime, useStoredList } from './useStoredList';

export interface DraftsSectionProps {
  /** Every draft of every site, newest first (lib/storage listAllDrafts). */
  list(): Promise<DraftEntry[]>;
  /** Removes the site's drafts for `fieldKeys`, or all of the site's drafts when omitted (lib/storage deleteDrafts). */
  remove(origin: string, fieldKeys?: string[]): Promise<unknown>;
  /** How many days drafts are kept (Settings.draftRetentionDays). */
  retentionDays(): Promise<number>;
  /** Calls back when drafts change elsewhere (a portal tab autosaving); returns an unsubscribe function. */
  watch?(onChange: () => void): () => void;
}

function groupBySite(drafts: readonly DraftEntry[]): Array<[string, DraftEntry[]]> {
  const sites = new Map<string, DraftEntry[]>();
  for (const draft of drafts) {
    const list = sites.get(draft.origin) ?? [];
    list.push(draft);
    sites.set(draft.origin, list);
  }
  return [...sites.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** 草稿: every saved draft by site, with its full text on request, deletable one by one, per site or all at once. */
export function DraftsSection({ list, remove, retentionDays, watch }: DraftsSectionProps) {
  const { items: drafts, days, error, open, setOpen, run } = useStoredList(
    { list, retentionDays, watch },
    { loadFailed: 'options.drafts.loadFailed', actionFailed: 'options.drafts.deleteFailed' },
  );
  const [confirmAll, setConfirmAll] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t('options.drafts.copied'));
    } catch {
      setNotice(t('options.drafts.copyFailed'));
    }
  };

  const id = (draft: DraftEntry) => `${draft.origin} ${draft.fieldKey}`;
  return (
    <section aria-labelledby="drafts-title" className="opt-section">
      <h2 id="drafts-title">{t('options.drafts.title')}</h2>
      <p className="opt-muted">{t('options.drafts.explain', { days: days ?? 30 })}</p>
      {error && (
        <p role="alert" className="opt-error">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {drafts && drafts.length === 0 && <p>{t('options.drafts.none')}</p>}
      {drafts && drafts.length > 0 && (
        <>
          {groupBySite(drafts).map(([origin, entries]) => (
            <div key={origin} role="group" aria-label={origin}>
              <h3 className="opt-origin" style={{ fontSize: 14, margin: '12px 0 4px' }}>
                {origin}{' '}
                <span className="opt-muted" style={{ fontWeight: 'normal' }}>
                  {t('options.drafts.siteUsage', {
                    used: entries.reduce((sum, draft) => sum + draftChars(draft), 0),
                    max: DRAFT_BUDGET.siteChars,
                  })}
                </span>{' '}
                <button type="button" onClick={() => void run(() => remove(origin))}>
                  {t('options.drafts.deleteSite')}
                </button>
              </h3>
              <ul className="opt-list">
                {entries.map((draft) => {
                  const label = draft.fieldLabel || draft.fieldKey;
                  const shown = open === id(draft);
                  return (
                    <li key={id(draft)} aria-label={label} style={{ flexDirection: 'column', alignItems: 'stretch' }}>
                      <span>{t('options.drafts.entry', { label, time: formatTime(draft.savedAt), count: draft.text.length })}</span>
                      {draft.submittedAt !== undefined && (
                        <span className="opt-submitted" style={{ color: '#1a7f37' }}>
                          {t('options.drafts.submitted', { time: formatTime(draft.submittedAt) })}
                        </span>
                      )}
                      {draft.unsaved && (
                        <span role="alert" className="opt-error">
                          {draft.unsaved.reason === 'tooLong'
                            ? t('options.drafts.unsaved.tooLong', {
                                time: formatTime(draft.unsaved.at),
                                count: draft.unsaved.length,
                                max: DRAFT_BUDGET.fieldChars,
                              })
                            : t('options.drafts.unsaved.siteFull', { time: formatTime(draft.unsaved.at), max: DRAFT_BUDGET.siteChars })}
                        </span>
                      )}
                      <span className="opt-muted" style={{ whiteSpace: shown ? 'pre-wrap' : undefined }}>
                        {shown ? draft.text : draftPreview(draft.text, 100)}
                      </span>
                      {draft.earlier && (
                        <>
                          <span>
                            {t('options.drafts.earlier', { time: formatTime(draft.earlier.savedAt), count: draft.earlier.text.length })}
                            {draft.earlier.submittedAt !== undefined && (
                              <> · {t('options.drafts.submitted', { time: formatTime(draft.earlier.submittedAt) })}</>
                            )}
                          </span>
                          <span className="opt-muted" style={{ whiteSpace: shown ? 'pre-wrap' : undefined }}>
                            {shown ? draft.earlier.text : draftPreview(draft.earlier.text, 100)}
                          </span>
                        </>
                      )}
                      <span style={{ display: 'flex', gap: 8 }}>
                        <button type="button" aria-expanded={shown} onClick={() => setOpen(shown ? undefined : id(draft))}>
                          {shown ? t('options.drafts.hide') : t('options.drafts.show')}
                        </button>
                        {draft.text !== '' && (
                          <button type="button" onClick={() => void copy(draft.text)}>
                            {t('options.drafts.copy')}
                          </button>
                        )}
                        <button type="button" onClick={() => void run(() => remove(draft.origin, [draft.fieldKey]))}>
                          {t('options.drafts.delete')}
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          {confirmAll ? (
            <div className="opt-confirm" role="alertdialog" aria-label={t('options.drafts.deleteAll')}>
              <p>{t('options.drafts.confirmAll', { count: drafts.length })}</p>
              <button
                type="button"
                onClick={() => {
                  setConfirmAll(false);
                  const origins = [...new Set(drafts.map((draft) => draft.origin))];
                  void run(async () => {
                    for (const origin of origins) await remove(origin);
                  });
                }}
              >
                {t('options.drafts.confirm')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmAll(false)}>
                {t('options.drafts.cancel')}
              </button>
            </div>
          ) : (
            <p>
              <button type="button" onClick={() => setConfirmAll(true)}>
                {t('options.drafts.deleteAll')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
