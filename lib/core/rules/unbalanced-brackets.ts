// unbalanced-brackets — an opening （ 《 “ 【 〔 without its closing mark in the same paragraph, or a closing
// mark without its opening one: "(三突出学习型党组织建设" (the ")" was lost), 《党委(党组意识形态…》.
// Why: a lost bracket changes how a heading or a document title reads (GB/T 15834-2011 §4.9, §4.15).
// Half- and full-width parentheses pair with each other here (halfwidth-punctuation reports the width).
// Across a line break: text copied from a document preview breaks lines inside sentences, so a title can be
// torn in two (《育主体\n兴产业 惠民生》). The marks are still a pair; what is wrong is the line break, which
// hard-wrap reports with a merge-lines fix. So this is a document rule: each paragraph's marks are digested
// once (cached by the runner), and an opening mark left open at the end of a line is paired with a closing
// mark left unopened at the start of the next line (see pairsAcross, which hard-wrap calls too, so the two
// rules always agree on which breaks sit inside a pair). 《》【】〔〕 always pair across one break; （） and “”
// only when the first line does not end a sentence, since a quotation running over several paragraphs
// legitimately leaves “ open at a paragraph's end. Linear: one native scan per paragraph, then one pass over
// the digests comparing neighbours.
// Severity: warning; no fix — where the missing mark belongs is for the writer to say.
// Known false positive: a quotation running over several paragraphs, where each paragraph opens with “ and
// only the last closes it (rare in reports). Known false negative: with hard-wrap switched off, a pair torn by a
// line break is reported by neither rule.
import type { DocumentRule, Finding, Paragraph } from './types';

/** Kind of an opening mark (1–5), or 0. Char codes, not strings: this loop runs over every character. */
function openingKind(code: number): number {
  switch (code) {
    case 0xff08: // （
    case 0x28: // (
      return 1;
    case 0x300a: // 《
      return 2;
    case 0x201c: // “
      return 3;
    case 0x3010: // 【
      return 4;
    case 0x3014: // 〔
      return 5;
    default:
      return 0;
  }
}

function closingKind(code: number): number {
  switch (code) {
    case 0xff09: // ）
    case 0x29: // )
      return 1;
    case 0x300b: // 》
      return 2;
    case 0x201d: // ”
      return 3;
    case 0x3011: // 】
      return 4;
    case 0x3015: // 〕
      return 5;
    default:
      return 0;
  }
}

function finding(start: number, end: number, mark: string, messageId: string): Finding {
  return {
    ruleId: 'unbalanced-brackets',
    category: 'punctuation',
    severity: 'warning',
    start,
    end,
    messageId,
    params: { mark },
  };
}

/** The marks this rule reads. A global RegExp's test() jumps natively from one to the next without building a
 * match object — about three times faster than looking at every character in JavaScript. */
const BRACKET = /[()“”《》【】〔〕（）]/g;

/**
 * What one paragraph leaves unmatched, as flat lists of numbers (no object per mark on a line of 100,000 （):
 * marks closed over (inside a pair that closed around them), the marks still open at its end (a stack, bottom
 * first), and the closing marks found with nothing open, in order.
 */
export interface BracketDigest {
  /** Openers a later closer of another kind skipped: 《党委(党组…》 leaves "(" here. Positions. */
  inner: Int32Array;
  /** Openers still open at the end of the paragraph, bottom of the stack first. */
  tailKinds: Int32Array;
  tailAt: Int32Array;
  /** Closers with nothing open, in order. */
  headKinds: Int32Array;
  headAt: Int32Array;
  /** Whether the paragraph's last visible character ends a sentence (。！？；…). */
  endsSentence: boolean;
}

const NONE = new Int32Array(0);
const NOTHING: BracketDigest = { inner: NONE, tailKinds: NONE, tailAt: NONE, headKinds: NONE, headAt: NONE, endsSentence: false };

function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x3000 || text.charCodeAt(i) === 0x09)) i--;
  return i >= 0 && '。！？；…!?;'.includes(text[i]!);
}

/**
 * Scratch lists reused by every scan, copied out only when something is left unmatched: most paragraphs with
 * brackets close them all. Typed arrays with their own counts: V8 gives an ordinary array's storage back when
 * its length is set to 0, so a reused [] allocated afresh at every paragraph's first push.
 */
class IntList {
  items = new Int32Array(16);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
  /** The list as it stands, copied (one memcpy). */
  copy(): Int32Array {
    return this.length === 0 ? NONE : this.items.slice(0, this.length);
  }
}
const inner = new IntList();
const headKinds = new IntList();
const headAt = new IntList();
const kinds = new IntList();
const positions = new IntList();
const open = new Int32Array(6);

