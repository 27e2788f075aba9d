// The engine on adversarial families (tests/core/adversarial.ts; issue 9, item 6): lists whose lines differ in
// names, figures or dates are not duplicates, a real pasted block inside such a list still is, every family is
// analysed to the end with offsets inside the text, and the duplicate check's work grows linearly. Speed itself
// is shown by `npm run bench` (tests/bench/adversarial.ts), not asserted here.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { runRules } from '../../../lib/core/rules';
import { differsInData, duplicateComparisons } from '../../../lib/core/rules/duplicates';
import { families, family } from '../adversarial';

const duplicatesIn = (text: string) => runRules({ text }).filter((f) => f.ruleId === 'duplicates');

describe('lists are not duplicates', () => {
  it.each(families.filter((f) => f.noDuplicates).map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const text = f.make(60_000);
    expect(text.split('\n').length).toBeGreaterThan(500);
    expect(duplicatesIn(text)).toEqual([]);
  });

  it.each(families.filter((f) => f.noDuplicates).map((f) => [f.id, f] as const))('%s: a block pasted twice is still flagged', (_id, f) => {
    const lines = f.make(30_000).split('\n');
    const block = lines.slice(100, 110);
    const text = [...lines.slice(0, 300), ...block, ...lines.slice(300)].join('\n');
    const found = duplicatesIn(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(block.join('\n'));
  });

  it('lines that differ only in a name', () => {
    const names = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '吴强'];
    const text = names.map((n) => `${n}同志任县委宣传部党支部书记，负责意识形态工作责任制落实和宣传思想文化工作的统筹协调。`).join('\n');
    expect(duplicatesIn(text)).toEqual([]);
  });

  it('lines that differ only in figures and dates, in more than one place', () => {
    const text = [3, 5, 7, 9, 11].map((m, i) => `2026年${m}月${i + 2}日召开党组会议，传达学习上级会议精神，研究部署意识形态工作，参会${12 + i}人，形成决议${i + 1}项。`).join('\n');
    expect(duplicatesIn(text)).toEqual([]);
  });

  it('a near copy that differs in a word, not in data, is still a copy', () => {
    const line = '张伟同志任县委宣传部党支部书记，负责意识形态工作责任制落实和宣传思想文化工作的统筹协调。';
    const text = [line, '其他内容完全不同的一段话，写的是另外一件事情。', line.replace('统筹协调', '统一协调')].join('\n');
    expect(duplicatesIn(text)).toHaveLength(1);
  });
});

describe('differsInData', () => {
  it.each([
    ['2026年3月12日召开党组会议研究意识形态工作', '2026年3月15日召开党组会议研究意识形态工作', true],
    ['第12次会议参加人员15人', '第13次会议参加人员18人', true],
    ['张三同志负责宣传工作', '李四同志负责宣传工作', true],
    ['张伟同志负责宣传工作', '张强同志负责宣传工作', true],
    ['坚持学习制度，将学理论有机结合起来', '坚持学习制度，将学理论有效结合起来', false],
    ['全年开展学习12次，效果良好', '全年开展学习12次，效果很好', false],
    ['相同的一句话', '相同的一句话', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(differsInData(a, b)).toBe(expected);
  });
});

describe('every family is analysed to the end', () => {
  it.each(families.map((f) => [f.id, f] as const))('%s, 300k characters', (_id, f) => {
    const text = f.make(300_000);
    const analysis = analyze(text);
    for (const x of analysis.findings) {
      expect(x.start).toBeGreaterThanOrEqual(0);
      expect(x.end).toBeLessThanOrEqual(text.length);
      expect(x.start).toBeLessThanOrEqual(x.end);
    }
    for (const h of analysis.outline) expect(h.end).toBeLessThanOrEqual(text.length);
  });
});

describe('the duplicate check does linear work', () => {
  it.each(['similar-lines', 'roster', 'meeting-log', 'placeholders'])('%s: at most four comparisons per paragraph, at any size', (id) => {
    for (const size of [25_000, 200_000]) {
      const text = family(id).make(size);
      const paragraphs = text.split('\n').length;
      const before = duplicateComparisons();
      runRules({ text });
      const made = duplicateComparisons() - before;
      expect(made).toBeLessThanOrEqual(4 * paragraphs);
    }
  });

  it('a repeated heading is compared about once per character, not once per pair', () => {
    // 一、工作开展情况 20,000 times: each repeat restarts the numbering and is a copy of the text before it.
    const text = family('same-heading').make(180_000);
    const found = analyze(text, { templateId: 'none' }).findings.filter((f) => f.ruleId === 'outline-duplicate');
    // The stretches found to be copies (the fixes) do not overlap: each part of the text was compared once.
    const fixes = found.filter((f) => f.fix).map((f) => f.fix!).sort((a, b) => a.start - b.start);
    expect(fixes.length).toBeGreaterThan(5);
    for (let i = 1; i < fixes.length; i++) expect(fixes[i]!.start).toBeGreaterThanOrEqual(fixes[i - 1]!.end);
    // A heading inside a copy already reported is not reported again: each copy found doubles the text
    // compared, so the findings number about log₂ of the repeats, not one per repeat.
    expect(found.length).toBeLessThan(2 * Math.log2(20_000));
    // Together the fixes remove every repeat after the first few.
    const removed = fixes.reduce((sum, f) => sum + f.end - f.start, 0);
    expect(removed).toBeGreaterThan(text.length / 2);
  });
});
