// The speed work rewrote some patterns and put cheap pre-checks in front of some loops. Each rewrite must
// find exactly what the straightforward version finds: these tests compare the two on many random strings
// made of the characters that matter (seeded, so a failure reproduces).
import { describe, expect, it } from 'vitest';
import { officialNamesPack, placeholdersPack, spinPairsPack } from '../../../lib/core/packs';
import { literalPrefix, requiredLiteral } from '../../../lib/core/rules/dictionary';
import { createRuleRunner } from '../../../lib/core/rules';
import { doubledPunctuation } from '../../../lib/core/rules/doubled-punctuation';
import { halfwidthPunctuation } from '../../../lib/core/rules/halfwidth-punctuation';
import { LINE_STARTS } from '../../../lib/core/rules/hard-wrap';
import { TITLE_LINE_STARTS } from '../../../lib/core/rules/repeated-title';
import { mojibake } from '../../../lib/core/rules/mojibake';
import { pinyinDebris } from '../../../lib/core/rules/pinyin-debris';
import { ENTRY_CHARS, PLACEHOLDER_CHAR } from '../../../lib/core/rules/placeholders';
import { repeatedWord } from '../../../lib/core/rules/repeated-word';
import { ellipsisRuns, excerpt } from '../../../lib/core/rules/text';
import { bracketFindings } from '../../../lib/core/rules/unbalanced-brackets';
import type { RuleContext } from '../../../lib/core/rules/types';
import { seededRandom } from './helpers';

function strings(alphabet: readonly string[], count: number, maxLength: number, seed: number): string[] {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(next() * (maxLength + 1));
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)]!;
    out.push(s);
  }
  return out;
}

function matches(re: RegExp, text: string): Array<[number, string]> {
  return [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => [m.index!, m[0]]);
}

const context = {} as RuleContext;

describe('pattern rewrites match what the plain patterns match', () => {
  it('asterisk placeholder: the class-first form equals the look-behind-first form', () => {
    const plain = /[*＊]{1,16}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[*＊]{1,16}/;
    const shipped = new RegExp(placeholdersPack.entries.find((e) => e.id === 'asterisk')!.pattern);
    const samples = strings(['*', '＊', '*', '局', '年', 'a', '1', ' ', '，'], 3000, 40, 1);
    let found = 0;
    for (const s of samples) {
      const expected = matches(plain, s);
      found += expected.length;
      expect(matches(shipped, s), s).toEqual(expected);
    }
    // The strings must exercise the pattern, or the comparison proves nothing.
    expect(found).toBeGreaterThan(1000);
  });

  it('pinyin debris: the look-behind after the bracket equals the look-behind before it', () => {
    const toned = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
    const plain = new RegExp(
      `(?<=[\\u4e00-\\u9fff])[（(](?=[a-zü]{0,7}[${toned}])[a-zü${toned}]{1,8}(?:[ ][a-zü${toned}]{1,8}){0,3}[）)]`,
    );
    const samples = strings(['凝', '(', '（', ')', '）', 'níng', 'jué', 'nü', ' ', 'a', 'APP', '凝(níng', '角（jué）', '(ni)', '聚（nǐ hǎo）'], 4000, 8, 2);
    let found = 0;
    for (const s of samples) {
      const expected = matches(plain, s);
      found += expected.length;
      expect(pinyinDebris.check(s, context).map((f) => [f.start, s.slice(f.start, f.end)]), s).toEqual(expected);
    }
    expect(found).toBeGreaterThan(200);
  });
});

