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
    // Styled by entrypoints/enable-site/enable-site.css (light and dark with the system).
    <main className="es-main">
      <h1 className="es-title">
        <img src="/icon/48.png" alt="" />
        {t('enableSite.title')}
      </h1>
      {!valid ? (
        <p role="alert" className="es-status es-error">
          {t('enableSite.invalidOrigin')}
        </p>
      ) : (
        <>
          <p>{t('enableSite.explain', { origin })}</p>
          <p className="es-muted">{t('enableSite.privacy')}</p>
          {phase === 'done' && (
            <p role="status" className="es-status es-ok">
              {t('enableSite.done')}
            </p>
          )}
          {phase === 'denied' && (
            <p role="alert" className="es-status es-error">
              {t('enableSite.denied')}
            </p>
          )}
          {phase === 'error' && (
            <p role="alert" className="es-status es-error">
              {t('enableSite.error')}
            </p>
          )}
          {phase !== 'done' && (
            <div className="es-actions">
              <button type="button" className="es-primary" onClick={allow} disabled={phase === 'working'}>
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
