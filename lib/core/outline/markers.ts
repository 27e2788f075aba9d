// Outline markers as users actually type them: 一、（一）(一) 1. 1、（1）(1) ① and the inline enumerations
// 一是/一要, 第一，, 首先/其次/最后. Full- and half-width forms are read alike; the forms that GB/T 15834-2011
// App. B.3 and GB/T 9704-2012 §7.3.3 rule out are read too, and reported with `badMark` so that a diagnostic can
// offer the right form. Every pattern here is anchored (sticky) and bounded, so matching cannot backtrack
// beyond a few characters.

/** The kinds in their GB/T 9704 order; `item` is the inline 一是… enumeration below all of them. */
export type MarkerKind = 'h1' | 'h2' | 'h3' | 'h4' | 'circled' | 'item';

export const KIND_RANK: Record<MarkerKind, number> = { h1: 1, h2: 2, h3: 3, h4: 4, circled: 5, item: 6 };

export interface MarkerMatch {
  kind: MarkerKind;
  /** 1-based number; 0 for 最后 (an item that closes a run rather than counting). */
  value: number;
  /** Length of the marker text, including its trailing mark (、 . etc.). */
  length: number;
  /** A mark the standards rule out, with the form to write instead. */
  badMark?: { start: number; end: number; replacement: string; reason: BadMarkReason };
}

export type BadMarkReason = 'bracket-comma' | 'circled-comma' | 'arabic-comma' | 'chinese-dot' | 'unclosed';

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 … 九十九 as written in outline markers; NaN for anything else. */
export function chineseNumeralValue(text: string): number {
  if (text.length === 0 || text.length > 3) return NaN;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (CN_DIGITS[text] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? NaN);
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : (CN_DIGITS[unitText] ?? NaN);
  if (unitText.length > 1 || tens === 0 || units === 0 && unitText !== '') return NaN;
  return tens * 10 + units;
}