function scan(text: string): BracketDigest {
  BRACKET.lastIndex = 0;
  if (!BRACKET.test(text)) return NOTHING;
  BRACKET.lastIndex = 0;
  inner.length = headKinds.length = headAt.length = kinds.length = positions.length = 0;
  // How many marks of each kind are open: a closing mark with none open is recorded at once, instead of
  // searching the whole stack for it (quadratic on a line of 100,000 （ followed by as many 》).
  open.fill(0);
  while (BRACKET.test(text)) {
    const i = BRACKET.lastIndex - 1;
    const code = text.charCodeAt(i);
    const opening = openingKind(code);
    if (opening) {
      kinds.push(opening);
      positions.push(i);
      open[opening]!++;
      continue;
    }
    const closing = closingKind(code);
    if (!closing) continue;
    if (open[closing] === 0) {
      headKinds.push(closing);
      headAt.push(i);
      continue;
    }
    // Everything opened after the matching mark was never closed: 《党委(党组意识形态…》. Each mark leaves the
    // stack once, so the search down to the match is linear over the paragraph.
    const stack = kinds.items;
    let depth = kinds.length - 1;
    while (stack[depth] !== closing) depth--;
    for (let k = depth + 1; k < kinds.length; k++) {
      open[stack[k]!]!--;
      inner.push(positions.items[k]!);
    }
    open[closing]!--;
    kinds.length = depth;
    positions.length = depth;
  }
  if (inner.length === 0 && kinds.length === 0 && headKinds.length === 0) return NOTHING;
  return {
    inner: inner.copy(),
    tailKinds: kinds.copy(),
    tailAt: positions.copy(),
    headKinds: headKinds.copy(),
    headAt: headAt.copy(),
    endsSentence: endsSentence(text),
  };
}

// hard-wrap digests the same paragraphs right after this rule (it is next in the rules array): the last scan
// is kept, so each paragraph is scanned once.
let lastText = '';
let lastDigest: BracketDigest = NOTHING;

/** The bracket digest of one paragraph. Shared with hard-wrap; do not change it. */
export function bracketDigest(text: string): BracketDigest {
  if (text !== lastText) {
    lastDigest = scan(text);
    lastText = text;
  }
  return lastDigest;
}

/**
 * How many marks left open at the end of `before` are closed at the start of the next paragraph `after`: its
 * unopened closers, in order, close the open marks from the top of the stack down, as long as the kinds agree.
 * 《》【】〔〕 pair always; （） and “” only when `before` does not end a sentence (a quotation over several
 * paragraphs leaves “ open at a paragraph's end on purpose).
 */
export function pairsAcross(before: BracketDigest, after: BracketDigest): number {
  const stack = before.tailKinds;
  const heads = after.headKinds;
  let n = 0;
  while (n < heads.length && n < stack.length) {
    const kind = stack[stack.length - 1 - n]!;
    if (heads[n] !== kind) break;
    if ((kind === 1 || kind === 3) && before.endsSentence) break;
    n++;
  }
  return n;
}

/**
 * Findings of one paragraph at text offsets `base`, leaving out the top `pairedTail` open marks (closed on the
 * next line) and the first `pairedHead` closers (closing the previous line's marks).
 */
function findingsOf(text: string, base: number, d: BracketDigest, pairedHead: number, pairedTail: number, out: Finding[]): void {
  const marks: number[] = [];
  const unclosed: number[] = [];
  for (const at of d.inner) unclosed.push(at);
  for (let k = 0; k < d.tailAt.length - pairedTail; k++) unclosed.push(d.tailAt[k]!);
  for (let k = pairedHead; k < d.headAt.length; k++) marks.push(d.headAt[k]!);
  // Two ordered lists of positions (unclosed, unopened); marks closed over are not in order with the stack's.
  if (d.inner.length > 0) unclosed.sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  let last: Finding | undefined;
  while (i < unclosed.length || j < marks.length) {
    const takeUnclosed = j >= marks.length || (i < unclosed.length && unclosed[i]! < marks[j]!);
    const at = takeUnclosed ? unclosed[i++]! : marks[j++]!;
    const messageId = takeUnclosed ? 'rules.brackets.unclosed' : 'rules.brackets.unopened';
    // A run of the same mark left open (（（（ or 》》》) is one finding over the run.
    if (last && last.end === base + at && last.messageId === messageId && text.charCodeAt(at) === text.charCodeAt(last.start - base)) {
      last.end++;
      continue;
    }
    last = finding(base + at, base + at + 1, text[at]!, messageId);
    out.push(last);
  }
}

/** The findings of one paragraph on its own, at paragraph offsets (tests and the fast-path comparison). */
export function bracketFindings(text: string): Finding[] {
  const out: Finding[] = [];
  const d = scan(text);
  if (d !== NOTHING) findingsOf(text, 0, d, 0, 0, out);
  return out;
}

export const unbalancedBrackets: DocumentRule<BracketDigest> = {
  id: 'unbalanced-brackets',
  category: 'punctuation',
  scope: 'document',
  prepare: bracketDigest,
  check(paragraphs: readonly Paragraph[], digests: readonly BracketDigest[]) {
    const out: Finding[] = [];
    let pairedHead = 0;
    for (let p = 0; p < paragraphs.length; p++) {
      const d = digests[p]!;
      if (d === NOTHING) {
        pairedHead = 0;
        continue;
      }
      const next = p + 1 < paragraphs.length ? digests[p + 1]! : NOTHING;
      const pairedTail = d.tailKinds.length > 0 && next.headKinds.length > 0 ? pairsAcross(d, next) : 0;
      findingsOf(paragraphs[p]!.text, paragraphs[p]!.start, d, pairedHead, pairedTail, out);
      pairedHead = pairedTail;
    }
    return out;
  },
};
