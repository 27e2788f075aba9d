// One pass over a line finds everything coverage needs from it: the template's literals (topic keywords, phrase
// words and their companions, excluded phrases), counts (召开3次), count placeholders (召开X次, __次) and vague
// counts (多次), each tagged with its sentence so that a count is only credited to a keyword in the same sentence
// and a phrase word only with a companion in it. A numeral with a measure word that is a slogan (四个意识,
// 两个维护) is no count. Results are cached per line text and per template.
import type { Template } from '../template/schema';
import type { LineSlots } from '../rules/types';

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

// Alone, the placeholder alternative finds what the full scan finds of it: a placeholder starts with X, _, □ or
// the like, which no count, vague count or keyword contains, so no other token can cover its start.
const PLACEHOLDER_RE = new RegExp(PLACEHOLDER, 'g');
// The figure alternatives, sticky, tried only where a figure can start (an alternation with every literal would
// be slow to reject, and dates put a digit every few characters).
const FIGURE_STICKY = new RegExp(`(${PLACEHOLDER})|(${COUNT})|(${VAGUE})`, 'y');
const NO_TOKENS: Token[] = [];

/** For a character of one of PLACEHOLDER's classes, the class (1: X ×, 2: _, 3: □ ○); 0 for any other. */
function placeholderClass(code: number): number {
  switch (code) {
    case 0x58: case 0x78: case 0xff38: case 0xff58: case 0xd7: case 0xff0a: case 0x2a:
      return 1;
    case 0x5f: case 0xff3f:
      return 2;
    case 0x25a1: case 0x25cb:
      return 3;
    default:
      return 0;
  }
}
/** The most characters of each class PLACEHOLDER takes ({1,4}, {1,8}, {1,4}). */
const PLACEHOLDER_TAKES = [0, 4, 8, 4];

/** How a literal speaks for a topic. */
export const ROLE_ALONE = 0;
/** A word that counts only with a companion (ROLE_CUE of the same group) in the same sentence. */
export const ROLE_WORD = 1;
/** A companion word: never counts by itself. */
export const ROLE_CUE = 2;

export interface Owner {
  section: number;
  topic: number;
  role: typeof ROLE_ALONE | typeof ROLE_WORD | typeof ROLE_CUE;
  /** The phrase set (numbered across the template) a word or companion belongs to; -1 for a keyword. */
  group: number;
}

export interface Scanner {
  /** Every literal the scan looks for, longest first (keywords, phrase words, companions, excluded phrases). */
  keywords: string[];
  /** What each literal says for which topic, including the literals it contains (see compile()). */
  owners: Owner[][];
  /** Number of phrase sets in the template. */
  groups: number;
  /** The line's tokens; kept in `slots` when given (the outline's reading of the line), else in a Map by text. */
  scan(line: string, slots?: LineSlots): Token[];
  /** Only the count placeholders of a line (召开X次, __次), as scan() would find them. */
  placeholders(line: string): Token[];
  /** Ends an analysis: keeps only the lines it used. */
  sweep(): void;
}

interface Compiled {
  keywords: string[];
  owners: Owner[][];
  groups: number;
  /** Per UTF-16 code unit, which kinds of token can start with it (the START_* bits). */
  first: Uint8Array;
  /** Per first code unit, 1 + the slot of its literals in `lists` (0: none). */
  slot: Uint16Array;
  /** Literals sharing a first code unit, longest first, with their indices in `keywords`. */
  lists: Array<{ literals: string[]; indices: number[]; single: boolean }>;
  /**
   * The first two code units of every literal of two or more, hashed (pairHash): 0 where none has them. Most
   * positions whose character starts a literal (宣, 管, 建 …) start none, and this settles it in one load.
   */
  pairs: Uint8Array;
}

/** A placeholder, count or vague count can start here. */
const START_FIGURE = 1;
/** A keyword can start here. */
const START_KEYWORD = 2;
/** A sentence end. */
const START_SENTENCE = 4;

