import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOutlineParser } from '../../../lib/core/outline/parse';
import { createLineCache } from '../../../lib/core/outline/lines';
import { createRuleRunner, dictionaryPatterns, rules, runRules } from '../../../lib/core/rules';
import { corpusText } from '../../fixtures/corpus/edits';
import type { LineSlots } from '../../../lib/core/rules/types';

const corpus = corpusText();

describe('createRuleRunner', () => {
  it('gives the same findings as a fresh run after a series of edits', () => {
    const runner = createRuleRunner();
    let text = corpus.slice(0, 20_000);
    runner.run({ text });
    for (const [at, insert] of [[100, '某某'], [5_000, ',,'], [12_345, '\n\n'], [19_000, '十九五中全会']] as const) {
      text = text.slice(0, at) + insert + text.slice(at);
      expect(runner.run({ text })).toEqual(runRules({ text }));
    }
  });

  it('keeps the results of each runner and each period apart in lines shared between them', () => {
    // analyze() passes the outline's lines, whose `info` slots equal lines share and later analyses reuse.
    const text = `${corpus.slice(0, 4_000)}\n深入开展党史学习教育。\n召开X次会议。\n召开X次会议。`;
    const slots = new Map<string, LineSlots>();
    let start = 0;
    const lines = text.split('\n').map((line) => {
      if (!slots.has(line)) slots.set(line, { rules: undefined, tokens: undefined, tokensBy: undefined, cruftKey: undefined, cruftEntries: undefined, fragmentKey: undefined, fragments: undefined });
      const paragraph = { text: line, start, end: start + line.length, info: slots.get(line)! };
      start += line.length + 1;
      return paragraph;
    });
    const all = createRuleRunner();
    const fewer = createRuleRunner({ disabledRules: ['placeholders'] });
    const periods = [{ year: 2021, half: 1 as const }, { year: 2025, half: 1 as const }];
    for (let round = 0; round < 2; round++) {
      for (const period of periods) {
        expect(all.run({ text, lines, period })).toEqual(runRules({ text, period }));
        expect(fewer.run({ text, lines, period })).toEqual(runRules({ text, period }, { disabledRules: ['placeholders'] }));
      }
    }
    // The two periods read the campaign differently, so the comparison above could tell them apart.
    expect(runRules({ text, period: periods[0] })).not.toEqual(runRules({ text, period: periods[1] }));
  });

  it('gives the same findings after a deletion that joins two paragraphs', () => {
    const runner = createRuleRunner();
    const text = corpus.slice(0, 8_000);
    runner.run({ text });
    const cut = text.indexOf('\n', 3_000);
    const joined = text.slice(0, cut) + text.slice(cut + 1);
    expect(runner.run({ text: joined })).toEqual(runRules({ text: joined }));
  });

  it('does not re-check paragraphs that did not change', () => {
    const runner = createRuleRunner();
    const text = corpus.slice(0, 20_000);
    runner.run({ text });
    const calls: string[] = [];
    const rule = rules.find((r) => r.id === 'placeholders')!;
    if (rule.scope !== 'paragraph') throw new Error('placeholders is a paragraph rule');
    const original = rule.check;
    rule.check = (t, c) => {
      calls.push(t);
      return original(t, c);
    };
    try {
      runner.run({ text: text.slice(0, 10_000) + '好' + text.slice(10_000) });
    } finally {
      rule.check = original;
    }
    expect(calls).toHaveLength(1);
  });

  it('shifts offsets of findings after the edit', () => {
    const runner = createRuleRunner();
    const text = '第一段。\n副主任xx负责';
    const before = runner.run({ text }).find((f) => f.ruleId === 'placeholders')!;
    const after = runner.run({ text: '新增' + text }).find((f) => f.ruleId === 'placeholders')!;
    expect(after.start - before.start).toBe(2);
  });
});

