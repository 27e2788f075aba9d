import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { ManagedBadge, useManaged } from './ManagedSection';

export interface SitesSectionProps {
  /** Enabled sites (permission held, agent registered). */
  list(): Promise<string[]>;
  revoke(origin: string): Promise<void>;
  /**
   * Asks the browser for the site's permission (the browser shows its own prompt) and enables the site; false when
   * it was not granted. Without it, the unit's recommended sites are listed without a button.
   */
  enable?(origin: string): Promise<boolean>;
}

/** 已启用的网站: every origin where 「在此网站始终启用」 is on, each with 取消启用. */
export function SitesSection({ list, revoke, enable }: SitesSectionProps) {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  const unit = useManaged()?.config;
  const [enableError, setEnableError] = useState<string | undefined>(undefined);
  // The unit's portals not enabled yet: 推荐启用 (the browser still asks the user for each).
  const recommended = sites ? (unit?.sites ?? []).map((site) => site.origin).filter((origin) => !sites.includes(origin)) : [];
  const [error, setError] = useState(false);
  const [revokeError, setRevokeError] = useState<string | undefined>(undefined);
  const reload = () =>
    list()
      .then((next) => {
        setSites(next);
        setError(false);
      })
      .catch(() => setError(true));
  useEffect(() => {
    void reload();
  }, []);

  return (
    <section aria-labelledby="sites-title" className="opt-section">
      <h2 id="sites-title">{t('options.sites.title')}</h2>
      <p className="opt-muted">{t('options.sites.explain')}</p>
      {error && <p role="alert">{t('options.sites.loadFailed')}</p>}
      {revokeError && <p role="alert">{revokeError}</p>}
      {sites && sites.length === 0 && <p>{t('options.sites.none')}</p>}
      {sites && sites.length > 0 && (
        <ul className="opt-list">
          {sites.map((origin) => (
            <li key={origin}>
              <span className="opt-origin">{origin}</span>
              <button
                type="button"
                onClick={async () => {
                  setRevokeError(undefined);
                  try {
                    await revoke(origin);
                  } catch (failure) {
                    // The data layer's own words when it has them (storage full, saved by a newer version).
                    const e = failure as { messageId?: unknown; params?: Record<string, string | number> } | undefined;
                    setRevokeError(
                      typeof e?.messageId === 'string' ? t(e.messageId, e.params) : t('options.sites.revokeFailed'),
                    );
                  }
                  await reload();
                }}
              >
                {t('options.sites.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {recommended.length > 0 && (
        <>
          <h3>{t('options.sites.recommended')}</h3>
          <p className="opt-muted">{t('options.sites.recommendedExplain')}</p>
          {enableError && <p role="alert">{enableError}</p>}
          <ul className="opt-list" aria-label={t('options.sites.recommended')}>
            {recommended.map((origin) => (
              <li key={origin}>
                <span>
                  <span className="opt-origin">{origin}</span> <ManagedBadge />
                </span>
                {enable && (
                  <button
                    type="button"
                    onClick={async () => {
                      setEnableError(undefined);
                      const granted = await enable(origin).catch(() => false);
                      if (!granted) setEnableError(t('options.sites.enableFailed'));
                      await reload();
                    }}
                  >
                    {t('options.sites.enable')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
