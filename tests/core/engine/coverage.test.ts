import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { report, reportE } from './corpus';

const status = (text: string, templateId = 'ideology-annual') =>
  Object.fromEntries(analyze(text, { templateId }).coverage!.sections.map((s) => [s.id, s.status]));

const withoutLines = (text: string, from: number, to: number) => {
  const lines = text.split('\n');
  return [...lines.slice(0, from - 1), ...lines.slice(to)].join('\n');
};

describe('coverage of the corpus reports', () => {
  it('report A has its work sections but neither 存在的问题 nor 下一步打算', () => {
    expect(status(report('A'))).toEqual({ 'main-work': 'found', problems: 'missing', 'next-steps': 'missing' });
  });

  it('report B finds 存在的不足 and 下一步工作计划 as the two closing sections', () => {
    const coverage = analyze(report('B'), { templateId: 'ideology-annual' }).coverage!;
    expect(coverage.sections.map((s) => s.heading?.title)).toEqual([undefined, '存在的不足', '下一步工作计划']);
    expect(coverage.complete).toBe(true);
  });

  it('report C lacks both closing sections', () => {
    expect(status(report('C'))).toEqual({ 'main-work': 'found', problems: 'missing', 'next-steps': 'missing' });
  });

  it('report D lacks both closing sections', () => {
    expect(status(report('D'))).toEqual({ 'main-work': 'found', problems: 'missing', 'next-steps': 'missing' });
  });

  it('report E matches 主要工作情景 (a spin artefact of 主要工作情况), 存在的问题及原因 and 下步打算', () => {
    const coverage = analyze(reportE(), { templateId: 'ideology-annual' }).coverage!;
    expect(coverage.sections.map((s) => [s.heading?.title, s.status])).toEqual([
      ['主要工作情景', 'found'], ['存在的问题及原因', 'found'], ['下步打算', 'found'],
    ]);
  });

  it('report E covers 中心组学习 with its count and points at the evidence', () => {
    const text = reportE();
    const main = analyze(text, { templateId: 'ideology-annual' }).coverage!.sections[0]!;
    const study = main.topics.find((t) => t.id === 'study-group')!;
    expect(study.covered).toBe(true);
    expect(study.figures).toBe('present');
    expect(text.slice(study.evidence!.start, study.evidence!.end)).toBe(study.evidence!.text);
    const upward = main.topics.find((t) => t.id === 'report-upward')!;
    expect(upward.covered).toBe(false);
  });

  it('report C credits the count 共组织中心组学习3次 to 中心组学习', () => {
    const main = analyze(report('C'), { templateId: 'ideology-annual' }).coverage!.sections[0]!;
    expect(main.topics.find((t) => t.id === 'study-group')!.figures).toBe('present');
  });

  it('picks the half-year variant for report A (今年上半年) and the annual one for report B (2021年)', () => {
    expect(analyze(report('A')).template!.id).toBe('ideology-half');
    expect(analyze(report('B')).template!.id).toBe('ideology-annual');
  });
});

describe('structure suggestions', () => {
  it('suggests 存在的问题 right after the work section when it is missing, numbered 二、', () => {
    const text = withoutLines(reportE(), 8, 9);
    const { suggestions } = analyze(text, { templateId: 'ideology-annual' });
    expect(suggestions.map((s) => s.sectionId)).toEqual(['problems']);
    const [s] = suggestions;
    expect(text.slice(s!.offset)).toMatch(/^\n三、下步打算/);
    expect(text.slice(0, s!.offset).endsWith('扩大社会影响。')).toBe(true);
    expect(s!.scaffold.startsWith('二、存在的问题\n')).toBe(true);
    const applied = text.slice(0, s!.offset) + s!.text + text.slice(s!.offset);
    expect(applied).toContain('扩大社会影响。\n二、存在的问题\n');
  });

  it('suggests 下一步工作打算 at the end when it is missing, numbered 三、', () => {
    const text = withoutLines(reportE(), 10, 11);
    const [s, ...rest] = analyze(text, { templateId: 'ideology-annual' }).suggestions;
    expect(rest).toEqual([]);
    expect(s!.sectionId).toBe('next-steps');
    expect(s!.offset).toBe(text.length);
    expect(s!.text.startsWith('\n三、下一步工作打算\n')).toBe(true);
  });

  it('places the scaffold before the web cruft that trails a report', () => {
    const text = report('A');
    const [problems, next] = analyze(text, { templateId: 'ideology-half' }).suggestions;
    expect(text.slice(problems!.offset)).toMatch(/^\n- 范文问答/);
    expect(problems!.scaffold.startsWith('四、存在的问题')).toBe(true);
    expect(next!.scaffold.startsWith('五、下半年工作打算')).toBe(true);
  });

  it('makes no suggestion for a complete report', () => {
    expect(analyze(reportE(), { templateId: 'ideology-annual' }).suggestions).toEqual([]);
    expect(analyze(report('B'), { templateId: 'ideology-annual' }).suggestions).toEqual([]);
  });

  it('reports a missing section as a blocking finding whose fix inserts the scaffold', () => {
    const text = withoutLines(reportE(), 8, 9);
    const finding = analyze(text, { templateId: 'ideology-annual' }).findings.find((f) => f.ruleId === 'coverage-section-missing')!;
    expect(finding.severity).toBe('blocking');
    expect(finding.fix!.text).toContain('存在的问题');
  });

  it('flags sections out of order', () => {
    const text = '一、主要工作情况\n召开党组会议专题研究3次。\n二、下一步工作打算\n继续努力。\n三、存在的问题\n学习不深。';
    const result = analyze(text, { templateId: 'ideology-annual' });
    expect(result.coverage!.sections.find((s) => s.id === 'next-steps')!.status).toBe('out-of-order');
    expect(result.findings.map((f) => f.ruleId)).toContain('coverage-section-order');
  });
});

