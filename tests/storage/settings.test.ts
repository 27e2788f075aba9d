import { describe, expect, it } from 'vitest';
import {
  StorageValidationError,
  deleteDictionaryEntry,
  getSettings,
  saveDictionaryEntry,
  setRuleEnabled,
  setRuleEntryEnabled,
  updateSettings,
  watchSettings,
} from '../../lib/storage';

describe('settings', () => {
  it('saves the interface language', async () => {
    await updateSettings({ language: 'en' });
    expect((await getSettings()).language).toBe('en');
  });

  it('refuses a retention longer than a year', async () => {
    await expect(updateSettings({ draftRetentionDays: 366 })).rejects.toBeInstanceOf(StorageValidationError);
  });

  it('switches a rule off and on again', async () => {
    await setRuleEnabled('spin-artefact', false);
    expect((await getSettings()).rules.disabledRuleIds).toEqual(['spin-artefact']);
    await setRuleEnabled('spin-artefact', true);
    expect((await getSettings()).rules.disabledRuleIds).toEqual([]);
  });

  it('switches one rule entry off without listing it twice', async () => {
    await setRuleEntryEnabled('spin.jinqu', false);
    await setRuleEntryEnabled('spin.jinqu', false);
    expect((await getSettings()).rules.disabledEntryIds).toEqual(['spin.jinqu']);
  });

  it('adds, replaces and deletes a user dictionary entry', async () => {
    const entry = await saveDictionaryEntry({ wrong: ' 进取参与 ', right: '积极参与', reason: '伪原创替换' });
    expect(entry.wrong).toBe('进取参与');
    await saveDictionaryEntry({ ...entry, reason: '同义词替换痕迹' });
    expect((await getSettings()).rules.userDictionary).toEqual([{ ...entry, reason: '同义词替换痕迹' }]);
    expect(await deleteDictionaryEntry(entry.id)).toBe(true);
    expect((await getSettings()).rules.userDictionary).toEqual([]);
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
