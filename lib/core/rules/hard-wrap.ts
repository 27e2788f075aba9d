// hard-wrap — line breaks in the middle of sentences, as text copied from a document preview (a PDF viewer, a
// 文库 page) has them: every line of the preview becomes a paragraph of the form, so a sentence is torn in two
// ("…坚持以人民为中心的发展\n思想，…"). One finding per run of torn lines, from the first line to the paragraph's
// real end, with one fix that removes the line breaks inside the run (and the spaces around them).
// Why: a portal shows each line as a paragraph, so the report reads as a column of broken lines.
// Evidence, because a writer may break a line on purpose (a heading then its body, a signature, a list, a
// poem): a break counts when the line before it ends without a sentence-final mark (。！？；：… and closing
// quotes or brackets are final) and the next line continues the sentence (it is not empty, not indented, not
// a heading 一、（一）1. 第X条, not an item 一是, not a title 关于…报告, not a row of a table), and one of:
//   - the next line starts with a mark or particle no sentence starts with (，。、；）》 的 了 们 和 …);
//   - the break is inside a bracket pair: 《 at the end of one line, 》 at the start of the next (shared with
//     unbalanced-brackets through pairsAcross, which then does not report those marks: the merge fixes both);
//   - the line is as wide as the preview: at least two other such breaks in the document have lines of the
//     same display width (±1.5 Chinese characters; digits and Latin letters count half) and at least half
//     of all such breaks have it (a preview's width is a peak), or the neighbouring break in the same
//     paragraph has; and the run of lines ends a sentence (a list of unpunctuated items never does). A
//     preview fills every line but a paragraph's last to one width; lines written by hand do not line up like
//     that. Headings are deliberately parallel (（一）…（二）… of equal length), so a heading line never counts
//     as support, and needs a sentence inside it to be a wrapped line.
// A single break with nothing but its width (a short paragraph of two lines in a text with no other wrap) is
// not flagged: one line of the expected width is not enough evidence.
// Cost: `prepare` digests each paragraph (its ends, its width, a few anchored RegExp tests; the width loop
// only for lines that could be wrapped, at most 60 characters); `check` is two passes over the digests.
// Severity: warning — the text is all there, but a reviewer sees a broken layout, and merging is safe.
// Known false positive: a list of unpunctuated items that all happen to have the same length (three or more
// lines within two characters of one width), e.g. a column of slogans of equal length.
// Known false negative: a paragraph of exactly two lines in a text where no other paragraph wraps.
import { bracketDigest, pairsAcross, type BracketDigest } from './unbalanced-brackets';
import type { DocumentRule, Finding, Paragraph } from './types';

/** How a line ends (its last visible character). */
const End = {
  Empty: 0,
  /** 。！？；：… and their half-width forms: the sentence is over. */
  Final: 1,
  /** ”）》」 and the like: final, unless the next line proves otherwise. */
  Closer: 2,
  /** ，、 — a clause is over, not the sentence. */
  Comma: 3,
  /** A character, a digit, anything else. */
  Open: 4,
} as const;
type End = (typeof End)[keyof typeof End];

/** How a line starts (its first character, after any indentation). */
const Start = {
  Empty: 0,
  /** Indented (two spaces or a full-width space): a new paragraph. */
  Indent: 1,
  /** A heading or list marker (一、 （一） 1. （1） ① 第X条 附件), or an item (一是, 首先). */
  Marker: 2,
  /** A mark no sentence starts with: ，。、；：）》” */
  NoStart: 3,
  /** A particle that continues a sentence: 的 了 们 和 与 及 等 (not 的确, 了解, 和谐, 及时 …). */
  Particle: 4,
  Plain: 5,
} as const;
type Start = (typeof Start)[keyof typeof Start];

/** A line that is only a piece of one: see breakBetween. */
const Fragment = {
  None: 0,
  /** A year (four digits, 19xx or 20xx). */
  Year: 1,
  /** Only quotation marks. */
  Quote: 2,
  /** Only a heading number (一、 （一） 1.). */
  Marker: 3,
  /** One to three characters and a sentence-final mark. */
  Tail: 4,
} as const;
type Fragment = (typeof Fragment)[keyof typeof Fragment];

