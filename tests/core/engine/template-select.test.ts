// The template a report gets from its title's 年度 / 半年: a whole-year report never gets the half-year template
// because of a 上半年 in its text or in the page furniture above its title, and 自查 in a sentence does not make a
// self-check report.
import { describe, expect, it } from 'vitest';
import { selectTemplate } from '../../../lib/core/template';
import { analyze } from '../../../lib/core/analyze';

describe('selectTemplate from the head of a page', () => {
  it.each([
    ['a 年度 title under a breadcrumb to 半年工作总结', '首页 > 工作总结 > 半年工作总结\n2026年度意识形态工作责任制落实情况报告\n今年以来，我局认真落实责任制。', 'ideology-annual'],
    ['a 年度 title under a list of other pages', '2023年上半年意识形态工作总结范文（精选5篇）\n2023年度意识形态工作总结\n上半年，我局召开会议。', 'ideology-annual'],
    ['a 全年 title', '全年意识形态工作情况报告\n上半年，我局召开会议。', 'ideology-annual'],
    ['a title with no year words over a text saying 全年', '首页 > 范文\n意识形态工作总结\n全年共召开党组会议4次，上半年2次。', 'ideology-annual'],
    ['a 半年 title', '2026年半年意识形态工作总结\n我局认真落实责任制。', 'ideology-half'],
    ['a 上半年 title under 更新时间 and 来源 lines', '更新时间：2026-07-01 来源：网友投稿\n2026年上半年意识形态工作情况报告\n今年以来，全年任务过半。', 'ideology-half'],
    ['半年来 in the text of a title with no year words', '意识形态工作情况报告\n半年来，我局认真落实责任制。', 'ideology-annual'],
    ['only a .docx name says the period', '2024年上半年意识形态工作总结报告8篇.docx\n今年以来，我镇坚持以人民为中心。', 'ideology-half'],
  ])('%s', (_name, head, id) => {
    expect(selectTemplate(head).id).toBe(id);
  });

  it('a 自查 in a sentence of a 年度 report is not a self-check report', () => {
    expect(selectTemplate('2026年度意识形态工作责任制落实情况报告\n我局对照要求开展自查，及时整改。').id).toBe('ideology-annual');
  });

  it.each([
    ['a self-check title', '意识形态工作情况自评报告\n我校高度重视。'],
    ['现将自查情况 in the text', '意识形态工作报告\n我局进行了认真自查，现将自查情况汇报如下。'],
  ])('%s is a self-check report', (_name, head) => {
    expect(selectTemplate(head).id).toBe('ideology-self-check');
  });

  it('a self-check page only linked from the page furniture is not one', () => {
    expect(selectTemplate('相关推荐：意识形态工作自查报告范文\n2026年度意识形态工作总结\n今年以来。').id).toBe('ideology-annual');
  });
});

describe('analyze picks the template from the title', () => {
  it('a whole-year report whose text begins with 上半年 gets the whole-year template', () => {
    const text = '××局2025年度意识形态工作责任制落实情况报告\n上半年，局党组召开会议专题研究意识形态工作2次。下半年，又召开2次。';
    expect(analyze(text).template!.id).toBe('ideology-annual');
  });

  it('a half-year report gets the half-year template', () => {
    expect(analyze('××局2025年上半年意识形态工作情况报告\n今年以来，局党组召开会议专题研究意识形态工作2次。').template!.id).toBe('ideology-half');
  });
});
