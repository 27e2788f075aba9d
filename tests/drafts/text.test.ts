import { describe, expect, it } from 'vitest';
import { draftPreview, sameDraftText, samePage } from '@/lib/drafts/text';

describe('sameDraftText', () => {
  describe('treats as the same', () => {
    it.each([
      ['textarea line ends', '一、总体情况\r\n（一）学习', '一、总体情况\n（一）学习'],
      ['the blank line innerText puts between paragraphs', '第一段\n\n第二段', '第一段\n第二段'],
      ['a trailing newline of an editor', '第一段\n', '第一段'],
      ['no-break spaces of contenteditable', 'A\u00a0B', 'A B'],
    ])('%s', (_name, a, b) => {
      expect(sameDraftText(a, b)).toBe(true);
    });
  });
  describe('treats as different', () => {
    it.each([
      ['a changed character', '召开会议3次', '召开会议4次'],
      ['a missing paragraph', '第一段\n第二段', '第一段'],
      ['an empty field', '', '第一段'],
    ])('%s', (_name, a, b) => {
      expect(sameDraftText(a, b)).toBe(false);
    });
  });
});

describe('samePage', () => {
  it('ignores the query and the hash', () => {
    expect(samePage('https://a.gov.cn/report/edit?id=1&token=x', 'https://a.gov.cn/report/edit#top')).toBe(true);
  });
  it('tells different paths apart', () => {
    expect(samePage('https://a.gov.cn/report/edit', 'https://a.gov.cn/report/list')).toBe(false);
  });
  it('tells different origins apart', () => {
    expect(samePage('https://a.gov.cn/x', 'http://a.gov.cn/x')).toBe(false);
  });
});

describe('draftPreview', () => {
  it('folds line breaks and cuts long text with an ellipsis', () => {
    expect(draftPreview('一、总体\n（一）学习贯彻', 6)).toBe('一、总体 （…');
  });
});
