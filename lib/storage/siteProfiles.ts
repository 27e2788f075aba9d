// Per-site profiles, keyed by origin (`https://host[:port]`). A site without a stored profile reads as the
// default profile (not enabled); nothing is written until something about the site changes.
import { StorageValidationError } from './errors';
import { readItem, siteProfilesItem } from './items';
import { applyManagedSite, getManagedConfig, watchManaged, type ManagedConfig } from './managed';
import { PANEL_WIDTH, type Settings, type SiteProfile } from './schemas';
import { updateItem } from './write';

/** Fields to change; `reportPeriod: null` removes the site's period (back to 自动识别). */
export type SiteProfilePatch = Partial<Omit<SiteProfile, 'updatedAt' | 'reportPeriod'>> & {
  reportPeriod?: SiteProfile['reportPeriod'] | null;
};

export function defaultSiteProfile(now = 0): SiteProfile {
  return {
    enabled: false,
    pathPattern: '*',
    panelWidth: PANEL_WIDTH.default,
    panelCollapsed: false,
    templateId: null,
    fieldSectionMap: {},
    variables: {},
    submitGuard: null,
    draftAutosave: null,
    updatedAt: now,
  };
}

/** `https://a.gov.cn/x/y?z` → `https://a.gov.cn`; anything that is not an http(s) URL is rejected. */
export function normaliseOrigin(originOrUrl: string): string {
  try {
    const url = new URL(originOrUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through
  }
  throw new StorageValidationError('siteProfiles', 'origin');
}

/** A dragged width lands anywhere; store it rounded and inside 280–640 px. */
export function clampPanelWidth(width: number): number {
  if (!Number.isFinite(width)) return PANEL_WIDTH.default;
  return Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, Math.round(width)));
}

/** The site's profile in force: the stored one (or the default) under the unit's configuration (managed.ts). */
export async function getSiteProfile(origin: string): Promise<SiteProfile> {
  const key = normaliseOrigin(origin);
  const [profiles, config] = await Promise.all([readItem(siteProfilesItem), getManagedConfig()]);
  return applyManagedSite(Object.hasOwn(profiles, key) ? profiles[key]! : defaultSiteProfile(), key, config);
}

/** Every stored profile, and one for each site the unit names, under the unit's configuration. */
function managedProfiles(profiles: Record<string, SiteProfile>, config: ManagedConfig | undefined): Record<string, SiteProfile> {
  if (!config) return profiles;
  const next: Record<string, SiteProfile> = {};
  const origins = new Set([...Object.keys(profiles), ...config.sites.map((site) => site.origin)]);
  for (const origin of origins) {
    next[origin] = applyManagedSite(Object.hasOwn(profiles, origin) ? profiles[origin]! : defaultSiteProfile(), origin, config);
  }
  return next;
}

/** Merges `patch` into the site's profile (created from the defaults if there is none). */
export async function updateSiteProfile(
  origin: string,
  patch: SiteProfilePatch,
  now = Date.now(),
): Promise<SiteProfile> {
  const key = normaliseOrigin(origin);
  const { reportPeriod, ...clean } = patch;
  if (clean.panelWidth !== undefined) clean.panelWidth = clampPanelWidth(clean.panelWidth);
  const profiles = await updateItem(siteProfilesItem, (current) => {
    const base = Object.hasOwn(current, key) ? current[key]! : defaultSiteProfile();
    const next: SiteProfile = { ...base, ...clean, updatedAt: now };
    if (reportPeriod === null) delete next.reportPeriod;
    else if (reportPeriod !== undefined) next.reportPeriod = reportPeriod;
    return { ...current, [key]: next };
  });
  return profiles[key]!;
}

export async function removeSiteProfile(origin: string): Promise<boolean> {
  const key = normaliseOrigin(origin);
  let found = false;
  await updateItem(siteProfilesItem, (current) => {
    found = Object.hasOwn(current, key);
    if (!found) return current;
    const { [key]: _removed, ...rest } = current;
    return rest;
  });
  return found;
}

export async function listSiteProfiles(): Promise<Array<{ origin: string; profile: SiteProfile }>> {
  const profiles = await readItem(siteProfilesItem);
  return Object.keys(profiles)
    .sort()
    .map((origin) => ({ origin, profile: profiles[origin]! }));
}

/** Origins switched on with 「在此网站始终启用」, sorted. (Whether the browser still grants them is the background's question.) */
export async function listEnabledSites(): Promise<string[]> {
  return (await listSiteProfiles()).filter(({ profile }) => profile.enabled).map(({ origin }) => origin);
}

/** The site's own choice where it made one, else the global default. */
export function resolveSiteFlags(
  profile: SiteProfile,
  settings: Pick<Settings, 'submitGuard' | 'draftAutosave'>,
): { submitGuard: boolean; draftAutosave: boolean } {
  return {
    submitGuard: profile.submitGuard ?? settings.submitGuard,
    draftAutosave: profile.draftAutosave ?? settings.draftAutosave,
  };
}

export function watchSiteProfiles(callback: (profiles: Record<string, SiteProfile>) => void): () => void {
  const reload = () =>
    void Promise.all([readItem(siteProfilesItem), getManagedConfig()]).then(([profiles, config]) =>
      callback(managedProfiles(profiles, config)),
    );
  const stopOwn = siteProfilesItem.item.watch(reload);
  const stopManaged = watchManaged(reload);
  return () => {
    stopOwn();
    stopManaged();
  };
}
