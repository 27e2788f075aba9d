// Per-line reading: where the markers on one line are, where each heading's title ends, whether the line is
// web cruft or a document title. A line's result depends on its own text only, so it can be cached by text and
// reused after an edit elsewhere (see createLineCache). Offsets here are relative to the line's start.
import { matchMarker, mayStartMarker, KIND_RANK, type BadMarkReason, type MarkerKind } from './markers';
import { isCruftLine as isWebCruftLine, stripCruftFragments } from '../rules/web-cruft';
import { hasSentenceMark, withoutTitleNote } from '../rules/text';
import type { LineSlots } from '../rules/types';

export interface LineMark {
  kind: MarkerKind;
  value: number;
  start: number;
  markerEnd: number;
  titleStart: number;
  titleEnd: number;
  /** The marker starts the line (after indentation). */
  atLineStart: boolean;
  /** The heading is the whole line: nothing but its title (and perhaps end punctuation) follows. */
  standalone: boolean;
  /** End punctuation after a standalone heading's title: [start, end). */
  endPunct?: [number, number];
  badMark?: { start: number; end: number; replacement: string; reason: BadMarkReason };
  /** Set by the parser on first use (see parse.ts): the marker and title as written, and the heading's kind,
   * number and normalised title. */
  marker?: string;
  title?: string;
  key?: string;
}

export interface LineInfo extends LineSlots {
  /** Web-page cruft ("- 范文问答", "[朗读]" alone, "上一篇"…): not part of the report. */
  cruft: boolean;
  /** Reads as a document title (关于…情况报告); a new report starts here. */
  title: boolean;
  /** A short line without a marker: may be an unnumbered section title such as 存在的问题. */
  plain: boolean;
  /** Start and end of the line's text without indentation and trailing blanks. */
  contentStart: number;
  contentEnd: number;
  marks: LineMark[];
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';']);
const TITLE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':']);
// Inline markers follow a sentence end, a colon or a comma ("主要做了以下工作，一是…"), then perhaps a closing
// quote or bracket and blanks. test() jumps to the next such mark without building a match object; the closer
// and blanks after it are skipped by hand.
const BOUNDARY_RE = /[。！？；：!?;:，,]/g;
const LEAD_PUNCT = new Set(['，', ',', '、']);
const CLOSERS = new Set(['”', '’', '"', '」', '』']);

/** Inline cruft that sites append to a title: [朗读], 【打印】 and the like. */
export const INLINE_CRUFT_RE = /[[【](?:朗读|打印|收藏|复制|下载|纠错|举报|分享|关闭)[\]】]/g;
// Lines a 范文 site leaves between articles. Bounded: each alternative is a short literal or a capped class.
const CRUFT_LINE_BULLETS = '-–—•·*>';
const CRUFT_LINE_WORDS = ['上一篇', '下一篇', '相关推荐', '相关文章', '热门文章', '返回顶部', '返回列表', '阅读全文', '点击查看', '查看更多', '展开全文', '本文来源', '文章来源', '责任编辑', '版权声明', '免费下载', '扫一扫', '收藏本文', '复制本文', '打印本文', '推荐阅读', '猜你喜欢', '本文链接', '更多范文', '范文问答', '答案列表'];
const CRUFT_LINE_RE = new RegExp(`^(?:[${CRUFT_LINE_BULLETS}]\\s*[\\u4e00-\\u9fffA-Za-z]{1,8}|(?:${CRUFT_LINE_WORDS.join('|')})[^。]{0,40})$`);
/** The first code units of CRUFT_LINE_RE's matches: a line that starts with none of them is not tested. */
const CRUFT_LINE_FIRST = new Set([...CRUFT_LINE_BULLETS, ...CRUFT_LINE_WORDS.map((w) => w[0]!)].map((c) => c.charCodeAt(0)));
/** The text without INLINE_CRUFT_RE's marks; the text itself (no copy, no scan) when it has no bracket. */
function withoutInlineCruft(text: string): string {
  return text.indexOf('[') < 0 && text.indexOf('【') < 0 ? text : text.replace(INLINE_CRUFT_RE, '');
}
/** The words a document title ends with (its last two characters), by their code units. */
const TITLE_WORDS = new Set(['报告', '总结', '汇报', '情况', '自查', '述职', '小结', '计划', '要点', '体会'].map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
function endsWithTitleWord(text: string): boolean {
  return text.length >= 2 && TITLE_WORDS.has(text.charCodeAt(text.length - 2) * 0x10000 + text.charCodeAt(text.length - 1));
}

/** The code-unit form of TITLE_END: 。！？!?；;：: */
function isTitleEndCode(code: number): boolean {
  return (
    code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f ||
    code === 0xff1b || code === 0x3b || code === 0xff1a || code === 0x3a
  );
}

/** `slots`: where web-cruft keeps its answer for the line, for the rules that ask after the outline. */
export function isCruftLine(content: string, slots?: LineSlots): boolean {
  if (content.length === 0) return false;
  // The lines web-cruft removes whole (更新时间：…, 首页 > …, a blurb of a sentence or two, 篇一) are not the
  // report either.
  if (content.length > 60) return isWebCruftLine(content, slots);
  const stripped = withoutInlineCruft(content).trim();
  if (stripped === '') return true;
  return (CRUFT_LINE_FIRST.has(stripped.charCodeAt(0)) && CRUFT_LINE_RE.test(stripped)) || isWebCruftLine(stripped, slots);
}

/** ”’"」』）) — what may close a sentence before the next one starts. */
function isBoundaryCloser(code: number): boolean {
  return code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x300d || code === 0x300f || code === 0xff09 || code === 0x29;
}

/** Space, tab, ideographic space, CR, no-break space: indentation and trailing blanks. By code unit (NaN, past
 * the end, is not blank): a RegExp call per character cost more than the rest of most lines' reading. */
function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x0d || code === 0xa0;
}

