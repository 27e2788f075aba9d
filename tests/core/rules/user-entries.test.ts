// The user's own wrong → right pairs: the right text is taken literally (issue 9, item 7). A replacement
// string passed to String.prototype.replace reads $&, $1, $$ and $` as patterns; typed by a user they are text.
import { describe, expect, it } from 'vitest';
import { compileDictionaries } from '../../../lib/core/rules/dictionary';
import { applyFix, findingsOf, seededRandom } from './helpers';

const entry = (wrong: string, right: string) => ({ userEntries: [{ id: 'user-1', wrong, right }] });

describe('user entries', () => {
  it('flags the wrong text and offers the right one', () => {
    const text = '我单位网信办负责此项工作。';
    const [f] = findingsOf('user-entries', text, undefined, entry('网信办', '网络安全和信息化委员会办公室'));
    expect(text.slice(f!.start, f!.end)).toBe('网信办');
    expect(applyFix(text, f!)).toBe('我单位网络安全和信息化委员会办公室负责此项工作。');
  });

  it.each([
    ['$&', '经费$&元'],
    ['$1', '经费$1元'],
    ['$$', '经费$$元'],
    ['$`', "经费$`元"],
    ["$'", "经费$'元"],
    ['$<name>', '经费$<name>元'],
    ['a trailing $', '经费元$'],
  ])('takes %s in the right text literally', (_name, right) => {
    const text = '本年度经费xx元已拨付。';
    const [f] = findingsOf('user-entries', text, undefined, entry('经费xx元', right));
    expect(f!.fix!.text).toBe(right);
    expect(applyFix(text, f!)).toBe(`本年度${right}已拨付。`);
  });

  it('takes a $ in the wrong text literally too', () => {
    const text = '合计$100元。';
    const [f] = findingsOf('user-entries', text, undefined, entry('$100元', '100元'));
    expect(text.slice(f!.start, f!.end)).toBe('$100元');
    expect(f!.fix!.text).toBe('100元');
  });

  it('finds entries that do not start with a literal as matching each alone would, however many there are', () => {
    // A wrong text that starts with a bracket is a pattern with no literal first character: such entries are
    // found by the literal each must hold (here 40 different ones, more than the 31 bits that tell them apart,
    // and one with none at all).
    const words = [...'甲乙丙丁戊己庚辛壬癸'].flatMap((a) => [a + '子', a + '丑', a + '寅', a + '卯']);
    const entries = words.map((w, k) => ({ id: `e${k}`, trigger: `(?:（|\\()${w}`, right: w, reason: '' }));
    entries.push({ id: 'any', trigger: '[（(]{2}', right: '（', reason: '' });
    const [dictionary] = compileDictionaries([entries]);
    const expected = (line: string) => {
      const hits: { start: number; end: number; id: string }[] = [];
      for (const e of entries) for (const m of line.matchAll(new RegExp(e.trigger, 'g'))) hits.push({ start: m.index, end: m.index + m[0].length, id: e.id });
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: typeof hits = [];
      for (const h of hits) if (kept.length === 0 || h.start >= kept[kept.length - 1]!.end) kept.push(h);
      return kept;
    };
    const random = seededRandom(5);
    const pieces = ['（', '(', '的', ...words, ...'甲乙子丑'];
    let found = 0;
    for (let n = 0; n < 3_000; n++) {
      let line = '';
      for (let i = Math.floor(random() * 12); i > 0; i--) line += pieces[Math.floor(random() * pieces.length)]!;
      const hits = dictionary!.match(line).map((h) => ({ start: h.start, end: h.end, id: h.entry.id }));
      expect(hits, line).toEqual(expected(line));
      found += hits.filter((h) => h.id !== 'any' && Number(h.id.slice(1)) >= 30).length;
    }
    expect(found).toBeGreaterThan(100);
  });
});
