import { useCallback, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import {
  ITEM_NAMES,
  deleteSetAside as deleteSetAsideDefault,
  exportSetAside as exportSetAsideDefault,
  listSetAside as listSetAsideDefault,
  setAsideFileName,
  watchSetAside as watchSetAsideDefault,
  type ItemName,
  type SetAsideEntry,
  type SetAsideReport,
} from '@/lib/storage';
import { downloadJson } from './downloadJson';

export interface SetAsideNoticeProps {
  list?: () => Promise<SetAsideReport>;
  exportEntries?: (ids: readonly string[], now?: Date) => Promise<string>;
  remove?: (ids: readonly string[]) => Promise<number>;
  watch?: (onChange: () => void) => () => void;
  now?: () => Date;
}

type Message = { kind: 'status' | 'alert'; text: string };

/** How long storage must stay quiet before the notice counts again. */
const RELOAD_AFTER_MS = 300;

/** Settings the notice names in words rather than by their stored key. */
const SETTING_LABELS = new Set(['language', 'submitGuard', 'draftAutosave', 'draftRetentionDays', 'rules', 'snippetParagraphs']);

/**
 * What the user recognises an entry by: a snippet's title, a template's name, a draft's field label, a setting's
 * name; else where it was stored.
 */
function labelOf(entry: SetAsideEntry): string {
  const value = entry.value as { title?: unknown; name?: unknown; fieldLabel?: unknown } | null;
  if (value && typeof value === 'object') {
    for (const text of [value.title, value.name, value.fieldLabel]) {
      if (typeof text === 'string' && text.trim()) return text.trim().slice(0, 40);
    }
  }
  if (entry.item === 'settings') {
    const setting = entry.key.split('.')[0]!;
    if (SETTING_LABELS.has(setting)) return t(`storage.setAside.setting.${setting}`);
  }
  return entry.key || t('storage.setAside.whole');
}

const reasonOf = (entry: SetAsideEntry) =>
  entry.reason === 'newer'
    ? t('storage.setAside.reason.newer')
    : t('storage.setAside.reason.invalid', { path: entry.path || '-' });


/**
 * Shown at the top of the options page when stored entries cannot be used: how many, in which item, and why
 * (failed the check, or saved by a newer version — then: update the extension). Each item's entries can be
 * exported verbatim; those that failed the check can be deleted after a confirmation. Nothing goes otherwise.
 */
export function SetAsideNotice({
  list = listSetAsideDefault,
  exportEntries = exportSetAsideDefault,
  remove = deleteSetAsideDefault,
  watch = watchSetAsideDefault,
  now = () => new Date(),
}: SetAsideNoticeProps) {
  const [report, setReport] = useState<SetAsideReport | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [confirming, setConfirming] = useState<ItemName | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    list().then(setReport, () => setMessage({ kind: 'alert', text: t('storage.setAside.loadFailed') }));
  }, [list]);

  useEffect(() => {
    load();
    // Storage changes come in bursts (autosaved drafts, a restore): count again once a burst is over, not
    // on every write, so that the page does not re-read every item hundreds of times.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unwatch = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(load, RELOAD_AFTER_MS);
    });
    return () => {
      clearTimeout(timer);
      unwatch();
    };
  }, [load, watch]);

  if (!report || (report.entries.length === 0 && report.newerItems.length === 0 && !message)) return null;

  const groups = ITEM_NAMES.map((item) => ({
    item,
    entries: report.entries.filter((entry) => entry.item === item),
    newer: report.newerItems.find((newer) => newer.item === item),
  })).filter((group) => group.entries.length > 0 || group.newer);

  async function onExport(item: ItemName, entries: SetAsideEntry[]) {
    setBusy(true);
    try {
      const fileName = setAsideFileName(now()).replace(/\.json$/, `-${item}.json`);
      downloadJson(await exportEntries(entries.map((entry) => entry.id), now()), fileName);
      setMessage({ kind: 'status', text: t('storage.setAside.exported', { fileName }) });
    } catch {
      setMessage({ kind: 'alert', text: t('storage.setAside.failed') });
    } finally {
      setBusy(false);
    }
  }

  async function onDelete(entries: SetAsideEntry[]) {
    setBusy(true);
    try {
      const count = await remove(entries.map((entry) => entry.id));
      setMessage({ kind: 'status', text: t('storage.setAside.deleted', { count }) });
      load();
    } catch {
      setMessage({ kind: 'alert', text: t('storage.setAside.failed') });
    } finally {
      setConfirming(undefined);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="set-aside-title" className="opt-section opt-confirm">
      <h2 id="set-aside-title">{t('storage.setAside.title', { count: report.entries.length })}</h2>
      <p>{t('storage.setAside.intro')}</p>
      {groups.map(({ item, entries, newer }) => {
        const itemLabel = t(`storage.item.${item}`);
        const deletable = newer ? [] : entries.filter((entry) => entry.reason === 'invalid');
        // An item with an entry from a newer build is not written at all, so none of its entries can go.
        const blocked = entries.some((entry) => entry.reason === 'newer');
        return (
          <div key={item}>
            <h3>{t('storage.setAside.group', { item: itemLabel, count: entries.length })}</h3>
            {newer && <p role="note">{t('storage.setAside.newerItem', { item: itemLabel, version: newer.storedVersion })}</p>}
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>{t('storage.setAside.entry', { label: labelOf(entry), reason: reasonOf(entry) })}</li>
              ))}
            </ul>
            <p>
              <button
                type="button"
                aria-label={t('storage.setAside.exportNamed', { item: itemLabel })}
                disabled={busy || entries.length === 0}
                onClick={() => void onExport(item, entries)}
              >
                {t('storage.setAside.export')}
              </button>{' '}
              {deletable.length > 0 && !blocked && (
                <button
                  type="button"
                  aria-label={t('storage.setAside.deleteNamed', { item: itemLabel })}
                  disabled={busy || confirming !== undefined}
                  onClick={() => setConfirming(item)}
                >
                  {t('storage.setAside.delete')}
                </button>
              )}
            </p>
            {confirming === item && (
              <div role="dialog" aria-labelledby={`set-aside-confirm-${item}`}>
                <p id={`set-aside-confirm-${item}`}>
                  {t('storage.setAside.confirmDelete', { item: itemLabel, count: deletable.length })}
                </p>
                <button type="button" disabled={busy} onClick={() => void onDelete(deletable)}>
                  {t('storage.setAside.confirm')}
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => setConfirming(undefined)}>
                  {t('storage.setAside.cancel')}
                </button>
              </div>
            )}
          </div>
        );
      })}
      {message && (
        <p role={message.kind} aria-live="polite">
          {message.text}
        </p>
      )}
    </section>
  );
}