/**
 * The end of a heading's title that starts at `from`: the first sentence or title end, a nested bracketed
 * marker (一、主要工作情况（一）明确职责… in a report pasted without line breaks), or the line's end.
 */
function titleEnd(line: string, from: number, end: number, rank: number): { end: number; nested?: number } {
  const limit = Math.min(end, from + 120);
  for (let i = from; i < limit; i++) {
    // Char codes, not one-character strings: this loop reads up to 120 characters per marker.
    const code = line.charCodeAt(i);
    if (isTitleEndCode(code)) return { end: i };
    if ((code === 0xff08 || code === 0x28) && i > from) {
      const m = matchMarker(line, i, false);
      if (m && KIND_RANK[m.kind] > rank && m.kind !== 'item') return { end: i, nested: i };
    }
  }
  return { end: limit };
}

function pushMark(
  line: string,
  marks: LineMark[],
  pos: number,
  atLineStart: boolean,
  contentEnd: number,
): number {
  const m = matchMarker(line, pos, atLineStart);
  if (!m) return -1;
  const markerEnd = pos + m.length;
  const rank = KIND_RANK[m.kind];
  let titleStart = markerEnd;
  // 第一，/首先， keep their comma out of the marker; it is not part of the title either.
  while (titleStart < contentEnd && (isBlankCode(line.charCodeAt(titleStart)) || (m.kind === 'item' && LEAD_PUNCT.has(line[titleStart]!)))) titleStart++;
  const found = titleEnd(line, titleStart, contentEnd, rank);
  let end = found.end;
  let standalone = false;
  let endPunct: [number, number] | undefined;
  if (found.nested === undefined) {
    if (end >= contentEnd) {
      standalone = atLineStart;
    } else {
      // A title followed only by its end punctuation (and closing quotes) stands on its own line.
      let k = end;
      while (k < contentEnd && (TITLE_END.has(line[k]!) || CLOSERS.has(line[k]!))) k++;
      // A one-sentence paragraph that starts with a marker is not a heading line: headings are short.
      if (k >= contentEnd && atLineStart && end - titleStart <= 40) {
        standalone = true;
        endPunct = [end, contentEnd];
      }
    }
    // A long title is a paragraph that starts with a marker (or a run-in heading of one long sentence): the
    // title is its first clause.
    if ((!standalone && end - titleStart > 40) || end - titleStart > 60) {
      // Never past the end found above: the title stays inside its sentence and its line (a run-in heading
      // near the end of the text would otherwise reach past the text).
      const comma = line.slice(titleStart, titleStart + 60).search(/[，,]/);
      end = Math.min(end, comma >= 2 ? titleStart + comma : titleStart + 60);
      standalone = false;
      endPunct = undefined;
    }
  }
  const mark: LineMark = {
    kind: m.kind,
    value: m.value,
    start: pos,
    markerEnd,
    titleStart,
    titleEnd: end,
    atLineStart,
    standalone,
  };
  if (endPunct && m.kind !== 'item') mark.endPunct = endPunct;
  if (m.badMark) mark.badMark = m.badMark;
  marks.push(mark);
  return found.nested ?? -1;
}

const NO_MARKS: LineMark[] = [];
const scratchMarks: LineMark[] = [];

