import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  ITEMS,
  ITEM_NAMES,
  STARTER_SNIPPETS,
  StorageNewerVersionError,
  getSettings,
  listSnippets,
  listUserTemplates,
  readItem,
  updateSettings,
} from '../../lib/storage';

describe('storage items', () => {
  it('defines every item under local: at version 1', () => {
    for (const name of ITEM_NAMES) {
      expect(ITEMS[name].key).toBe(`local:${name}`);
      expect(ITEMS[name].version).toBe(1);
    }
  });

  it('reads the default settings on first install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.draftRetentionDays).toBe(30);
    expect(DEFAULT_SETTINGS.language).toBe('auto');
  });

  it('reads the starter snippets on first install without writing them', async () => {
    expect(await listSnippets()).toEqual(STARTER_SNIPPETS);
    expect(await fakeBrowser.storage.local.get('snippets')).toEqual({});
  });

  it('returns a fresh copy each read, so mutating it changes nothing stored', async () => {
    const first = await getSettings();
    first.rules.disabledRules.push('mutated');
    expect((await getSettings()).rules.disabledRules).toEqual([]);
  });

  it('tags every written item with its version in the same write', async () => {
    await updateSettings({ language: 'en' });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored['settings$']).toEqual({ v: 1 });
    expect((stored['settings'] as { language: string }).language).toBe('en');
  });
});

describe('uses the valid part of stored values that fail the schema', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('keeps the valid settings fields and defaults the broken ones', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'fr', draftRetentionDays: 7 } });
    const settings = await getSettings();
    expect(settings.language).toBe('auto');
    expect(settings.draftRetentionDays).toBe(7);
  });

  it('uses the valid parts of broken rule settings and leaves out only the broken entries', async () => {
    const goodEntry = { id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' };
    const goodSite = { disabledRules: ['ellipsis'], disabledEntries: [] };
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        rules: {
          version: 1,
          disabledRules: ['mojibake', 'has space', 42],
          disabledEntries: ['yichang-teshi'],
          userEntries: [goodEntry, { id: 'user-2', wrong: '网'.repeat(41), right: '网' }, { ...goodEntry }],
          sites: { 'https://a.gov.cn': goodSite, 'not an origin': goodSite, 'https://b.gov.cn': { disabledRules: 'x' } },
          extra: true,
        },
      },
    });
    expect((await getSettings()).rules).toEqual({
      version: 1,
      disabledRules: ['mojibake'],
      disabledEntries: ['yichang-teshi'],
      userEntries: [goodEntry],
      sites: { 'https://a.gov.cn': goodSite, 'https://b.gov.cn': { disabledRules: [], disabledEntries: [] } },
    });
  });

  it('keeps rule settings a newer build saved, refusing to write settings over them', async () => {
    const newer = { version: 2, sites: [] };
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, rules: newer } });
    expect((await getSettings()).rules).toEqual(DEFAULT_SETTINGS.rules);
    await expect(updateSettings({ language: 'en' })).rejects.toBeInstanceOf(StorageNewerVersionError);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ ...DEFAULT_SETTINGS, rules: newer });
  });

  it('uses the valid templates and leaves out a broken one', async () => {
    const good = { id: 't1', name: '工作总结', reportKinds: [], sections: [], createdAt: 1, updatedAt: 1 };
    await fakeBrowser.storage.local.set({ templates: [good, { id: 't2', name: '' }] });
    expect(await listUserTemplates()).toEqual([good]);
  });

  it('leaves out a site profile stored under a key that is not an origin', async () => {
    const profile = {
      enabled: true,
      pathPattern: '*',
      panelWidth: 360,
      panelCollapsed: false,
      templateId: null,
      fieldSectionMap: {},
      variables: {},
      submitGuard: null,
      draftAutosave: null,
      updatedAt: 1,
    };
    await fakeBrowser.storage.local.set({ siteProfiles: { 'https://a.gov.cn': profile, 'not an origin': profile } });
    expect(Object.keys(await readItem(ITEMS.siteProfiles))).toEqual(['https://a.gov.cn']);
  });
});
