import { describe, expect, it } from 'vitest';
import { markPageSubmitted, pruneOldDrafts, removeDrafts, saveDrafts, senderOrigin, settleDraft } from '@/lib/background/drafts';
import { DRAFT_BUDGET, getDraft, listDrafts, updateSettings } from '@/lib/storage';

const ORIGIN = 'https://a.gov.cn';
const entry = (fieldKey: string, text: string) => ({ fieldKey, fieldLabel: fieldKey, text });

describe('background draft writer', () => {
  it('files drafts under the sender page origin only', () => {
    expect(senderOrigin('https://a.gov.cn/report?id=1')).toBe(ORIGIN);
    expect(senderOrigin('chrome-extension://abc/options.html')).toBeUndefined();
    expect(senderOrigin(undefined)).toBeUndefined();
  });

  it('keeps every draft when two tabs save at the same moment', async () => {
    await Promise.all([
      saveDrafts(ORIGIN, `${ORIGIN}/a`, [entry('name:work', '甲')]),
      saveDrafts(ORIGIN, `${ORIGIN}/b`, [entry('name:plans', '乙')]),
      saveDrafts(ORIGIN, `${ORIGIN}/a`, [entry('name:problems', '丙')]),
    ]);
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey).sort()).toEqual(['name:plans', 'name:problems', 'name:work']);
  });

  it('marks only the drafts taken on the submitted page, and deletes nothing', async () => {
    await saveDrafts(ORIGIN, `${ORIGIN}/report?id=1`, [entry('name:work', '甲')]);
    await saveDrafts(ORIGIN, `${ORIGIN}/other`, [entry('name:note', '乙')]);
    expect(await markPageSubmitted(ORIGIN, `${ORIGIN}/report?id=2`, 5_000)).toBe(1);
    const drafts = await listDrafts(ORIGIN);
    expect(drafts.map((d) => [d.fieldKey, d.text, d.submittedAt])).toEqual(
      expect.arrayContaining([
        ['name:work', '甲', 5_000],
        ['name:note', '乙', undefined],
      ]),
    );
    expect(drafts).toHaveLength(2);
  });

  it('a submit mark sent after a save marks that save too (messages are applied in order)', async () => {
    const saving = saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('name:work', '甲'), entry('name:plans', '乙')]);
    const marking = markPageSubmitted(ORIGIN, `${ORIGIN}/r`, 9_000);
    await Promise.all([saving, marking]);
    expect((await listDrafts(ORIGIN)).map((d) => d.submittedAt)).toEqual([9_000, 9_000]);
  });

  it('saves the other fields of a batch when one is over the per-field cap, and reports it', async () => {
    const long = '字'.repeat(DRAFT_BUDGET.fieldChars + 1);
    const result = await saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('name:work', '甲'), entry('name:huge', long), entry('name:plans', '乙')]);
    expect(result).toEqual({ saved: 2, tooLong: ['name:huge'], siteFull: [], invalid: 0 });
    expect((await getDraft(ORIGIN, 'name:work'))?.text).toBe('甲');
    expect((await getDraft(ORIGIN, 'name:plans'))?.text).toBe('乙');
    expect(await getDraft(ORIGIN, 'name:huge')).toMatchObject({ text: '', unsaved: { reason: 'tooLong', length: long.length } });
  });

  it('counts malformed entries from a page script and saves the well-formed ones', async () => {
    const result = await saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('__proto__', '甲'), { fieldKey: 'name:x', text: 3 }, entry('name:ok', '好'), null]);
    expect(result).toEqual({ saved: 1, tooLong: [], siteFull: [], invalid: 2 });
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey)).toEqual(['name:ok']);
    expect(await saveDrafts(ORIGIN, 42, [entry('name:ok', '改')])).toEqual({ saved: 0, tooLong: [], siteFull: [], invalid: 0 });
  });

  it('deletes the drafts the panel asks for', async () => {
    await saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('name:work', '甲'), entry('name:plans', '乙')]);
    await removeDrafts(ORIGIN, ['name:work']);
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey)).toEqual(['name:plans']);
  });

  it('prunes drafts older than the retention period at start-up', async () => {
    const day = 24 * 60 * 60 * 1000;
    await updateSettings({ draftRetentionDays: 30 });
    await saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('name:old', '旧')], Date.now() - 31 * day);
    await saveDrafts(ORIGIN, `${ORIGIN}/r`, [entry('name:new', '新')], Date.now() - 29 * day);
    expect(await pruneOldDrafts()).toBe(1);
    expect((await listDrafts(ORIGIN)).map((d) => d.fieldKey)).toEqual(['name:new']);
  });

  describe('text typed after a reload, before restoring', () => {
    const page = `${ORIGIN}/report`;

    it('keeps the text from before the reload as earlier, and applies it in message order', async () => {
      await saveDrafts(ORIGIN, page, [entry('name:work', '刷新前写的')], 100, 50);
      // The reloaded page (loaded at 200) saves twice, and the panel restores right after.
      const first = saveDrafts(ORIGIN, page, [entry('name:work', '重')], 300, 200);
      const second = saveDrafts(ORIGIN, page, [entry('name:work', '重新开始')], 400, 200);
      const restored = settleDraft(ORIGIN, 'name:work', 'restored');
      await Promise.all([first, second]);
      expect(await restored).toBe(true);
      const saved = await getDraft(ORIGIN, 'name:work');
      expect(saved?.text).toBe('刷新前写的');
      expect(saved).not.toHaveProperty('earlier');
    });

    it('discarding keeps the new text', async () => {
      await saveDrafts(ORIGIN, page, [entry('name:work', '刷新前写的')], 100, 50);
      await saveDrafts(ORIGIN, page, [entry('name:work', '重新开始')], 300, 200);
      expect(await settleDraft(ORIGIN, 'name:work', 'discarded')).toBe(true);
      expect(await getDraft(ORIGIN, 'name:work')).toMatchObject({ text: '重新开始' });
      expect(await getDraft(ORIGIN, 'name:work')).not.toHaveProperty('earlier');
    });

    it('ignores a load time or a settle message of the wrong shape (a page script cannot be trusted)', async () => {
      await saveDrafts(ORIGIN, page, [entry('name:work', '刷新前写的')], 100, 50);
      await saveDrafts(ORIGIN, page, [entry('name:work', '重新开始')], 300, '200');
      expect(await getDraft(ORIGIN, 'name:work')).not.toHaveProperty('earlier');
      expect(await settleDraft(ORIGIN, 'name:work', 'deleted')).toBe(false);
      expect(await settleDraft(ORIGIN, ['name:work'], 'restored')).toBe(false);
      expect(await getDraft(ORIGIN, 'name:work')).toMatchObject({ text: '重新开始' });
    });
  });
});
