import { describe, expect, it } from 'vitest';
import { defaultRuleSettings, type UserRuleSettings } from '../../lib/core/rules/settings';
import {
  StorageValidationError,
  getRuleSettings,
  getSettings,
  saveRuleSettings,
  updateSettings,
  watchSettings,
} from '../../lib/storage';
import { ORIGIN, snapshotLocal } from './helpers';

/** Rule settings using every part of the shape: switches everywhere and on one site, an entry with a note. */
const edited = (): UserRuleSettings => ({
  ...defaultRuleSettings(),
  disabledRules: ['ellipsis'],
  disabledEntries: ['yichang-teshi'],
  userEntries: [{ id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室', note: '首次出现用全称' }],
  sites: { [ORIGIN]: { disabledRules: ['repeated-word'], disabledEntries: [] } },
});

describe('settings', () => {
  it('saves the interface language', async () => {
    await updateSettings({ language: 'en' });
    expect((await getSettings()).language).toBe('en');
  });

  it('refuses a retention longer than a year', async () => {
    await expect(updateSettings({ draftRetentionDays: 366 })).rejects.toBeInstanceOf(StorageValidationError);
  });

  it('tells watchers about a change', async () => {
    const seen = new Promise<string>((resolve) => {
      const unwatch = watchSettings((settings) => {
        unwatch();
        resolve(settings.language);
      });
    });
    await updateSettings({ language: 'zh_CN' });
    expect(await seen).toBe('zh_CN');
  });
});

describe('rule settings', () => {
  it('reads defaultRuleSettings() on first install', async () => {
    expect(await getRuleSettings()).toEqual(defaultRuleSettings());
  });

  it('reads back what was saved, per-site switches and notes included', async () => {
    await saveRuleSettings(edited());
    expect(await getRuleSettings()).toEqual(edited());
  });

  it('returns the stored value', async () => {
    expect(await saveRuleSettings(edited())).toEqual(edited());
  });

  it('keeps the other settings when the rules are saved', async () => {
    await updateSettings({ language: 'en', draftRetentionDays: 7 });
    await saveRuleSettings(edited());
    const settings = await getSettings();
    expect([settings.language, settings.draftRetentionDays]).toEqual(['en', 7]);
  });

  it('tells watchers about a rule change', async () => {
    const seen = new Promise<UserRuleSettings>((resolve) => {
      const unwatch = watchSettings((settings) => {
        unwatch();
        resolve(settings.rules);
      });
    });
    await saveRuleSettings(edited());
    expect(await seen).toEqual(edited());
  });

  it('refuses a site key that is not an origin, with a message id, and writes nothing', async () => {
    await saveRuleSettings(edited());
    const before = await snapshotLocal();
    const next = { ...edited(), sites: { 'oa.example.gov.cn/path': { disabledRules: [], disabledEntries: [] } } };
    const failure = await saveRuleSettings(next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageValidationError);
    expect((failure as StorageValidationError).messageId).toBe('storage.invalidValue');
    expect(await snapshotLocal()).toBe(before);
  });

  it('refuses a user entry longer than the options page allows and names where', async () => {
    const next = { ...edited(), userEntries: [{ id: 'user-1', wrong: '网'.repeat(41), right: '网信办' }] };
    const failure = await saveRuleSettings(next).catch((error: unknown) => error);
    expect((failure as StorageValidationError).params.path).toBe('rules.userEntries.0.wrong');
  });

  it('refuses a field the shape does not have', async () => {
    const next = { ...edited(), enabledRules: ['ellipsis'] } as UserRuleSettings;
    await expect(saveRuleSettings(next)).rejects.toBeInstanceOf(StorageValidationError);
  });

  it('refuses two user entries with the same id', async () => {
    const entry = edited().userEntries[0]!;
    const next = { ...edited(), userEntries: [entry, { ...entry, wrong: '宣传部' }] };
    await expect(saveRuleSettings(next)).rejects.toBeInstanceOf(StorageValidationError);
  });
});
