// 「在此网站始终启用」: a per-origin optional host permission plus a dynamically registered agent script.
// A site counts as enabled when the user switched it on (site profile) AND the browser still holds the
// permission; the registration is re-derived from both at start-up and whenever either changes, including a
// revocation in the browser's own extension settings.
import { browser } from 'wxt/browser';
import { originPattern, isEnableableOrigin } from '../messages';
import { listEnabledSites, updateSiteProfile } from '../storage';

export const AGENT_SCRIPT_ID = 'tianbao-agent';

async function hasPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/** Sites switched on whose permission the browser still grants. */
export async function activeSites(): Promise<string[]> {
  const sites = await listEnabledSites();
  const active: string[] = [];
  for (const origin of sites) if (await hasPermission(origin)) active.push(origin);
  return active.sort();
}

/** Registers the agent on exactly the active sites (or unregisters it when there are none). */
export async function resyncRegistration(): Promise<string[]> {
  const origins = await activeSites();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [AGENT_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [AGENT_SCRIPT_ID] });
  if (origins.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: AGENT_SCRIPT_ID,
        js: ['agent.js'],
        matches: origins.map((origin) => originPattern(origin)),
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  }
  return origins;
}

/** Called once the permission for `origin` is granted (the enable-site page asks for it). */
export async function enableSite(origin: string): Promise<boolean> {
  if (!isEnableableOrigin(origin) || !(await hasPermission(origin))) return false;
  await updateSiteProfile(origin, { enabled: true });
  const active = await resyncRegistration();
  return active.includes(origin);
}

export async function revokeSite(origin: string): Promise<void> {
  await updateSiteProfile(origin, { enabled: false });
  try {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // A permission the manifest grants (the e2e flavour's 127.0.0.1) cannot be removed; the site is still
    // switched off through its profile.
  }
  await resyncRegistration();
}

export async function isSiteActive(origin: string): Promise<boolean> {
  return (await activeSites()).includes(origin);
}