describe('pre-checks skip only paragraphs where the full walk finds nothing', () => {
  it('ellipsis runs equal an independent RegExp over the same runs', () => {
    const samples = strings(['.', '。', '·', '．', '・', '•', '…', '中', 'a'], 4000, 14, 3);
    const reference = /…+|\.{3,}|。{3,}|·{3,}|．{3,}|・{3,}|•{3,}/g;
    let found = 0;
    for (const s of samples) {
      const expected = [...s.matchAll(reference)].map((m) => ({
        start: m.index!,
        end: m.index! + m[0].length,
        standard: m[0] === '……',
      }));
      found += expected.length;
      expect(ellipsisRuns(s), s).toEqual(expected);
    }
    expect(found).toBeGreaterThan(500);
  });

  /** The rule's findings with and without its pre-check: `plain` wraps the text so the pre-check cannot skip. */
  it('mojibake finds lone surrogates and stray "?" whatever else the paragraph holds', () => {
    const samples = strings(['中', '?', '\ud800', '\udc00', '😀', '是否', ' ', '\ufffd', 'a'], 3000, 12, 4);
    let found = 0;
    for (const s of samples) {
      const findings = mojibake.check(s, context);
      found += findings.length;
      const hasStray =
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s) || s.includes('\ufffd');
      if (hasStray) expect(findings.length, JSON.stringify(s)).toBeGreaterThan(0);
      if (!s.includes('?') && !hasStray) expect(findings, JSON.stringify(s)).toEqual([]);
    }
    expect(found).toBeGreaterThan(500);
  });

  it('doubled punctuation, brackets and half-width marks agree with a character-by-character reference', () => {
    const samples = strings(['，', '。', '、', '；', ',', ';', '(', ')', '（', '）', '《', '》', '“', '”', '中', 'a', '1', ':', '?'], 3000, 20, 5);
    let doubled = 0;
    let brackets = 0;
    let half = 0;
    for (const s of samples) {
      // Reference for doubled: every adjacent pair of marks, a run of one mark counting once, not part of 。。。
      const marks = '，。、；：,;';
      let expectedPairs = 0;
      for (let i = 1; i < s.length; i++) {
        if (!marks.includes(s[i]!) || !marks.includes(s[i - 1]!)) continue;
        let end = i + 1;
        if (s[i] === s[i - 1]) while (s[end] === s[i]) end++;
        if (s[i - 1] === '。' && s[i] === '。' && (end - i >= 2 || s[i - 2] === '。')) {
          i = end - 1;
          continue;
        }
        expectedPairs++;
        i = end;
      }
      const d = doubledPunctuation.check(s, context);
      doubled += d.length;
      expect(d.length, s).toBe(expectedPairs);
      // Brackets: every finding sits on a bracket, and a paragraph without brackets has none.
      const b = bracketFindings(s);
      brackets += b.length;
      for (const f of b) expect('()（）《》“”【】〔〕').toContain(s[f.start]);
      if (!/[()（）《》“”【】〔〕]/.test(s)) expect(b).toEqual([]);
      // Half-width: findings only on , ; : ! ? ( ), each fixed to its full-width form.
      const h = halfwidthPunctuation.check(s, context);
      half += h.length;
      for (const f of h) expect(',;:!?()').toContain(s[f.start]);
    }
    expect(doubled).toBeGreaterThan(300);
    expect(brackets).toBeGreaterThan(300);
    expect(half).toBeGreaterThan(300);
  });
});

/**
 * Every code unit followed by each tail that completes some match of the patterns: where a pattern matches, the
 * table must have the pattern's bit for that first code unit. Returns how many matches were checked.
 */
function checkFirstCharacters(starts: { table: Uint8Array; tests: { re: RegExp; bit: number }[] }, tails: string[]): number {
  let matched = 0;
  for (let code = 0; code < 0x10000; code++) {
    const first = String.fromCharCode(code);
    for (const { re, bit } of starts.tests) {
      for (const tail of tails) {
        re.lastIndex = 0;
        if (!re.test(first + tail)) continue;
        matched++;
        expect((starts.table[code]! & bit) !== 0, `${first}${tail} ${re.source.slice(0, 20)}`).toBe(true);
      }
    }
  }
  return matched;
}

