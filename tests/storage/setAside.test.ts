// Storage integrity (issue 9 item 4): stored entries that fail this build's check are used no more but kept
// verbatim, counted and exportable; an item a newer build saved is never written; a full storage changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SET_ASIDE_FORMAT,
  StorageFullError,
  StorageNewerVersionError,
  createSnippet,
  defaultSiteProfile,
  deleteSetAside,
  deleteSnippet,
  exportBackup,
  exportSetAside,
  getSettings,
  getSiteProfile,
  listSetAside,
  listSnippets,
  listUserTemplates,
  recordSnippetUse,
  restoreBackup,
  saveUserTemplate,
  updateSettings,
  updateSiteProfile,
  updateSnippet,
  type BackupFile,
  type Snippet,
} from '../../lib/storage';
import { ORIGIN, snapshotLocal } from './helpers';
import { makeSnippet } from '../support/snippet';

const snippet = (id: string, title: string): Snippet => makeSnippet(id, title);

// The bug report's list, less its snippet from a newer build (that one has its own tests below).
const good1 = snippet('s1', '开头');
const good2 = snippet('s2', '主要工作');
const emptyTitle = { ...snippet('s3', '占位'), title: '' };
const notAnObject = '手工改过的一行字';

/** An enabled site's stored profile, as a build of this version writes it. */
const profile = { ...defaultSiteProfile(1), enabled: true, panelWidth: 360 };

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
const fullStorage = () =>
  vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('entries that fail the check', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ snippets: [good1, emptyTitle, good2, notAnObject], snippets$: { v: 1 } });
  });

  it('reads only the valid snippets', async () => {
    expect(await listSnippets()).toEqual([good1, good2]);
  });

  it('counts them before any write, with where the check failed', async () => {
    const { entries, newerItems } = await listSetAside();
    expect(newerItems).toEqual([]);
    expect(entries.map(({ item, reason, key, path }) => ({ item, reason, key, path }))).toEqual([
      { item: 'snippets', reason: 'invalid', key: 's3', path: '1.title' },
      { item: 'snippets', reason: 'invalid', key: '#4', path: '3' },
    ]);
  });

  it('keeps them verbatim when a new snippet is created', async () => {
    const created = await createSnippet({ title: '新片段', body: '正文' });
    expect((await listSnippets()).map((s) => s.id)).toEqual(['s1', 's2', created.id]);
    const aside = (await stored('snippets~setAside')) as Array<{ value: unknown }>;
    expect(aside.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
  });

  it('lists the same entries, with the same ids, before and after a write moves them aside', async () => {
    const before = (await listSetAside()).entries;
    await createSnippet({ title: '新片段', body: '正文' });
    const after = (await listSetAside()).entries;
    expect(after.map((entry) => entry.id)).toEqual(before.map((entry) => entry.id));
    expect(after.every((entry) => typeof entry.setAsideAt === 'number')).toBe(true);
  });

  it('keeps them through every later write without copying them twice', async () => {
    const created = await createSnippet({ title: '新片段', body: '正文' });
    await updateSnippet(created.id, { title: '改过的片段' });
    await recordSnippetUse('s1');
    await deleteSnippet('s2');
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
  });

  it('exports them byte for byte, with a format name', async () => {
    await createSnippet({ title: '新片段', body: '正文' });
    const file = JSON.parse(await exportSetAside()) as { format: string; entries: Array<{ value: unknown }> };
    expect(file.format).toBe(SET_ASIDE_FORMAT);
    expect(file.entries.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
  });

  it('exports only the chosen entries when asked for some', async () => {
    const [first] = (await listSetAside()).entries;
    const file = JSON.parse(await exportSetAside([first!.id])) as { entries: Array<{ value: unknown }> };
    expect(file.entries.map((entry) => entry.value)).toEqual([emptyTitle]);
  });

  it('deletes only the entries the user chose, whether still in the list or already moved aside', async () => {
    const [first, second] = (await listSetAside()).entries;
    expect(await deleteSetAside([first!.id])).toBe(1);
    expect((await listSetAside()).entries.map((entry) => entry.id)).toEqual([second!.id]);
    expect(await listSnippets()).toEqual([good1, good2]);
    expect(await deleteSetAside([second!.id])).toBe(1);
    expect((await listSetAside()).entries).toEqual([]);
    expect(await listSnippets()).toEqual([good1, good2]);
  });

  it('leaves storage exactly as it was when the storage is full mid-way', async () => {
    const before = await snapshotLocal();
    fullStorage();
    await expect(createSnippet({ title: '新片段', body: '正文' })).rejects.toBeInstanceOf(StorageFullError);
    await expect(deleteSetAside((await listSetAside()).entries.map((e) => e.id))).rejects.toBeInstanceOf(
      StorageFullError,
    );
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect(await snapshotLocal()).toBe(before);
    expect((await listSetAside()).entries).toHaveLength(2);
  });

  it('are part of the backup and come back aside, not into the list, on restore', async () => {
    await createSnippet({ title: '新片段', body: '正文' });
    const backup = JSON.parse(await exportBackup()) as BackupFile;
    expect(backup.setAside?.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
    fakeBrowser.reset();
    const result = await restoreBackup(JSON.stringify(backup));
    expect(result.ok).toBe(true);
    expect((await listSnippets()).map((s) => s.title)).toEqual(['开头', '主要工作', '新片段']);
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
  });

  it('are kept when a restore replaces the list they were in', async () => {
    const backup = JSON.parse(await exportBackup()) as BackupFile;
    delete backup.setAside;
    backup.items.snippets.value = [snippet('s9', '备份里的片段')];
    expect((await restoreBackup(JSON.stringify(backup))).ok).toBe(true);
    expect((await listSnippets()).map((s) => s.id)).toEqual(['s9']);
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual([emptyTitle, notAnObject]);
  });
});

describe('entries of other items that fail the check', () => {
  it('keeps a template without a name when another template is saved', async () => {
    const good = { id: 't1', name: '工作总结', reportKinds: [], sections: [], createdAt: 1, updatedAt: 1 };
    const broken = { id: 't2', name: '' };
    await fakeBrowser.storage.local.set({ templates: [good, broken] });
    await saveUserTemplate({ name: '新模板', reportKinds: [], sections: [] });
    expect((await listUserTemplates()).map((t) => t.name)).toEqual(['工作总结', '新模板']);
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual([broken]);
  });

  it('keeps a setting with a value it does not know when another setting changes', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'fr', autoFill: true } });
    await updateSettings({ language: 'en' });
    expect((await getSettings()).language).toBe('en');
    const entries = (await listSetAside()).entries;
    expect(entries.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'autoFill', value: true },
      { key: 'language', value: 'fr' },
    ]);
  });

  it('keeps a broken user entry of the rule settings while the valid ones stay in use', async () => {
    const goodEntry = { id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' };
    const brokenEntry = { id: 'user-2', wrong: '网'.repeat(41), right: '网' };
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, userEntries: [goodEntry, brokenEntry] } },
    });
    await updateSettings({ submitGuard: false });
    expect((await getSettings()).rules.userEntries).toEqual([goodEntry]);
    const [entry] = (await listSetAside()).entries;
    expect(entry).toMatchObject({ item: 'settings', key: 'rules.userEntries.user-2', value: brokenEntry });
  });

  it('uses a site profile without its odd report period and keeps the stored profile as it was', async () => {
    const odd = { ...profile, reportPeriod: { year: 2026, half: 3 } };
    await fakeBrowser.storage.local.set({ siteProfiles: { [ORIGIN]: odd } });
    expect((await getSiteProfile(ORIGIN)).enabled).toBe(true);
    await updateSiteProfile(ORIGIN, { panelWidth: 500 });
    expect((await getSiteProfile(ORIGIN)).panelWidth).toBe(500);
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual([odd]);
  });

  it('keeps a site profile stored under a key that is not an origin', async () => {
    await fakeBrowser.storage.local.set({ siteProfiles: { 'not an origin': profile } });
    await updateSiteProfile(ORIGIN, { enabled: true });
    expect((await listSetAside()).entries).toMatchObject([{ key: 'not an origin', value: profile }]);
  });

  it('wraps a damaged set-aside record instead of dropping it', async () => {
    await fakeBrowser.storage.local.set({ snippets: [good1, emptyTitle], 'snippets~setAside': '乱码' });
    await createSnippet({ title: '新片段', body: '正文' });
    expect((await listSetAside()).entries.map((entry) => entry.value)).toEqual(['乱码', emptyTitle]);
  });
});

