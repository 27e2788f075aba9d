import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import type { PageBridge } from '@/lib/panel/bridge';
import type { PanelStore } from '@/lib/panel/store';
import { undoChange, type UndoResult } from '@/lib/panel/undo';
import { Notice, type NoticeMessage } from './Notice';

function resultText(result: UndoResult): NoticeMessage {
  if (result.ok) return { ok: true, text: t('undo.done', { fields: result.fields.join('、') }) };
  if (result.reason === 'gone') return { ok: false, text: t('undo.gone', { field: result.field }) };
  if (result.reason === 'partial') return { ok: false, text: t('undo.partial', { done: result.done.join('、'), field: result.field }) };
  return { ok: false, text: t('undo.changed', { field: result.field }) };
}

/**
 * 撤销 for the panel's last change, on every tab: what it changed and where, and one button that puts the fields
 * back as they were, provided nobody has touched them since.
 */
export function UndoBar({ store, bridge }: { store: PanelStore; bridge: PageBridge }) {
  const change = useStore(store, (s) => s.lastChange);
  const [message, setMessage] = useState<NoticeMessage | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A new change: what was said about the one before no longer applies.
  useEffect(() => {
    if (change) setMessage(undefined);
  }, [change]);
  if (!change && !message) return null;
  return (
    <div className="tb-undo" data-testid="tianbao-undo">
      {change && (
        <span className="tb-undo-line">
          <span className="tb-muted">{t(`undo.last.${change.kind}`, { fields: change.fields.map((field) => field.label).join('、') })}</span>
          <button
            type="button"
            className="tb-link"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const result = await undoChange(bridge, change);
                setMessage(resultText(result));
                // Taken back (or partly): there is no longer one change to take back.
                if (result.ok || result.reason === 'partial') {
                  if (store.getState().lastChange === change) store.getState().setLastChange(undefined);
                }
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('undo.button')}
          </button>
        </span>
      )}
      <Notice message={message} onDismiss={() => setMessage(undefined)} />
    </div>
  );
}
