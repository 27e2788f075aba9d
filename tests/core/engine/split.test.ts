// 拆分到各栏 (lib/core/split.ts): which sections of a pasted report move to fields of their own, what each field
// receives, and what the source keeps, renumbered.
import { describe, expect, it } from 'vitest';
import { planSplits, type SplitField, type SplitPlan } from '@/lib/core/split';
import { applyEdit } from '@/lib/core/edits';
import { getTemplate } from '@/lib/core/template';

const summary = getTemplate('work-summary')!;
const ideology = getTemplate('ideology-annual') ?? getTemplate('ideology-half') ?? getTemplate('ideology')!;

const MAIN = '主要工作情况';
const form = (main: string, problems = '', plans = ''): SplitField[] => [
  { key: 'main', label: MAIN, text: main, sectionId: 'main-work' },
  { key: 'problems', label: '存在的问题', text: problems, sectionId: 'problems' },
  { key: 'plans', label: '下一步工作打算', text: plans, sectionId: 'next-steps' },
];

const PASTED = [
  '一、主要工作情况',
  '（一）压实主体责任。全年召开党组会议专题研究4次。',
  '（二）加强理论武装。组织集中学习12次。',
  '二、存在的不足',
  '一是学习不够深入；二是阵地管理有短板。',
  '三、下一步工作打算',
  '（一）持续深化理论武装。',
  '（二）加强阵地管理。',
].join('\n');

function only(plans: SplitPlan[]): SplitPlan {
  expect(plans).toHaveLength(1);
  return plans[0]!;
}

/** Every line of the source other than the moved headings ends up somewhere: nothing is lost. */
function expectNothingLost(source: string, plan: SplitPlan, fields: SplitField[]) {
  const moved = new Set(plan.moves.map((move) => move.heading));
  const places = [plan.sourceAfter, ...fields.filter((f) => f.key !== plan.sourceKey).map((f) => plan.targets.find((t) => t.key === f.key)?.after ?? f.text)];
  for (const line of source.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (moved.has(line)) continue;
    // A kept heading may carry its new number.
    const renamed = plan.renumbered.filter((r) => line.startsWith(r.from)).map((r) => r.to + line.slice(r.from.length));
    expect(places.some((place) => [line, ...renamed].some((l) => place.includes(l))), line).toBe(true);
  }
}