describe('a value stored by a newer version', () => {
  const fromNewerBuild = { ...snippet('s4', '新版片段'), version: 2, colour: 'red' };

  /** Every write a user can attempt on the snippets, each expected to leave storage byte for byte. */
  const attempts: Array<[string, () => Promise<unknown>]> = [
    ['create a snippet', () => createSnippet({ title: '新片段', body: '正文' })],
    ['edit a snippet', () => updateSnippet('s1', { title: '改' })],
    ['record a use', () => recordSnippetUse('s1')],
    ['delete a snippet', () => deleteSnippet('s1')],
  ];

  describe('as one entry of the list (the bug report: four snippets shown as one)', () => {
    beforeEach(async () => {
      await fakeBrowser.storage.local.set({
        snippets: [good1, fromNewerBuild, emptyTitle, good2],
        snippets$: { v: 1 },
      });
    });

    it('reads the valid snippets and counts the other two, one of them as newer', async () => {
      expect(await listSnippets()).toEqual([good1, good2]);
      const { entries } = await listSetAside();
      expect(entries.map(({ key, reason }) => ({ key, reason }))).toEqual([
        { key: 's4', reason: 'newer' },
        { key: 's3', reason: 'invalid' },
      ]);
    });

    it.each(attempts)('is untouched after an attempt to %s', async (_name, attempt) => {
      const before = await snapshotLocal();
      const failure = await attempt().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageNewerVersionError);
      expect((failure as StorageNewerVersionError).messageId).toBe('storage.newerItem');
      expect(await snapshotLocal()).toBe(before);
    });

    it('is not deleted with the set-aside entries, nor is the list rewritten', async () => {
      const before = await snapshotLocal();
      expect(await deleteSetAside((await listSetAside()).entries.map((e) => e.id))).toBe(0);
      expect(await snapshotLocal()).toBe(before);
    });

    it('is exported byte for byte', async () => {
      const file = JSON.parse(await exportSetAside()) as { entries: Array<{ value: unknown }> };
      expect(file.entries.map((entry) => entry.value)).toEqual([fromNewerBuild, emptyTitle]);
    });
  });

  describe('as a whole item with a newer version tag', () => {
    const newerList = [good1, { ...good2, pinned: true }];
    beforeEach(async () => {
      await fakeBrowser.storage.local.set({ snippets: newerList, snippets$: { v: 2 } });
    });

    it('reads what this build understands and reports the item as newer', async () => {
      expect(await listSnippets()).toEqual([good1]);
      const report = await listSetAside();
      expect(report.newerItems).toEqual([{ item: 'snippets', storedVersion: 2 }]);
      expect(report.entries).toMatchObject([{ item: 'snippets', reason: 'newer', key: '', value: newerList }]);
    });

    it.each(attempts)('is untouched after an attempt to %s', async (_name, attempt) => {
      const before = await snapshotLocal();
      await expect(attempt()).rejects.toBeInstanceOf(StorageNewerVersionError);
      expect(await snapshotLocal()).toBe(before);
    });

    it('is untouched by a restore, which is refused with a message', async () => {
      const backup = await exportBackup();
      const before = await snapshotLocal();
      const result = await restoreBackup(backup);
      expect(result).toMatchObject({ ok: false, messageId: 'storage.restore.storedNewer' });
      expect(await snapshotLocal()).toBe(before);
    });

    it('does not stop writes of the other items', async () => {
      await updateSettings({ language: 'en' });
      expect((await getSettings()).language).toBe('en');
      expect(await stored('snippets')).toEqual(newerList);
    });
  });

  describe('in every item', () => {
    const writes: Array<[string, object, () => Promise<unknown>]> = [
      ['settings', DEFAULT_SETTINGS, () => updateSettings({ submitGuard: false })],
      ['templates', [], () => saveUserTemplate({ name: '新模板', reportKinds: [], sections: [] })],
      ['siteProfiles', { [ORIGIN]: profile }, () => updateSiteProfile(ORIGIN, { panelWidth: 400 })],
    ];

    it.each(writes)('leaves %s tagged with a newer version untouched when written', async (name, value, write) => {
      await fakeBrowser.storage.local.set({ [name]: value, [`${name}$`]: { v: 5 } });
      const before = await snapshotLocal();
      await expect(write()).rejects.toBeInstanceOf(StorageNewerVersionError);
      expect(await snapshotLocal()).toBe(before);
      expect((await listSetAside()).newerItems).toEqual([{ item: name, storedVersion: 5 }]);
    });

    it('leaves a site profile stamped by a newer build untouched when that site is changed', async () => {
      const newerProfile = { ...profile, version: 2, dockSide: 'left' };
      await fakeBrowser.storage.local.set({ siteProfiles: { [ORIGIN]: newerProfile } });
      const before = await snapshotLocal();
      await expect(updateSiteProfile(ORIGIN, { enabled: false })).rejects.toBeInstanceOf(StorageNewerVersionError);
      expect(await snapshotLocal()).toBe(before);
    });
  });
});
