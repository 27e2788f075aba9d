import { useRef, useState } from 'react';
import { getLanguage, t } from '@/lib/i18n';
import {
  MAX_BACKUP_BYTES,
  backupFileName,
  exportBackup as exportBackupDefault,
  inspectBackup as inspectBackupDefault,
  restoreBackup as restoreBackupDefault,
  summarizeStoredData as summarizeStoredDataDefault,
  type BackupInspection,
  type BackupSummary,
  type ItemName,
} from '@/lib/storage';
import { downloadJson } from './downloadJson';

export interface BackupSectionProps {
  exportBackup?: typeof exportBackupDefault;
  inspectBackup?: typeof inspectBackupDefault;
  restoreBackup?: typeof restoreBackupDefault;
  summarizeStoredData?: typeof summarizeStoredDataDefault;
  now?: () => Date;
}

type Message = { kind: 'status' | 'alert'; text: string };

interface Pending {
  text: string;
  inspection: BackupInspection;
  current: BackupSummary;
}

/** Counted items shown in the confirmation, in this order; settings get their own line. */
const COUNTED: readonly Exclude<ItemName, 'settings'>[] = ['snippets', 'templates', 'siteProfiles', 'drafts'];

function messageOf(error: unknown, fallbackId: string): string {
  if (error && typeof error === 'object' && 'messageId' in error && typeof error.messageId === 'string') {
    const params = 'params' in error ? (error.params as Record<string, string | number>) : undefined;
    return t(error.messageId, params);
  }
  return t(fallbackId);
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(getLanguage() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/**
 * 备份与恢复: exports every item as one JSON download, and restores one after showing what it will replace.
 * Restore never writes before the user confirms, and a refused file leaves everything as it was.
 */
export function BackupSection({
  exportBackup = exportBackupDefault,
  inspectBackup = inspectBackupDefault,
  restoreBackup = restoreBackupDefault,
  summarizeStoredData = summarizeStoredDataDefault,
  now = () => new Date(),
}: BackupSectionProps) {
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function onExport() {
    setBusy(true);
    setMessage(undefined);
    try {
      const text = await exportBackup(now());
      const fileName = backupFileName(now());
      downloadJson(text, fileName);
      // Say so when the file also carries entries that cannot be used now: the user may look for them there.
      const setAside = (JSON.parse(text) as { setAside?: unknown[] }).setAside?.length ?? 0;
      const exported = t('storage.backup.exported', { fileName });
      setMessage({
        kind: 'status',
        text: setAside > 0 ? `${exported}${t('storage.backup.setAsideIncluded', { count: setAside })}` : exported,
      });
    } catch (error) {
      setMessage({ kind: 'alert', text: messageOf(error, 'storage.backup.exportFailed') });
    } finally {
      setBusy(false);
    }
  }

  async function onFileChosen(file: File | undefined) {
    // Clearing the input lets the same file be chosen again after a cancel.
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    setPending(undefined);
    // Refuse a huge file before reading it into memory.
    if (file.size > MAX_BACKUP_BYTES) {
      const toMb = (bytes: number) => Math.ceil((bytes / 1024 / 1024) * 10) / 10;
      setMessage({
        kind: 'alert',
        text: t('storage.restore.tooLarge', { sizeMb: toMb(file.size), limitMb: toMb(MAX_BACKUP_BYTES) }),
      });
      return;
    }
    setBusy(true);
    setMessage({ kind: 'status', text: t('storage.backup.reading') });
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setMessage({ kind: 'alert', text: t('storage.backup.readFailed') });
        return;
      }
      const inspection = inspectBackup(text);
      if (!inspection.ok) {
        setMessage({ kind: 'alert', text: t(inspection.messageId, inspection.params) });
        return;
      }
      const current = await summarizeStoredData();
      setMessage(undefined);
      setPending({ text, inspection, current });
    } catch (error) {
      setMessage({ kind: 'alert', text: messageOf(error, 'storage.restore.failed') });
    } finally {
      setBusy(false);
    }
  }

  async function onConfirm() {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await restoreBackup(pending.text);
      setMessage({ kind: result.ok ? 'status' : 'alert', text: t(result.messageId, result.params) });
    } catch (error) {
      setMessage({ kind: 'alert', text: messageOf(error, 'storage.restore.failed') });
    } finally {
      setPending(undefined);
      setBusy(false);
    }
  }

  function onCancel() {
    setPending(undefined);
    setMessage({ kind: 'status', text: t('storage.backup.cancelled') });
  }

  return (
    <section aria-labelledby="backup-title" className="opt-section">
      <h2 id="backup-title">{t('storage.backup.title')}</h2>
      <p className="opt-muted">{t('storage.backup.explain')}</p>
      <p>
        <button type="button" onClick={onExport} disabled={busy}>
          {t('storage.backup.export')}
        </button>{' '}
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy || pending !== undefined}>
          {t('storage.backup.restore')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t('storage.backup.chooseFile')}
          hidden
          onChange={(event) => void onFileChosen(event.target.files?.[0])}
        />
      </p>
      {pending && (
        <div role="dialog" aria-labelledby="backup-confirm-title" className="opt-confirm">
          <h3 id="backup-confirm-title">{t('storage.backup.confirmTitle')}</h3>
          <p>{t('storage.backup.confirmIntro', { exportedAt: formatTime(pending.inspection.exportedAt) })}</p>
          <ul>
            <li>{t('storage.backup.confirmSettings')}</li>
            {COUNTED.map((name) => (
              <li key={name}>
                {t('storage.backup.confirmCount', {
                  item: t(`storage.item.${name}`),
                  current: pending.current[name],
                  incoming: pending.inspection.summary[name],
                })}
              </li>
            ))}
          </ul>
          {pending.inspection.setAside.length > 0 && (
            <p>{t('storage.backup.confirmSetAside', { count: pending.inspection.setAside.length })}</p>
          )}
          <p className="opt-muted">{t('storage.backup.confirmHint')}</p>
          <button type="button" onClick={onConfirm} disabled={busy}>
            {t('storage.backup.confirm')}
          </button>{' '}
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('storage.backup.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p role={message.kind} aria-live="polite">
          {message.text}
        </p>
      )}
    </section>
  );
}
