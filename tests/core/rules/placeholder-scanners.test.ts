import { describe, expect, it } from 'vitest';
import { placeholdersPack } from '../../../lib/core/packs';
import { SCANNERS } from '../../../lib/core/rules/placeholder-scanners';
import { PLACEHOLDER_CHAR } from '../../../lib/core/rules/placeholders';
import { seededRandom } from './helpers';

/** What a global RegExp's exec() loop finds, as the rule ran it before the scanners. */
function byRegExp(pattern: string, text: string): string[] {
  const re = new RegExp(pattern, 'g');
  const out: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(`${m.index}-${m.index + m[0].length}`);
  }
  return out;
}

/** The scanner's matches, given the positions of the characters it says a match may start with (`every`:
 * all positions, a superset, which must not change what it finds). */
function byScanner(pattern: string, text: string, every = false): string[] {
  const { scan, starts } = SCANNERS.get(pattern)!;
  const at = new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) if (every || starts.includes(text[i]!)) at[count++] = i;
  const out: string[] = [];
  scan(text, at, count, (start, end) => out.push(`${start}-${end}`));
  return out;
}

// Pieces that sit on every boundary the patterns test: the x's, stars, underscores and 某 themselves, runs
// around the patterns' limits (16 x's, 15 more stars, 200 underscores, 4 spaces in brackets), Latin letters and
// digits before an X, the units after one, the Han characters that make a word with X, spaces of both widths,
// every bracket and the marks a single X may stand between.
const PIECES = [
  'x', 'X', 'ｘ', 'Ｘ', '×', 'x', 'X', '*', '＊', '*', '_', '＿', '_', '某', '某', '某', ' ', ' ', '\u3000',
  '【', '】', '（', '）', '(', ')', '《', '》', '“', '”', '〔', '〕', '[', ']', '【】', '（ ）', '〔\u3000〕', '[  ]',
  '次', '月', '日', '年', '名', '局', '镇', '同志', '光', '线', '射', '型', '区', '党',
  '，', '。', '、', '：', '；', 'a', 'Z', '1', '0', '20', '\n',
  'x'.repeat(15), 'X'.repeat(17), 'ｘ'.repeat(16), '*'.repeat(15), '＊'.repeat(17), '_'.repeat(199), '＿'.repeat(201),
  '某'.repeat(5), '    ', '     ', '\u3000\u3000\u3000',
];

function texts(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const pieces = Math.floor(next() * 14);
    let s = '';
    for (let i = 0; i < pieces; i++) {
      // Long runs are rare, as in real text: a tenth of the time from the last eight pieces.
      const k = next() < 0.1 ? PIECES.length - 1 - Math.floor(next() * 8) : Math.floor(next() * (PIECES.length - 8));
      s += PIECES[k]!;
    }
    out.push(s);
  }
  return out;
}

describe('placeholder scanners', () => {
  it('each reproduces a pattern of the pack', () => {
    const patterns = new Set(placeholdersPack.entries.map((e) => e.pattern));
    for (const pattern of SCANNERS.keys()) expect(patterns.has(pattern), pattern).toBe(true);
    // The rule collects the positions of the starts among its placeholder characters, one list per set of
    // starts: each start is a placeholder character, and two sets are equal or share no character.
    const sets = [...new Set([...SCANNERS.values()].map((s) => s.starts))];
    for (const set of sets) for (const c of set) expect(PLACEHOLDER_CHAR.test(c), c).toBe(true);
    for (const a of sets) for (const b of sets) if (a !== b) expect([...a].filter((c) => b.includes(c)), `${a} ${b}`).toEqual([]);
  });

  it('find exactly the matches of their patterns, in the same order', () => {
    const samples = texts(20_000, 11);
    for (const pattern of SCANNERS.keys()) {
      let matched = 0;
      for (const text of samples) {
        const expected = byRegExp(pattern, text);
        matched += expected.length;
        for (const every of [false, true]) {
          const found = byScanner(pattern, text, every);
          if (found.join() !== expected.join()) expect({ text, every, found }).toEqual({ text, every, found: expected });
        }
      }
      // Each pattern matched often enough in these texts for the comparison to mean something.
      expect(matched, pattern).toBeGreaterThan(500);
    }
  });

  it('tell a changed scanner from its pattern', () => {
    // The comparison above is sharp: a scanner off by one boundary is caught on the same texts.
    const samples = texts(2_000, 12);
    const pattern = '[_＿]{2,200}';
    const offByOne = (text: string) => {
      const out: string[] = [];
      const mou = text.replace(/[_＿]/g, '某');
      const at = Int32Array.from(mou, (_, i) => i);
      SCANNERS.get('某某{1,3}')!.scan(mou, at, at.length, (start, end) => out.push(`${start}-${end}`));
      return out;
    };
    expect(samples.some((text) => offByOne(text).join() !== byRegExp(pattern, text).join())).toBe(true);
  });
});