export function readLine(line: string): LineInfo {
  let contentStart = 0;
  let contentEnd = line.length;
  while (contentStart < contentEnd && isBlankCode(line.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isBlankCode(line.charCodeAt(contentEnd - 1))) contentEnd--;
  const info: LineInfo = { cruft: false, title: false, plain: false, contentStart, contentEnd, marks: NO_MARKS, rules: undefined, tokens: undefined, tokensBy: undefined, cruftKey: undefined, cruftEntries: undefined, fragmentKey: undefined, fragments: undefined };
  if (contentStart === contentEnd) return info;
  const content = line.slice(contentStart, contentEnd);
  if (isCruftLine(content, info)) {
    info.cruft = true;
    return info;
  }
  // Marks are collected in a scratch list and copied out only for the few lines that have any: most lines of a
  // long text (a roster, a log) have none, and an empty list per line was garbage for the collector.
  const marks = scratchMarks;
  marks.length = 0;
  info.marks = marks;
  let nested = pushMark(line, info.marks, contentStart, true, contentEnd);
  while (nested >= 0) nested = pushMark(line, info.marks, nested, false, contentEnd);
  BOUNDARY_RE.lastIndex = contentStart;
  // Whether the line holds a boundary mark at all: with none, it holds no sentence mark either (hasSentenceMark's
  // marks are boundary marks), and the title test below need not read it again.
  let boundaries = false;
  while (BOUNDARY_RE.test(line)) {
    boundaries = true;
    const mark = line.charCodeAt(BOUNDARY_RE.lastIndex - 1);
    let pos = BOUNDARY_RE.lastIndex;
    if (pos < line.length && isBoundaryCloser(line.charCodeAt(pos))) pos++;
    while (pos < line.length && (line.charCodeAt(pos) === 0x20 || line.charCodeAt(pos) === 0x09 || line.charCodeAt(pos) === 0x3000)) pos++;
    BOUNDARY_RE.lastIndex = pos;
    if (pos >= contentEnd) break;
    // Nearly every boundary is followed by ordinary text: no marker can start there.
    if (!mayStartMarker(line.charCodeAt(pos))) continue;
    const last = info.marks[info.marks.length - 1];
    if (last && pos < last.titleEnd) continue;
    const before = info.marks.length;
    let n = pushMark(line, info.marks, pos, false, contentEnd);
    // After a comma only the inline 一是/第一/首先 forms count; "，一、二季度" is not a heading.
    const comma = mark === 0xff0c || mark === 0x2c;
    if (comma && info.marks.length > before && info.marks[before]!.kind !== 'item') {
      info.marks.length = before;
      continue;
    }
    while (n >= 0) n = pushMark(line, info.marks, n, false, contentEnd);
    if (info.marks.length > 0) {
      const tail = info.marks[info.marks.length - 1]!;
      if (tail.titleEnd > BOUNDARY_RE.lastIndex) BOUNDARY_RE.lastIndex = tail.titleEnd;
    }
  }
  info.marks = marks.length === 0 ? NO_MARKS : marks.slice();
  // Titles and unnumbered section names are short; a paragraph is not read for them.
  if (content.length <= 80 && (info.marks.length === 0 || info.marks[0]!.start !== contentStart)) {
    // A page title keeps its title words under the site's suffix: …工作总结（精选5篇）, …工作总结范文.
    const stripped = stripCruftFragments(withoutInlineCruft(content), info).trim();
    // Code units first: this runs on most short lines of a text (a roster's, a log's), and a RegExp call per
    // test per line cost more than the reading.
    const marked = boundaries && hasSentenceMark(stripped);
    if (stripped.length <= 60 && !marked && endsWithTitleWord(withoutTitleNote(stripped))) {
      info.title = stripped.length >= 6;
      info.plain = !info.title;
    } else if (stripped.length <= 24 && (!marked || !hasSentenceMark(stripped.replace(/[：:]$/, '')))) {
      info.plain = true;
    }
  }
  return info;
}

/**
 * Line results kept by text between two analyses: a line seen in the previous analysis is not read again.
 * Entries not used by the latest analysis are dropped, so the cache never outgrows the document.
 */
export interface LineCache {
  get(line: string): LineInfo;
  /** Ends an analysis: keeps only the lines it used. */
  sweep(): void;
}

export function createLineCache(): LineCache {
  let previous = new Map<string, LineInfo>();
  let current = new Map<string, LineInfo>();
  return {
    get(line) {
      let info = current.get(line);
      if (info) return info;
      // A first analysis has nothing from before: one lookup per line, not two.
      info = (previous.size > 0 ? previous.get(line) : undefined) ?? readLine(line);
      current.set(line, info);
      return info;
    },
    sweep() {
      previous = current;
      current = new Map();
    },
  };
}

export { SENTENCE_END };
