import { describe, expect, it } from 'vitest';
import { draftOffers } from '@/lib/drafts/restore';
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
    expect(offers).toEqual([{ state: 'missing', draft: draft('name:problems', '一是学习不够') }]);
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
});