// Every character a figure or a sentence end can start with, kept next to the patterns it mirrors:
// PLACEHOLDER's classes, COUNT's digits and numerals, VAGUE's first characters and SENTENCE_END (literals
// add their own first characters in compile()).
const FIGURE_FIRST_CHARS = 'XxＸｘ×＊*_＿□○' + '0123456789０１２３４５６７８９一二三四五六七八九十两百' + '多若数几屡';
const SENTENCE_CHARS = '。！？；!?;';

/**
 * A numeral and measure word that is no count: a slogan (四个意识, 两个维护, 三个代表, 两个确立, 四个自信, 中央八项
 * 规定, 四项基本原则) or an indefinite 一个 / 一项 / 一批 (作为一项重要任务). Tried, sticky, only where a count
 * written in Chinese numerals was found.
 */
const NOT_A_COUNT = new RegExp(
  '(?:[一二三四五六七八九十两]{1,3}个(?:意识|自信|维护|确立|代表|全面|务必|大局|一百年|服从|伟大|表率|必须|明确|坚持|结合|' +
    '区分|不准|带头|看齐|统筹|着力|转变|对标|优先|环节|机制|体系|之间|方面|层面|一以贯之)' +
    '|[二三四五六七八九十]项(?:基本原则|规定|纪律|注意|要求)|一[个项批名条家])',
  'y',
);
/** Opening quotation marks and brackets: a numeral count right after one is a quoted slogan (“五个一工程”). */
const OPENING_QUOTES = new Set([0x201c, 0x2018, 0x22, 0x27, 0x300c, 0x300e, 0x300a]);
const isAsciiDigitOrFullwidth = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

const pairHash = (first: number, second: number) => ((first * 31) ^ second) & 0xffff;

/** First characters of the UNITS alternatives (人 次 场 … 万). */
const UNIT_FIRST = new Set(UNITS.slice(3, -1).split('|').map((unit) => unit.charCodeAt(0)));

/**
 * The end of the run of digits of one kind (ASCII or full-width) that starts at `at`, where no position may
 * also start a keyword; `at` itself when some position could (then the run is read position by position).
 */
function digitRunEnd(line: string, at: number, first: Uint8Array): number {
  const code = line.charCodeAt(at);
  const ascii = code <= 0x39;
  let end = at + 1;
  for (; end < line.length; end++) {
    const next = line.charCodeAt(end);
    if (ascii ? next < 0x30 || next > 0x39 : next < 0xff10 || next > 0xff19) break;
    if (first[next] !== START_FIGURE) return at;
  }
  return end;
}

/** Whether a unit (after at most two blanks, as COUNT allows) starts at `at`. */
function unitAfter(line: string, at: number): boolean {
  for (let k = 0; k <= 2 && at + k < line.length; k++) {
    const code = line.charCodeAt(at + k);
    if (UNIT_FIRST.has(code)) return true;
    if (code !== 0x20 && code !== 0x3000) return false;
  }
  return false;
}

// One compiled table per template, shared by every scanner (templates are immutable data).
const compiledByTemplate = new WeakMap<Template, Compiled>();