// Bits of WrapDigest's `flags`: how the line ends and starts (three bits each), its fragment kind (three bits),
// then one bit per property.
const END_SHIFT = 0;
const START_SHIFT = 3;
const FRAGMENT_SHIFT = 6;
const HEADING_BIT = 1 << 9;
const SENTENCE_BIT = 1 << 10;
const STANDALONE_BIT = 1 << 11;
const DIGIT_START_BIT = 1 << 12;
const DIGIT_END_BIT = 1 << 13;
const UNIT_START_BIT = 1 << 14;
const LATIN_START_BIT = 1 << 15;
const LATIN_END_BIT = 1 << 16;

/**
 * What the rule needs of a line. Every line of the text keeps one for as long as the line is cached, so the
 * small properties are bits of one number, read through getters: fifteen fields made it the largest object
 * per line of a long list, and each was copied by every young-generation collection during an analysis.
 */
export class WrapDigest {
  constructor(
    /** Offsets of the first and last visible characters (end exclusive) within the paragraph. */
    readonly from: number,
    readonly to: number,
    /** Display width of the line up to its last visible character (leading indentation included), or 0 when
     * the line cannot be a wrapped line of prose (ends a sentence, too long, not mostly Chinese characters). */
    readonly width: number,
    private readonly flags: number,
    readonly brackets: BracketDigest,
  ) {}

  /** How the line ends (its last visible character). */
  get end(): End {
    return ((this.flags >>> END_SHIFT) & 7) as End;
  }
  /** How the line starts (its first visible character). */
  get start(): Start {
    return ((this.flags >>> START_SHIFT) & 7) as Start;
  }
  get fragment(): Fragment {
    return ((this.flags >>> FRAGMENT_SHIFT) & 7) as Fragment;
  }
  /** Starts with a heading marker (一、（一）1.): parallel headings never support each other. */
  get heading(): boolean {
    return (this.flags & HEADING_BIT) !== 0;
  }
  /** A heading line holding 。！？； before its end: a body line after all (only computed for headings). */
  get sentence(): boolean {
    return (this.flags & SENTENCE_BIT) !== 0;
  }
  /** A title (关于…的报告, …工作总结) or a row of a table or log (fields split by spaces). */
  get standalone(): boolean {
    return (this.flags & STANDALONE_BIT) !== 0;
  }
  /** Starts with a digit (the entries of a dated log do; a wrapped line rarely). */
  get digitStart(): boolean {
    return (this.flags & DIGIT_START_BIT) !== 0;
  }
  /** Ends with a digit. */
  get digitEnd(): boolean {
    return (this.flags & DIGIT_END_BIT) !== 0;
  }
  /** Starts with the unit of a figure or date (年 月 日 个 名 次 人 % …). */
  get unitStart(): boolean {
    return (this.flags & UNIT_START_BIT) !== 0;
  }
  get latinStart(): boolean {
    return (this.flags & LATIN_START_BIT) !== 0;
  }
  get latinEnd(): boolean {
    return (this.flags & LATIN_END_BIT) !== 0;
  }
}

const EMPTY_FLAGS = (End.Empty << END_SHIFT) | (Start.Empty << START_SHIFT) | (Fragment.None << FRAGMENT_SHIFT);
const EMPTY = new WrapDigest(0, 0, 0, EMPTY_FLAGS, bracketDigest(''));

/** Longest line (in display units, a Chinese character = 2) read as a preview line: 60 characters. */
const MAX_WIDTH = 120;
/** Shortest: 12 characters (a phone screen's preview is about 16–20 wide). */
const MIN_WIDTH = 24;
/** Lines of one preview differ by a half-width character that did not fit, a mark hanging past the margin or
 * squeezed punctuation: within 1.5 Chinese characters across the document… */
const TOLERANCE = 5;
/** …and within one character between two neighbouring lines, when they are the only evidence. */
const NEIGHBOUR_TOLERANCE = 4;

const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;

function endOf(code: number): End {
  switch (code) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
    case 0xff1a: // ：
    case 0x2026: // …
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
    case 0x3a: // :
    case 0x2e: // .
      return End.Final;
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x29: // )
    case 0x300b: // 》
    case 0x3011: // 】
    case 0x3015: // 〕
      return End.Closer;
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0x2c: // ,
      return End.Comma;
    default:
      return End.Open;
  }
}