describe('first-character tables in front of line-start patterns', () => {
  it('hard-wrap: every first character of 一、 （一） 1. ① 第一条 附件 A、 一是 首先 的 …', () => {
    const tails = ['、', '.', '．', '）', ')', '一）', '1）', '是', '先', '次', '后', '件', '一条', '2、', '', '二、'];
    expect(checkFirstCharacters(LINE_STARTS, tails)).toBeGreaterThan(100);
  });

  it('repeated-title: every first character of a menu index (1. 【1】 [1] （1）) and an outline heading', () => {
    const tails = ['.', '、', '．', '1】', '1]', '1）', '1)', '）', ')', '一）', '一、', '、', '一章', '一部分', '2.', ''];
    expect(checkFirstCharacters(TITLE_LINE_STARTS, tails)).toBeGreaterThan(20);
  });
});

describe('runner: findings moved in place keep their offsets across edits', () => {
  it('a cached paragraph that moves gets new objects; the earlier result is left as it was', () => {
    const runner = createRuleRunner();
    const first = runner.run({ text: '第一段,内容。\n召开XX次会议' });
    const before = JSON.stringify(first);
    const second = runner.run({ text: '新加一行。\n第一段,内容。\n召开XX次会议' });
    expect(JSON.stringify(first)).toBe(before);
    const comma = second.find((f) => f.ruleId === 'halfwidth-punctuation')!;
    expect(comma.start).toBe('新加一行。\n第一段'.length);
    expect(comma.fix).toEqual({ start: comma.start, end: comma.start + 1, text: '，' });
    const xx = second.find((f) => f.ruleId === 'placeholders')!;
    expect('新加一行。\n第一段,内容。\n召开XX次会议'.slice(xx.start, xx.end)).toBe('XX');
  });

  it('a line-removing fix on the last line ends at the text, and on an inner line takes the line break', () => {
    const runner = createRuleRunner();
    const last = runner.run({ text: '正文。\n加入收藏' }).find((f) => f.ruleId === 'web-cruft')!;
    expect(last.fix!.end).toBe('正文。\n加入收藏'.length);
    const inner = runner.run({ text: '正文。\n加入收藏\n后文。' }).find((f) => f.ruleId === 'web-cruft')!;
    expect(inner.fix!.end).toBe('正文。\n加入收藏\n'.length);
  });
});

describe('dictionary pre-checks: the literals a trigger is sure to match', () => {
  it('reads literal prefixes and required literals conservatively', () => {
    expect(literalPrefix('进取')).toBe('进取');
    expect(literalPrefix('必须(的)?(成绩|成效)')).toBe('必须');
    expect(literalPrefix('ab?c')).toBe('a');
    expect(literalPrefix('(工作|学习)本事')).toBe('');
    expect(requiredLiteral('(作战|工作)本事')).toBe('本事');
    expect(requiredLiteral('(十[八九]|二十)届([一二])中')).toBe('届');
    expect(requiredLiteral('(形式和|的)资料(、方法)?')).toBe('资料');
    expect(requiredLiteral('ab+c')).toBe('ab');
    expect(requiredLiteral('x?yz')).toBe('yz');
    expect(requiredLiteral('甲|乙')).toBe('');
    expect(requiredLiteral('a\\.b')).toBe('a');
  });

  it('every match of every shipped trigger starts with its prefix and contains its required literal', () => {
    let total = 0;
    let exercised = 0;
    for (const pack of [officialNamesPack, spinPairsPack]) {
      for (const entry of pack.entries) {
        // Strings from the trigger's own characters, so that the trigger matches often.
        const alphabet = [...new Set(entry.trigger.replace(/[\\^$.*+?()[\]{}|]/g, ''))];
        const re = new RegExp(entry.trigger, 'g');
        const prefix = literalPrefix(entry.trigger);
        const required = requiredLiteral(entry.trigger);
        let found = 0;
        for (const s of strings(alphabet, 400, 12, entry.id.length)) {
          for (const m of s.matchAll(re)) {
            found++;
            expect(m[0].startsWith(prefix), `${entry.id}: ${m[0]}`).toBe(true);
            expect(m[0].includes(required), `${entry.id}: ${m[0]}`).toBe(true);
          }
        }
        // A sample written to match must match too, or the random strings above may have missed the pattern.
        const sample = entry.trigger
          .replace(/\((?:[^()|]*\|)*?([^()|]*)(?:\|[^()]*)?\)\??/g, '$1')
          .replace(/\[([^\]])[^\]]*\]/g, '$1');
        const m = new RegExp(entry.trigger).exec(sample);
        if (m) {
          found++;
          expect(m[0].startsWith(prefix) && m[0].includes(required), entry.id).toBe(true);
        }
        total += found;
        if (found > 0) exercised++;
      }
    }
    // Most triggers must actually have matched, or the property above was hardly tested.
    expect(exercised).toBeGreaterThan(40);
    expect(total).toBeGreaterThan(1000);
  });
});