describe('planSplits', () => {
  it('moves the sections that have fields of their own, without their heading lines, and keeps the rest', () => {
    const fields = form(PASTED);
    const plan = only(planSplits(fields, summary));
    expect(plan.sourceKey).toBe('main');
    expect(plan.moves.map((m) => [m.heading, m.targetLabel])).toEqual([
      ['二、存在的不足', '存在的问题'],
      ['三、下一步工作打算', '下一步工作打算'],
    ]);
    expect(plan.targets.map((t) => [t.key, t.after])).toEqual([
      ['problems', '一是学习不够深入；二是阵地管理有短板。'],
      ['plans', '（一）持续深化理论武装。\n（二）加强阵地管理。'],
    ]);
    // The source keeps its own section and does not end on an empty line.
    expect(plan.sourceAfter).toBe(PASTED.split('\n').slice(0, 3).join('\n'));
    expect(applyEdit(PASTED, plan.sourceEdit)).toBe(plan.sourceAfter);
    expect(plan.renumbered).toEqual([]);
    expectNothingLost(PASTED, plan, fields);
  });

  it('renumbers the top-level headings after a section moved out of the middle', () => {
    const text = ['一、主要工作情况', '做了工作。', '二、存在的问题', '学习不够。', '三、经验体会', '坚持党建引领。', '四、意见建议', '加强培训。'].join('\n');
    const fields = form(text);
    const plan = only(planSplits(fields, summary));
    expect(plan.moves.map((m) => m.heading)).toEqual(['二、存在的问题']);
    expect(plan.sourceAfter).toBe(['一、主要工作情况', '做了工作。', '二、经验体会', '坚持党建引领。', '三、意见建议', '加强培训。'].join('\n'));
    expect(plan.renumbered).toEqual([
      { from: '三、', to: '二、' },
      { from: '四、', to: '三、' },
    ]);
    // One replacement for the removal and the renumbering: one undo step.
    expect(applyEdit(text, plan.sourceEdit)).toBe(plan.sourceAfter);
    expectNothingLost(text, plan, fields);
  });

  it('appends to a field that already has text, on a line of its own', () => {
    const fields = form(PASTED, '另外，调研不够。\n\n');
    const plan = only(planSplits(fields, summary));
    const problems = plan.targets.find((t) => t.key === 'problems')!;
    expect(problems.appended).toBe(true);
    expect(problems.after).toBe('另外，调研不够。\n一是学习不够深入；二是阵地管理有短板。\n\n');
    expect(plan.targets.find((t) => t.key === 'plans')!.appended).toBe(false);
  });

  it('adds nothing to a field that already holds the section, and still takes it out of the source', () => {
    const fields = form(PASTED, '一是学习不够深入；二是阵地管理有短板。');
    const plan = only(planSplits(fields, summary));
    expect(plan.moves.find((m) => m.targetKey === 'problems')!.already).toBe(true);
    expect(plan.targets.map((t) => t.key)).toEqual(['plans']);
    expect(plan.sourceAfter).not.toContain('阵地管理有短板');
  });

  it('takes the text of a heading run into its text, without the heading and its colon', () => {
    const text = '一、主要工作情况\n做了工作。\n二、存在的不足：一是学习不够深入，二是调研不多。';
    const plan = only(planSplits(form(text), summary));
    expect(plan.targets[0]!.after).toBe('一是学习不够深入，二是调研不多。');
    expect(plan.sourceAfter).toBe('一、主要工作情况\n做了工作。');
  });

  it('leaves alone a section whose field does not exist, a heading with nothing under it, and a field’s own section', () => {
    // No 下一步 field on this form; 存在的问题 has only its heading.
    const fields: SplitField[] = [
      { key: 'main', label: MAIN, text: '一、主要工作情况\n做了工作。\n二、存在的问题\n三、下一步工作打算\n继续努力。', sectionId: 'main-work' },
      { key: 'problems', label: '存在的问题', text: '', sectionId: 'problems' },
    ];
    expect(planSplits(fields, summary)).toEqual([]);
    // The 存在的问题 field holding its own heading and text: nothing to move.
    expect(planSplits(form('', '一、存在的问题\n学习不够。'), summary)).toEqual([]);
  });

  it('moves nothing on a form whose fields stand for no section, or without a template', () => {
    const fields = form(PASTED).map(({ sectionId: _, ...field }) => field);
    expect(planSplits(fields, summary)).toEqual([]);
    expect(planSplits(form(PASTED), undefined)).toEqual([]);
  });

  it('moves sections out of a whole report kept in a field of no section of its own', () => {
    const fields: SplitField[] = [
      { key: 'body', label: '报告正文', text: `关于2026年上半年工作情况的报告\n${PASTED}` },
      { key: 'problems', label: '存在的问题', text: '', sectionId: 'problems' },
    ];
    const plan = only(planSplits(fields, summary));
    expect(plan.moves.map((m) => m.heading)).toEqual(['二、存在的不足']);
    // The title line stays; 三、 closes the gap.
    expect(plan.sourceAfter.startsWith('关于2026年上半年工作情况的报告\n一、主要工作情况')).toBe(true);
    expect(plan.sourceAfter).toContain('\n二、下一步工作打算\n');
    expectNothingLost(fields[0]!.text, plan, fields);
  });

  it('reads section names through the template’s synonyms (下一步打算, 存在问题)', () => {
    const text = '一、工作开展情况\n做了工作。\n二、存在问题\n学习不够。\n三、下一步打算\n继续努力。';
    const plan = only(planSplits(form(text), summary));
    expect(plan.moves.map((m) => m.sectionId)).toEqual(['problems', 'next-steps']);
  });

  it('works with the ideology template as well', () => {
    const problems = ideology.sections.find((s) => /问题/.test(s.title))!;
    const fields: SplitField[] = [
      { key: 'main', label: MAIN, text: `一、主要做法\n开展学习。\n二、${problems.title}\n阵地管理有短板。` },
      { key: 'p', label: problems.title, text: '', sectionId: problems.id },
    ];
    const plan = only(planSplits(fields, ideology));
    expect(plan.targets[0]!.after).toBe('阵地管理有短板。');
  });
});
