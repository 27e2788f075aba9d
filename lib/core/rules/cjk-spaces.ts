// cjk-spaces — spaces (ASCII, full-width U+3000, no-break U+00A0) between two Chinese characters inside a
// sentence: "加强意识 形态阵地管理", "抓好党 建工作". They come from copying a document preview (a PDF keeps the
// gaps of justified lines) or from a 伪原创 tool, and GB/T 15834 sets Chinese text with no spaces inside it.
// One finding per paragraph, over the stretch from the first stray space to the last, with one fix that
// removes them all: a paragraph full of stray spaces is one problem with one click, not twenty.
// Left alone, because the space is the writer's choice or not inside a sentence:
//   - indentation and spaces next to punctuation, digits or Latin letters (only 汉 汉 is looked at), except
//     the space after a heading number at the line's start (二、 工作要点), which is reported too;
//   - a title or slogan line: no sentence punctuation and at most 40 characters ("育主体 兴产业 惠民生");
//   - anything inside 《…》 (a quoted title keeps its own spacing);
//   - the gap after 第X条 / 第X章 (regulations set their article numbers that way);
//   - gaps of three or more spaces (fields of a form line: 单位名称    日期), and rows of a table (two or more
//     gaps of two spaces, or a tab);
//   - a space where a line break was lost between a heading or title and the text (run-in-heading reports
//     it, with a line break as the fix);
//   - names listed with spaces after a label or between other names ("参会人员：张三 李四 王五"), and a space
//     before a label (填报单位：青山县委宣传部 填报日期：…).
// Severity: info — like a half-width mark, a stray space never changes what the report says; it only looks
// copied. The fix is safe, so it is one click.
// Known false positive: two short words set apart on purpose inside a sentence that has punctuation, without a
// label before them (e.g. an aligned "甲方 乙方" in running text).
import { isRunInGap } from './run-in-heading';
import { isHan, NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

/** A gap of one or two spaces between two Han characters: what the rule looks at. Bounded, and found natively. */
const GAP = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][ \u3000\u00a0]{1,2}(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
/** Sentence punctuation: a short line without any is a title, a heading or a slogan (一、 and 单位： do not
 * make a sentence). */
const SENTENCE_PUNCT = /[，。；！？]/;
/** Two gaps of two or more spaces, or a tab: a table row or a form line. */
const WIDE_GAP = /[ \u3000\u00a0]{2}|\t/g;
const BOOK = /[《》]/g;
/** 第三条 / 第一章 just before the gap. */
const ARTICLE = /第[一二三四五六七八九十百零〇0-9]{1,5}[条章节款编部分]$/;
/** A label before a list of names: 参会人员：张三 李四. */
const LABEL_MARKS = '：:、 \u3000\u00a0';

const isSpaceCode = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0;

function tableLike(text: string): boolean {
  if (text.includes('\t')) return true;
  WIDE_GAP.lastIndex = 0;
  let gaps = 0;
  while (WIDE_GAP.test(text)) {
    if (++gaps >= 2) return true;
    while (WIDE_GAP.lastIndex < text.length && isSpaceCode(text.charCodeAt(WIDE_GAP.lastIndex))) WIDE_GAP.lastIndex++;
  }
  return false;
}

/** A heading number at the line's start and a space after it (二、 工作要点, （一） 加强…): the marker already
 * holds its spacing. */
const LEADING_MARKER = /[ \u3000\u00a0]{0,8}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])([ \u3000\u00a0]{1,2})(?=[\u4e00-\u9fff])/y;

function markerGap(text: string): Finding | undefined {
  LEADING_MARKER.lastIndex = 0;
  const m = LEADING_MARKER.exec(text);
  if (!m) return undefined;
  const end = LEADING_MARKER.lastIndex;
  const start = end - m[1]!.length;
  return gapFinding(text, start - 1, end + 1, [start, end]);
}

function gapFinding(text: string, from: number, to: number, gaps: readonly number[]): Finding {
  let fixed = '';
  let at = from;
  for (let k = 0; k < gaps.length; k += 2) {
    fixed += text.slice(at, gaps[k]!);
    at = gaps[k + 1]!;
  }
  fixed += text.slice(at, to);
  return {
    ruleId: 'cjk-spaces',
    category: 'spacing',
    severity: 'info',
    start: from,
    end: to,
    messageId: 'rules.cjkSpaces.message',
    params: { count: gaps.length / 2 },
    fix: { start: from, end: to, text: fixed },
  };
}

/** Position of the first 》 that closes nothing in this paragraph, or -1. */
function firstUnopenedClose(text: string): number {
  let depth = 0;
  BOOK.lastIndex = 0;
  while (BOOK.test(text)) {
    const at = BOOK.lastIndex - 1;
    if (text.charCodeAt(at) === 0x300a) depth++;
    else if (depth === 0) return at;
    else depth--;
  }
  return -1;
}

