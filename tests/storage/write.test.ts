import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ITEMS,
  StorageConflictError,
  StorageFullError,
  StorageValidationError,
  createSnippet,
  getRuleSettings,
  getSettings,
  isQuotaError,
  listSnippets,
  saveDraft,
  saveRuleSettings,
  updateItem,
  updateSettings,
  updateSiteProfile,
  getSiteProfile,
} from '../../lib/storage';
import { ORIGIN, snapshotLocal } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isQuotaError', () => {
  describe('returns true', () => {
    it.each([
      ['Chrome local', new Error('QUOTA_BYTES quota exceeded')],
      ['Chrome sync item', new Error('QUOTA_BYTES_PER_ITEM quota exceeded')],
      ['Firefox DOMException', Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })],
      ['Firefox wrapped message', new Error('QuotaExceededError: storage.local quota')],
    ])('%s', (_label, error) => {
      expect(isQuotaError(error)).toBe(true);
    });
  });
  describe('returns false', () => {
    it.each([
      ['a network-ish error', new Error('Failed to fetch')],
      ['a context invalidated error', new Error('Extension context invalidated.')],
      ['undefined', undefined],
    ])('%s', (_label, error) => {
      expect(isQuotaError(error)).toBe(false);
    });
  });
});

describe('quota', () => {
  const fullWith = (error: Error) => vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(error);

  it('turns a Chrome quota error into StorageFullError with a message id', async () => {
    fullWith(new Error('QUOTA_BYTES quota exceeded'));
    const failure = await updateSettings({ language: 'en' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as StorageFullError).messageId).toBe('storage.full');
  });

  it('turns a Firefox QuotaExceededError into StorageFullError', async () => {
    fullWith(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    await expect(createSnippet({ title: '标题', body: '正文' })).rejects.toBeInstanceOf(StorageFullError);
  });

  it('leaves storage unchanged when a draft save hits the quota', async () => {
    await saveDraft({ origin: ORIGIN, fieldKey: 'a', text: '原稿', pageUrl: ORIGIN + '/', fieldLabel: '主要工作情况' });
    const before = await snapshotLocal();
    fullWith(new Error('QUOTA_BYTES quota exceeded'));
    await expect(
      saveDraft({ origin: ORIGIN, fieldKey: 'b', text: '新稿', pageUrl: ORIGIN + '/', fieldLabel: '存在的问题' }),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshotLocal()).toBe(before);
  });

  it('leaves the rule settings unchanged when saving them hits the quota', async () => {
    await saveRuleSettings({ ...(await getRuleSettings()), disabledRules: ['ellipsis'] });
    const before = await snapshotLocal();
    fullWith(new Error('QUOTA_BYTES quota exceeded'));
    const next = { ...(await getRuleSettings()), sites: { [ORIGIN]: { disabledRules: ['mojibake'], disabledEntries: [] } } };
    const failure = await saveRuleSettings(next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as StorageFullError).messageId).toBe('storage.full');
    vi.restoreAllMocks();
    expect(await snapshotLocal()).toBe(before);
  });

  it('rethrows errors that are not about the quota unchanged', async () => {
    const other = new Error('Extension context invalidated.');
    fullWith(other);
    await expect(updateSettings({ language: 'en' })).rejects.toBe(other);
  });
});

describe('validation before writing', () => {
  it('refuses a value outside its schema and writes nothing', async () => {
    const before = await snapshotLocal();
    const failure = await updateSettings({ draftRetentionDays: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageValidationError);
    expect((failure as StorageValidationError).params.path).toBe('draftRetentionDays');
    expect(await snapshotLocal()).toBe(before);
  });

  it('refuses rule settings outside their schema and writes nothing', async () => {
    const before = await snapshotLocal();
    const next = { ...(await getRuleSettings()), disabledRules: ['has space'] };
    const failure = await saveRuleSettings(next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageValidationError);
    expect((failure as StorageValidationError).params.path).toBe('rules.disabledRules.0');
    expect(await snapshotLocal()).toBe(before);
  });

  it('refuses a snippet title longer than the limit', async () => {
    await expect(createSnippet({ title: '标'.repeat(201), body: '' })).rejects.toBeInstanceOf(StorageValidationError);
  });
});

describe('concurrent updates', () => {
  it('keeps every one of many parallel updates made in one context', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => createSnippet({ title: `片段${i}`, body: `正文${i}` })),
    );
    const titles = (await listSnippets()).map((snippet) => snippet.title);
    for (let i = 0; i < 20; i++) expect(titles).toContain(`片段${i}`);
  });

  it('keeps parallel updates of different fields of one site profile', async () => {
    await Promise.all([
      updateSiteProfile(ORIGIN, { panelWidth: 500 }),
      updateSiteProfile(ORIGIN, { panelCollapsed: true }),
      updateSiteProfile(ORIGIN, { enabled: true }),
    ]);
    const profile = await getSiteProfile(ORIGIN);
    expect([profile.panelWidth, profile.panelCollapsed, profile.enabled]).toEqual([500, true, true]);
  });

  it('re-applies an update on top of a write another tab made while it was computing', async () => {
    let interfered = false;
    await updateItem(ITEMS.settings, (settings) => {
      if (!interfered) {
        interfered = true;
        // Another context (a second tab) writes between our read and our write.
        void fakeBrowser.storage.local.set({ settings: { ...settings, submitGuard: false } });
      }
      return { ...settings, language: 'en' as const };
    });
    const settings = await getSettings();
    expect([settings.language, settings.submitGuard]).toEqual(['en', false]);
  });

  it('gives up with StorageConflictError when another tab never stops writing', async () => {
    let round = 0;
    const failure = await updateItem(ITEMS.settings, (settings) => {
      round++;
      void fakeBrowser.storage.local.set({ settings: { ...settings, draftRetentionDays: 1 + (round % 300) } });
      return { ...settings, language: 'en' as const };
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageConflictError);
  });
});
