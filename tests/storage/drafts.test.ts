import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  StorageValidationError,
  deleteDraft,
  deleteDrafts,
  getDraft,
  listAllDrafts,
  listDrafts,
  pruneDrafts,
  saveDraft,
  updateSettings,
} from '../../lib/storage';
import { DAY, ORIGIN, OTHER_ORIGIN } from './helpers';

const draft = (fieldKey: string, text = '草稿', origin = ORIGIN) => ({
  origin,
  fieldKey,
  text,
  pageUrl: `${origin}/form`,
  fieldLabel: '主要工作情况',
});

describe('drafts', () => {
  it('saves a draft per site and field', async () => {
    await saveDraft(draft('main', '一、主要工作情况'), 100);
    expect(await getDraft(ORIGIN, 'main')).toEqual({
      text: '一、主要工作情况',
      savedAt: 100,
      pageUrl: `${ORIGIN}/form`,
      fieldLabel: '主要工作情况',
    });
  });

  it('overwrites the same field with the newer text', async () => {
    await saveDraft(draft('main', '旧'), 1);
    await saveDraft(draft('main', '新'), 2);
    expect(await listDrafts(ORIGIN)).toHaveLength(1);
    expect((await getDraft(ORIGIN, 'main'))?.text).toBe('新');
  });

  it('removes the draft when the field is emptied', async () => {
    await saveDraft(draft('main', '内容'));
    await saveDraft(draft('main', ''));
    expect(await getDraft(ORIGIN, 'main')).toBeUndefined();
  });

  it('lists a site’s drafts newest first and keeps other sites apart', async () => {
    await saveDraft(draft('a'), 1);
    await saveDraft(draft('b'), 3);
    await saveDraft(draft('c', '别处', OTHER_ORIGIN), 2);
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey)).toEqual(['b', 'a']);
    expect((await listAllDrafts()).map((d) => d.fieldKey)).toEqual(['b', 'c', 'a']);
  });

  it('keeps drafts typed in parallel into different fields', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => saveDraft(draft(key))));
    expect(await listDrafts(ORIGIN)).toHaveLength(4);
  });

  it('makes room by dropping the site’s oldest draft at the per-site limit', async () => {
    for (let i = 0; i < LIMITS.draftsPerSite; i++) await saveDraft(draft(`f${i}`), 1000 + i);
    await saveDraft(draft('newest'), 5000);
    const keys = (await listDrafts(ORIGIN)).map((d) => d.fieldKey);
    expect(keys).toHaveLength(LIMITS.draftsPerSite);
    expect(keys).toContain('newest');
    expect(keys).not.toContain('f0');
  });

  it('refuses a field key that would reach the prototype', async () => {
    await expect(saveDraft(draft('__proto__'))).rejects.toBeInstanceOf(StorageValidationError);
  });

  it('deletes one draft, then the rest of the site after a submit', async () => {
    await saveDraft(draft('a'));
    await saveDraft(draft('b'));
    await saveDraft(draft('c'));
    expect(await deleteDraft(ORIGIN, 'a')).toBe(true);
    expect(await deleteDrafts(ORIGIN)).toBe(2);
    expect(await listDrafts(ORIGIN)).toEqual([]);
  });
});

describe('pruneDrafts', () => {
  const now = Date.UTC(2026, 10, 28);

  it('removes drafts older than the 30-day default and keeps newer ones', async () => {
    await saveDraft(draft('old'), now - 31 * DAY);
    await saveDraft(draft('recent'), now - 29 * DAY);
    expect(await pruneDrafts(now)).toBe(1);
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey)).toEqual(['recent']);
  });

  it('follows the retention set in the settings', async () => {
    await updateSettings({ draftRetentionDays: 7 });
    await saveDraft(draft('week-old'), now - 8 * DAY);
    expect(await pruneDrafts(now)).toBe(1);
  });

  it('drops a site whose drafts have all expired', async () => {
    await saveDraft(draft('old', '旧', OTHER_ORIGIN), now - 40 * DAY);
    await pruneDrafts(now);
    expect(await listAllDrafts()).toEqual([]);
  });
});
