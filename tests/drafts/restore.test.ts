import { describe, expect, it } from 'vitest';
import { draftOffers, unsavedNotices } from '@/lib/drafts/restore';
import type { DraftEntry } from '@/lib/storage';
import type { PanelField } from '@/lib/panel/bridge';

const PAGE = 'https://a.gov.cn/report/edit?id=7';
const draft = (fieldKey: string, text: string, over: Partial<DraftEntry> = {}): DraftEntry => ({
  origin: 'https://a.gov.cn',
  fieldKey,
  text,
  savedAt: 1,
  pageUrl: 'https://a.gov.cn/report/edit?id=7',
  fieldLabel: '主要工作情况',
  ...over,
});
const field = (key: string, text: string, label = '主要工作情况'): PanelField => ({ key, label, required: true, kind: 'textarea', text });

describe('draftOffers', () => {
  it('offers a draft whose field holds something else', () => {
    const offers = draftOffers([draft('name:work', '一、总体情况')], [field('name:work', '')], PAGE);
    expect(offers).toHaveLength(1);
    expect(offers[0]!.state).toBe('restore');
  });

  it('does not offer a draft equal to what the field holds', () => {
    expect(draftOffers([draft('name:work', '第一段\n\n第二段')], [field('name:work', '第一段\n第二段')], PAGE)).toEqual([]);
  });

  it('reports a draft of this page whose field is gone', () => {
    const offers = draftOffers([draft('name:problems', '一是学习不够')], [field('name:work', '')], PAGE);
    expect(offers).toEqual([
      { state: 'missing', draft: draft('name:problems', '一是学习不够'), text: '一是学习不够', savedAt: 1, earlier: false },
    ]);
  });

  it('ignores a draft of another page whose field is not here', () => {
    const other = draft('name:other', '文字', { pageUrl: 'https://a.gov.cn/other' });
    expect(draftOffers([other], [field('name:work', '')], PAGE)).toEqual([]);
  });

  it('offers a draft of another page for a field with the same key and label (a re-login lands elsewhere)', () => {
    const other = draft('name:work', '一、总体情况', { pageUrl: 'https://a.gov.cn/login/return' });
    expect(draftOffers([other], [field('name:work', '')], PAGE)).toHaveLength(1);
  });

  it('ignores a draft of another page when the same key labels a different field', () => {
    const other = draft('name:work', '一、总体情况', { pageUrl: 'https://a.gov.cn/other', fieldLabel: '备注' });
    expect(draftOffers([other], [field('name:work', '')], PAGE)).toEqual([]);
  });

  describe('a draft holding text from before the page load (earlier)', () => {
    const earlier = (text: string, earlierText: string, over: Partial<DraftEntry> = {}) =>
      draft('name:work', text, { savedAt: 50, earlier: { text: earlierText, savedAt: 10 }, ...over });

    it('offers the earlier text while the field holds what was typed after the reload', () => {
      const offers = draftOffers([earlier('重新写', '刷新前写的')], [field('name:work', '重新写')], PAGE);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ state: 'restore', text: '刷新前写的', savedAt: 10, earlier: true });
    });

    it('offers the latest text when the field already holds the earlier one', () => {
      const offers = draftOffers([earlier('重新写', '刷新前写的')], [field('name:work', '刷新前写的')], PAGE);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ state: 'restore', text: '重新写', savedAt: 50, earlier: false });
    });

    it('offers the earlier text even when the latest text is empty (the user cleared the field)', () => {
      const offers = draftOffers([earlier('', '刷新前写的')], [field('name:work', '')], PAGE);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ text: '刷新前写的', earlier: true });
    });

    it('offers nothing for an empty latest text once the earlier one is in the field', () => {
      expect(draftOffers([earlier('', '刷新前写的')], [field('name:work', '刷新前写的')], PAGE)).toEqual([]);
    });

    it('reports the earlier text first when the field is gone', () => {
      const offers = draftOffers([earlier('重新写', '刷新前写的')], [], PAGE);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ state: 'missing', text: '刷新前写的', earlier: true });
    });

    it('still ignores it on another page when the label differs', () => {
      const other = earlier('重新写', '刷新前写的', { pageUrl: 'https://a.gov.cn/other', fieldLabel: '备注' });
      expect(draftOffers([other], [field('name:work', '')], PAGE)).toEqual([]);
    });
  });

  describe('submitted drafts and refused saves (issue 9)', () => {
    it('still offers a submitted draft when the field holds something else, with its submit time', () => {
      const sent = draft('name:work', '上报的全文', { submittedAt: 500 });
      const offers = draftOffers([sent], [field('name:work', '')], PAGE);
      expect(offers).toMatchObject([{ state: 'restore', text: '上报的全文', submittedAt: 500 }]);
    });

    it('does not offer a submitted draft the field already holds', () => {
      expect(draftOffers([draft('name:work', '上报的全文', { submittedAt: 500 })], [field('name:work', '上报的全文')], PAGE)).toEqual([]);
    });

    it('carries the submit time of an earlier text', () => {
      const replaced = draft('name:work', '下一期', { earlier: { text: '上报的稿子', savedAt: 1, submittedAt: 7 } });
      expect(draftOffers([replaced], [field('name:work', '')], PAGE)).toMatchObject([{ earlier: true, submittedAt: 7 }]);
    });

    it('lists this page’s refused saves, newest first, and not other pages’', () => {
      const tooLong = draft('name:work', '', { unsaved: { reason: 'tooLong', at: 20, length: 150_000 } });
      const full = draft('name:plans', '旧的', { unsaved: { reason: 'siteFull', at: 30, length: 12 } });
      const elsewhere = draft('name:x', '', { pageUrl: 'https://a.gov.cn/other', unsaved: { reason: 'tooLong', at: 40, length: 1 } });
      expect(unsavedNotices([tooLong, full, elsewhere, draft('name:ok', '好')], PAGE)).toEqual([
        { draft: full, reason: 'siteFull', length: 12 },
        { draft: tooLong, reason: 'tooLong', length: 150_000 },
      ]);
    });
  });
});
