// Character classes and small text helpers shared by the rules. All loops index UTF-16 code units, so lone
// surrogates and astral characters pass through without special cases: they are simply not CJK here.
import type { Finding, Paragraph } from './types';

/** CJK unified ideographs (BMP blocks, incl. extension A and compatibility ideographs). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Full-width Chinese punctuation that marks Chinese running text (、。〈〉《》「」… and ，：；！？（） etc.). */
export function isCjkPunct(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    code === 0xff0c || code === 0xff1a || code === 0xff1b || code === 0xff01 || code === 0xff1f ||
    code === 0xff08 || code === 0xff09 || code === 0x201c || code === 0x201d || code === 0x2018 ||
    code === 0x2019 || code === 0x2026 || code === 0x2014
  );
}

/** Han character or Chinese punctuation: the "Chinese side" of a half-width mark. */
export function isChinese(code: number): boolean {
  return isHan(code) || isCjkPunct(code);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Sentence and clause marks (。，,；;！？!?) by code unit: a title has none. */
const SENTENCE_MARKS = new Uint8Array(0x10000);
for (const c of '。，,；;！？!?') SENTENCE_MARKS[c.charCodeAt(0)] = 1;

/** Whether the text has a sentence or clause mark (。，,；;！？!?); read by code units, for titles and short
 * lines tested on every line of a text. */
export function hasSentenceMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SENTENCE_MARKS[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** A bracketed note after a title: …工作总结（县市区级局）, …报告（2023年度）. */
const TITLE_NOTE = /[（(][^（()）]{1,16}[)）]$/;

/** The title without a bracketed note at its end (the note ends in ） or ), so other titles are not scanned). */
export function withoutTitleNote(title: string): string {
  const last = title.charCodeAt(title.length - 1);
  return last === 0xff09 || last === 0x29 ? title.replace(TITLE_NOTE, '') : title;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** Splits text into lines; every line is a paragraph (empty ones included, so offsets stay contiguous). */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    out.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * True when a RegExp source has no unbounded quantifier (*, +, {n,}). Pack patterns must pass this, so that
 * no pattern can backtrack without bound on a long line. Escaped characters and character classes are skipped.
 */
export function isBoundedPattern(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return false;
    else if (c === '{' && /^\{\d*,\}/.test(source.slice(i, i + 12))) return false;
  }
  return true;
}

/** A short quotation of a paragraph for messages: the first `max` characters, whole code points only. */
export function excerpt(text: string, max = 12): string {
  // 2·max + 1 code units hold the first max code points and tell whether there is more; a long paragraph is
  // not split into code points whole.
  const chars = Array.from(text.trim().slice(0, 2 * max + 1));
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

/** A run of characters used as an ellipsis: …, three or more ASCII dots, 。。。, ···, ．．． */
export interface EllipsisRun {
  start: number;
  end: number;
  /** True for the standard form "……" (exactly two U+2026). */
  standard: boolean;
}

function isDotLike(code: number): boolean {
  return code === 0x2e || code === 0x3002 || code === 0xb7 || code === 0xff0e || code === 0x30fb || code === 0x2022;
}

/** Every ellipsis run contains one of these; a paragraph with none (nearly all) is not walked at all. One
 * RegExp test rather than an indexOf per seed: on short lines the calls cost more than the scans. */
const ELLIPSIS_SEED = /\u2026|\.\.\.|\u3002\u3002\u3002|\u00b7\u00b7\u00b7|\uff0e\uff0e\uff0e|\u30fb\u30fb\u30fb|\u2022\u2022\u2022/;

function mayHoldEllipsis(text: string): boolean {
  return ELLIPSIS_SEED.test(text);
}

/**
 * A paragraph rule's answer for a paragraph without findings: one shared list, never added to (the runner only
 * reads what a rule returns), so that the thousands of lines of a roster or a log allocate nothing.
 */
export const NO_FINDINGS: Finding[] = [];

/** The characters an ellipsis run is made of (isDotLike's and …): every run holds one. */
export const ELLIPSIS_CHARS = '\u2026.\u3002\u00b7\uff0e\u30fb\u2022';

const NO_RUNS: EllipsisRun[] = [];

// Two rules (placeholders, ellipsis) ask for the runs of the same paragraph one after the other.
let lastText = '';
let lastRuns: readonly EllipsisRun[] = [];

/** The ellipsis runs of a paragraph, in order. The array is shared between callers: do not change it. */
export function ellipsisRuns(text: string): readonly EllipsisRun[] {
  if (text === lastText) return lastRuns;
  lastText = text;
  lastRuns = findEllipsisRuns(text);
  return lastRuns;
}

function findEllipsisRuns(text: string): EllipsisRun[] {
  if (!mayHoldEllipsis(text)) return NO_RUNS;
  const runs: EllipsisRun[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 0x2026) {
      let j = i;
      while (j < text.length && text.charCodeAt(j) === 0x2026) j++;
      runs.push({ start: i, end: j, standard: j - i === 2 });
      i = j;
    } else if (isDotLike(code)) {
      let j = i;
      while (j < text.length && text.charCodeAt(j) === code) j++;
      if (j - i >= 3) runs.push({ start: i, end: j, standard: false });
      i = j;
    } else {
      i++;
    }
  }
  return runs;
}

const OPENERS = new Set(['《', '（', '(', '【', '“', '‘', '[', '〔', '「']);
const CLOSERS = new Set(['》', '）', ')', '】', '”', '’', ']', '〕', '」']);

/**
 * An ellipsis that stands for missing words rather than an omission at the end of a list or quotation: inside
 * empty-looking brackets (《……》), at the start of a paragraph, or between two Han characters (广大...员,
 * 一是……二是……). Shared by the placeholder rule (which flags it) and the ellipsis rule (which then leaves it).
 */
export function isFillerEllipsis(text: string, run: EllipsisRun): boolean {
  const before = run.start > 0 ? text[run.start - 1]! : '';
  const after = run.end < text.length ? text[run.end]! : '';
  if (before === '' || OPENERS.has(before)) return true;
  if (CLOSERS.has(after) && OPENERS.has(before)) return true;
  return isHan(before.charCodeAt(0)) && after !== '' && isHan(after.charCodeAt(0));
}

const QUESTION_WORDS = /吗|呢|什么|怎么|怎样|为什么|为何|如何|是否|哪|谁|多少|几|难道|岂|能否|可否|是不是|有没有/;

/** True when the clause ending at `index` reads as a question (a question word within the sentence). */
export function looksLikeQuestion(text: string, index: number): boolean {
  let from = index - 1;
  const limit = Math.max(0, index - 60);
  while (from > limit && !'。！？!?\n；;，,”'.includes(text[from - 1]!)) from--;
  return QUESTION_WORDS.test(text.slice(from, index));
}
