import { useCallback, useEffect, useState } from 'react';
import { getLanguage, t } from '@/lib/i18n';
import type { PageBridge } from '@/lib/panel/bridge';
import type { DraftSource } from '@/lib/drafts/source';
import { draftOffers, unsavedNotices, type DraftOffer, type UnsavedNotice } from '@/lib/drafts/restore';
import { DRAFT_BUDGET } from '@/lib/storage';
import { draftPreview } from '@/lib/drafts/text';

const CSS = `
.tb-drafts { margin: 8px 12px 0; padding: 8px 10px; border: 1px solid var(--tb-info-border); border-radius: 6px; background: var(--tb-info-soft); font-size: 13px; }
.tb-drafts h2 { margin: 0 0 2px; font-size: 14px; }
.tb-drafts ul { list-style: none; margin: 6px 0 0; padding: 0; max-height: 36vh; overflow: auto; }
.tb-drafts li { padding: 6px 0; border-top: 1px solid var(--tb-info-border); }
.tb-draft-preview { display: block; margin: 2px 0; color: var(--tb-fg); white-space: pre-wrap; word-break: break-all; }
.tb-draft-missing { color: var(--tb-danger); }
.tb-draft-submitted { color: var(--tb-ok); }
`;

const REFRESH_MS = 500;

export function formatSavedAt(savedAt: number): string {
  return new Date(savedAt).toLocaleString(getLanguage() === 'en' ? 'en' : 'zh-CN', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export interface DraftRestoreProps {
  bridge: Pick<PageBridge, 'readFields' | 'onChange' | 'replaceFieldText'>;
  source: DraftSource;
}

/** 恢复草稿: drafts of this page whose field holds something else now, and drafts whose field is gone. */
export function DraftRestore({ bridge, source }: DraftRestoreProps) {
  const [offers, setOffers] = useState<DraftOffer[]>([]);
  const [notices, setNotices] = useState<UnsavedNotice[]>([]);
  const [outcome, setOutcome] = useState<{ text: string; tone: 'info' | 'error' } | undefined>(undefined);

  const refresh = useCallback(() => {
    source.list().then(
      (drafts) => {
        setOffers(draftOffers(drafts, bridge.readFields(), source.pageUrl()));
        setNotices(unsavedNotices(drafts, source.pageUrl()));
      },
      () => {
        setOffers([]);
        setNotices([]);
      },
    );
  }, [bridge, source]);

  useEffect(() => {
    refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, REFRESH_MS);
    };
    const stopWatch = source.watch(later);
    const stopEdits = bridge.onChange(later);
    return () => {
      clearTimeout(timer);
      stopWatch();
      stopEdits();
    };
  }, [bridge, source, refresh]);

  if (offers.length === 0 && notices.length === 0 && !outcome) return null;
  const restorable = offers.filter((offer) => offer.state === 'restore').length;
  const labelOf = (offer: DraftOffer) =>
    (offer.state === 'restore' ? offer.field.label : offer.draft.fieldLabel) || offer.draft.fieldLabel || t('drafts.unlabelled');

  const restore = async (offer: DraftOffer & { state: 'restore' }) => {
    const label = labelOf(offer);
    const result = bridge.replaceFieldText
      ? await bridge.replaceFieldText(offer.draft.fieldKey, offer.text)
      : { ok: false };
    // The field holds the earlier text now: it becomes the draft's text. Should that message fail, nothing is
    // lost: the autosave of the restored field saves it within a second, and the panel then offers the other.
    if (result.ok && offer.earlier) await source.settle(offer.draft.fieldKey, 'restored').catch(() => undefined);
    setOutcome(result.ok ? { text: t('drafts.restored', { label }), tone: 'info' } : { text: t('drafts.restoreFailed', { label }), tone: 'error' });
    refresh();
  };
  /** 忽略/删除: the offered text goes — the earlier text only, when that is what was offered. */
  const remove = async (offer: DraftOffer) => {
    try {
      if (offer.earlier) await source.settle(offer.draft.fieldKey, 'discarded');
      else await source.remove([offer.draft.fieldKey]);
      setOutcome(undefined);
    } catch {
      setOutcome({ text: t('drafts.removeFailed'), tone: 'error' });
    }
    refresh();
  };
  const copy = async (offer: DraftOffer) => {
    try {
      await navigator.clipboard.writeText(offer.text);
      setOutcome({ text: t('drafts.copied'), tone: 'info' });
    } catch {
      setOutcome({ text: t('drafts.copyFailed'), tone: 'error' });
    }
  };

  return (
    <section className="tb-drafts" aria-labelledby="tb-drafts-title" data-testid="tianbao-drafts">
      <style>{CSS}</style>
      {offers.length > 0 && (
        <>
          <h2 id="tb-drafts-title">{t('drafts.title', { count: offers.length })}</h2>
          {restorable > 0 && <span className="tb-muted">{t('drafts.explain')}</span>}
        </>
      )}
      {notices.map((notice) => {
        const label = notice.draft.fieldLabel || t('drafts.unlabelled');
        const text =
          notice.reason === 'tooLong'
            ? t('drafts.unsaved.tooLong', { label, count: notice.length, max: DRAFT_BUDGET.fieldChars })
            : t('drafts.unsaved.siteFull', { label, max: DRAFT_BUDGET.siteChars });
        return (
          // A refused save is never silent (issue 9 item 5): it stays here until the field's text is saved again.
          <p key={`unsaved ${notice.draft.fieldKey}`} className="tb-notice tb-error" role="alert" style={{ margin: '6px 0 0' }}>
            {text}
            {notice.draft.text !== '' && <> {t('drafts.unsaved.kept', { time: formatSavedAt(notice.draft.savedAt) })}</>}
          </p>
        );
      })}
      {outcome && (
        <p className={`tb-notice tb-${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'} style={{ margin: '6px 0 0' }}>
          {outcome.text}
        </p>
      )}
      <ul>
        {offers.map((offer) => {
          const label = labelOf(offer);
          return (
            <li key={offer.draft.fieldKey} aria-label={label}>
              <strong>{label}</strong>{' '}
              <span className="tb-muted">
                {t('drafts.savedAt', { time: formatSavedAt(offer.savedAt) })} · {t('drafts.length', { count: offer.text.length })}
              </span>
              {offer.submittedAt !== undefined && (
                <span className="tb-draft-submitted" title={t('drafts.submittedHint')} style={{ display: 'block' }}>
                  {t('drafts.submittedAt', { time: formatSavedAt(offer.submittedAt) })}
                </span>
              )}
              {offer.state === 'missing' && (
                <span className="tb-draft-missing" role="alert" style={{ display: 'block' }}>
                  {t('drafts.missing', { label })}
                </span>
              )}
              <span className="tb-draft-preview">{draftPreview(offer.text, 120)}</span>
              <span className="tb-actions">
                {offer.state === 'restore' ? (
                  <>
                    <button type="button" className="tb-link" onClick={() => void restore(offer)}>
                      {t('drafts.restore')}
                    </button>
                    <button type="button" className="tb-link" onClick={() => void remove(offer)}>
                      {t('drafts.discard')}
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" className="tb-link" onClick={() => void copy(offer)}>
                      {t('drafts.copy')}
                    </button>
                    <button type="button" className="tb-link" onClick={() => void remove(offer)}>
                      {t('drafts.delete')}
                    </button>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
