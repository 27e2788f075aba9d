import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';

ruleTable(
  'doubled-punctuation',
  [
    { text: '加强组织领导，，落实主体责任', span: '，，', fix: '' },
    { text: '落实主体责任。。', span: '。。', fix: '' },
    { text: '宣传栏、、网站', span: '、、' },
    { text: '落实主体责任，。', span: '，。' },
  ],
  [{ text: '早预见、早发现。。。' }, { text: '这难道不是事实吗？！' }, { text: '一是加强领导，二是完善制度。' }],
);

describe('runs', () => {
  it('reports a run of one mark as one finding whose fix keeps the first mark', () => {
    const text = '加强组织领导，，，，落实主体责任';
    const found = findingsOf('doubled-punctuation', text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['，，，，']);
    expect(applyFix(text, found[0]!)).toBe('加强组织领导，落实主体责任');
  });

  it('leaves a run of three or more 。 to the ellipsis rule', () => {
    expect(findingsOf('doubled-punctuation', '早预见。。。。早发现')).toEqual([]);
  });
});