describe('repeated words: the sliding window finds what a plain scan finds', () => {
  /** The plain scan: at each Han character try units of 4, 3, 2 and skip past a repeat (and the unit's further
   * repeats) once found. */
  function plain(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const han = (ch: string | undefined) => ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
    for (let i = 0; i + 4 <= text.length; i++) {
      if (!han(text[i])) continue;
      for (let len = 4; len >= 2; len--) {
        const unit = text.slice(i, i + len);
        if (i + 2 * len > text.length || [...unit].some((ch) => !han(ch)) || text.slice(i + len, i + 2 * len) !== unit) continue;
        if (unit[0] === '一' || unit[0] === unit[1]) break;
        // The unit repeated again belongs to the same finding (开展开展开展).
        let end = i + 2 * len;
        while (end + len <= text.length && text.slice(end, end + len) === unit) end += len;
        out.push([i, end]);
        i = end - 1;
        break;
      }
    }
    return out;
  }

  it('agrees on thousands of strings made of a few characters', () => {
    const samples = strings(['开', '展', '市', '委', '一', '项', 'a', '，', '展开'], 5000, 14, 6);
    let found = 0;
    for (const s of samples) {
      const expected = plain(s);
      found += expected.length;
      const got = repeatedWord
        .check(s, context)
        .filter((f) => f.end - f.start >= 4)
        .map((f) => [f.start, f.end]);
      expect(got, s).toEqual(expected);
    }
    expect(found).toBeGreaterThan(500);
  });
});

describe('excerpt reads only the start of a long paragraph', () => {
  it('gives what splitting the whole text into code points gives', () => {
    const whole = (text: string, max = 12) => {
      const chars = Array.from(text.trim());
      return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
    };
    for (const s of strings(['中', '😀', ' ', 'a', '文'], 3000, 40, 8)) {
      expect(excerpt(s), JSON.stringify(s)).toBe(whole(s));
      expect(excerpt(s, 3), JSON.stringify(s)).toBe(whole(s, 3));
    }
  });
});

describe('placeholders: the pre-check character', () => {
  it('stands in every match of every placeholder pattern', () => {
    // Every pack pattern, on strings made of its trigger characters and ordinary text: wherever one matches,
    // the match itself holds a PLACEHOLDER_CHAR, so a paragraph without one can skip the scans.
    const samples = strings(['x', 'X', 'ｘ', '×', '*', '＊', '_', '＿', '某', '【', '】', '（', '）', '(', ')', '《', '》', '“', '”', '〔', '〕', '[', ']', '□', '■', '○', '20', '19', '次', '年', '局', '填写', ' ', '，', '1'], 6000, 12, 9);
    let found = 0;
    for (const [e, entry] of placeholdersPack.entries.entries()) {
      const re = new RegExp(entry.pattern, 'g');
      for (const s of samples) {
        for (const m of s.matchAll(re)) {
          if (m[0].length === 0) continue;
          found++;
          expect(PLACEHOLDER_CHAR.test(m[0]), `${entry.id}: ${m[0]}`).toBe(true);
          // And one of the characters the entry's own pattern spells out: a paragraph without any of them
          // skips that entry's scan.
          expect([...m[0]].some((c) => ENTRY_CHARS[e]!.includes(c)), `${entry.id}: ${m[0]}`).toBe(true);
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