/** Marks no sentence starts with. */
const NO_START = '，。、；：？！）》」』”’】〕,;)';
const CLOSING_START = '）》」』”’】〕)';
/** Heading and list markers, anchored at the first visible character. */
const HEADING =
  /[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}(?:[、．]|\.(?![0-9]))|[（(][0-9０-９]{1,2}[）)]|[①-⑳]|第[一二三四五六七八九十百零〇0-9]{1,4}[条章节部篇]|附件|[A-Za-z][、．]/y;
/** Items of a list written as sentences: 一是… 首先… */
const ITEM = /[一二三四五六七八九十]是|首先|其次|再次|最后/y;
/** Particles that continue a sentence, and the words that start with them. */
const PARTICLE = /[的了们和与及等](?!确|解|谐|平|睦|会|时|级|待|到)/y;
/** A title line: no comma or full stop, ending with the name of a kind of document (its last two characters). */
const TITLE_ENDS = new Set(['报告', '总结', '汇报', '计划', '方案', '通知', '意见', '情况', '请示', '讲话', '发言', '材料', '要点', '安排']);
// The same sets by code unit, for `prepare`: a one-character string or a slice per line was garbage.
const codesOf = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const NO_START_CODES = codesOf(NO_START);
const TITLE_END_PAIRS = new Set([...TITLE_ENDS].map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
/** Whether text[from, to) holds a sentence end 。！？； (read in place: a slice per heading line was garbage). */
function hasSentenceMarkIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true;
  }
  return false;
}
const COMMA_OR_STOP = /[，。；]/;

/** Units that follow a figure: a line starting with one continues a figure at the end of the line above. */
const UNITS = '年月日号%％元';
const UNIT_CODES = codesOf(UNITS);
/** Quotation marks (a bracket alone on a line is as likely a stray mark as a piece of a sentence). */
const QUOTES = '"“”‘’\'「」';

function fragmentOf(text: string, from: number, to: number, heading: boolean, end: End): Fragment {
  const length = to - from;
  if (length === 4 && (text.startsWith('19', from) || text.startsWith('20', from))) {
    let digits = true;
    for (let i = from + 2; i < to && digits; i++) digits = text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39;
    if (digits) return Fragment.Year;
  }
  let quotes = true;
  for (let i = from; i < to && quotes; i++) quotes = QUOTES.includes(text[i]!);
  if (quotes) return Fragment.Quote;
  if (heading) {
    HEADING.lastIndex = from;
    if (HEADING.test(text) && HEADING.lastIndex === to) return Fragment.Marker;
  }
  if (end === End.Final && length >= 2 && length <= 4 && isHanCode(text.charCodeAt(from))) return Fragment.Tail;
  return Fragment.None;
}

const isHanCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function testAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Per code unit, which of HEADING, ITEM and PARTICLE can start with it: a line that starts otherwise (most
 * lines of a roster or a log: a name, a date) runs none of the three. */
const STARTS = new Uint8Array(0x10000);
const STARTS_HEADING = 1;
const STARTS_ITEM = 2;
const STARTS_PARTICLE = 4;
{
  const mark = (chars: string, bit: number) => {
    for (const c of chars) STARTS[c.charCodeAt(0)]! |= bit;
  };
  mark('一二三四五六七八九十（(0123456789０１２３４５６７８９第附ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', STARTS_HEADING);
  for (let c = 0x2460; c <= 0x2473; c++) STARTS[c]! |= STARTS_HEADING; // ①-⑳
  mark('一二三四五六七八九十首其再最', STARTS_ITEM);
  mark('的了们和与及等', STARTS_PARTICLE);
}
/** The three line-start patterns with their bit in STARTS (tests/core/rules/fast-paths.test.ts checks the table
 * against every first character). */
export const LINE_STARTS = { table: STARTS, tests: [{ re: HEADING, bit: STARTS_HEADING }, { re: ITEM, bit: STARTS_ITEM }, { re: PARTICLE, bit: STARTS_PARTICLE }] };

/** ASCII marks that stand for full-width ones in Chinese text (copies often turn ，：（ into , : ( ): they took
 * a full cell in the preview the text came from. */
const isAsciiMark = (c: number) => c === 0x2c || c === 0x3a || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x21 || c === 0x3f || c === 0x22;

