// Hand-written scanners for the placeholder pack's most frequent patterns (x-runs, X次, a single X, ____,
// 某某, empty brackets, ** beside a Chinese character). A form of nothing but placeholders has a dozen matches
// per line, and each RegExp match built a result array and a string that nothing kept: on such a text the
// matches were most of the rule's time and a third of what the whole analysis allocated. A scanner reports the
// same matches as the RegExp, in the same order (leftmost first, each search going on where the previous match
// ended), and allocates nothing.
//
// The pack stays the specification: a scanner is keyed by the exact pattern it was written for, and an entry
// whose pattern has changed is scanned by its RegExp again. tests/core/rules/placeholder-scanners.test.ts
// compares every scanner with its pattern on many thousands of generated lines.

/** Reports one match [start, end) of the scanner's pattern. */
export type Emit = (start: number, end: number) => void;
/**
 * Every match of one pattern in `text`, as a global RegExp's exec() loop from lastIndex 0 would find them.
 * `at[0 … count)` are the positions, in order, of the scanner's `starts` in the text: every match begins with
 * one of them, and a scanner reads only those, as the RegExp engine skips to a possible first character.
 */
export type Scanner = (text: string, at: Int32Array, count: number, emit: Emit) => void;

export interface ScannerSpec {
  scan: Scanner;
  /** The characters a match can begin with (a superset will do). Two scanners' sets are equal or disjoint,
   * so that the rule collects each character's positions in one list. */
  starts: string;
}

/** Per UTF-16 code unit, the classes below (bits). */
const classes = new Uint16Array(0x10000);
const X = 1; // x X ｘ Ｘ
const LATIN = 2; // A-Z a-z
const DIGIT = 4; // 0-9
const HAN = 8; // U+4E00–U+9FFF
const SPACE = 16; // space and U+3000
const COUNT_UNIT = 32; // what follows a count left blank: X次, X名, X月
const BEFORE_LONE_X = 64; // what may stand before a single X: Han and a few marks
const AFTER_LONE_X = 128; // what may follow a single X directly
const NOT_AFTER_X = 256; // Han characters that make a word with X: X光, X线, X射线
const STAR = 512; // * ＊

function mark(chars: string, bit: number): void {
  for (let i = 0; i < chars.length; i++) classes[chars.charCodeAt(i)]! |= bit;
}
mark('xXｘＸ', X);
for (let c = 0x41; c <= 0x5a; c++) classes[c]! |= LATIN;
for (let c = 0x61; c <= 0x7a; c++) classes[c]! |= LATIN;
mark('0123456789', DIGIT);
for (let c = 0x4e00; c <= 0x9fff; c++) classes[c]! |= HAN | BEFORE_LONE_X;
mark(' \u3000', SPACE);
mark('次个名人项条篇场期批家所月日号元万亿余多届', COUNT_UNIT);
mark('，。、：；（“', BEFORE_LONE_X);
mark('，。、；：）”', AFTER_LONE_X);
mark('光线射型形染轴档战世', NOT_AFTER_X);
mark('*＊', STAR);

const is = (text: string, i: number, bit: number) => i >= 0 && i < text.length && (classes[text.charCodeAt(i)]! & bit) !== 0;

/** x-count: an X (or ×) before a counting unit, not part of a Latin word or a number (X次, X月X日). */
function xCount(text: string, at: Int32Array, count: number, emit: Emit): void {
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    const c = text.charCodeAt(i);
    if ((classes[c]! & X) === 0 && c !== 0xd7) continue;
    if (is(text, i - 1, LATIN | DIGIT)) continue;
    if (is(text, i + 1, COUNT_UNIT)) emit(i, i + 1);
  }
}

/** x-run: two to sixteen x's not after a Latin letter (xx, XXX); a longer run goes on as further matches. */
function xRun(text: string, at: Int32Array, count: number, emit: Emit): void {
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    if (i < resume || !is(text, i, X) || is(text, i - 1, LATIN)) continue;
    let end = i + 1;
    while (end < text.length && end - i < 16 && is(text, end, X)) end++;
    if (end - i >= 2) {
      emit(i, end);
      resume = end;
    }
  }
}

/**
 * x-single: one X standing for a name or figure — between two Han characters (区X局), unless it makes a word
 * with the next (X光, X线); or at the start, or after a Han character or a mark (up to three spaces between),
 * and before a Han character after one to three spaces, the end (up to three spaces before it), or a mark.
 */
function xSingle(text: string, at: Int32Array, count: number, emit: Emit): void {
  const n = text.length;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    if (!is(text, i, X)) continue;
    if (is(text, i - 1, HAN) && is(text, i + 1, HAN) && !is(text, i + 1, NOT_AFTER_X)) {
      emit(i, i + 1);
      continue;
    }
    // Spaces before: all of them, since a space is not a character the X may follow. The start of the
    // paragraph counts only right before the X.
    let before = 0;
    while (before <= 3 && is(text, i - 1 - before, SPACE)) before++;
    if (!(i === 0 || (before <= 3 && is(text, i - before - 1, BEFORE_LONE_X)))) continue;
    let after = 0;
    while (after <= 3 && is(text, i + 1 + after, SPACE)) after++;
    const next = i + 1 + after;
    if ((after >= 1 && after <= 3 && is(text, next, HAN)) || (after <= 3 && next === n) || is(text, i + 1, AFTER_LONE_X)) emit(i, i + 1);
  }
}

