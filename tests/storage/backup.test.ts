import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupTooLargeError,
  LIMITS,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_DEPTH,
  backupFileName,
  createSnippet,
  exportBackup,
  getRuleSettings,
  getSettings,
  inspectBackup,
  nestsDeeperThan,
  recordReport,
  addReferenceText,
  listAllDrafts,
  listSnippets,
  restoreBackup,
  saveDraft,
  saveRuleSettings,
  saveUserTemplate,
  updateSettings,
  updateSiteProfile,
  utf8ByteLength,
  type BackupFile,
} from '../../lib/storage';
import { t } from '../../lib/i18n';
import { ORIGIN, snapshotLocal } from './helpers';

/** Some of everything, so that a restore that drops or half-writes anything shows in the snapshot. */
async function seed() {
  await updateSettings({ language: 'zh_CN', draftRetentionDays: 14 });
  await saveRuleSettings({
    version: 1,
    disabledRules: ['ellipsis'],
    disabledEntries: ['yichang-teshi'],
    userEntries: [{ id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室', note: '首次出现用全称' }],
    sites: { [ORIGIN]: { disabledRules: ['repeated-word'], disabledEntries: [] } },
  });
  await createSnippet({ title: '现有片段', body: '{{单位名称}}高度重视意识形态工作。', tags: ['主要工作情况'] });
  await saveUserTemplate({ name: '自定义模板', reportKinds: ['工作总结'], sections: [{ id: 's1', title: '一、主要工作' }] });
  await updateSiteProfile(ORIGIN, { enabled: true, panelWidth: 420 });
  await saveDraft({ origin: ORIGIN, fieldKey: 'main', text: '草稿内容', pageUrl: `${ORIGIN}/form`, fieldLabel: '主要工作情况' });
  await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/form`, fields: [{ key: 'main', label: '主要工作情况', text: '已提交的内容' }], source: 'user' });
  await addReferenceText({ title: '上级发的范文', text: '一、主要工作情况\n认真落实意识形态工作责任制。' });
}

async function validBackup(): Promise<BackupFile> {
  return JSON.parse(await exportBackup(new Date('2026-11-28T08:00:00Z'))) as BackupFile;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exportBackup', () => {
  it('writes one JSON document holding every item with its version', async () => {
    await seed();
    const backup = await validBackup();
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.exportedAt).toBe('2026-11-28T08:00:00.000Z');
    expect(Object.keys(backup.items).sort()).toEqual(['drafts', 'references', 'reportHistory', 'settings', 'siteProfiles', 'snippets', 'templates']);
    expect(backup.items.settings).toEqual({ version: 1, value: await getSettings() });
  });

  it('refuses to produce a file larger than restore accepts', async () => {
    // 150 drafts of 50 000 CJK characters are about 22 MB of UTF-8.
    const big = '字'.repeat(50_000);
    const values = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`f${i}`, { text: big, savedAt: 1, pageUrl: '', fieldLabel: '' }]),
    );
    await fakeBrowser.storage.local.set({ drafts: { [ORIGIN]: values } });
    await expect(exportBackup()).rejects.toBeInstanceOf(BackupTooLargeError);
  });

  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 10, 8, 9, 30))).toBe('tianbao-backup-2026-11-08.json');
  });
});

describe('restoreBackup accepts', () => {
  it('a backup of another browser and replaces every item with it', async () => {
    await seed();
    const text = await exportBackup();
    const expected = await snapshotLocal();
    fakeBrowser.reset();
    await createSnippet({ title: '将被替换', body: '' });

    const result = await restoreBackup(text);

    expect(result.ok).toBe(true);
    expect(await snapshotLocal()).toBe(expected);
  });

  it('a backup and reports what it restored', async () => {
    await seed();
    const result = await restoreBackup(await exportBackup());
    expect(result).toMatchObject({
      ok: true,
      messageId: 'storage.restore.done',
      params: { snippets: (await listSnippets()).length, templates: 1, sites: 1, drafts: 1 },
    });
  });

  it('rule settings with per-site switches and own entries, which read back unchanged', async () => {
    await seed();
    const rules = await getRuleSettings();
    const text = await exportBackup();
    fakeBrowser.reset();
    await restoreBackup(text);
    expect(await getRuleSettings()).toEqual(rules);
    expect(rules.sites[ORIGIN]?.disabledRules).toEqual(['repeated-word']);
  });

  it('a draft holding text from before a page load (earlier), which reads back unchanged', async () => {
    await seed();
    await saveDraft({ origin: ORIGIN, fieldKey: 'main', text: '重新开始', pageUrl: `${ORIGIN}/form`, fieldLabel: '主要工作情况', since: Date.now() + 1 });
    const drafts = await listAllDrafts();
    expect(drafts[0]?.earlier?.text).toBe('草稿内容');
    const text = await exportBackup();
    fakeBrowser.reset();
    expect((await restoreBackup(text)).ok).toBe(true);
    expect(await listAllDrafts()).toEqual(drafts);
  });

  it('a backup with a byte-order mark and surrounding whitespace', async () => {
    await seed();
    const result = await restoreBackup(`\uFEFF\n${await exportBackup()}\n\n`);
    expect(result.ok).toBe(true);
  });

  it('writes all items in a single storage.local.set call', async () => {
    await seed();
    const text = await exportBackup();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await restoreBackup(text);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual(
      ['drafts', 'drafts$', 'references', 'references$', 'reportHistory', 'reportHistory$', 'settings', 'settings$', 'siteProfiles', 'siteProfiles$', 'snippets', 'snippets$', 'templates', 'templates$'],
    );
  });
});

describe('restoreBackup refuses and changes nothing', () => {
  let before: string;

  beforeEach(async () => {
    await seed();
    before = await snapshotLocal();
  });

  async function expectRefused(input: unknown, messageId: string, params?: Record<string, unknown>) {
    const result = await restoreBackup(input);
    expect(result.ok).toBe(false);
    expect(result.messageId).toBe(messageId);
    if (params) expect(result.params).toMatchObject(params);
    expect(await snapshotLocal()).toBe(before);
    // The message exists in Chinese, with its parameters filled in.
    const message = t(result.messageId, result.params, 'zh_CN');
    expect(message).not.toBe(result.messageId);
    expect(message).not.toMatch(/\{\w+\}/);
    return result;
  }

  it('malformed JSON', async () => {
    await expectRefused('{"format": "tianbao-backup", version: 1}', 'storage.restore.notJson');
  });

  it('a file that is not JSON at all', async () => {
    await expectRefused('一、主要工作情况\n（一）高度重视', 'storage.restore.notJson');
  });

  it('an empty file', async () => {
    await expectRefused('  \n', 'storage.restore.empty');
  });

  it('a truncated file', async () => {
    const text = await exportBackup();
    await expectRefused(text.slice(0, Math.floor(text.length * 0.6)), 'storage.restore.truncated');
  });

  it('a file over the size limit, before parsing it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    await expectRefused(' '.repeat(MAX_BACKUP_BYTES + 1), 'storage.restore.tooLarge', { limitMb: 20 });
    expect(parse).not.toHaveBeenCalled();
  });

  it('a file holding a 50 MB string', async () => {
    const backup = await validBackup();
    backup.items.snippets.value[0]!.body = 'x'.repeat(50 * 1024 * 1024);
    await expectRefused(JSON.stringify(backup), 'storage.restore.tooLarge');
  });

  it('a file under the byte limit in characters but over it in UTF-8 bytes', async () => {
    const text = `{"format":"${'字'.repeat(Math.ceil(MAX_BACKUP_BYTES / 3) + 10)}"}`;
    expect(text.length).toBeLessThan(MAX_BACKUP_BYTES);
    await expectRefused(text, 'storage.restore.tooLarge');
  });

  it('a string over its field limit inside a small file', async () => {
    const backup = await validBackup();
    backup.items.snippets.value[0]!.title = '标'.repeat(1_000_000);
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', {
      item: t('storage.item.snippets'),
      path: '0.title',
    });
  });

  it('a __proto__ key', async () => {
    const text = (await exportBackup()).replace('"language"', '"__proto__": {"polluted": true}, "language"');
    await expectRefused(text, 'storage.restore.forbiddenKey', { key: '__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a constructor key deep inside a template section', async () => {
    const backup = await validBackup();
    const text = JSON.stringify(backup).replace('"title":"一、主要工作"', '"constructor":{"prototype":{"x":1}}');
    await expectRefused(text, 'storage.restore.forbiddenKey', { key: 'constructor' });
  });

  it('deeply nested arrays, before parsing them', async () => {
    const depth = 1_000_000;
    const parse = vi.spyOn(JSON, 'parse');
    await expectRefused('['.repeat(depth) + ']'.repeat(depth), 'storage.restore.tooDeep', { limit: MAX_BACKUP_DEPTH });
    expect(parse).not.toHaveBeenCalled();
  });

  it('deeply nested objects whose brackets hide in no string', async () => {
    const depth = MAX_BACKUP_DEPTH + 1;
    await expectRefused('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), 'storage.restore.tooDeep');
  });

  it('nesting just past the limit inside an otherwise valid backup', async () => {
    const backup = await validBackup();
    let nested: unknown = 'x';
    for (let i = 0; i < MAX_BACKUP_DEPTH; i++) nested = [nested];
    (backup.items.templates.value[0]!.sections[0] as Record<string, unknown>).topics = nested;
    await expectRefused(JSON.stringify(backup), 'storage.restore.tooDeep');
  });

  it('JSON of another program', async () => {
    await expectRefused(JSON.stringify({ name: 'package', version: '1.0.0' }), 'storage.restore.wrongFormat');
  });

  it('a JSON array', async () => {
    await expectRefused('[1, 2, 3]', 'storage.restore.wrongFormat');
  });

  it('a backup from a newer format version, saying so', async () => {
    const backup = { ...(await validBackup()), version: 2 };
    await expectRefused(JSON.stringify(backup), 'storage.restore.newerVersion', { version: 2 });
  });

  it('a backup whose format version is not a number', async () => {
    const backup = { ...(await validBackup()), version: '1' };
    await expectRefused(JSON.stringify(backup), 'storage.restore.wrongFormat');
  });

  it('an item saved by a newer version of the extension', async () => {
    const backup = await validBackup();
    backup.items.snippets.version = 7;
    await expectRefused(JSON.stringify(backup), 'storage.restore.itemNewer', {
      item: t('storage.item.snippets'),
      version: 7,
    });
  });

  it('a backup missing an item', async () => {
    const backup = await validBackup();
    delete (backup.items as Partial<BackupFile['items']>).drafts;
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: 'items.drafts' });
  });

  it('an unknown top-level field (strict envelope)', async () => {
    const backup = { ...(await validBackup()), extra: 1 };
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: 'extra' });
  });

  it('a draft whose earlier text is not an object of text and save time', async () => {
    for (const earlier of ['刷新前写的', { text: '刷新前写的' }, { text: 1, savedAt: 1 }, { text: '刷新前写的', savedAt: 1, extra: 1 }]) {
      const backup = await validBackup();
      (backup.items.drafts.value[ORIGIN]!['main'] as Record<string, unknown>).earlier = earlier;
      await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { item: t('storage.item.drafts') });
    }
  });

  it('a draft whose earlier text is longer than a draft may be', async () => {
    const backup = await validBackup();
    backup.items.drafts.value[ORIGIN]!['main']!.earlier = { text: '字'.repeat(LIMITS.draftTextLength + 1), savedAt: 1 };
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: `${ORIGIN}.main.earlier.text` });
  });

  it('an unknown field inside a snippet (strict objects)', async () => {
    const backup = await validBackup();
    (backup.items.snippets.value[0] as Record<string, unknown>).script = 'alert(1)';
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: '0.script' });
  });

  it('a panel width outside 280–640', async () => {
    const backup = await validBackup();
    backup.items.siteProfiles.value[ORIGIN]!.panelWidth = 5000;
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: `${ORIGIN}.panelWidth` });
  });

  it('rule settings switched off on a site key that is not an origin', async () => {
    const backup = await validBackup();
    backup.items.settings.value.rules.sites['javascript:alert(1)'] = { disabledRules: [], disabledEntries: [] };
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { item: t('storage.item.settings') });
  });

  it('a user entry longer than the options page allows', async () => {
    const backup = await validBackup();
    backup.items.settings.value.rules.userEntries[0]!.wrong = '网'.repeat(100_000);
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: 'rules.userEntries.0.wrong' });
  });

  it('an unknown field inside the rule settings (strict objects)', async () => {
    const backup = await validBackup();
    (backup.items.settings.value.rules as Record<string, unknown>).enabledRules = ['ellipsis'];
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: 'rules.enabledRules' });
  });

  it('more per-site rule switches than the limit', async () => {
    const backup = await validBackup();
    const sites = backup.items.settings.value.rules.sites;
    for (let i = 0; i <= LIMITS.ruleSites; i++) sites[`https://s${i}.gov.cn`] = { disabledRules: [], disabledEntries: [] };
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { item: t('storage.item.settings') });
  });

  it('a million switched-off entries', async () => {
    const backup = await validBackup();
    backup.items.settings.value.rules.disabledEntries = Array.from({ length: 1_000_000 }, (_, i) => `e${i}`);
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid', { path: 'rules.disabledEntries' });
  });

  it('two snippets with the same id', async () => {
    const backup = await validBackup();
    backup.items.snippets.value.push({ ...backup.items.snippets.value[0]! });
    await expectRefused(JSON.stringify(backup), 'storage.restore.invalid');
  });

  it('a value that is not a string', async () => {
    await expectRefused(undefined, 'storage.restore.notJson');
  });

  it('a restore that would exceed the quota', async () => {
    const text = await exportBackup();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expectRefused(text, 'storage.restore.full');
  });

  it('a restore the browser fails for another reason', async () => {
    const text = await exportBackup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    await expectRefused(text, 'storage.restore.failed');
  });
});

