import { describe, expect, it } from 'vitest';
import {
  DRAFT_BUDGET,
  LIMITS,
  StorageValidationError,
  deleteDraft,
  deleteDrafts,
  getDraft,
  listAllDrafts,
  listDrafts,
  pruneDrafts,
  saveDraft,
  settleEarlierDraft,
  updateSettings,
} from '../../lib/storage';
import { draftsItem, readItem } from '../../lib/storage/items';
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

  it('never drops a live draft at the per-site limit: the new field is refused and marked', async () => {
    for (let i = 0; i < DRAFT_BUDGET.fieldsPerSite; i++) await saveDraft(draft(`f${i}`), 1000 + i);
    expect(await saveDraft(draft('newest'), 5000)).toBeUndefined();
    const keys = (await listDrafts(ORIGIN)).map((d) => d.fieldKey);
    expect(keys).toContain('f0');
    expect(await getDraft(ORIGIN, 'newest')).toMatchObject({ text: '', unsaved: { reason: 'siteFull', at: 5000 } });
    expect(keys.length).toBeLessThanOrEqual(LIMITS.draftsPerSite);
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

describe('drafts across a page load (earlier)', () => {
  // The previous page saved at 100; the page was loaded again at 200.
  const LOADED = 200;
  const typed = (text: string, since = LOADED) => ({ ...draft('main', text), since });

  it('keeps the text from before the load when the first save of the new page replaces it', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed('重新开始'), 300);
    expect(await getDraft(ORIGIN, 'main')).toMatchObject({
      text: '重新开始',
      savedAt: 300,
      earlier: { text: '刷新前写的', savedAt: 100 },
    });
  });

  it('keeps the earlier text through later saves of the same page', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed('重新开始'), 300);
    await saveDraft(typed('重新开始写第二段'), 400);
    const saved = await getDraft(ORIGIN, 'main');
    expect(saved?.text).toBe('重新开始写第二段');
    expect(saved?.earlier).toEqual({ text: '刷新前写的', savedAt: 100 });
  });

  it('does not make an earlier text of saves within one page', async () => {
    await saveDraft(typed('第一稿'), 300);
    await saveDraft(typed('第二稿'), 400);
    expect((await getDraft(ORIGIN, 'main'))?.earlier).toBeUndefined();
  });

  it('does not make an earlier text when the new page saves the same text (editor whitespace aside)', async () => {
    await saveDraft(typed('第一段\n第二段', 50), 100);
    await saveDraft(typed('第一段\n\n第二段\n'), 300);
    const saved = await getDraft(ORIGIN, 'main');
    expect(saved?.text).toBe('第一段\n\n第二段\n');
    expect(saved?.earlier).toBeUndefined();
  });

  it('without a load time (an older page script) overwrites as before', async () => {
    await saveDraft(draft('main', '旧'), 100);
    await saveDraft(draft('main', '新'), 300);
    expect((await getDraft(ORIGIN, 'main'))?.earlier).toBeUndefined();
  });

  it('keeps the earlier text when the new page empties the field, instead of deleting the draft', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    expect(await saveDraft(typed(''), 300)).toMatchObject({ text: '', earlier: { text: '刷新前写的' } });
    expect(await getDraft(ORIGIN, 'main')).toMatchObject({ text: '', earlier: { text: '刷新前写的', savedAt: 100 } });
  });

  it('on a third page load keeps the text from just before that load as earlier', async () => {
    await saveDraft(typed('第一次', 50), 100);
    await saveDraft(typed('第二次'), 300);
    await saveDraft(typed('第三次', 500), 600);
    expect(await getDraft(ORIGIN, 'main')).toMatchObject({ text: '第三次', earlier: { text: '第二次', savedAt: 300 } });
  });

  it('on a third page load keeps the earlier text when the text before that load was emptied or the same', async () => {
    await saveDraft(typed('第一次', 50), 100);
    await saveDraft(typed(''), 300);
    await saveDraft(typed('第三次', 500), 600);
    expect(await getDraft(ORIGIN, 'main')).toMatchObject({ text: '第三次', earlier: { text: '第一次', savedAt: 100 } });
    await saveDraft(typed('第三次', 700), 800);
    expect(await getDraft(ORIGIN, 'main')).toMatchObject({ text: '第三次', earlier: { text: '第一次', savedAt: 100 } });
  });

  it('restoring makes the earlier text the draft text and drops earlier', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed('重新开始'), 300);
    expect(await settleEarlierDraft(ORIGIN, 'main', 'restored', 400)).toBe(true);
    const saved = await getDraft(ORIGIN, 'main');
    expect(saved).toMatchObject({ text: '刷新前写的', savedAt: 400 });
    expect(saved).not.toHaveProperty('earlier');
    // The restored field autosaves the same text: no earlier text comes back.
    await saveDraft(typed('刷新前写的'), 500);
    expect(await getDraft(ORIGIN, 'main')).not.toHaveProperty('earlier');
  });

  it('discarding drops earlier and keeps the text typed since the load', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed('重新开始'), 300);
    expect(await settleEarlierDraft(ORIGIN, 'main', 'discarded', 400)).toBe(true);
    const saved = await getDraft(ORIGIN, 'main');
    expect(saved).toMatchObject({ text: '重新开始', savedAt: 300 });
    expect(saved).not.toHaveProperty('earlier');
  });

  it('discarding the earlier text of an emptied field removes the draft', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed(''), 300);
    expect(await settleEarlierDraft(ORIGIN, 'main', 'discarded')).toBe(true);
    expect(await getDraft(ORIGIN, 'main')).toBeUndefined();
  });

  it('settling a draft without an earlier text (or no draft) changes nothing', async () => {
    await saveDraft(typed('只有一稿'), 300);
    const before = await readItem(draftsItem);
    expect(await settleEarlierDraft(ORIGIN, 'main', 'restored')).toBe(false);
    expect(await settleEarlierDraft(ORIGIN, 'nothing', 'discarded')).toBe(false);
    expect(await readItem(draftsItem)).toEqual(before);
  });

  it('counts a draft with an earlier text as one draft at the per-site limit', async () => {
    await saveDraft(typed('刷新前写的', 50), 100);
    await saveDraft(typed('重新开始'), 300);
    for (let i = 1; i < DRAFT_BUDGET.fieldsPerSite; i++) await saveDraft(draft(`f${i}`), 1000 + i);
    expect(await listDrafts(ORIGIN)).toHaveLength(DRAFT_BUDGET.fieldsPerSite);
    expect((await getDraft(ORIGIN, 'main'))?.earlier?.text).toBe('刷新前写的');
  });

  it('prunes a draft with its earlier text by the draft’s own save time', async () => {
    const now = Date.UTC(2026, 10, 28);
    await saveDraft(typed('刷新前写的', now - 41 * DAY), now - 40 * DAY);
    await saveDraft(typed('重新开始', now - 35 * DAY), now - 35 * DAY);
    expect(await pruneDrafts(now)).toBe(1);
    expect(await listAllDrafts()).toEqual([]);
  });

  it('ignores a load time that is not a finite number', async () => {
    await saveDraft(typed('旧', 50), 100);
    await saveDraft({ ...draft('main', '新'), since: Number.NaN }, 300);
    expect((await getDraft(ORIGIN, 'main'))?.earlier).toBeUndefined();
  });
});