/**
 * asterisk: a run of * standing for a name or a date part — the star and up to fifteen more, when a Han
 * character follows the whole run (**局, *年), or when a Han character comes before it (X局**).
 */
function asterisk(text: string, at: Int32Array, count: number, emit: Emit): void {
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    if (i < resume || !is(text, i, STAR)) continue;
    // Stars after the first, counted to sixteen (more than fifteen cannot be followed by a Han character).
    let more = 0;
    while (more <= 15 && is(text, i + 1 + more, STAR)) more++;
    if (more <= 15 && is(text, i + 1 + more, HAN)) {
      emit(i, i + 1 + more);
      resume = i + 1 + more;
    } else if (is(text, i - 1, HAN)) {
      resume = i + 1 + Math.min(more, 15);
      emit(i, resume);
    }
  }
}

/** A run of one repeated character of `a` or `b`, in matches of `min` to `max` characters (____, 某某). */
function runs(text: string, at: Int32Array, count: number, emit: Emit, a: number, b: number, min: number, max: number): void {
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    const c = text.charCodeAt(i);
    if (i < resume || (c !== a && c !== b)) continue;
    let end = i + 1;
    while (end < text.length && end - i < max) {
      const d = text.charCodeAt(end);
      if (d !== a && d !== b) break;
      end++;
    }
    if (end - i >= min) {
      emit(i, end);
      resume = end;
    }
  }
}

/** underscore: two to two hundred underscores, half- or full-width. */
const underscore: Scanner = (text, at, count, emit) => runs(text, at, count, emit, 0x5f, 0xff3f, 2, 200);
/** mou-mou: 某 followed by one to three more. */
const mouMou: Scanner = (text, at, count, emit) => runs(text, at, count, emit, 0x67d0, 0x67d0, 2, 4);

/** Bracket pairs whose empty form is a placeholder: the closing character by opening character (0: none). */
const CLOSING = new Uint16Array(0x10000);
const PAIRS = '【】（）()《》“”〔〕[]';
for (let k = 0; k < PAIRS.length; k += 2) CLOSING[PAIRS.charCodeAt(k)] = PAIRS.charCodeAt(k + 1);

/** empty-brackets: an opening bracket, at most four spaces and its closing bracket (【】, （ ）). */
function emptyBrackets(text: string, at: Int32Array, count: number, emit: Emit): void {
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    const close = CLOSING[text.charCodeAt(i)]!;
    if (i < resume || close === 0) continue;
    let end = i + 1;
    while (end - i <= 5 && is(text, end, SPACE)) end++;
    if (end - i <= 5 && end < text.length && text.charCodeAt(end) === close) {
      emit(i, end + 1);
      resume = end + 1;
    }
  }
}

const X_STARTS = 'xXｘＸ×';

/** The scanners, by the exact pack pattern each reproduces. */
export const SCANNERS: ReadonlyMap<string, ScannerSpec> = new Map<string, ScannerSpec>([
  ['(?<![A-Za-z0-9])[xXｘＸ×](?=[次个名人项条篇场期批家所月日号元万亿余多届])', { scan: xCount, starts: X_STARTS }],
  ['(?<![A-Za-z])[xXｘＸ]{2,16}', { scan: xRun, starts: X_STARTS }],
  [
    '[xXｘＸ](?:(?<=[\\u4e00-\\u9fff][xXｘＸ])(?=[\\u4e00-\\u9fff])(?![光线射型形染轴档战世])|(?<=(?:^|[\\u4e00-\\u9fff，。、：；（“][ \\u3000]{0,3})[xXｘＸ])(?=[ \\u3000]{1,3}[\\u4e00-\\u9fff]|[ \\u3000]{0,3}$|[，。、；：）”]))',
    { scan: xSingle, starts: X_STARTS },
  ],
  ['[*＊](?:[*＊]{0,15}(?=[\\u4e00-\\u9fff])|(?<=[\\u4e00-\\u9fff][*＊])[*＊]{0,15})', { scan: asterisk, starts: '*＊' }],
  ['[_＿]{2,200}', { scan: underscore, starts: '_＿' }],
  ['某某{1,3}', { scan: mouMou, starts: '某' }],
  [
    '【[ \\u3000]{0,4}】|（[ \\u3000]{0,4}）|\\([ \\u3000]{0,4}\\)|《[ \\u3000]{0,4}》|“[ \\u3000]{0,4}”|〔[ \\u3000]{0,4}〕|\\[[ \\u3000]{0,4}\\]',
    { scan: emptyBrackets, starts: '【（(《“〔[' },
  ],
]);