export function chineseNumeral(value: number): string {
  const digits = '〇一二三四五六七八九';
  if (value <= 0 || value >= 100) return String(value);
  if (value < 10) return digits[value]!;
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : digits[tens]}十${units === 0 ? '' : digits[units]}`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Full-width digits as ASCII, so that １． and 1. read alike. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const H1_RE = /([一二三四五六七八九十]{1,3})([、.．,，])/y;
const BRACKET_RE = /[（(]([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})([）)])?(、)?/y;
const ARABIC_RE = /([0-9０-９]{1,2})([.．、,，])(?![0-9０-９])/y;
const CIRCLED_RE = /[①-⑳](、)?/y;
const ITEM_RE = /([一二三四五六七八九十]{1,3})([是要])|第([一二三四五六七八九十]{1,3})(?=[，,、：:是])|(首先|其次|再次|最后)(?=[，,])/y;

const CJK = /[\u4e00-\u9fff]/;
const CJK_MARKER_START = new Set([...'一二三四五六七八九十第首其再最'].map((c) => c.charCodeAt(0)));

/** A code unit matchMarker can find a marker at: （ ( ① … ⑳, digits, 一…十 第 首 其 再 最. Anything else starts none. */
export function mayStartMarker(code: number): boolean {
  return (
    code === 0xff08 || code === 0x28 || (code >= 0x2460 && code <= 0x2473) || (code >= 0x30 && code <= 0x39) ||
    (code >= 0xff10 && code <= 0xff19) || CJK_MARKER_START.has(code)
  );
}

/**
 * The marker at `pos`, if any. `lineStart` allows the forms that only read as headings at the start of a line
 * (an unclosed bracket such as "(三突出…" from the corpus).
 */
export function matchMarker(text: string, pos: number, lineStart: boolean): MarkerMatch | undefined {
  const c = text.charCodeAt(pos);
  // （ ( → bracketed forms
  if (c === 0xff08 || c === 0x28) {
    BRACKET_RE.lastIndex = pos;
    const m = BRACKET_RE.exec(text);
    if (!m) return undefined;
    const numeral = m[1]!;
    const arabic = /[0-9０-９]/.test(numeral[0]!);
    const value = arabic ? Number(asciiDigits(numeral)) : chineseNumeralValue(numeral);
    if (!(value > 0)) return undefined;
    const kind: MarkerKind = arabic ? 'h4' : 'h2';
    if (!m[2]) {
      // "(三突出学习型党组织建设" — only a heading if it starts a line and the text runs on in Chinese.
      const next = text[pos + 1 + numeral.length] ?? '';
      if (!lineStart || arabic || !CJK.test(next)) return undefined;
      const at = pos + 1 + numeral.length;
      return { kind, value, length: 1 + numeral.length, badMark: { start: at, end: at, replacement: '）', reason: 'unclosed' } };
    }
    const match: MarkerMatch = { kind, value, length: m[0].length };
    if (m[3]) {
      const at = pos + m[0].length - 1;
      match.badMark = { start: at, end: at + 1, replacement: '', reason: 'bracket-comma' };
    }
    return match;
  }
  if (c >= 0x2460 && c <= 0x2473) {
    CIRCLED_RE.lastIndex = pos;
    const m = CIRCLED_RE.exec(text)!;
    const match: MarkerMatch = { kind: 'circled', value: CIRCLED.indexOf(text[pos]!) + 1, length: m[0].length };
    if (m[1]) match.badMark = { start: pos + 1, end: pos + 2, replacement: '', reason: 'circled-comma' };
    return match;
  }
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
    ARABIC_RE.lastIndex = pos;
    const m = ARABIC_RE.exec(text);
    if (!m) return undefined;
    const mark = m[2]!;
    // "1，" mid-sentence is an ordinary number; only "1." "1．" and "1、" are markers.
    if (mark === ',' || mark === '，') return undefined;
    const value = Number(asciiDigits(m[1]!));
    if (!(value > 0)) return undefined;
    // "2." followed by a space then a Latin word is usually not an outline marker, but Chinese text is.
    const match: MarkerMatch = { kind: 'h3', value, length: m[0].length };
    if (mark === '、') {
      const at = pos + m[1]!.length;
      match.badMark = { start: at, end: at + 1, replacement: '.', reason: 'arabic-comma' };
    }
    return match;
  }
  if (!CJK_MARKER_START.has(c)) return undefined;
  H1_RE.lastIndex = pos;
  const h1 = H1_RE.exec(text);
  if (h1) {
    const value = chineseNumeralValue(h1[1]!);
    const mark = h1[2]!;
    // "一，" is an ordinary word ("统一，"); only 、 and the dot typo count.
    if (value > 0 && mark !== ',' && mark !== '，') {
      const match: MarkerMatch = { kind: 'h1', value, length: h1[0].length };
      if (mark !== '、') {
        const at = pos + h1[1]!.length;
        match.badMark = { start: at, end: at + 1, replacement: '、', reason: 'chinese-dot' };
      }
      return match;
    }
  }
  ITEM_RE.lastIndex = pos;
  const item = ITEM_RE.exec(text);
  if (item) {
    if (item[1]) {
      const value = chineseNumeralValue(item[1]);
      return value > 0 ? { kind: 'item', value, length: item[0].length } : undefined;
    }
    if (item[3]) {
      const value = chineseNumeralValue(item[3]);
      // 第一是 / 第一， — the mark after 第一 is part of the body, not of the marker.
      return value > 0 ? { kind: 'item', value, length: item[0].length } : undefined;
    }
    const word = item[4]!;
    const value = word === '首先' ? 1 : word === '其次' ? 2 : word === '再次' ? 3 : 0;
    return { kind: 'item', value, length: word.length };
  }
  return undefined;
}

/** The conventional marker text for a kind and number, as GB/T 9704 writes it. */
export function markerText(kind: MarkerKind, value: number): string {
  switch (kind) {
    case 'h1':
      return `${chineseNumeral(value)}、`;
    case 'h2':
      return `（${chineseNumeral(value)}）`;
    case 'h3':
      return `${value}.`;
    case 'h4':
      return `（${value}）`;
    case 'circled':
      return CIRCLED[value - 1] ?? `(${value})`;
    case 'item':
      return `${chineseNumeral(value)}是`;
  }
}

const CN_NUMERAL_RUN = /[一二三四五六七八九十两〇零]+/;
const DIGIT_RUN = /[0-9０-９]+/;

/**
 * The edit that makes `marker` (as written, of `kind`) carry `value` instead, touching only its number and keeping
 * how it was written: "(二)" → "(三)", "2、" → "3、", "２．" → "３．". Offsets are into `marker`. Undefined for the
 * inline 一是… enumeration, and where the marker cannot carry the value (㉑, 100.: the parser would not read them).
 */
export function markerNumberEdit(marker: string, kind: MarkerKind, value: number): { start: number; end: number; text: string } | undefined {
  if (kind === 'item' || !Number.isInteger(value) || value < 1 || value > 99) return undefined;
  if (kind === 'circled') {
    const at = marker.search(/[①-⑳]/);
    if (at < 0 || value > CIRCLED.length) return undefined;
    return { start: at, end: at + 1, text: CIRCLED[value - 1]! };
  }
  const arabic = kind === 'h3' || kind === 'h4';
  const m = (arabic ? DIGIT_RUN : CN_NUMERAL_RUN).exec(marker);
  if (!m) return undefined;
  let text = arabic ? String(value) : chineseNumeral(value);
  if (arabic && m[0].charCodeAt(0) >= 0xff10) text = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return { start: m.index, end: m.index + m[0].length, text };
}
