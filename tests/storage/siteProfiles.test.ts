import { describe, expect, it } from 'vitest';
import {
  PANEL_WIDTH,
  StorageValidationError,
  clampPanelWidth,
  getSiteProfile,
  listEnabledSites,
  listSiteProfiles,
  normaliseOrigin,
  removeSiteProfile,
  resolveSiteFlags,
  updateSiteProfile,
} from '../../lib/storage';
import { NO_SECTION } from '../../lib/panel/report';
import { ORIGIN, OTHER_ORIGIN, snapshotLocal } from './helpers';

describe('site profiles', () => {
  it('reads a default, disabled profile for an unknown site without storing it', async () => {
    const before = await snapshotLocal();
    const profile = await getSiteProfile(ORIGIN);
    expect([profile.enabled, profile.panelWidth, profile.submitGuard]).toEqual([false, PANEL_WIDTH.default, null]);
    expect(await snapshotLocal()).toBe(before);
  });

  it('keys a profile by origin whatever URL of the site it is given', async () => {
    await updateSiteProfile(`${ORIGIN}/report/edit?id=3#top`, { enabled: true });
    expect((await getSiteProfile(ORIGIN)).enabled).toBe(true);
  });

  it('merges a patch into the stored profile', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true, templateId: 'ideology-half-year' });
    const profile = await updateSiteProfile(ORIGIN, { panelCollapsed: true }, 5);
    expect(profile).toMatchObject({ enabled: true, templateId: 'ideology-half-year', panelCollapsed: true, updatedAt: 5 });
  });

  it('clamps a dragged panel width into 280–640 px', async () => {
    expect((await updateSiteProfile(ORIGIN, { panelWidth: 900 })).panelWidth).toBe(640);
    expect((await updateSiteProfile(ORIGIN, { panelWidth: 100.4 })).panelWidth).toBe(280);
    expect(clampPanelWidth(Number.NaN)).toBe(PANEL_WIDTH.default);
  });

  it('refuses a page that is not http(s)', async () => {
    await expect(updateSiteProfile('chrome://settings', { enabled: true })).rejects.toBeInstanceOf(StorageValidationError);
    expect(() => normaliseOrigin('not a url')).toThrow(StorageValidationError);
  });

  it('refuses a field mapping under a key that would reach the prototype', async () => {
    const map = JSON.parse('{"__proto__": "main-work"}') as Record<string, string>;
    await expect(updateSiteProfile(ORIGIN, { fieldSectionMap: map })).rejects.toBeInstanceOf(StorageValidationError);
  });

  it('stores a field the user mapped to no section (NO_SECTION of the panel)', async () => {
    const profile = await updateSiteProfile(ORIGIN, { fieldSectionMap: { problems: NO_SECTION, main: 'main-work' } });
    expect(profile.fieldSectionMap).toEqual({ problems: NO_SECTION, main: 'main-work' });
    expect((await getSiteProfile(ORIGIN)).fieldSectionMap.problems).toBe(NO_SECTION);
  });

  it('lists enabled sites only, sorted', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true });
    await updateSiteProfile(OTHER_ORIGIN, { enabled: true });
    await updateSiteProfile('https://off.example.cn', { panelWidth: 300 });
    expect(await listEnabledSites()).toEqual([OTHER_ORIGIN, ORIGIN].sort());
    expect(await listSiteProfiles()).toHaveLength(3);
  });

  it('removes a profile', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true });
    expect(await removeSiteProfile(ORIGIN)).toBe(true);
    expect(await listEnabledSites()).toEqual([]);
  });
});

describe('resolveSiteFlags', () => {
  const defaults = { submitGuard: true, draftAutosave: true };

  it('follows the global settings where the site has no choice', async () => {
    expect(resolveSiteFlags(await getSiteProfile(ORIGIN), defaults)).toEqual(defaults);
  });

  it('uses the site choice where it made one', async () => {
    const profile = await updateSiteProfile(ORIGIN, { draftAutosave: false });
    expect(resolveSiteFlags(profile, defaults)).toEqual({ submitGuard: true, draftAutosave: false });
  });
});
