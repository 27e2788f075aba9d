import { describe, expect, it } from 'vitest';
import { SITE_PROFILES_KEY } from '@/lib/agent/agent';
import { siteProfilesItem } from '@/lib/storage/items';

describe('agent', () => {
  it('reads the site profiles under the same storage key the data layer writes', () => {
    expect(SITE_PROFILES_KEY).toBe(siteProfilesItem.storageKey);
  });
});