// What lineShape reads of each code unit, from one table: its display width (a Chinese character or full-width
// mark counts 2, ASCII 1, but see isAsciiMark; Chinese fonts set the general punctuation block “ ” ‘ ’ — … full
// width too), whether it is a Chinese character, and whether it is a blank (isSpace).
const WIDE = 1;
const HAN = 2;
const BLANK = 4;
const SHAPE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const narrow = (c < 0x2000 && !isAsciiMark(c)) || (c > 0x206f && c < 0x2e80);
  SHAPE[c] = (narrow ? 0 : WIDE) | (c >= 0x3400 && c < 0xa000 ? HAN : 0) | (isSpace(c) ? BLANK : 0);
}
/** Set in lineShape's answer when the content is fielded; the width is the answer shifted right by one. */
const FIELDED = 1;
/** A blank that makes a gap with another: space, ideographic space, no-break space (a tab is a gap alone). */
const isGapBlank = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0;

/**
 * One pass over text[0, to) for what `prepare` asks of a short line: its display width, 0 when the line is not
 * mostly Chinese text (a row of placeholders, symbols, figures is no preview line of a report's prose: its width
 * says nothing), shifted left by one; and FIELDED when the content from `from` holds a gap of two blanks twice,
 * a tab, or two single spaces (a log line "2026年3月5日 召开党组会议 研究…" has two; a wrapped sentence rarely
 * any): the fields of a table row or a form. Gaps are found from the left, a pair of gap blanks or a tab at a
 * time, and the blanks after a gap are passed over, a tab among them too. (Three passes before: a width loop, a
 * RegExp search for gaps and a search for spaces; on a list of short lines they were most of the digest.)
 */
export function lineShape(text: string, from: number, to: number): number {
  let w = 0;
  let han = 0;
  let gaps = 0;
  let singles = 0;
  let tab = false;
  let skipping = false;
  for (let i = 0; i < to; i++) {
    const c = text.charCodeAt(i);
    const t = SHAPE[c]!;
    w += 1 + (t & WIDE);
    han += (t & HAN) >> 1;
    if ((t & BLANK) === 0) {
      skipping = false;
      continue;
    }
    if (i < from) continue;
    if (c === 0x20) singles++;
    if (skipping) continue;
    if (c === 0x09) tab = true;
    else if (i + 1 < to && isGapBlank(c) && isGapBlank(text.charCodeAt(i + 1))) {
      gaps++;
      skipping = true;
    }
  }
  const width = han * 2 >= to ? w : 0;
  return (width << 1) | (tab || gaps >= 2 || singles >= 2 ? FIELDED : 0);
}

function prepare(text: string): WrapDigest {
  let from = 0;
  let to = text.length;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to) return EMPTY;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  const end = endOf(last);
  const starts = STARTS[first]!;
  const heading = (starts & STARTS_HEADING) !== 0 && testAt(HEADING, text, from);
  let start: Start;
  if (from >= 2 || (from === 1 && text.charCodeAt(0) === 0x3000)) start = Start.Indent;
  else if (heading || ((starts & STARTS_ITEM) !== 0 && testAt(ITEM, text, from))) start = Start.Marker;
  else if (NO_START_CODES.has(first)) start = Start.NoStart;
  else if ((starts & STARTS_PARTICLE) !== 0 && testAt(PARTICLE, text, from)) start = Start.Particle;
  else start = Start.Plain;
  const length = to - from;
  // Titles and table rows are short; a long paragraph is neither (and is not sliced or scanned for them).
  let standalone = false;
  let width = 0;
  if (length <= MAX_WIDTH) {
    const shape = lineShape(text, from, to);
    standalone =
      (length >= 2 && TITLE_END_PAIRS.has(text.charCodeAt(to - 2) * 0x10000 + last) && !COMMA_OR_STOP.test(text)) ||
      (shape & FIELDED) !== 0;
    if (end !== End.Final && to <= MAX_WIDTH) width = shape >> 1;
  }
  const sentence = heading && length > 1 && hasSentenceMarkIn(text, from, to - 1);
  const fragment = length <= 4 ? fragmentOf(text, from, to, heading, end) : Fragment.None;
  const flags =
    (end << END_SHIFT) |
    (start << START_SHIFT) |
    (fragment << FRAGMENT_SHIFT) |
    (heading ? HEADING_BIT : 0) |
    (sentence ? SENTENCE_BIT : 0) |
    (standalone ? STANDALONE_BIT : 0) |
    (first >= 0x30 && first <= 0x39 ? DIGIT_START_BIT : 0) |
    (last >= 0x30 && last <= 0x39 ? DIGIT_END_BIT : 0) |
    (UNIT_CODES.has(first) ? UNIT_START_BIT : 0) |
    ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a ? LATIN_START_BIT : 0) |
    ((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a ? LATIN_END_BIT : 0);
  return new WrapDigest(from, to, width, flags, bracketDigest(text));
}

