import { useCallback, useState } from 'react';
import type { ReportPeriod } from '@/lib/core/types';
import { getSiteProfile, updateSiteProfile } from '@/lib/storage';
import { useSiteProfileValue } from './useSiteProfileValue';

export interface SitePeriod {
  /** The period the user set for this site (检查 tab); undefined = detect it. */
  period?: ReportPeriod;
  /** Sets it (undefined = 自动识别 again) at once and saves it in the site profile. */
  setPeriod(period: ReportPeriod | undefined): void;
  /** The last save failed (the period shown is still the stored one). */
  saveFailed: boolean;
}

/**
 * The site's report period as the user set it, kept current across tabs. A stored period that fails validation
 * never gets here: the storage layer drops it when it reads the profile (lib/storage/items.ts).
 */
export function useSitePeriod(origin: string): SitePeriod {
  const [period, setLocal] = useSiteProfileValue(origin, (profile) => profile?.reportPeriod);
  const [saveFailed, setSaveFailed] = useState(false);

  const setPeriod = useCallback(
    (next: ReportPeriod | undefined) => {
      // Applied at once; the stored value follows (and comes back through the watch).
      setLocal(next);
      setSaveFailed(false);
      if (!origin) return;
      updateSiteProfile(origin, { reportPeriod: next ?? null }).catch(() => {
        setSaveFailed(true);
        void getSiteProfile(origin)
          .then((profile) => setLocal(profile.reportPeriod))
          .catch(() => undefined);
      });
    },
    [origin, setLocal],
  );
  return { period, setPeriod, saveFailed };
}