function compile(template: Template): Compiled {
  const own = new Map<string, Owner[]>();
  /** Per literal, the topics (section * 4096 + topic) for which it is an excluded phrase. */
  const excludedFor = new Map<string, Set<number>>();
  const add = (literal: string, owner: Owner) => {
    const list = own.get(literal);
    if (list) list.push(owner);
    else own.set(literal, [owner]);
  };
  let groups = 0;
  template.sections.forEach((section, s) =>
    section.topics.forEach((topic, t) => {
      for (const keyword of topic.keywords) add(keyword, { section: s, topic: t, role: ROLE_ALONE, group: -1 });
      for (const set of topic.phrases ?? []) {
        const group = groups++;
        for (const word of set.words) add(word, { section: s, topic: t, role: ROLE_WORD, group });
        for (const cue of set.with) add(cue, { section: s, topic: t, role: ROLE_CUE, group });
      }
      for (const phrase of topic.exclude ?? []) {
        if (!own.has(phrase)) own.set(phrase, []);
        const topics = excludedFor.get(phrase) ?? new Set<number>();
        topics.add(s * 4096 + t);
        excludedFor.set(phrase, topics);
      }
    }),
  );
  // Longest first, so that 党建工作责任制 wins over 责任制 where both would match.
  const keywords = [...own.keys()].sort((a, b) => b.length - a.length);
  // A literal also speaks for every literal inside it, which the longest match hides (分析研判意识形态形势 is read as
  // one literal if one is that long; 网络意识形态 holds the companion 意识形态). An excluded phrase hides its own
  // topic's words, and only those.
  const owners = keywords.map((literal) => {
    const list = [...own.get(literal)!];
    const excluded = excludedFor.get(literal);
    for (const inner of keywords) {
      if (inner.length >= literal.length || !literal.includes(inner)) continue;
      for (const o of own.get(inner)!) {
        if (o.role !== ROLE_CUE && excluded?.has(o.section * 4096 + o.topic)) continue;
        if (!list.some((x) => x.section === o.section && x.topic === o.topic && x.role === o.role && x.group === o.group)) list.push(o);
      }
    }
    return list;
  });
  const first = new Uint8Array(0x10000);
  for (const c of FIGURE_FIRST_CHARS) first[c.charCodeAt(0)]! |= START_FIGURE;
  for (const c of SENTENCE_CHARS) first[c.charCodeAt(0)]! |= START_SENTENCE;
  const slot = new Uint16Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  const lists: Compiled['lists'] = [];
  keywords.forEach((k, i) => {
    const code = k.charCodeAt(0);
    first[code]! |= START_KEYWORD;
    if (slot[code] === 0) {
      lists.push({ literals: [], indices: [], single: false });
      slot[code] = lists.length;
    }
    const list = lists[slot[code]! - 1]!;
    list.literals.push(k);
    list.indices.push(i);
    if (k.length === 1) list.single = true;
    else pairs[pairHash(code, k.charCodeAt(1))] = 1;
  });
  return { keywords, owners, groups, first, slot, lists, pairs };
}

