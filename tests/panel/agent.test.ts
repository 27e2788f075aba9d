import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY, SITE_PROFILES_KEY } from '@/lib/agent/agent';
import { settingsItem, siteProfilesItem } from '@/lib/storage/items';

describe('agent', () => {
  it('reads the site profiles under the same storage key the data layer writes', () => {
    expect(SITE_PROFILES_KEY).toBe(siteProfilesItem.storageKey);
  });

  it('reads the language setting under the same storage key the data layer writes', () => {
    expect(SETTINGS_KEY).toBe(settingsItem.storageKey);
  });
});
