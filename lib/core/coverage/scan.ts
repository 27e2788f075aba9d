// One pass over a line finds everything coverage needs from it: the template's topic keywords, counts (召开3次),
// count placeholders (召开X次, __次) and vague counts (多次), each tagged with its sentence so that a count is
// only credited to a keyword in the same sentence. Results are cached per line text and per template.
import type { Template } from '../template/schema';

export type TokenKind = 'keyword' | 'count' | 'placeholder' | 'vague';

export interface Token {
  kind: TokenKind;
  /** For keywords: index into Scanner.keywords. */
  index: number;
  start: number;
  end: number;
  /** Sentence number within the line. */
  sentence: number;
}

const UNITS = '(?:人次|次|场|期|轮|篇|项|名|条|个|批|家|万元)';
const COUNT = `(?:\\d{1,6}|[０-９]{1,6}|[一二三四五六七八九十两百]{1,4})[ \\u3000]{0,2}${UNITS}`;
// X次, XX次, ×次, __次, □次 — a number the writer meant to fill in.
const PLACEHOLDER = `(?:[XxＸｘ×＊*]{1,4}|[_＿]{1,8}|[□○]{1,4})[ \\u3000]{0,2}${UNITS}`;
const VAGUE = '(?:多次|若干次|数次|几次|屡次|多场|多期|多轮|多篇)';
const SENTENCE_END = '[。！？；!?;]';

// Alone, the placeholder alternative finds what the full scan finds of it: a placeholder starts with X, _, □ or
// the like, which no count, vague count or keyword contains, so no other token can cover its start.
const PLACEHOLDER_RE = new RegExp(PLACEHOLDER, 'g');
// Where only a figure can start (a digit or numeral that begins no keyword), the figure alternatives alone,
// sticky: the alternation of every keyword is slow to reject, and dates put a digit every few characters.
const FIGURE_STICKY = new RegExp(`(${PLACEHOLDER})|(${COUNT})|(${VAGUE})`, 'y');
const NO_TOKENS: Token[] = [];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Scanner {
  keywords: string[];
  /** Topic indices (section index, topic index) each keyword belongs to. */
  owners: Array<Array<[number, number]>>;
  scan(line: string): Token[];
  /** Only the count placeholders of a line (召开X次, __次), as scan() would find them. */
  placeholders(line: string): Token[];
  /** Ends an analysis: keeps only the lines it used. */
  sweep(): void;
}

interface Compiled {
  keywords: string[];
  owners: Array<Array<[number, number]>>;
  index: Map<string, number>;
  re: RegExp;
  /** The same pattern, sticky: tried only where `first` says a match can start. */
  sticky: RegExp;
  /** Per UTF-16 code unit, which alternatives of `re` can start with it (the START_* bits). */
  first: Uint8Array;
  /** Keywords by their first code unit, in the pattern's order (longest first). */
  byFirst: Map<number, string[]>;
}

/** A placeholder, count or vague count can start here. */
const START_FIGURE = 1;
/** A keyword can start here. */
const START_KEYWORD = 2;
/** A sentence end. */
const START_SENTENCE = 4;

// Every character an alternative of the scan pattern can start with, kept next to the patterns it mirrors:
// PLACEHOLDER's classes, COUNT's digits and numerals, VAGUE's first characters and SENTENCE_END (keywords
// add their own first characters in compile()).
const FIGURE_FIRST_CHARS = 'XxＸｘ×＊*_＿□○' + '0123456789０１２３４５６７８９一二三四五六七八九十两百' + '多若数几屡';
const SENTENCE_CHARS = '。！？；!?;';

// One compiled RegExp per template, shared by every scanner: V8 compiles a RegExp lazily and tiers it up to
// native code only after it has run a while, so a fresh RegExp per analysis would run interpreted each time.
const compiledByTemplate = new WeakMap<Template, Compiled>();

