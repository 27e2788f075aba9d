import { useEffect, useState } from 'react';
import { getSiteProfile, watchSiteProfiles } from '@/lib/storage';

/** Field key → section id as the user set it for this site (字段 tab), kept current across tabs. */
export function useSiteMapping(origin: string): Readonly<Record<string, string>> {
  const [mapping, setMapping] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    if (!origin) return;
    let alive = true;
    getSiteProfile(origin)
      .then((profile) => alive && setMapping(profile.fieldSectionMap))
      .catch(() => undefined);
    const stop = watchSiteProfiles((profiles) => {
      if (alive) setMapping(profiles[origin]?.fieldSectionMap ?? {});
    });
    return () => {
      alive = false;
      stop();
    };
  }, [origin]);
  return mapping;
}