export function createScanner(template: Template): Scanner {
  let compiled = compiledByTemplate.get(template);
  if (!compiled) {
    compiled = compile(template);
    compiledByTemplate.set(template, compiled);
  }
  const { keywords, owners, groups, first, slot, lists, pairs } = compiled;

  let previous = new Map<string, Token[]>();
  let current = new Map<string, Token[]>();

  // The leftmost token at each position, figures before literals (as one alternation of figures then literals
  // would find it), but only where one can start: most positions start nothing, and a sentence end is counted.
  // A line's tokens are gathered in one scratch list, counted by `n` (setting its length to 0 would free its
  // storage, and the next push allocate room for 17 again), and copied out at their number: every line's list
  // is kept, in its slots, as long as the line is.
  const tokens: Token[] = [];
  const read = (line: string): Token[] => {
    let n = 0;
    let sentence = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const starts = first[code]!;
      if (starts === 0) continue;
      if (starts === START_SENTENCE) {
        sentence++;
        continue;
      }
      if (starts & START_FIGURE) {
        // A run of digits (a phone number, a date's 2026, an ID) holds a count only if a measure word follows
        // the run: a count's digits are greedy and must be followed by blanks and a unit, so a count starting
        // anywhere in the run ends at the run's end. One look past the run settles all its positions.
        if (starts === START_FIGURE && isAsciiDigitOrFullwidth(code)) {
          const end = digitRunEnd(line, i, first);
          if (end > i && !unitAfter(line, end)) {
            i = end - 1;
            continue;
          }
        }
        // In a run of placeholder characters (xxxxxx, ______, ×××) a placeholder ends at the run's end (it takes
        // the run's characters greedily) and a unit must follow, after at most two blanks: where none follows,
        // no position of the run starts a token, and the run is passed over without a match attempt. A form of
        // placeholders has such a run every few characters.
        const run = placeholderClass(code);
        if (run !== 0 && starts === START_FIGURE) {
          let end = i + 1;
          while (end < line.length && placeholderClass(line.charCodeAt(end)) === run && first[line.charCodeAt(end)] === START_FIGURE) end++;
          // (A run cut short by a character that may start a keyword goes on past it: read as before.)
          if ((end === line.length || placeholderClass(line.charCodeAt(end)) !== run) && !unitAfter(line, end)) {
            i = end - 1;
            continue;
          }
        }
        FIGURE_STICKY.lastIndex = i;
        const f = FIGURE_STICKY.exec(line);
        if (f !== null) {
          const start = i;
          const end = start + f[0].length;
          i = end - 1;
          if (f[2] !== undefined && !isAsciiDigitOrFullwidth(code)) {
            // 四个意识, “五个一工程”, 一项重要任务: a numeral and a measure word, but not a count.
            if (OPENING_QUOTES.has(line.charCodeAt(start - 1))) continue;
            NOT_A_COUNT.lastIndex = start;
            if (NOT_A_COUNT.test(line)) {
              i = Math.max(i, NOT_A_COUNT.lastIndex - 1);
              continue;
            }
          }
          tokens[n++] = { kind: f[1] !== undefined ? 'placeholder' : f[2] !== undefined ? 'count' : 'vague', index: -1, start, end, sentence };
          continue;
        }
        // In a run of placeholder characters (xxxxxx, ______) a placeholder can start only within its last
        // few (PLACEHOLDER takes at most 4 or 8 of them, then blanks and a unit): the positions before are
        // skipped, unless one of them may also start a keyword.
        if (run !== 0 && starts === START_FIGURE) {
          let end = i + 1;
          while (end < line.length && placeholderClass(line.charCodeAt(end)) === run && first[line.charCodeAt(end)] === START_FIGURE) end++;
          const from = end - PLACEHOLDER_TAKES[run]!;
          if (from > i + 1) i = from - 1;
          continue;
        }
      }
      if (starts & START_KEYWORD) {
        const list = lists[slot[code]! - 1]!;
        if (!list.single && (i + 1 >= line.length || pairs[pairHash(code, line.charCodeAt(i + 1))] === 0)) continue;
        const literals = list.literals;
        for (let l = 0; l < literals.length; l++) {
          const keyword = literals[l]!;
          // Compared in place, by code unit (the first is this position's, which chose the list): a call to
          // startsWith per literal cost more than the comparison on lines that hold many keyword starts.
          const length = keyword.length;
          if (i + length > line.length) continue;
          let k = 1;
          while (k < length && line.charCodeAt(i + k) === keyword.charCodeAt(k)) k++;
          if (k < length) continue;
          tokens[n++] = { kind: 'keyword', index: list.indices[l]!, start: i, end: i + keyword.length, sentence };
          i += keyword.length - 1;
          break;
        }
      }
    }
    return n === 0 ? NO_TOKENS : tokens.slice(0, n);
  };

  return {
    keywords,
    owners,
    groups,
    placeholders(line) {
      PLACEHOLDER_RE.lastIndex = 0;
      let tokens = NO_TOKENS;
      for (let m = PLACEHOLDER_RE.exec(line); m; m = PLACEHOLDER_RE.exec(line)) {
        if (tokens === NO_TOKENS) tokens = [];
        tokens.push({ kind: 'placeholder', index: -1, start: m.index, end: m.index + m[0].length, sentence: 0 });
      }
      return tokens;
    },
    scan(line, slots) {
      // Tokens depend on the template's compiled literals only: any scanner of the same template may reuse them.
      if (slots) {
        if (slots.tokensBy === compiled) return slots.tokens as Token[];
        const tokens = read(line);
        slots.tokens = tokens;
        slots.tokensBy = compiled;
        return tokens;
      }
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