/** Length of the run of Han characters ending before `end` (counting back at most 4). */
function hanRunBefore(text: string, end: number): number {
  let n = 0;
  while (n < 4 && end - n - 1 >= 0 && isHan(text.charCodeAt(end - n - 1))) n++;
  return n;
}

function hanRunAfter(text: string, start: number): number {
  let n = 0;
  while (n < 4 && start + n < text.length && isHan(text.charCodeAt(start + n))) n++;
  return n;
}

/** A label right after the gap (填报单位：… 填报日期：…): the space separates two fields of a form line. */
function labelAfter(text: string, gapEnd: number): boolean {
  let i = gapEnd;
  const limit = Math.min(text.length, gapEnd + 7);
  while (i < limit && isHan(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i > gapEnd && (c === 0xff1a || c === 0x3a);
}

/** Short words on both sides, the left one after a label mark or another gap: names or terms in a list. */
function listOfNames(text: string, gapStart: number, gapEnd: number): boolean {
  const left = hanRunBefore(text, gapStart);
  const right = hanRunAfter(text, gapEnd);
  if (left > 3 || right > 3) return false;
  const before = gapStart - left - 1;
  return before >= 0 && LABEL_MARKS.includes(text[before]!);
}

export const cjkSpaces: ParagraphRule = {
  id: 'cjk-spaces',
  category: 'spacing',
  scope: 'paragraph',
  // A stray gap is spaces; so is the gap after a heading number.
  needs: ' \u3000\u00a0\t',
  check(text) {
    const marker = markerGap(text);
    GAP.lastIndex = 0;
    if (!GAP.test(text)) return marker ? [marker] : NO_FINDINGS;
    const hasSentence = SENTENCE_PUNCT.test(text);
    if (!hasSentence && text.trim().length <= 40) return marker ? [marker] : NO_FINDINGS;
    if (tableLike(text)) return NO_FINDINGS;
    // Gaps, as (start, end) pairs of the spaces; book-title marks are counted up to each gap as we go, so the
    // whole paragraph is read once.
    const gaps: number[] = [];
    // A 》 with no 《 before it closes a title opened on an earlier line (a hard wrap tore it): the gaps up to
    // it are inside that title.
    const insideUntil = text.includes('》') ? firstUnopenedClose(text) : -1;
    let depth = 0;
    BOOK.lastIndex = 0;
    let nextBook = BOOK.test(text) ? BOOK.lastIndex - 1 : -1;
    GAP.lastIndex = 0;
    let all = 0;
    /** End of the last gap read as part of a list of names: the next name may run into the sentence. */
    let listEnd = -1;
    while (GAP.test(text)) {
      all++;
      const end = GAP.lastIndex;
      const start = end - (isSpaceCode(text.charCodeAt(end - 2)) ? 2 : 1);
      while (nextBook !== -1 && nextBook < start) {
        depth = text.charCodeAt(nextBook) === 0x300a ? depth + 1 : Math.max(0, depth - 1);
        nextBook = BOOK.test(text) ? BOOK.lastIndex - 1 : -1;
      }
      // GAP consumed the Han character before the spaces but not the one after: the next gap may start there.
      if (depth > 0 || start < insideUntil) continue;
      if (ARTICLE.test(text.slice(Math.max(0, start - 8), start))) continue;
      if (labelAfter(text, end)) continue;
      // A heading or title run into the text, the space standing where a line break was: run-in-heading's.
      if (isRunInGap(text, start, end)) continue;
      const left = hanRunBefore(text, start);
      if (listOfNames(text, start, end) || (left <= 3 && start - left === listEnd)) {
        // The list's first gap, kept before its second showed it to be a list (委员 王明 李华): dropped.
        if (gaps.length > 0 && gaps[gaps.length - 1] === start - left) gaps.length -= 2;
        listEnd = end;
        continue;
      }
      // The space after a date opens the next field of a log line (2021年3月5日 召开党组会议).
      const before = text.charCodeAt(start - 1);
      if ((before === 0x65e5 || before === 0x53f7) && start >= 2 && text.charCodeAt(start - 2) <= 0x39 && text.charCodeAt(start - 2) >= 0x30) continue;
      gaps.push(start, end);
    }
    // Without sentence punctuation, two or more gaps are the fields of a line, not stray spaces.
    if (gaps.length === 0 || (all >= 2 && !hasSentence)) return marker ? [marker] : NO_FINDINGS;
    if (marker) gaps.unshift(marker.fix!.start, marker.fix!.end);
    return [gapFinding(text, gaps[0]! - 1, gaps[gaps.length - 1]! + 1, gaps)];
  },
};