function compile(template: Template): Compiled {
  const byKeyword = new Map<string, Array<[number, number]>>();
  template.sections.forEach((section, s) =>
    section.topics.forEach((topic, t) => {
      for (const keyword of topic.keywords) {
        const list = byKeyword.get(keyword) ?? [];
        list.push([s, t]);
        byKeyword.set(keyword, list);
      }
    }),
  );
  // Longest first, so that 党建工作责任制 wins over 责任制 where both would match.
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length);
  const owners = keywords.map((k) => byKeyword.get(k)!);
  const index = new Map(keywords.map((k, i) => [k, i]));
  const keywordAlt = keywords.length > 0 ? keywords.map(escape).join('|') : '(?!)';
  const re = new RegExp(`(${PLACEHOLDER})|(${COUNT})|(${VAGUE})|(${keywordAlt})|(${SENTENCE_END})`, 'g');
  const sticky = new RegExp(re.source, 'y');
  const first = new Uint8Array(0x10000);
  for (const c of FIGURE_FIRST_CHARS) first[c.charCodeAt(0)]! |= START_FIGURE;
  for (const c of SENTENCE_CHARS) first[c.charCodeAt(0)]! |= START_SENTENCE;
  const byFirst = new Map<number, string[]>();
  for (const k of keywords) {
    const code = k.charCodeAt(0);
    first[code]! |= START_KEYWORD;
    const list = byFirst.get(code);
    if (list) list.push(k);
    else byFirst.set(code, [k]);
  }
  return { keywords, owners, index, re, sticky, first, byFirst };
}

export function createScanner(template: Template): Scanner {
  let compiled = compiledByTemplate.get(template);
  if (!compiled) {
    compiled = compile(template);
    compiledByTemplate.set(template, compiled);
  }
  const { keywords, owners, index, sticky, first, byFirst } = compiled;

  let previous = new Map<string, Token[]>();
  let current = new Map<string, Token[]>();

  // The leftmost match, as a global exec would find it, but the pattern is only tried where a match can start:
  // an alternation of every keyword is slow to reject a position, and most positions start nothing. Where only
  // a sentence end or only keywords can start, the alternation is not run at all: a sentence end is counted,
  // and the keywords with that first character are compared in the pattern's order (the first that matches is
  // the one the alternation would take).
  const read = (line: string): Token[] => {
    const tokens: Token[] = [];
    let sentence = 0;
    for (let i = 0; i < line.length; i++) {
      const starts = first[line.charCodeAt(i)]!;
      if (starts === 0) continue;
      if (starts === START_SENTENCE) {
        sentence++;
        continue;
      }
      if (starts === START_KEYWORD) {
        for (const keyword of byFirst.get(line.charCodeAt(i))!) {
          if (!line.startsWith(keyword, i)) continue;
          tokens.push({ kind: 'keyword', index: index.get(keyword)!, start: i, end: i + keyword.length, sentence });
          i += keyword.length - 1;
          break;
        }
        continue;
      }
      if (starts === START_FIGURE) {
        FIGURE_STICKY.lastIndex = i;
        const f = FIGURE_STICKY.exec(line);
        if (f === null) continue;
        const end = i + f[0].length;
        tokens.push({ kind: f[1] !== undefined ? 'placeholder' : f[2] !== undefined ? 'count' : 'vague', index: -1, start: i, end, sentence });
        i = end - 1;
        continue;
      }
      sticky.lastIndex = i;
      const m = sticky.exec(line);
      if (m === null) continue;
      const start = i;
      const end = start + m[0].length;
      if (m[5] !== undefined) sentence++;
      else if (m[1] !== undefined) tokens.push({ kind: 'placeholder', index: -1, start, end, sentence });
      else if (m[2] !== undefined) tokens.push({ kind: 'count', index: -1, start, end, sentence });
      else if (m[3] !== undefined) tokens.push({ kind: 'vague', index: -1, start, end, sentence });
      else tokens.push({ kind: 'keyword', index: index.get(m[4]!)!, start, end, sentence });
      i = end - 1;
    }
    return tokens.length === 0 ? NO_TOKENS : tokens;
  };

  return {
    keywords,
    owners,
    placeholders(line) {
      PLACEHOLDER_RE.lastIndex = 0;
      let tokens = NO_TOKENS;
      for (let m = PLACEHOLDER_RE.exec(line); m; m = PLACEHOLDER_RE.exec(line)) {
        if (tokens === NO_TOKENS) tokens = [];
        tokens.push({ kind: 'placeholder', index: -1, start: m.index, end: m.index + m[0].length, sentence: 0 });
      }
      return tokens;
    },
    scan(line) {
      let tokens = current.get(line);
      if (tokens) return tokens;
      tokens = previous.get(line) ?? read(line);
      current.set(line, tokens);
      return tokens;
    },
    sweep() {
      previous = current;
      current = new Map();
    },
  };
}