describe('figures', () => {
  const base = (line: string) => `一、主要工作情况\n${line}\n二、存在的问题\n学习不深。\n三、下一步工作打算\n加强学习。`;
  const specialStudy = (text: string) =>
    analyze(text, { templateId: 'ideology-annual' }).coverage!.sections[0]!.topics.find((t) => t.id === 'special-study')!;

  it('flags 召开X次 as a count left unfilled (blocking)', () => {
    const text = base('党组召开X次会议专题研究意识形态工作，召开X次专题会议。');
    const findings = analyze(text, { templateId: 'ideology-annual' }).findings.filter((f) => f.ruleId === 'coverage-figure-placeholder');
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.severity === 'blocking')).toBe(true);
    expect(text.slice(findings[1]!.start, findings[1]!.end)).toBe('X次');
  });

  it('reads 召开X次 as a placeholder for the topic', () => {
    expect(specialStudy(base('党组专题研究意识形态工作，全年召开X次。')).figures).toBe('placeholder');
  });

  it('reads 多次 as vague', () => {
    expect(specialStudy(base('党组多次专题研究意识形态工作。')).figures).toBe('vague');
  });

  it('accepts 召开3次', () => {
    expect(specialStudy(base('党组召开3次会议专题研究意识形态工作。')).figures).toBe('present');
  });

  it('accepts a count written in Chinese numerals', () => {
    expect(specialStudy(base('党组专题研究意识形态工作四次。')).figures).toBe('present');
  });

  it('does not credit a count from another sentence', () => {
    expect(specialStudy(base('党组专题研究意识形态工作。全年发布信息326条。')).figures).toBe('missing');
  });
});

describe('multi-field input', () => {
  const fields = [
    { key: 'work', sectionId: 'main-work', text: '（一）压实责任。成立领导小组，召开党组会议专题研究3次。' },
    { key: 'problems', sectionId: 'problems', text: '一是学习不够深入；二是阵地管理有短板。' },
    { key: 'plans', sectionId: 'next-steps', text: '' },
  ];

  it('maps each field to its section', () => {
    const coverage = analyze(fields, { templateId: 'ideology-annual' }).coverage!;
    expect(coverage.sections.map((s) => [s.id, s.status, s.fieldKey])).toEqual([
      ['main-work', 'found', 'work'], ['problems', 'found', 'problems'], ['next-steps', 'empty', 'plans'],
    ]);
  });

  it('suggests the scaffold body for an empty field at its start', () => {
    const [s] = analyze(fields, { templateId: 'ideology-annual' }).suggestions;
    expect(s).toMatchObject({ sectionId: 'next-steps', fieldKey: 'plans', offset: 0 });
    expect(s!.text).not.toContain('三、');
  });

  it('returns findings relative to the field they are in', () => {
    const withPlaceholder = [fields[0]!, { key: 'problems', sectionId: 'problems', text: '全年仅召开X次专题会议。' }, fields[2]!];
    const finding = analyze(withPlaceholder, { templateId: 'ideology-annual' }).findings.find((f) => f.ruleId === 'coverage-figure-placeholder')!;
    expect(finding.fieldKey).toBe('problems');
    expect(withPlaceholder[1]!.text.slice(finding.start, finding.end)).toBe('X次');
  });
});
