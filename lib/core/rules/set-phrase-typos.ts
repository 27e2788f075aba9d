// set-phrase-typos — a fixed phrase of report language with one character wrong: 文抓共管 (齐抓共管), 学习宽彻
// (学习贯彻), 学习型党委织 (学习型党组织). The phrases are a table (lib/core/packs/set-phrases.json); a stretch of
// text as long as a phrase that differs from it in exactly one Han character is reported with the phrase as fix.
// Why: a typing slip (or an OCR or 伪原创 swap) inside a set phrase is what a reader notices first, and no word
// list catches it, because the wrong character is usually a real character.
// How, in linear time: whatever character is wrong, one of a phrase's first three character pairs is intact
// (the 1st pair when the slip is at the 3rd character or later, the 2nd when it is the 1st, the 3rd when it is
// the 2nd). Those pairs are the keys of a hashed table; per text position two loads settle most positions, the
// phrases that share an anchor and its two checked characters are settled together, and a hit compares one
// window with one phrase, knowing where the slip must lie (the longest phrase first).
// Not reported: a window that is itself a phrase or a listed real variant (守土负责 beside 守土有责, 学习贯穿), a
// slip involving a numeral (三个自信 is another slogan, not a typo), a slip at the first or last character of a
// phrase built of words, where a neighbouring word or a suffix may change (重要领导责任 / 主要领导责任,
// 意识形态工作责任制 / 意识形态工作责任清单), a non-Han character in the slip's place.
// Severity: warning — very likely a slip, but the writer decides. Fix: the phrase.
// Known false positive: an unusual but real phrase one character away from a listed one (营造欢乐氛围 before it
// is listed as a variant).
import { setPhrasesPack } from '../packs';
import { isHan, NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

const NUMERALS = new Set([...'〇零一二三四五六七八九十百千万两']);

interface Lexicon {
  phrases: string[];
  /** 1: the phrase is bound as a whole (a slip may be at its ends too). */
  bound: Uint8Array;
  /** Open hashing over the anchor pairs: heads by bucket, then chains. */
  heads: Int32Array;
  next: Int32Array;
  keys: Int32Array;
  /** Per node, its phrases: members[from] … members[to − 1]. */
  from: Int32Array;
  to: Int32Array;
  members: Uint16Array;
  /** Which pair of the phrase the key is: 0 (characters 0–1), 1 (1–2) or 2 (2–3). */
  offset: Uint8Array;
  /**
   * Two characters per anchor that settle most candidates before the phrase is read: for anchor 0 the
   * phrase's 3rd and 4th characters (one of them must match), for anchor 1 its 4th (must match) and 1st (must
   * not), for anchor 2 its 1st (must match) and 2nd (must not).
   */
  m1: Uint16Array;
  m2: Uint16Array;
  /**
   * The anchor pairs, hashed to 16 bits (pairBit): 0 where no pair has that hash. Near half the characters of
   * report text start some pair (的, 工, 作 …), but few start one with the character that follows: one load
   * per position settles nearly all of them (a table of first characters in front of it filled little and
   * cost a load of its own).
   */
  pairs: Uint8Array;
  known: Set<string>;
}

const BUCKETS = 1 << 12;
const hash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) >>> 20;
const pairKey = (a: number, b: number) => (a << 16) | b;
const pairBit = (a: number, b: number) => (Math.imul(a, 31) ^ b) & 0xffff;

let lexicon: Lexicon | undefined;

function build(): Lexicon {
  const pack = setPhrasesPack;
  const phrases = [...pack.idioms, ...pack.phrases];
  const bound = new Uint8Array(phrases.length);
  bound.fill(1, 0, pack.idioms.length);
  // Anchors of different phrases that agree on their pair, their place and the two characters checked first
  // (意识形态工作 and 意识形态阵地 at 意识) are one node: the check settles them together, and only the phrases of a
  // node that passes are compared. A common opening of a dozen phrases is then one check per position, not twelve.
  const groups = new Map<string, number[]>();
  const order: { a: number; b: number; j: number; m1: number; m2: number; members: number[] }[] = [];
  phrases.forEach((p, index) => {
    for (let j = 0; j < 3 && j + 1 < p.length; j++) {
      const a = p.charCodeAt(j);
      const b = p.charCodeAt(j + 1);
      const m1 = p.charCodeAt(j === 0 ? 2 : j === 1 ? 3 : 0);
      const m2 = p.charCodeAt(j === 0 ? 3 : j === 1 ? 0 : 1);
      const id = `${a},${b},${j},${m1},${m2}`;
      let members = groups.get(id);
      if (!members) {
        members = [];
        groups.set(id, members);
        order.push({ a, b, j, m1, m2, members });
      }
      members.push(index);
    }
  });
  const count = order.length;
  const lex: Lexicon = {
    phrases,
    bound,
    heads: new Int32Array(BUCKETS).fill(-1),
    next: new Int32Array(count),
    keys: new Int32Array(count),
    offset: new Uint8Array(count),
    m1: new Uint16Array(count),
    m2: new Uint16Array(count),
    from: new Int32Array(count),
    to: new Int32Array(count),
    members: new Uint16Array(phrases.length * 3),
    pairs: new Uint8Array(0x10000),
    known: new Set([...phrases, ...pack.variants]),
  };
  let top = 0;
  order.forEach((g, n) => {
    const h = hash(g.a, g.b);
    lex.keys[n] = pairKey(g.a, g.b);
    lex.offset[n] = g.j;
    lex.m1[n] = g.m1;
    lex.m2[n] = g.m2;
    lex.from[n] = top;
    // The longest first: where 新时代文明实践 and 新时代文明实践中心 both fit with one slip, the longer is meant.
    const members = [...g.members].sort((x, y) => phrases[y]!.length - phrases[x]!.length);
    for (const index of members) lex.members[top++] = index;
    lex.to[n] = top;
    lex.next[n] = lex.heads[h]!;
    lex.heads[h] = n;
    lex.pairs[pairBit(g.a, g.b)] = 1;
  });
  return lex;
}