/** Why a break counts (0: it does not). */
const Evidence = {
  None: 0,
  /** Only the width: confirmed by other breaks of the same width. */
  Width: 1,
  /** The next line cannot start a sentence. */
  Continues: 2,
  /** Inside a bracket pair. */
  Bracket: 3,
} as const;
type Evidence = (typeof Evidence)[keyof typeof Evidence];

/** What the break between lines a and b is, before widths are compared. */
function breakBetween(a: WrapDigest, b: WrapDigest): Evidence {
  if (a.end === End.Empty || b.start === Start.Empty) return Evidence.None;
  if (a.brackets.tailKinds.length > 0 && b.brackets.headKinds.length > 0 && pairsAcross(a.brackets, b.brackets) > 0) {
    return Evidence.Bracket;
  }
  // Pieces a preview's text layer splits off: a year on a line of its own before its 年 (2025\n年), a quotation
  // mark alone on a line, a heading number alone before its words (一、\n2025…), the last characters of a
  // sentence (思路\n清。).
  if (b.fragment === Fragment.Quote && a.end !== End.Final) return Evidence.Continues;
  if (a.fragment === Fragment.Quote || a.fragment === Fragment.Marker) return Evidence.Continues;
  if (a.fragment === Fragment.Year && b.unitStart) return Evidence.Continues;
  if (b.fragment === Fragment.Year && a.end !== End.Final && a.end !== End.Comma) return Evidence.Continues;
  if (b.fragment === Fragment.Tail && (a.end === End.Open || a.end === End.Comma) && !a.standalone) return Evidence.Continues;
  if (a.end === End.Open && a.digitEnd && b.unitStart && !a.standalone && !b.standalone) return Evidence.Continues;
  if (b.start === Start.Indent || b.start === Start.Marker) return Evidence.None;
  if (a.standalone || b.standalone) return Evidence.None;
  if (b.start === Start.NoStart) {
    if (a.end !== End.Final && a.end !== End.Comma) return Evidence.Continues;
    return Evidence.None;
  }
  if (a.end === End.Final) return Evidence.None;
  if (b.start === Start.Particle && a.end === End.Open) return Evidence.Continues;
  if (a.width < MIN_WIDTH || a.width > MAX_WIDTH) return Evidence.None;
  if (a.digitStart && b.digitStart) return Evidence.None;
  return Evidence.Width;
}

/** confirmed[p] for a wrapped heading (its run needs no sentence end). */
const HEADING_TAIL = 2;

/** A line whose width supports others: not a heading (headings are parallel by design). */
const supports = (d: WrapDigest) => !d.heading;
/** A heading line counts as wrapped by width only when a sentence ends inside it (a run-in body). */
const widthCounts = (d: WrapDigest) => !d.heading || d.sentence;

