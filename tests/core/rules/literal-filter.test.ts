// The literal prefilter (lib/core/rules/literal-filter.ts) may only say "no match here" where the patterns
// really have none. Tried on every line of the corpus, the dev set and the adversarial texts, and on seeded
// random lines made of the patterns' own example matches cut up and mixed with report words.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cruftPack, eventsPack } from '../../../lib/core/packs';
import { createLiteralFilter, literalPresence, literalTables } from '../../../lib/core/rules/literal-filter';
import { families } from '../adversarial';

const fixtures = (dir: string) =>
  readdirSync(new URL(`../../fixtures/${dir}/`, import.meta.url))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(`../../fixtures/${dir}/${f}`, import.meta.url), 'utf8'));

const lines = [...fixtures('corpus'), ...fixtures('real'), ...families.map((f) => f.make(20_000))].flatMap((t) => t.split('\n'));

const sets = {
  'web-cruft fragments': cruftPack.entries.filter((e) => !e.line).map((e) => e.pattern),
  // A whole cruft line is made of these (web-cruft passes over a line holding none of their literals).
  'web-cruft line items': cruftPack.entries.map((e) => e.pattern),
  'stale-references events': [...eventsPack.anniversaries, ...eventsPack.meetings, ...eventsPack.guidance, ...eventsPack.campaigns].map((e) => e.trigger),
};

describe.each(Object.entries(sets))('the literal filter of %s', (_, patterns) => {
  const filter = createLiteralFilter(patterns)!;
  const any = new RegExp(patterns.map((p) => `(?:${p})`).join('|'));

  it('is worked out (every pattern has literals to look for)', () => {
    expect(filter).not.toBeNull();
    expect(filter.literals.length).toBeGreaterThan(5);
  });

  it('passes every real line a pattern matches, and stops most of the others', () => {
    let matched = 0;
    let stopped = 0;
    for (const line of lines) {
      const hit = any.test(line);
      if (hit) {
        matched++;
        expect(filter.mayMatch(line), line).toBe(true);
      } else if (!filter.mayMatch(line)) stopped++;
    }
    expect(matched).toBeGreaterThan(0);
    expect(stopped).toBeGreaterThan(lines.length / 2);
  });

  it('passes random lines built around the literals whenever a pattern matches them', () => {
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = [...filter.literals, ...filter.literals.map((l) => l.slice(0, 1)), ...filter.literals.map((l) => l.slice(1)), '工作', '会议', '：', ':', ' ', '2026', '年', '（', '）', '第', '页', '共', '篇', '届', '中全会', '精神', '周年'];
    let matched = 0;
    for (let n = 0; n < 6_000; n++) {
      let line = '';
      for (let i = 1 + Math.floor(next() * 6); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      if (!any.test(line)) continue;
      matched++;
      expect(filter.mayMatch(line), line).toBe(true);
    }
    expect(matched).toBeGreaterThan(500);
  });
});

describe('literal tables', () => {
  it('say "may hold" for every line holding one of the literals', () => {
    const literals = ['本事', '职责', '必须', '确', '工作作风', 'ab'];
    const may = literalTables(literals);
    let seed = 3;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = [...literals, '本', '事', '职', '责', '必', '须', '工作', '作风', 'a', 'b', '的', '，', ' '];
    let holding = 0;
    let stopped = 0;
    for (let n = 0; n < 5_000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 8); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      const holds = literals.some((l) => line.includes(l));
      if (holds) {
        holding++;
        expect(may(line), line).toBe(true);
      } else if (!may(line)) stopped++;
    }
    expect(holding).toBeGreaterThan(1_000);
    expect(stopped).toBeGreaterThan(100);
  });
});

describe('literal presence', () => {
  it('sets the bit of exactly the literals a line holds, and bit 30 for any literal past the 30th', () => {
    // 40 literals: one and two characters and longer, sharing first characters and first pairs.
    const literals = [...'甲乙丙丁'].flatMap((a) => [a + '子', a + '丑', a + '子寅', a + '丑卯', a + a, '戊' + a, a + '子寅辰', a + '己', a + '庚', a + '辛']);
    literals.push('壬');
    const presence = literalPresence(literals);
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = [...'甲乙丙丁子丑寅卯辰戊己庚辛壬的，', ...literals.slice(0, 8)];
    let high = 0;
    for (let n = 0; n < 5_000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 10); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      let expected = 0;
      literals.forEach((l, k) => {
        if (line.includes(l)) expected |= 1 << Math.min(k, 30);
      });
      if (expected & (1 << 30)) high++;
      expect(presence(line), line).toBe(expected);
    }
    expect(high).toBeGreaterThan(500);
  });
});

describe('web-cruft’s two filters', () => {
  // web-cruft settles a line's fragments from its line-item filter when that filter finds nothing (the fragments'
  // own filter then reads no character): sound only while every fragment literal is a line-item literal too.
  it('look for no fragment literal that the line-item filter does not look for', () => {
    const fragments = createLiteralFilter(sets['web-cruft fragments'])!.literals;
    const items = new Set(createLiteralFilter(sets['web-cruft line items'])!.literals);
    expect(fragments.length).toBeGreaterThan(5);
    expect(fragments.filter((l) => !items.has(l))).toEqual([]);
  });
});
