// Hostile input must finish in bounded time. The bounds are generous on purpose: they catch a RegExp that
// backtracks without bound (minutes), not a slow machine; speed itself is shown by `npm run bench`.
import { describe, expect, it } from 'vitest';
import { createRuleRunner, runRules } from '../../../lib/core/rules';
import { corpusText } from '../../fixtures/corpus/edits';

const BOUND_MS = 5_000;

function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

describe('hostile input', () => {
  it('checks 1 MB of report text in bounded time', () => {
    const text = corpusText().repeat(42).slice(0, 1_000_000);
    const [found, ms] = timed(() => runRules({ text, period: { year: 2023 } }));
    expect(found.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('checks a 100k-character line with no line break in bounded time', () => {
    const text = corpusText().replace(/\n/g, '').repeat(5).slice(0, 100_000);
    const [, ms] = timed(() => runRules({ text }));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['x', 'x'.repeat(100_000)],
    ['underscores', '_'.repeat(100_000)],
    ['dots', '.'.repeat(100_000)],
    ['asterisks between Han', '局*'.repeat(50_000)],
    ['open brackets', '(（《“'.repeat(25_000)],
    ['question marks after Han', '是?'.repeat(50_000)],
    ['commas', '，'.repeat(100_000)],
    ['one Han character', '进'.repeat(100_000)],
    ['a repeated word', '开展'.repeat(50_000)],
    ['digits and 年', '12年'.repeat(30_000)],
  ])('checks a 100k-character run of %s in bounded time', (_name, text) => {
    const [, ms] = timed(() => runRules({ text, period: { year: 2021, half: 1 } }));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('flags lone surrogates and keeps every range inside the text', () => {
    const text = '落实\uD800主体责任\uDC00，加强领导😀。';
    const found = runRules({ text });
    expect(found.filter((f) => f.ruleId === 'mojibake').map((f) => f.start)).toEqual([2, 7]);
    for (const f of found) expect(f.end).toBeLessThanOrEqual(text.length);
  });

  it('finds a wrong name with zero-width characters around it and a copy that differs only by them', () => {
    const para = '深入学习贯彻党的十九五中全会精神,抓好党史学习教育,把意识形态工作作为重要内容。';
    const text = `\u200b${para}\n${para.replace('抓好', '抓\u200b好')}\ufeff`;
    const found = runRules({ text });
    expect(found.some((f) => f.ruleId === 'official-names')).toBe(true);
    expect(found.some((f) => f.ruleId === 'duplicates')).toBe(true);
  });

  it('keeps an incremental runner correct on a 100k-character line edited in the middle', () => {
    const runner = createRuleRunner();
    const text = corpusText().replace(/\n/g, '').slice(0, 100_000);
    runner.run({ text });
    const edited = text.slice(0, 50_000) + '某某' + text.slice(50_000);
    const [found, ms] = timed(() => runner.run({ text: edited }));
    expect(found).toEqual(runRules({ text: edited }));
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
