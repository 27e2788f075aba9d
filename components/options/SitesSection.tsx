import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';

export interface SitesSectionProps {
  /** Enabled sites (permission held, agent registered). */
  list(): Promise<string[]>;
  revoke(origin: string): Promise<void>;
}

/** 已启用的网站: every origin where 「在此网站始终启用」 is on, each with 取消启用. */
export function SitesSection({ list, revoke }: SitesSectionProps) {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
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
    </section>
  );
}
