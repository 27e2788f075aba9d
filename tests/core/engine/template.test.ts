import { describe, expect, it } from 'vitest';
import { builtinTemplates, getTemplate, parseTemplate, selectTemplate } from '../../../lib/core/template';
import { matchSectionTitle } from '../../../lib/core/coverage';

const annual = () => getTemplate('ideology-annual')!;

describe('built-in templates', () => {
  it('ship the three 责任制 variants and 工作总结', () => {
    expect(builtinTemplates.map((t) => t.id)).toEqual(['ideology-half', 'ideology-annual', 'ideology-self-check', 'work-summary']);
  });

  it('each pass validation again as data', () => {
    for (const template of builtinTemplates) expect(parseTemplate(template).ok).toBe(true);
  });

  it('cover every topic the 责任制 report must address', () => {
    const ids = annual().sections[0]!.topics.map((t) => t.id);
    expect(ids).toEqual([
      'principal-responsibility', 'agenda-and-assessment', 'special-study', 'situation-analysis', 'report-upward',
      'study-group', 'branch-study', 'position-management', 'online-ideology', 'public-opinion', 'life-meeting-and-report',
      'team-and-training', 'erroneous-trends-and-religion', 'accountability',
    ]);
  });

  it('ask for counts on 专题研究 and 中心组学习', () => {
    const figures = annual().sections[0]!.topics.filter((t) => t.figures).map((t) => t.id);
    expect(figures).toEqual(['special-study', 'study-group']);
  });

  it('keep placeholders only for what the writer must fill in', () => {
    for (const template of builtinTemplates) {
      for (const section of template.sections) {
        const names = [...section.scaffold.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]);
        for (const name of names) expect(name).toMatch(/^(单位名称|次数|问题[一二三]|措施[一二三]|打算[一二三]|重点工作[一二]|体会[一二])$/);
      }
    }
  });
});

describe('parseTemplate', () => {
  it('rejects a template without sections', () => {
    const result = parseTemplate({ schemaVersion: 1, id: 'x', version: 1, name: 'x', kinds: ['x'], sections: [] });
    expect(result.ok).toBe(false);
  });

  it('rejects duplicate section ids', () => {
    const section = { id: 'a', title: 'A', required: true, scaffold: 'A' };
    const result = parseTemplate({ schemaVersion: 1, id: 'x', version: 1, name: 'x', kinds: ['x'], sections: [section, section] });
    expect(result.ok).toBe(false);
  });

  it('rejects a newer schema version', () => {
    const result = parseTemplate({ ...annual(), schemaVersion: 2 });
    expect(result.ok).toBe(false);
  });
});

describe('matchSectionTitle', () => {
  const cases: Array<[string, string]> = [
    ['主要工作情况', 'main-work'], ['工作开展情况', 'main-work'], ['主要做法及成效', 'main-work'], ['主要工作情景', 'main-work'],
    ['存在的问题及原因', 'problems'], ['存在的不足', 'problems'], ['下步打算', 'next-steps'], ['下一步工作计划', 'next-steps'],
  ];
  for (const [title, id] of cases) it(`${title} → ${id}`, () => expect(matchSectionTitle(annual(), title)?.id).toBe(id));

  it('matches no section for a topical heading', () => {
    expect(matchSectionTitle(annual(), '政府网站阵地意识形态宣传情况')).toBeUndefined();
  });
});

describe('selectTemplate', () => {
  it('picks the self-check variant for a 自查 report', () => {
    expect(selectTemplate('关于意识形态工作责任制落实情况的自查报告').id).toBe('ideology-self-check');
  });

  it('picks 工作总结 for a report that is not about 意识形态', () => {
    expect(selectTemplate('2026年上半年工作总结').id).toBe('work-summary');
  });

  it.each([
    ['a 2026年度 title over a text that begins with 上半年', '上半年，我局认真落实意识形态工作责任制', undefined, '2026年度意识形态工作责任制落实情况报告', 'ideology-annual'],
    ['a 上半年 title', '我局认真落实意识形态工作责任制', undefined, '2026年上半年意识形态工作总结', 'ideology-half'],
    ['a 半年度 title (which holds 年度)', '意识形态工作', undefined, '意识形态工作半年度报告', 'ideology-half'],
    ['半年来 in a sentence, no title words', '半年来，我局认真落实意识形态工作责任制', undefined, '', 'ideology-annual'],
    ['the form\'s whole-year period over a 上半年 title', '意识形态工作', { year: 2026 }, '2026年上半年意识形态工作', 'ideology-annual'],
    ['the form\'s half-year period', '意识形态工作', { year: 2026, half: 1 as const }, '', 'ideology-half'],
  ])('decides %s', (_name, head, period, title, id) => {
    expect(selectTemplate(head, period, title).id).toBe(id);
  });
});

describe('topic fields for coverage by meaning', () => {
  const withTopic = (topic: Record<string, unknown>) =>
    parseTemplate({
      schemaVersion: 1, id: 'x', version: 1, name: 'x', kinds: ['x'],
      sections: [{ id: 'a', title: 'A', required: true, scaffold: 'A', topics: [{ id: 't', title: 'T', keywords: ['研判'], ...topic }] }],
    });

  it('accepts a topic as user templates wrote it before (keywords only)', () => {
    expect(withTopic({}).ok).toBe(true);
  });

  it('accepts phrase sets, excluded phrases and unit types', () => {
    const result = withTopic({ phrases: [{ words: ['讲座'], with: ['审批'] }], exclude: ['专题讲座'], notFor: ['branch'], units: ['organ'] });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a phrase set without companions', { phrases: [{ words: ['讲座'], with: [] }] }],
    ['an unknown unit type', { notFor: ['village'] }],
    ['an empty excluded phrase', { exclude: [' '] }],
    ['a phrase longer than 40 characters', { exclude: ['很'.repeat(41)] }],
  ])('rejects %s', (_name, topic) => {
    expect(withTopic(topic).ok).toBe(false);
  });

  it('the built-in templates were revised for them', () => {
    for (const template of builtinTemplates) expect(template.version).toBeGreaterThanOrEqual(2);
  });
});
