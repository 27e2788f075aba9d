import { useState } from 'react';
import { t } from '@/lib/i18n';
import { checkPackFile, importPack, type PackImportSummary } from '@/lib/storage/pack-import';
import type { PackResult } from '@/lib/storage/pack-verify';

export interface PackImporter {
  check(text: string): Promise<PackResult>;
  apply(pack: Extract<PackResult, { ok: true }>['pack']): Promise<PackImportSummary>;
}

const storageImporter: PackImporter = { check: (text) => checkPackFile(text), apply: (pack) => importPack(pack) };

/**
 * 导入签名包: a pack file chosen here is verified (under the unit's pinned key when its policy has one) and, when
 * accepted, becomes the user's own snippets, templates and entries. A refused pack changes nothing, and says why.
 */
export function ManagedPackImport({ importer = storageImporter }: { importer?: PackImporter }) {
  const [status, setStatus] = useState<{ ok: boolean; lines: string[] } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const result = await importer.check(await file.text());
      if (!result.ok) {
        setStatus({ ok: false, lines: [t(`pack.refused.${result.reason}`, { detail: result.detail })] });
        return;
      }
      const summary = await importer.apply(result.pack);
      setStatus({
        ok: true,
        lines: [
          t('pack.import.done', { ...summary }),
          t(result.signed ? 'pack.import.signed' : 'pack.import.unsigned'),
        ],
      });
    } catch (error) {
      const e = error as { messageId?: unknown; params?: Record<string, string | number> } | undefined;
      setStatus({
        ok: false,
        lines: [typeof e?.messageId === 'string' ? t(e.messageId, e.params) : t('pack.import.failed', { reason: String(error) })],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <h3>{t('pack.import.title')}</h3>
      <p className="opt-muted">{t('pack.import.explain')}</p>
      <label>
        {t('pack.import.file')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {status && (
        <div role={status.ok ? 'status' : 'alert'} className={status.ok ? undefined : 'opt-error'}>
          {status.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
