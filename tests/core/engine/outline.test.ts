import { describe, expect, it } from 'vitest';
import { parseOutline, type OutlineHeading } from '../../../lib/core/outline/parse';
import { readLine } from '../../../lib/core/outline/lines';
import { report, reportE } from './corpus';

const tops = (text: string) => parseOutline(text).outline.filter((h) => h.kind !== 'item');
const line = (h: OutlineHeading) => `${h.marker}${h.title}`;
const ids = (text: string) => parseOutline(text).findings.map((f) => f.ruleId);

describe('corpus outlines', () => {
  it('report A: three top-level sections with their (一)…(五) and the cruft lines left out', () => {
    const parsed = parseOutline(report('A'));
    const top = parsed.outline;
    expect(top.map(line)).toEqual(['一、领导层面部署落实情况', '二、政府网站阵地意识形态宣传情况', '三、中心工作专题报道情况']);
    expect(top.map((h) => h.children.filter((c) => c.kind === 'h2').length)).toEqual([4, 5, 2]);
    expect(top[1]!.children[1]!.title).toBe('新闻宣传');
    expect(parsed.cruft.map((c) => c.text)).toEqual(['- 范文问答', '- 答案列表']);
    expect(parsed.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('report B: reads the title line and its five sections, then the pasted second copy', () => {
    const parsed = parseOutline(report('B'));
    expect(parsed.titles.map((t) => t.text)).toEqual(['关于2021年学校意识形态工作情况报告[朗读]']);
    const titles = parsed.outline.map((h) => h.title);
    expect(titles.slice(0, 5)).toEqual(['提高思想认识,加强组织领导', '统筹协调,积极开展意识形态工作', '加强督查考核,严格责任追究', '存在的不足', '下一步工作计划']);
    expect(titles.slice(5)).toEqual(titles.slice(0, 5));
  });

  it('report B: the restart at the second 一、 is reported as a pasted duplicate with a fix removing the copy', () => {
    const text = report('B');
    const dup = parseOutline(text).findings.filter((f) => f.ruleId === 'outline-duplicate');
    expect(dup).toHaveLength(1);
    const fix = dup[0]!.fix!;
    const lines = text.split('\n');
    const copyStart = text.indexOf(lines[14]!, text.indexOf(lines[2]!) + 1);
    expect(fix.start).toBe(copyStart);
    expect(fix.end).toBe(text.length);
    // Removing the copy leaves the first copy whole.
    expect(text.slice(0, fix.start).trimEnd()).toBe(lines.slice(0, 14).join('\n'));
  });

  it('report C: 一是…三是 items under 二、 and 三、, and the duplicate that starts with a stray paragraph', () => {
    const text = report('C');
    const parsed = parseOutline(text);
    expect(parsed.outline.map(line)).toEqual([
      '一、加强组织领导,落实意识形态工作', '二、强化理论学习,确保理论武装到位', '三、抓好舆论引导,传播凝聚正能量',
      '二、强化理论学习,确保理论武装到位', '三、抓好舆论引导,传播凝聚正能量',
    ]);
    expect(parsed.outline[1]!.children.map((c) => c.marker)).toEqual(['一是', '二是', '三是']);
    const dup = parsed.findings.find((f) => f.ruleId === 'outline-duplicate')!;
    const lines = text.split('\n');
    // The copy starts with the repeated body paragraph of 一、 (line 14), not at the heading 二、.
    expect(dup.fix!.start).toBe(text.lastIndexOf(lines[1]!));
    expect(dup.fix!.end).toBe(text.length);
  });

  it('report D: 一、…五、 with 一要/二要/三要 under each, pasted twice', () => {
    const parsed = parseOutline(report('D'));
    expect(parsed.outline).toHaveLength(10);
    expect(parsed.outline.slice(0, 5).map((h) => h.value)).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.outline[3]!.title).toBe('把握宣传方向,牢牢掌控舆论引导的主动性和话语权');
    for (const h of parsed.outline) expect(h.children.map((c) => c.marker)).toEqual(['一要', '二要', '三要']);
    expect(parsed.findings.filter((f) => f.ruleId === 'outline-duplicate')).toHaveLength(1);
  });

  it('report E: (三 without its closing bracket is still the third sub-heading, flagged with a fix', () => {
    const text = reportE();
    const parsed = parseOutline(text);
    expect(parsed.outline.map(line)).toEqual(['一、主要工作情景', '二、存在的问题及原因', '三、下步打算']);
    const subs = parsed.outline[0]!.children;
    expect(subs.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    expect(subs[2]!.title).toBe('突出学习型党组织建设,理论武装实现新突破');
    const mark = parsed.findings.find((f) => f.ruleId === 'outline-mark')!;
    expect(mark.messageId).toBe('outline.mark.unclosed');
    expect(mark.fix).toEqual({ start: subs[2]!.start + 2, end: subs[2]!.start + 2, text: '）' });
    expect(parsed.findings.some((f) => f.ruleId === 'outline-gap')).toBe(false);
  });

  it('report E: the second copy is a duplicate found at its 一、', () => {
    const text = report('E');
    const dup = parseOutline(text).findings.filter((f) => f.ruleId === 'outline-duplicate');
    expect(dup).toHaveLength(1);
    expect(text.slice(dup[0]!.start).startsWith('一、主要工作情景')).toBe(true);
    expect(dup[0]!.start).toBeGreaterThan(reportE().length);
  });

  it('body ranges run from a heading to the next heading of its rank', () => {
    const text = reportE();
    const [main, problems] = parseOutline(text).outline;
    expect(main!.bodyEnd).toBe(problems!.start);
    expect(text.slice(problems!.bodyStart, problems!.bodyEnd)).toContain('激励和促进作用不够明显');
  });
});

describe('marker forms', () => {
  const cases: Array<[string, string, string]> = [
    ['一、', '一、总体情况', 'h1'],
    ['（一）', '（一）总体情况', 'h2'],
    ['(一)', '(一)总体情况', 'h2'],
    ['1.', '1.总体情况', 'h3'],
    ['1．', '1．总体情况', 'h3'],
    ['１.', '１.总体情况', 'h3'],
    ['1、', '1、总体情况', 'h3'],
    ['（1）', '（1）总体情况', 'h4'],
    ['(1)', '(1)总体情况', 'h4'],
    ['①', '①总体情况', 'circled'],
    ['一是', '一是总体情况。', 'item'],
    ['一要', '一要总体情况。', 'item'],
    ['第一，', '第一，总体情况。', 'item'],
    ['首先，', '首先，总体情况。', 'item'],
  ];
  for (const [marker, text, kind] of cases) {
    it(`reads ${marker} as a ${kind} marker`, () => {
      const [heading] = parseOutline(text).outline;
      expect(heading?.kind).toBe(kind);
      expect(heading?.value).toBe(1);
      expect(heading?.title).toBe('总体情况');
    });
  }

  it('reads 第一/第二 and 首先/其次/最后 as a run of items', () => {
    const items = parseOutline('工作安排如下。首先，统一思想。其次，健全制度。最后，抓好落实。').outline;
    expect(items.map((h) => h.marker)).toEqual(['首先', '其次', '最后']);
  });

  it('reads inline 一是…二是… inside a paragraph as items of its heading', () => {
    const [heading] = parseOutline('（一）加强学习。一是抓好中心组学习。二是抓好支部学习，做到全覆盖。').outline;
    expect(heading!.children.map((c) => `${c.marker}${c.title}`)).toEqual(['一是抓好中心组学习', '二是抓好支部学习，做到全覆盖']);
  });

  it('splits a heading run into its body on one line at the first full stop', () => {
    const [heading] = parseOutline('一、加强组织领导。按照要求，成立领导小组。').outline;
    expect(heading!.title).toBe('加强组织领导');
    expect(heading!.standalone).toBe(false);
  });

  it('does not read numbers in running text as markers', () => {
    const parsed = parseOutline('今年共投入20余万元，增长3.5%，统一思想，十九大精神深入人心，第一责任人切实履职。');
    expect(parsed.outline).toEqual([]);
  });

  it('reads a report pasted without any line break', () => {
    const text =
      '现将有关情况报告如下：一、主要工作情况（一）压实责任。成立领导小组。（二）加强学习。一是抓好中心组学习。二是抓好支部学习。二、存在的问题。学习还不够深入。三、下一步工作打算。一是加强学习。';
    const parsed = parseOutline(text);
    expect(parsed.outline.map(line)).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算']);
    expect(parsed.outline[0]!.children.map(line)).toEqual(['（一）压实责任', '（二）加强学习']);
    expect(parsed.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads full- and half-width markers alike in one report', () => {
    const text = '一、总体情况\n(一)学习\n（二）宣传\n1.网站\n２．公众号\n二、存在的问题';
    const parsed = parseOutline(text);
    expect(parsed.outline.map((h) => h.title)).toEqual(['总体情况', '存在的问题']);
    const subs = parsed.outline[0]!.children;
    expect(subs.map((c) => c.value)).toEqual([1, 2]);
    expect(subs[1]!.children.map((c) => c.value)).toEqual([1, 2]);
    expect(ids(text)).toEqual([]);
  });

  it('skips web cruft lines between sections without breaking the numbering', () => {
    const text = '一、总体情况\n正文。\n- 范文问答\n[朗读]\n上一篇：工作总结范文\n二、存在的问题\n正文。';
    const parsed = parseOutline(text);
    expect(parsed.outline.map((h) => h.title)).toEqual(['总体情况', '存在的问题']);
    expect(parsed.cruft).toHaveLength(3);
    expect(parsed.findings).toEqual([]);
  });
});

describe('numbering diagnostics', () => {
  describe('flags', () => {
    const flagged: Array<[string, string, string]> = [
      ['a gap', '一、甲\n二、乙\n四、丁', 'outline-gap'],
      ['a gap among sub-headings', '一、甲\n（一）子\n（三）子', 'outline-gap'],
      ['a gap among items', '（一）甲。一是学习。三是宣传。', 'outline-gap'],
      ['a repeat', '一、甲\n二、乙\n二、丙', 'outline-repeat'],
      ['a repeated item', '（一）甲。一是学习。二是宣传。二是培训。', 'outline-repeat'],
      ['a restart after 五、', '一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n一、己', 'outline-restart'],
      ['a restart that repeats an earlier title', '一、甲\n正文甲。\n二、乙\n正文乙。\n一、甲\n正文甲。', 'outline-duplicate'],
      ['a level skip from 一、 to 1.', '一、甲\n1.子项', 'outline-level-skip'],
      ['（一）、', '一、甲\n（一）、子项', 'outline-mark'],
      ['①、', '①、子项', 'outline-mark'],
      ['1、 where 1. is meant', '1、子项', 'outline-mark'],
      ['一. where 一、 is meant', '一.总体情况', 'outline-mark'],
      ['end punctuation on a heading on its own line', '一、加强组织领导。\n正文。', 'outline-heading-punct'],
    ];
    for (const [what, text, ruleId] of flagged) {
      it(what, () => expect(ids(text)).toContain(ruleId));
    }
  });

  describe('accepts', () => {
    const accepted: Array<[string, string]> = [
      ['a continuous sequence', '一、甲\n二、乙\n三、丙'],
      ['sub-headings restarting under each heading', '一、甲\n（一）子\n（二）子\n二、乙\n（一）子'],
      ['items restarting in each paragraph', '（一）甲。一是学习。二是宣传。\n（二）乙。一是学习。二是宣传。'],
      ['the full GB/T 9704 hierarchy', '一、甲\n（一）子\n1.孙\n（1）曾孙'],
      ['a heading run into its body ending in a full stop', '一、加强组织领导。按照要求推进。'],
      ['a new report after a title line', '一、甲\n二、乙\n关于2026年上半年工作情况的报告\n一、甲'],
      ['marks written as the standards ask', '一、甲\n（一）子\n1.孙\n（1）曾孙\n①项'],
    ];
    for (const [what, text] of accepted) {
      it(what, () => expect(ids(text)).toEqual([]));
    }
  });

  it('offers the standard mark as the fix', () => {
    const text = '一、甲\n（一）、子项';
    const finding = parseOutline(text).findings.find((f) => f.ruleId === 'outline-mark')!;
    const fixed = text.slice(0, finding.fix!.start) + finding.fix!.text + text.slice(finding.fix!.end);
    expect(fixed).toBe('一、甲\n（一）子项');
  });

  it('turns 1、 into 1.', () => {
    const text = '1、子项';
    const { fix } = parseOutline(text).findings.find((f) => f.ruleId === 'outline-mark')!;
    expect(text.slice(0, fix!.start) + fix!.text + text.slice(fix!.end)).toBe('1.子项');
  });
});

describe('short lines read for titles', () => {
  // A line with a sentence or clause mark is no title, whichever mark it is and wherever it stands (the reading
  // skips the test for a line in which its search for inline headings found no mark at all).
  it('are no title when they hold any sentence or clause mark', () => {
    for (const mark of '。，,；;！？!?') {
      for (const line of [`关于开展工作${mark}的情况报告`, `${mark}全年工作总结`, `  县委宣传部工作总结${mark}年度报告  `]) {
        expect(readLine(line).title, line).toBe(false);
      }
    }
    expect(readLine('县委宣传部2026年度意识形态工作总结').title).toBe(true);
    expect(readLine('  县委宣传部2026年度工作情况报告').title).toBe(true);
  });
});
