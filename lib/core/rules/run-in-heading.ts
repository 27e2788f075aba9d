// run-in-heading — a heading or a title run into the text around it, as a flattened document preview or a
// 范文 page gives them when it loses the line breaks:
//   "…汇报如下： 一、基本情况 晒经学区党支部，现有…"      (a heading between a space and a space)
//   "…取得了良好成绩。 (一)夯实共同思想政治基础。组织…"  (a sub-heading after a full stop)
//   "…落实意识形态工作各项任务(一)认真履行党委书记第一责任人职责。" (a bracketed number inside the text)
//   "学区党支部2021年党建工作总结 一年来，我学区…"         (the title, a space, the body)
// Fix: a line break where the text was cut (before the heading, and after it when a space marks its end).
// Evidence, so that enumerations inside sentences stay: 一、 and （一） count mid-line only after a space, a
// sentence end (。！？；：) or 如下; a bracketed numeral also right after a Chinese character, unless a word that
// quotes an item or opens a list stands before it (第（一）项, 按照（二）…, 和（三）, 是指（一）, 包括（一）), and only
// when a heading's words follow. A
// title counts when the line up to the space has no sentence punctuation and ends with the name of a kind of
// document (报告, 总结, 计划 …), within 60 characters. A bare 一、 after a character is not read (统一、 之一、).
// Severity: warning — the words are all there, but the outline (and the coverage built on it) cannot see a
// heading that is not on its own line.
// Known false positive: an inline list written with heading markers after a colon ("包括：（一）…；（二）…").
// Known false negative: a heading run into its body with nothing between them (一、加强组织领导落实责任按照…):
// where the heading ends is not in the text.
import { NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

/** Heading markers: 一、 二、 … and （一） (一) … */
const MARKER = /[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]/g;
const MARKER_AT = /[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]/y;
/** A heading number at the start of a line, Arabic ones too (1、 2. （3）). */
const LINE_MARKER = /[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}(?:[、．]|\.(?![0-9]))|[（(][0-9]{1,2}[）)]/y;
/** The name of a kind of document ending a title, followed by a space. */
const TITLE_GAP = /(?:报告|总结|计划|方案|汇报|要点)[ \u3000\u00a0]/g;
const SENTENCE_PUNCT = /[，。；！？,;!?]/;
/** Before a bracketed numeral, words that quote an item or open an inline list (第（一）项, 是指（一）…, 包括（一）…). */
const QUOTING = '第项条款按照据及和与或见在指括含如即';
const MAX_HEADING = 40;
const MAX_TITLE = 60;

const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0;
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isEnd = (c: number) =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff1a || c === 0x3a || c === 0x3b;

function finding(start: number, end: number, fix: { start: number; end: number; text: string }, messageId: string): Finding {
  return { ruleId: 'run-in-heading', category: 'layout', severity: 'warning', start, end, messageId, fix };
}

/** Where the heading that starts at `from` (after its marker) ends: at a space (not included), after a 。, or
 * before the next marker; -1 when none of them comes within MAX_HEADING characters. `spaceEnd` is set when a
 * space ends it. */
function headingEnd(text: string, from: number): { end: number; spaceEnd: number } {
  const limit = Math.min(text.length, from + MAX_HEADING);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      // A figure set apart from its unit (2021 年, as some copies space them) does not end the heading.
      const unit = text.charCodeAt(j);
      const digit = text.charCodeAt(i - 1);
      if (digit >= 0x30 && digit <= 0x39 && (unit === 0x5e74 || unit === 0x6708 || unit === 0x65e5)) {
        i = j - 1;
        continue;
      }
      return { end: i, spaceEnd: j < text.length ? j : -1 };
    }
    if (c === 0x3002) return { end: i + 1, spaceEnd: -1 };
    if (c === 0xff08 || c === 0x28) {
      MARKER_AT.lastIndex = i;
      if (MARKER_AT.test(text)) return { end: i, spaceEnd: -1 };
    }
  }
  return { end: limit === text.length ? limit : -1, spaceEnd: -1 };
}

/**
 * Whether the gap text[start, end) (spaces between two characters) is where a heading or a title was run into
 * the text: the gap comes before a heading marker, or after a title, or after a heading that starts a segment
 * (一、加强组织领导，强化责任落实 经自查…). cjk-spaces leaves such gaps to this rule, whose fix is a line break.
 */
export function isRunInGap(text: string, start: number, end: number): boolean {
  MARKER_AT.lastIndex = end;
  if (MARKER_AT.test(text)) return true;
  return titleBefore(text, start) >= 0 || headingBefore(text, start);
}

/** The start of a title ending at `gapStart` (…工作总结|), or -1. */
function titleBefore(text: string, gapStart: number): number {
  if (gapStart < 2 || gapStart > MAX_TITLE) return -1;
  const word = text.slice(gapStart - 2, gapStart);
  if (word !== '报告' && word !== '总结' && word !== '计划' && word !== '方案' && word !== '汇报' && word !== '要点') return -1;
  let from = 0;
  while (from < gapStart && isSpace(text.charCodeAt(from))) from++;
  if (SENTENCE_PUNCT.test(text.slice(from, gapStart))) return -1;
  return from;
}