function check(paragraphs: readonly Paragraph[], digests: readonly WrapDigest[]): Finding[] {
  const n = paragraphs.length;
  if (n < 2) return [];
  // evidence[p]: the break after paragraph p.
  const evidence = new Uint8Array(n);
  const histogram = new Uint32Array(MAX_WIDTH + 1);
  let any = false;
  for (let p = 0; p + 1 < n; p++) {
    const e = breakBetween(digests[p]!, digests[p + 1]!);
    if (e === Evidence.None) continue;
    evidence[p] = e;
    any = true;
    if (e === Evidence.Width && supports(digests[p]!)) histogram[digests[p]!.width]!++;
  }
  if (!any) return [];
  // Breaks of a width shared by other breaks: prefix sums give each width's neighbourhood in O(1). A preview
  // width is a peak: most lines that end inside a sentence have it. Such lines spread over many widths (a
  // list, headings, a roster) say that three of them lining up is chance.
  const prefix = new Uint32Array(MAX_WIDTH + 2);
  for (let w = 0; w <= MAX_WIDTH; w++) prefix[w + 1] = prefix[w]! + histogram[w]!;
  const total = prefix[MAX_WIDTH + 1]!;
  const confirmed = new Uint8Array(n);
  for (let p = 0; p + 1 < n; p++) {
    const e = evidence[p]!;
    if (e === Evidence.None) continue;
    if (e !== Evidence.Width) {
      confirmed[p] = 1;
      continue;
    }
    const d = digests[p]!;
    const high = Math.min(MAX_WIDTH, d.width + TOLERANCE);
    const near = prefix[high + 1]! - prefix[Math.max(0, d.width - TOLERANCE)]!;
    const others = near - (supports(d) ? 1 : 0);
    const peak = others >= 2 && near * 2 >= total;
    if (!widthCounts(d)) {
      // A long heading wrapped by the preview: as wide as the body's lines, with its tail (narrower, and
      // unpunctuated like a heading) on the next line. A heading followed by its body has a body line there,
      // which ends with a full stop or fills the width to go on.
      const tail = digests[p + 1]!;
      if (peak && tail.end !== End.Final && tail.end !== End.Closer && tail.width > 0 && tail.width + TOLERANCE < d.width) {
        confirmed[p] = HEADING_TAIL;
      }
      continue;
    }
    // A closing mark ends a sentence as often as not: only a document-wide width says otherwise.
    if (peak) confirmed[p] = 1;
    else if (d.end === End.Closer) continue;
    else if (neighbourAligned(digests, evidence, p, p - 1) || neighbourAligned(digests, evidence, p, p + 1)) confirmed[p] = 1;
  }
  const out: Finding[] = [];
  for (let p = 0; p + 1 < n; p++) {
    if (!confirmed[p]) continue;
    let q = p;
    let strong = false;
    let bracket = false;
    let widest = 0;
    let heading = false;
    while (q + 1 < n && confirmed[q]) {
      if (evidence[q] === Evidence.Bracket) bracket = true;
      if (confirmed[q] === HEADING_TAIL) heading = true;
      if (evidence[q] !== Evidence.Width || heading) strong = true;
      widest = Math.max(widest, digests[q]!.width);
      q++;
    }
    // The paragraph may go on over breaks too weak on their own (a line a little narrower, digits in it): they
    // belong to the run while its lines are about as wide as the ones that made it (a much narrower line ends
    // a paragraph, or is the tail of a heading).
    if (!heading) {
      while (q + 1 < n && evidence[q] === Evidence.Width && Math.abs(digests[q]!.width - widest) <= 2 * TOLERANCE) q++;
    }
    // A wrapped paragraph ends where its sentence ends; a run of unpunctuated lines that never does is a list.
    const last = digests[q]!.end;
    if (strong || last === End.Final || last === End.Closer) out.push(finding(paragraphs, digests, p, q, bracket));
    p = q;
  }
  return out;
}

/** Whether the break after line p and the break after line o (its neighbour) are both breaks after lines that
 * line up: two consecutive lines of one width, each ending inside a sentence. */
function neighbourAligned(digests: readonly WrapDigest[], evidence: Uint8Array, p: number, o: number): boolean {
  if (o < 0 || o >= evidence.length || evidence[o] === Evidence.None) return false;
  const a = digests[p]!;
  const b = digests[o]!;
  return supports(b) && b.end !== End.Closer && b.width >= MIN_WIDTH && Math.abs(a.width - b.width) <= NEIGHBOUR_TOLERANCE;
}

/** One finding over lines p..q (the breaks after p … q-1), with the fix that joins them. */
function finding(paragraphs: readonly Paragraph[], digests: readonly WrapDigest[], p: number, q: number, bracket: boolean): Finding {
  const first = paragraphs[p]!;
  const lastLine = paragraphs[q]!;
  let joined = '';
  for (let k = p; k < q; k++) {
    if (digests[k]!.latinEnd && digests[k + 1]!.latinStart) joined += ' ';
    if (k + 1 < q) joined += paragraphs[k + 1]!.text.slice(digests[k + 1]!.from, digests[k + 1]!.to);
  }
  return {
    ruleId: 'hard-wrap',
    category: 'layout',
    severity: 'warning',
    start: first.start + digests[p]!.from,
    end: lastLine.start + digests[q]!.to,
    messageId: bracket ? 'rules.hardWrap.bracket' : 'rules.hardWrap.lines',
    params: { lines: q - p + 1 },
    fix: { start: first.start + digests[p]!.to, end: lastLine.start + digests[q]!.from, text: joined },
  };
}

export const hardWrap: DocumentRule<WrapDigest> = {
  id: 'hard-wrap',
  category: 'layout',
  scope: 'document',
  prepare,
  check,
};