describe('inspectBackup', () => {
  it('counts what a backup would bring without writing anything', async () => {
    await seed();
    const text = await exportBackup();
    fakeBrowser.reset();
    const before = await snapshotLocal();
    const inspection = inspectBackup(text);
    expect(inspection.ok && inspection.summary).toMatchObject({ settings: 1, templates: 1, siteProfiles: 1, drafts: 1 });
    expect(await snapshotLocal()).toBe(before);
    expect(await listAllDrafts()).toEqual([]);
  });
});

describe('nestsDeeperThan', () => {
  describe('returns true', () => {
    it.each([
      ['arrays past the limit', '[[[1]]]', 2],
      ['objects past the limit', '{"a":{"b":{}}}', 2],
    ])('%s', (_label, text, limit) => {
      expect(nestsDeeperThan(text, limit)).toBe(true);
    });
  });
  describe('returns false', () => {
    it.each([
      ['nesting at the limit', '[[1]]', 2],
      ['brackets inside strings', '["[[[[", "{{{{"]', 2],
      ['an escaped quote before brackets in a string', '["\\"[[[[", "\\\"[[["]', 2],
    ])('%s', (_label, text, limit) => {
      expect(nestsDeeperThan(text, limit)).toBe(false);
    });
  });
});

describe('utf8ByteLength', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['CJK', '填报', 6],
    ['a surrogate pair', '𠀀', 4],
    ['a lone surrogate', '\uD800', 3],
  ])('counts %s like TextEncoder', (_label, text, expected) => {
    expect(utf8ByteLength(text)).toBe(expected);
    expect(new TextEncoder().encode(text).length).toBe(expected);
  });
});