/** Whether the segment before `gapStart` (since the line start, a space or a full stop) is a heading. */
function headingBefore(text: string, gapStart: number): boolean {
  let i = gapStart - 1;
  const limit = Math.max(0, gapStart - MAX_HEADING);
  while (i >= limit && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3002) i--;
  if (i < limit && limit > 0) return false;
  LINE_MARKER.lastIndex = i + 1;
  return LINE_MARKER.test(text) && LINE_MARKER.lastIndex < gapStart;
}

export const runInHeading: ParagraphRule = {
  id: 'run-in-heading',
  category: 'layout',
  scope: 'paragraph',
  // A mid-line heading's marker holds 、 or a bracket; a heading at the line's start or a title is cut off
  // by a space.
  needs: '、（( \u3000\u00a0',
  check(text) {
    let out: Finding[] | undefined;
    let first = 0;
    while (first < text.length && isSpace(text.charCodeAt(first))) first++;
    MARKER.lastIndex = first + 1;
    // exec, not test: markers in the middle of a line are rare, and their start is needed.
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const start = m.index;
      const markerEnd = start + m[0].length;
      // Heading words must follow the marker.
      const next = text.charCodeAt(markerEnd);
      if (!(isHan(next) || (next >= 0x30 && next <= 0x39))) continue;
      const bracketed = m[0].charCodeAt(0) === 0xff08 || m[0].charCodeAt(0) === 0x28;
      let gap = start;
      while (gap > first && isSpace(text.charCodeAt(gap - 1))) gap--;
      // At the line's start (after indentation): a heading in its place.
      if (gap <= first) continue;
      const before = text.charCodeAt(gap - 1);
      const spaced = gap < start;
      let counts = false;
      if (spaced) counts = isHan(before) || isEnd(before) || before === 0xff0c || before === 0x2c;
      else if (isEnd(before) || text.slice(gap - 2, gap) === '如下') counts = true;
      else if (bracketed && isHan(before) && !QUOTING.includes(text[gap - 1]!)) {
        // Four heading characters at least: (一)认真履行…, not (一)班.
        let han = 0;
        while (han < 4 && isHan(text.charCodeAt(markerEnd + han))) han++;
        counts = han === 4;
      }
      if (!counts) continue;
      const { end, spaceEnd } = headingEnd(text, markerEnd);
      const headingTo = end < 0 ? Math.min(text.length, markerEnd + 12) : end;
      // When the next heading follows the space, that gap is the next finding's: this fix stops at the heading.
      MARKER_AT.lastIndex = spaceEnd;
      const nextHeading = spaceEnd > 0 && MARKER_AT.test(text);
      const fix =
        spaceEnd > 0 && !nextHeading
          ? { start: gap, end: spaceEnd, text: `\n${text.slice(start, end)}\n` }
          : { start: gap, end: start, text: '\n' };
      (out ??= []).push(finding(start, headingTo, fix, 'rules.runInHeading.heading'));
      if (end > markerEnd) MARKER.lastIndex = Math.max(MARKER.lastIndex, end);
    }
    // A heading in its place at the line's start, with the body after a space (一、加强组织领导 经自查，…).
    LINE_MARKER.lastIndex = first;
    if (LINE_MARKER.test(text)) {
      const markerEnd = LINE_MARKER.lastIndex;
      const { end, spaceEnd } = headingEnd(text, markerEnd);
      const next = spaceEnd > 0 ? text.charCodeAt(spaceEnd) : 0;
      MARKER_AT.lastIndex = spaceEnd;
      if (spaceEnd > 0 && end - markerEnd >= 2 && isHan(text.charCodeAt(end - 1)) && (isHan(next) || (next >= 0x30 && next <= 0x39)) && !MARKER_AT.test(text)) {
        (out ??= []).unshift(finding(first, end, { start: end, end: spaceEnd, text: '\n' }, 'rules.runInHeading.heading'));
      }
    }
    // The title, a space, the body.
    TITLE_GAP.lastIndex = 0;
    if (TITLE_GAP.test(text)) {
      const gapStart = TITLE_GAP.lastIndex - 1;
      const from = titleBefore(text, gapStart);
      let gapEnd = gapStart;
      while (gapEnd < text.length && isSpace(text.charCodeAt(gapEnd))) gapEnd++;
      const next = text.charCodeAt(gapEnd);
      MARKER_AT.lastIndex = gapEnd;
      const heading = MARKER_AT.test(text);
      // A page's summary of the post (the title and the first words of the body, cut off mid-word) is no
      // paragraph to split: web-cruft's to delete.
      const cut = isHan(text.charCodeAt(text.length - 1));
      if (from >= 0 && gapEnd < text.length && !heading && !cut && (isHan(next) || (next >= 0x30 && next <= 0x39))) {
        (out ??= []).unshift(finding(from, gapStart, { start: gapStart, end: gapEnd, text: '\n' }, 'rules.runInHeading.title'));
      }
    }
    return out ?? NO_FINDINGS;
  },
};
