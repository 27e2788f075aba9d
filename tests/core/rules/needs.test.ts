// The runner does not call a rule on a paragraph that lacks every character of the rule's `needs` (see
// lib/core/rules/types.ts). That is only right if such a paragraph can never get a finding from the rule: these
// tests call each rule directly on paragraphs without its characters — every line of the corpus, the dev set and
// the adversarial families, and random strings of the characters the rules look at — and expect nothing back.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officialNamesPack, spinPairsPack } from '../../../lib/core/packs';
import { createRuleRunner, rules } from '../../../lib/core/rules';
import { compileDictionaries } from '../../../lib/core/rules/dictionary';
import type { ParagraphRule, RuleContext } from '../../../lib/core/rules/types';
import { families } from '../adversarial';
import { seededRandom } from './helpers';

const [officialNames, spinPairs, userEntries] = compileDictionaries([officialNamesPack.entries, spinPairsPack.entries, []]);
const contexts: RuleContext[] = [
  { disabledEntries: new Set(), officialNames: officialNames!, spinPairs: spinPairs!, userEntries: userEntries!, period: { year: 2026, half: 1 } },
  { disabledEntries: new Set(), officialNames: officialNames!, spinPairs: spinPairs!, userEntries: userEntries!, period: { year: 2026 } },
  { disabledEntries: new Set(), officialNames: officialNames!, spinPairs: spinPairs!, userEntries: userEntries! },
];

const withNeeds = rules.filter((r): r is ParagraphRule & { needs: string } => r.scope === 'paragraph' && r.needs !== undefined);

const fixtures = (dir: string) =>
  readdirSync(new URL(`../../fixtures/${dir}/`, import.meta.url))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(`../../fixtures/${dir}/${f}`, import.meta.url), 'utf8'));

const realLines = [
  ...fixtures('corpus'),
  ...fixtures('real'),
  ...families.map((f) => f.make(20_000)),
].flatMap((text) => text.split(/\r\n|[\n\r\u2028\u2029]/));

// Pieces the rules look for: heading numbers, dates, figures, brackets and quotes of both widths, every mark,
// spaces of three kinds, placeholder characters, ellipsis characters, garbling, toned pinyin, title words.
const PIECES = [
  ...'一二三四五六七八九十两百〇零年月日号次人个项期工作报告总结党建意识形态学习精神全会大届周年半上下度',
  ...'0123456789０１２３４５６７８９abcxXyzāóǐù',
  ...'，。、；：！？,.;:!?…·．・•()（）《》“”‘’【】〔〕[]「」{}｛｝-—－_＿*＊×□○■△▲某',
  ...' \u3000\u00a0\t?\uFFFD锟斤拷烫屯\ud83d\ude00\ud800',
  '一、',
  '（一）',
  '(二)',
  '1.',
  '1、',
  '2026年',
  '2025',
  '十九大',
  '建党100周年',
  '……',
  '...',
  '。。。',
  'XX',
  '____',
  '某某',
  '工作总结 ',
  '如下：',
  '党的.精神',
  '学习.贯彻',
  '学习（xuéxí）',
  '二零二六年',
  '二O二五年',
  '26年上半年',
];

function randomStrings(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * 24);
    let s = '';
    for (let i = 0; i < length; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
    out.push(s);
  }
  return out;
}

const lacks = (text: string, needs: string) => {
  for (let i = 0; i < text.length; i++) if (needs.includes(text[i]!)) return false;
  return true;
};

/** `text` with every character of `needs` taken out. */
const without = (text: string, needs: string) => [...text].filter((c) => ![...c].some((u) => needs.includes(u))).join('');

describe('rules that declare the characters they need', () => {
  it('are the cheap paragraph rules, each with a non-empty list', () => {
    expect(withNeeds.map((r) => r.id).sort()).toEqual(
      ['cjk-spaces', 'doubled-punctuation', 'ellipsis', 'halfwidth-punctuation', 'mojibake', 'number-forms', 'pinyin-debris', 'placeholders', 'run-in-heading', 'stray-dot', 'year-missing-nian'].sort(),
    );
    for (const rule of withNeeds) expect(rule.needs.length).toBeGreaterThan(0);
  });

  describe.each(withNeeds.map((r) => [r.id, r] as const))('%s', (_, rule) => {
    it('finds nothing on a line of the corpus, the dev set or the adversarial texts without them', () => {
      let tried = 0;
      for (const line of realLines) {
        if (!lacks(line, rule.needs)) continue;
        tried++;
        for (const context of contexts) expect(rule.check(line, context), line).toEqual([]);
      }
      expect(tried).toBeGreaterThan(100);
    });

    it('finds nothing on random strings of the characters rules look at, once its own are taken out', () => {
      const texts = randomStrings(4_000, rule.id.length * 7919).map((s) => without(s, rule.needs));
      for (const text of texts) for (const context of contexts) expect(rule.check(text, context), text).toEqual([]);
    });

    it('does find something on those strings with its characters left in (the test above can fail)', () => {
      const texts = randomStrings(4_000, rule.id.length * 7919);
      const found = texts.filter((text) => contexts.some((context) => rule.check(text, context).length > 0));
      expect(found.length).toBeGreaterThan(0);
    });
  });

  it('gives the runner the same findings as calling every rule on every paragraph', () => {
    const text = [...realLines.slice(0, 4_000), ...randomStrings(2_000, 17)].join('\n');
    const period = { year: 2026, half: 1 as const };
    const runner = createRuleRunner().run({ text, period });
    // Every paragraph rule called on every paragraph, as the runner did before it read `needs`.
    const expected: { ruleId: string; start: number; end: number }[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      for (const rule of rules) {
        if (rule.scope !== 'paragraph' || rule.needs === undefined || line.length === 0) continue;
        for (const f of rule.check(line, contexts[0]!)) expected.push({ ruleId: f.ruleId, start: f.start + offset, end: f.end + offset });
      }
      offset += line.length + 1;
    }
    const got = runner.filter((f) => withNeeds.some((r) => r.id === f.ruleId)).map((f) => ({ ruleId: f.ruleId, start: f.start, end: f.end }));
    const key = (f: { ruleId: string; start: number; end: number }) => `${f.start}:${f.end}:${f.ruleId}`;
    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
    expect(got.length).toBeGreaterThan(50);
  });
});
