import { useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { isEnableableOrigin, originPattern, type Message } from '@/lib/messages';

type Phase = 'ask' | 'working' | 'done' | 'denied' | 'error';

export interface EnableSiteProps {
  origin: string;
  /** Injected in tests; the browser's own permission prompt otherwise. */
  request?: (pattern: string) => Promise<boolean>;
  notify?: (message: Message) => Promise<unknown>;
  close?: () => void;
}

/**
 * The small window behind 「在此网站始终启用」. Content scripts cannot ask for permissions, so the panel opens
 * this extension page; the click on 允许 is the user gesture the browser's permission prompt needs.
 */
export function EnableSite({
  origin,
  request = (pattern) => browser.permissions.request({ origins: [pattern] }),
  notify = (message) => browser.runtime.sendMessage(message),
  close = () => window.close(),
}: EnableSiteProps) {
  const [phase, setPhase] = useState<Phase>('ask');
  const valid = isEnableableOrigin(origin);

  const allow = () => {
    setPhase('working');
    // permissions.request must be the first call in the click handler (Firefox drops the gesture otherwise).
    request(originPattern(origin))
      .then(async (granted) => {
        if (!granted) {
          setPhase('denied');
          return;
        }
        const ok = await notify({ type: 'site:enabled', origin });
        setPhase(ok === true ? 'done' : 'error');
        if (ok === true) setTimeout(close, 2500);
      })
      .catch(() => setPhase('error'));
  };

  return (
    <main style={{ font: '14px/1.6 system-ui, "Noto Sans CJK SC", sans-serif', padding: '20px 24px', color: '#1f2329' }}>
      <h1 style={{ fontSize: 18, margin: '0 0 12px' }}>{t('enableSite.title')}</h1>
      {!valid ? (
        <p role="alert">{t('enableSite.invalidOrigin')}</p>
      ) : (
        <>
          <p>{t('enableSite.explain', { origin })}</p>
          <p style={{ color: '#646a73' }}>{t('enableSite.privacy')}</p>
          {phase === 'done' && <p role="status">{t('enableSite.done')}</p>}
          {phase === 'denied' && <p role="alert">{t('enableSite.denied')}</p>}
          {phase === 'error' && <p role="alert">{t('enableSite.error')}</p>}
          {phase !== 'done' && (
            <div style={{ display: 'flex', gap: 12, marginTop: 16 }}>
              <button type="button" onClick={allow} disabled={phase === 'working'}>
                {t('enableSite.allow')}
              </button>
              <button type="button" onClick={close}>
                {t('enableSite.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </main>
  );
}
