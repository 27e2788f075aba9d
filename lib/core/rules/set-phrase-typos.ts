// set-phrase-typos — a fixed phrase of report language with one character wrong: 文抓共管 (齐抓共管), 学习宽彻
// (学习贯彻), 学习型党委织 (学习型党组织). The phrases are a table (lib/core/packs/set-phrases.json); a stretch of
// text as long as a phrase that differs from it in exactly one Han character is reported with the phrase as fix.
// Why: a typing slip (or an OCR or 伪原创 swap) inside a set phrase is what a reader notices first, and no word
// list catches it, because the wrong character is usually a real character.
// How, in linear time: whatever character is wrong, one of a phrase's first three character pairs is intact
// (the 1st pair when the slip is at the 3rd character or later, the 2nd when it is the 1st, the 3rd when it is
// the 2nd). Those pairs are the keys of a hashed table; per text position two loads settle most positions, the
// phrases that share an anchor and its two checked characters are settled together, and a hit compares one
// window with one phrase, knowing where the slip must lie (the longest phrase first). A pair that does stand in
// some phrase (工作, 意识, 学习 stand on a fifth of report text's positions) is first asked, in one table of the
// characters its phrases check first (read at three places around the pair), whether any can go on from here.
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
  /** The anchor pairs, by open addressing (SLOTS slots of SLOT words each, linear probing): the pair's key (0:
   * empty) and the range of its nodes in `nodes`. */
  slots: Int32Array;
  /**
   * The characters a pair's nodes check first, as bits of one table (see charBit): for the pair in slot s, the
   * character at i + 2 (anchor 0's 3rd character, anchor 1's 4th), at i + 3 (anchor 0's 4th) and at i − 2
   * (anchor 2's 1st). A pair of report text that opens no phrase here (工作 stands in a dozen phrases, and
   * mostly in none) is settled by three loads, not by reading each of its nodes.
   */
  firstChecks: Int32Array;
  /** Node numbers, each pair's together, in the order they are tried. */
  nodes: Int32Array;
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

const SLOTS = 1 << 11;
const SLOT = 3;
const KEY = 0;
const FROM = 1;
const TO = 2;
/** Which character a first check reads, relative to the pair. */
const AT_2 = 1;
const AT_3 = 2;
const AT_MINUS_2 = 3;
const slotOf = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) >>> 21;
/** A pair as one number; never 0 (no phrase starts with U+0000). */
const pairKey = (a: number, b: number) => (a << 16) | b;
/** The bit, of the 65,536 in firstChecks, for a character read at a place by the pair in a slot (a chance
 * collision only lets the pair's nodes be read). NaN, past either end of the text, is character 0. */
const charBit = (slot: number, place: number, code: number) =>
  (Math.imul(slot * 4 + place, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 16;
const hasBit = (bits: Int32Array, bit: number) => (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
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
    slots: new Int32Array(SLOTS * SLOT),
    firstChecks: new Int32Array(0x10000 / 32),
    nodes: new Int32Array(count),
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
  const byPair = new Map<number, number[]>();
  order.forEach((g, n) => {
    const key = pairKey(g.a, g.b);
    const list = byPair.get(key);
    if (list) list.push(n);
    else byPair.set(key, [n]);
    lex.offset[n] = g.j;
    lex.m1[n] = g.m1;
    lex.m2[n] = g.m2;
    lex.from[n] = top;
    // The longest first: where 新时代文明实践 and 新时代文明实践中心 both fit with one slip, the longer is meant.
    const members = [...g.members].sort((x, y) => phrases[y]!.length - phrases[x]!.length);
    for (const index of members) lex.members[top++] = index;
    lex.to[n] = top;
    lex.pairs[pairBit(g.a, g.b)] = 1;
  });
  if (byPair.size * 2 > SLOTS) throw new Error('set-phrase-typos: too many anchor pairs for the table');
  const mark = (slot: number, place: number, code: number) => {
    const bit = charBit(slot, place, code);
    lex.firstChecks[bit >>> 5]! |= 1 << (bit & 31);
  };
  let placed = 0;
  for (const [key, list] of byPair) {
    let at = slotOf(key >>> 16, key & 0xffff);
    while (lex.slots[at * SLOT + KEY] !== 0) at = (at + 1) & (SLOTS - 1);
    const slot = at * SLOT;
    lex.slots[slot + KEY] = key;
    lex.slots[slot + FROM] = placed;
    // The latest made first: the order the phrases were tried in when each pair's nodes were a chain.
    for (let x = list.length - 1; x >= 0; x--) {
      const n = list[x]!;
      lex.nodes[placed++] = n;
      const j = lex.offset[n]!;
      if (j === 2) mark(at, AT_MINUS_2, lex.m1[n]!);
      else {
        mark(at, AT_2, lex.m1[n]!);
        if (j === 0) mark(at, AT_3, lex.m2[n]!);
      }
    }
    lex.slots[slot + TO] = placed;
  }
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

/** The rule's findings; `filtered` false reads every node of every anchor pair, without the first-check table
 * (for the test that the table never skips a pair that a node would have taken). */
export function findSlips(text: string, filtered = true): Finding[] {
  const lex = (lexicon ??= build());
  const { pairs, slots, nodes, firstChecks } = lex;
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
    let at = slotOf(a, b);
    while (slots[at * SLOT + KEY] !== key && slots[at * SLOT + KEY] !== 0) at = (at + 1) & (SLOTS - 1);
    const slot = at * SLOT;
    if (slots[slot + KEY] === 0) continue;
    if (
      filtered &&
      !hasBit(firstChecks, charBit(at, AT_2, text.charCodeAt(i + 2))) &&
      !hasBit(firstChecks, charBit(at, AT_3, text.charCodeAt(i + 3))) &&
      !hasBit(firstChecks, charBit(at, AT_MINUS_2, text.charCodeAt(i - 2)))
    ) continue;
    tried: for (let x = slots[slot + FROM]!; x < slots[slot + TO]!; x++) {
      const e = nodes[x]!;
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
        break tried;
      }
    }
  }
  return out ?? NO_FINDINGS;
}

export const setPhraseTypos: ParagraphRule = {
  id: 'set-phrase-typos',
  category: 'typo',
  scope: 'paragraph',
  check: (text) => findSlips(text),
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
