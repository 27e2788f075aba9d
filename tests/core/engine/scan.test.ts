// Coverage reads lines outside every section with topics (a second pasted copy of the report) for count
// placeholders only, with the placeholder pattern alone. That must find exactly the placeholders the full
// scan finds: compared here on thousands of seeded random lines made of the pieces that matter.
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../lib/core/coverage/scan';
import { analyze } from '../../../lib/core/analyze';
import { builtinTemplates } from '../../../lib/core/template';
import { report } from './corpus';

describe('placeholder-only scan', () => {
  it('finds the placeholders the full scan finds', () => {
    const template = builtinTemplates[0]!;
    const scanner = createScanner(template);
    const keywords = scanner.keywords.slice(0, 20);
    const pieces = ['召开', 'X', 'x', '×', '*', '_', '＿', '□', '○', '次', '场', '人次', '1', '３', '三', '多次', ' ', '。', '，', 'X次', '__次', '□ 场', ...keywords];
    let seed = 9;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let found = 0;
    for (let n = 0; n < 5000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 12); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      const full = scanner.scan(line).filter((t) => t.kind === 'placeholder').map((t) => [t.start, t.end]);
      found += full.length;
      expect(scanner.placeholders(line).map((t) => [t.start, t.end]), line).toEqual(full);
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('finds them in long runs of placeholder characters, which the full scan passes over when no unit follows', () => {
    const template = builtinTemplates[0]!;
    const scanner = createScanner(template);
    const pieces = ['xxxxx', 'XXXXXXXXX', '××××××', '***', '＊＊', '________', '＿＿＿＿＿＿＿＿＿', '□□□□□', '○○', '次', '人次', '万元', '场', ' ', '\u3000', '召开', '。', '1', ...scanner.keywords.slice(0, 10)];
    let seed = 17;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let found = 0;
    let runs = 0;
    for (let n = 0; n < 5000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 10); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      if (/[xX×*＊_＿□○]{5}(?![ \u3000]{0,2}[次人万场])/.test(line)) runs++;
      const full = scanner.scan(line).filter((t) => t.kind === 'placeholder').map((t) => [t.start, t.end]);
      found += full.length;
      expect(scanner.placeholders(line).map((t) => [t.start, t.end]), line).toEqual(full);
    }
    expect(found).toBeGreaterThan(500);
    expect(runs).toBeGreaterThan(1000);
  });

  it('a placeholder in a pasted second copy is still flagged', () => {
    const first = report('B');
    const text = `${first}\n${first}\n全年召开X次专题会议。`;
    const analysis = analyze(text);
    const placeholders = analysis.findings.filter((f) => f.ruleId === 'coverage-figure-placeholder');
    expect(placeholders.map((f) => text.slice(f.start, f.end))).toEqual(['X次']);
    expect(placeholders[0]!.start).toBeGreaterThan(2 * first.length);
  });
});

describe('counts among runs of digits', () => {
  // The scan passes over a run of digits at once when no measure word follows it (a phone number, a year, an
  // ID): a count's digits run to the end of their run. Compared with trying the count at every digit.
  const COUNT_AT = /(?:\d{1,6}|[０-９]{1,6})[ \u3000]{0,2}(?:人次|次|场|期|轮|篇|项|名|条|个|批|家|万元)/y;
  const everyPosition = (line: string) => {
    const out: number[][] = [];
    for (let i = 0; i < line.length; i++) {
      COUNT_AT.lastIndex = i;
      const m = COUNT_AT.exec(line);
      if (m) {
        out.push([i, i + m[0].length]);
        i += m[0].length - 1;
      }
    }
    return out;
  };

  it('finds the counts a try at every position finds', () => {
    const scanner = createScanner(builtinTemplates[0]!);
    const pieces = ['1', '7', '23', '2026', '13812345678', '1234567', '３', '４５', '次', '人次', '万元', '万', '年', '月', ' ', '\u3000', '的', '了', '。', '，'];
    let seed = 5;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let found = 0;
    for (let n = 0; n < 5000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 14); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
      const counts = scanner.scan(line).filter((t) => t.kind === 'count').map((t) => [t.start, t.end]);
      found += counts.length;
      expect(counts, line).toEqual(everyPosition(line));
    }
    expect(found).toBeGreaterThan(1000);
  });
});
