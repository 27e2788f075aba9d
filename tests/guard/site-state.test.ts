import { describe, expect, it } from 'vitest';
import { siteState } from '@/lib/agent/agent';
import { defaultSiteProfile, resolveSiteFlags } from '@/lib/storage';
import { DEFAULT_SETTINGS as DEFAULT_SETTINGS_FOR_TEST } from '@/lib/storage/items';

describe('siteState (the agent reads storage without lib/storage)', () => {
  it('is off everywhere on a site that is not enabled', () => {
    expect(siteState({ enabled: false }, { submitGuard: true, draftAutosave: true })).toEqual({
      enabled: false,
      submitGuard: false,
      draftAutosave: false,
    });
  });

  it('follows the global settings where the site made no choice, as resolveSiteFlags does', () => {
    const profile = { ...defaultSiteProfile(), enabled: true };
    const settings = { ...DEFAULT_SETTINGS_FOR_TEST, submitGuard: false, draftAutosave: true };
    const { enabled: _enabled, ...flags } = siteState(profile, settings);
    expect(flags).toEqual(resolveSiteFlags(profile, settings));
  });

  it('takes the site own switch over the global setting, as resolveSiteFlags does', () => {
    const profile = { ...defaultSiteProfile(), enabled: true, submitGuard: false, draftAutosave: true };
    const settings = { ...DEFAULT_SETTINGS_FOR_TEST, submitGuard: true, draftAutosave: false };
    const { enabled: _enabled, ...flags } = siteState(profile, settings);
    expect(flags).toEqual(resolveSiteFlags(profile, settings));
  });

  it('is on by default on an enabled site with no settings stored', () => {
    expect(siteState({ enabled: true }, undefined)).toEqual({ enabled: true, submitGuard: true, draftAutosave: true });
  });
});

describe('siteState on a page where the user opened the panel', () => {
  it('guards the submit on a site that is not enabled, but saves no drafts there', () => {
    expect(siteState({ enabled: false }, undefined, true)).toEqual({ enabled: false, submitGuard: true, draftAutosave: false });
  });

  it('respects the site switch and the global setting', () => {
    expect(siteState({ enabled: false, submitGuard: false }, undefined, true).submitGuard).toBe(false);
    expect(siteState(undefined, { submitGuard: false }, true).submitGuard).toBe(false);
  });
});