describe('configuration', () => {
  it('switches a rule off', () => {
    expect(runRules({ text: '副主任xx负责' }, { disabledRules: ['placeholders'] })).toEqual([]);
  });

  it('switches a single dictionary entry off and keeps the others', () => {
    const text = '进取参与,取得了必须成绩';
    const ids = runRules({ text }, { disabledEntries: ['jinqu-jiji'] })
      .filter((f) => f.ruleId === 'spin-artefacts')
      .map((f) => f.params?.entry);
    expect(ids).toEqual(['bixu-yiding']);
  });

  it('applies the user’s own wrong → right entries with a fix', () => {
    const text = '青山县网信办召开会议';
    const [f] = runRules({ text }, { userEntries: [{ id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' }] });
    expect(f).toMatchObject({ ruleId: 'user-entries', fix: { text: '网络安全和信息化委员会办公室' } });
  });

  it('treats the user’s entry as literal text, not as a pattern', () => {
    const text = '落实a.b责任';
    const found = runRules({ text }, { userEntries: [{ id: 'user-1', wrong: 'a.*', right: 'x' }] });
    expect(found.filter((f) => f.ruleId === 'user-entries')).toEqual([]);
  });
});

describe('findings', () => {
  const found = runRules({ text: corpus });

  it('carry valid UTF-16 ranges inside the text', () => {
    for (const f of found) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(corpus.length);
      if (f.fix) expect(f.fix.end).toBeLessThanOrEqual(corpus.length);
    }
  });

  it('come sorted by position', () => {
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.start);
  });

  it('come from paragraph rules in lists of their own', () => {
    // The runner moves a paragraph rule's findings in place and adds other rules' findings to the first list it
    // gets: each call must return a new list of new findings (or the shared empty one, which it never keeps).
    const lists = new Set<unknown>();
    const objects = new Set<unknown>();
    let calls = 0;
    const wrapped = rules.filter((r) => r.scope === 'paragraph').map((rule) => {
      const check = rule.check;
      rule.check = (...args: Parameters<typeof check>) => {
        const list = check.apply(rule, args);
        calls++;
        if (list.length > 0) {
          expect(lists.has(list), rule.id).toBe(false);
          lists.add(list);
          for (const f of list) {
            expect(objects.has(f), rule.id).toBe(false);
            objects.add(f);
          }
        }
        return list;
      };
      return { rule, check };
    });
    try {
      const text = `${corpus}\n${corpus.slice(0, 5_000)}\n召开X次会议，某某同志、xx同志参加。`;
      runRules({ text });
      runRules({ text, period: { year: 2023, half: 1 } });
    } finally {
      for (const { rule, check } of wrapped) rule.check = check;
    }
    expect(calls).toBeGreaterThan(1_000);
    expect(lists.size).toBeGreaterThan(100);
  });

  it('use a category and severity of the rule that made them', () => {
    for (const f of found) {
      expect(rules.find((r) => r.id === f.ruleId)?.category).toBe(f.category);
      expect(['blocking', 'warning', 'info']).toContain(f.severity);
    }
  });
});

describe('dictionaryPatterns', () => {
  it('lists every pattern as a RegExp source that compiles', () => {
    const patterns = dictionaryPatterns();
    expect(patterns.length).toBeGreaterThan(50);
    for (const p of patterns) expect(() => new RegExp(p)).not.toThrow();
  });
});

describe('answers kept in the outline’s lines', () => {
  // web-cruft keeps its answer for one string of a line in the line's slots; the outline asks about the
  // line's content, the rules about the line as written, the title rule about the title without a menu index
  // or a page's title bar. Each must get the answer for its own string: on 文库 pages, indented, with bars.
  const dir = new URL('../../fixtures/real/', import.meta.url);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const variants = (text: string) => [
    text,
    text.split('\n').map((l) => (l.trim() === '' ? l : `　　${l}  `)).join('\n'),
    text.split('\n').map((l, i) => (i % 3 === 0 && l.trim() !== '' ? `${i % 2 ? '1.' : '【2】'}${l}｜范文大全（精选5篇）` : l)).join('\n'),
    // The outline reads a short line without its inline cruft ([打印]), the rules read it as written.
    `发布时间：2023-05-06 [打印]\n${text.split('\n').map((l, i) => (i % 4 === 1 ? `${l} [打印]` : l)).join('\n')}`,
  ];
  it('gives the findings of a run without them', () => {
    let compared = 0;
    for (const text of texts.flatMap(variants)) {
      const parsed = createOutlineParser(createLineCache()).parse(text);
      const found = createRuleRunner().run({ text, lines: parsed.lines });
      expect(found).toEqual(runRules({ text }));
      compared += found.filter((f) => f.ruleId === 'web-cruft' || f.ruleId === 'repeated-title').length;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
