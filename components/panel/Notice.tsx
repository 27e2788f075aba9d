import { t } from '@/lib/i18n';

/** What an action of the panel says when it is done: a success (a status) or a failure (an alert). */
export interface NoticeMessage {
  ok: boolean;
  text: string;
}

/** The message of the last action, until the user dismisses it with the OK link; nothing when there is none. */
export function Notice({ message, onDismiss }: { message: NoticeMessage | undefined; onDismiss(): void }) {
  if (!message) return null;
  return (
    <p className={message.ok ? 'tb-ok' : 'tb-notice tb-error'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
      <button type="button" className="tb-link" onClick={onDismiss}>
        {t('panel.dismiss')}
      </button>
    </p>
  );
}