/**
 * Where the one slip lies in the window of `p` starting at `start`, or -1 when the window is not the phrase
 * with exactly one character changed at a place the anchor `j` admits (anchor 1: the slip is the 1st
 * character; anchor 2: the 2nd; anchor 0: the 3rd or later). The anchor pair itself is known to match.
 */
function slipAt(text: string, start: number, p: string, j: number): number {
  if (j === 1 || j === 2) {
    const k = j - 1;
    if (text.charCodeAt(start + k) === p.charCodeAt(k)) return -1;
    for (let i = 0; i < p.length; i++) if (i !== k && i !== j && i !== j + 1 && text.charCodeAt(start + i) !== p.charCodeAt(i)) return -1;
    return k;
  }
  let slip = -1;
  for (let i = 2; i < p.length; i++) {
    if (text.charCodeAt(start + i) !== p.charCodeAt(i)) {
      if (slip >= 0) return -1;
      slip = i;
    }
  }
  return slip;
}

export const setPhraseTypos: ParagraphRule = {
  id: 'set-phrase-typos',
  category: 'typo',
  scope: 'paragraph',
  check(text) {
    const lex = (lexicon ??= build());
    const { pairs, heads, next, keys } = lex;
    let out: Finding[] | undefined;
    let reported = -1; // end of the last finding: overlapping windows are reported once
    const last = text.length - 1;
    // Each character is read once: the second of one pair is the first of the next.
    let b = text.charCodeAt(0);
    for (let i = 0; i < last; i++) {
      const a = b;
      b = text.charCodeAt(i + 1);
      if (pairs[pairBit(a, b)] === 0) continue;
      const key = pairKey(a, b);
      nodes: for (let e = heads[hash(a, b)]!; e >= 0; e = next[e]!) {
        if (keys[e] !== key) continue;
        const j = lex.offset[e]!;
        const start = i - j;
        if (start < reported || start < 0) continue;
        if (j === 0) {
          if (text.charCodeAt(i + 2) !== lex.m1[e] && text.charCodeAt(i + 3) !== lex.m2[e]) continue;
        } else if (j === 1) {
          if (text.charCodeAt(start + 3) !== lex.m1[e] || text.charCodeAt(start) === lex.m2[e]) continue;
        } else if (text.charCodeAt(start) !== lex.m1[e] || text.charCodeAt(start + 1) === lex.m2[e]) continue;
        for (let g = lex.from[e]!; g < lex.to[e]!; g++) {
          const index = lex.members[g]!;
          const p = lex.phrases[index]!;
          const end = start + p.length;
          if (end > text.length) continue;
          const k = slipAt(text, start, p, j);
          if (k < 0) continue;
          if (lex.bound[index] === 0 && (k === 0 || k === p.length - 1)) continue;
          const code = text.charCodeAt(start + k);
          if (!isHan(code) || NUMERALS.has(text[start + k]!) || NUMERALS.has(p[k]!)) continue;
          const wrong = text.slice(start, end);
          if (lex.known.has(wrong)) continue;
          (out ??= []).push({
            ruleId: 'set-phrase-typos',
            category: 'typo',
            severity: 'warning',
            start,
            end,
            messageId: 'rules.setPhrase.message',
            params: { wrong, right: p },
            fix: { start, end, text: p },
          });
          reported = end;
          break nodes;
        }
      }
    }
    return out ?? NO_FINDINGS;
  },
};

let allPhrases: Set<string> | undefined;

/**
 * The set phrase (any list of the pack) that the text would hold across `at` if the one character there were
 * deleted, or undefined: 党管.意识形态 holds 党管意识形态 across its dot. Up to 45 lookups; for rare marks only.
 */
export function phraseAcross(text: string, at: number): string | undefined {
  const all = (allPhrases ??= new Set([
    ...setPhrasesPack.idioms,
    ...setPhrasesPack.phrases,
    ...setPhrasesPack.variants,
    ...setPhrasesPack.joined,
  ]));
  for (let length = 4; length <= 9; length++) {
    for (let left = 1; left < length; left++) {
      const start = at - left;
      const end = at + 1 + (length - left);
      if (start < 0 || end > text.length) continue;
      const joined = text.slice(start, at) + text.slice(at + 1, end);
      if (all.has(joined)) return joined;
    }
  }
  return undefined;
}
