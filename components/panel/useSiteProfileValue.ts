import { useEffect, useState } from 'react';
import { getSiteProfile, watchSiteProfiles, type SiteProfile } from '@/lib/storage';

/**
 * One value read from this site's profile (字段 mapping, chosen template, report period), kept current when
 * another tab or the options page changes it. The setter changes the value shown at once (before a save has
 * come back through the watch).
 */
export function useSiteProfileValue<T>(
  origin: string,
  read: (profile: SiteProfile | undefined) => T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(undefined));
  useEffect(() => {
    if (!origin) return;
    let alive = true;
    getSiteProfile(origin)
      .then((profile) => alive && setValue(read(profile)))
      .catch(() => undefined);
    const stop = watchSiteProfiles((profiles) => {
      if (alive) setValue(read(profiles[origin]));
    });
    return () => {
      alive = false;
      stop();
    };
    // `read` is a pure projection: only the origin decides what is loaded and watched.
  }, [origin]);
  return [value, setValue];
}
