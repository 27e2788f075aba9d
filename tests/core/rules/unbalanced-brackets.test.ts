import { describe, expect, it } from 'vitest';
import { findingsOf, ruleTable } from './helpers';

ruleTable(
  'unbalanced-brackets',
  [
    { text: '(三突出学习型党组织建设,理论武装实现新突破。', span: '(' },
    { text: '根据中央《党委(党组意识形态工作职责制实施办法》', span: '(' },
    { text: '所写的调研文章《育主体?', span: '《' },
    { text: '兴产业 惠民生 率先实现全面小康》荣获县三等奖', span: '》' },
    { text: '组织开展“追寻红色足迹活动。', span: '“' },
    // A quotation over two paragraphs that does not open the second with “: the first “ closes nothing here.
    { text: '他强调：“要守好意识形态阵地。\n要落实好主体责任。”', span: '“' },
    // The next line closes something else: the break tears nothing.
    { text: '所写的调研文章《育主体\n兴产业 惠民生）荣获县三等奖', span: '《' },
  ],
  [
    { text: '(一)高度重视,专题研究部署。' },
    { text: '《党委（党组）意识形态工作责任制实施办法》' },
    { text: '开展“追寻红色足迹,继承革命精神”主题活动' },
    { text: '（一）落实主体责任(试行）' },
    // A title torn by a hard line break: the marks pair across it (hard-wrap reports the break).
    { text: '所写的调研文章《育主体?\n兴产业 惠民生 率先实现全面小康》荣获县三等奖' },
    { text: '根据《党委（党组）意识形态工作\n责任制实施办法》和（党组\n）要求' },
  ],
);

describe('runs and long lines', () => {
  it('reports a run of the same mark left open as one finding over the run', () => {
    const text = '关于（（（加强管理的通知）';
    const found = findingsOf('unbalanced-brackets', text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['（（']);
  });

  it('keeps marks of different kinds apart', () => {
    const text = '《（“标题';
    expect(findingsOf('unbalanced-brackets', text).map((f) => text.slice(f.start, f.end))).toEqual(['《', '（', '“']);
  });

  it('finds the unopened marks after a long run of other open marks', () => {
    const text = `${'（'.repeat(50_000)}正文${'》'.repeat(50_000)}`;
    const found = findingsOf('unbalanced-brackets', text);
    expect(found.map((f) => [f.messageId, f.end - f.start])).toEqual([
      ['rules.brackets.unclosed', 50_000],
      ['rules.brackets.unopened', 50_000],
    ]);
  });

  it('closes the right mark when other kinds were opened after it', () => {
    const text = '《党委(党组意识形态“工作》';
    const found = findingsOf('unbalanced-brackets', text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['(', '“']);
  });
});
