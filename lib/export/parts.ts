// A report's text read as the parts of a 公文 (GB/T 9704-2012 §7.2–7.3): title, 主送 line, body paragraphs with
// their heading level, 署名 and 成文日期. The headings are the engine's outline (lib/core/analyze), so that what
// the panel's 结构 tab calls a heading is a heading in the exported document, at the same level.
import { analyze } from '../core/analyze';
import type { OutlineHeading } from '../core/outline/parse';
import type { MarkerKind } from '../core/outline/markers';
import type { ReportField } from '../core/types';
import { joinFields } from '../core/document';

/** GB/T 9704 §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface BodyParagraph {
  text: string;
  /** Set when the paragraph starts with a heading of the engine's outline. */
  heading?: {
    level: HeadingLevel;
    kind: MarkerKind;
    /** Length of the heading part (marker, title and its end mark) at the paragraph's start; the rest is body. */
    length: number;
  };
}

export interface ReportParts {
  /** The title, as written (one line). */
  title?: string;
  recipient?: string;
  paragraphs: BodyParagraph[];
  signature?: string;
  /** The date line as written at the report's end, if any. */
  dateText?: string;
  /** The date read from `dateText`. */
  date?: { year: number; month: number; day: number };
}

const BLANK_RE = /^[\s\u3000]+|[\s\u3000]+$/g;
const LEVEL: Partial<Record<MarkerKind, HeadingLevel>> = { h1: 1, h2: 2, h3: 3, h4: 4 };
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// 2026年7月1日 / 2026.7.1 / 2026-07-01 / 二〇二六年七月一日, alone on a line (bounded classes only).
const ARABIC_DATE_RE = /^([0-9０-９]{4})\s{0,2}[年.\-/／．]\s{0,2}([0-9０-９]{1,2})\s{0,2}[月.\-/／．]\s{0,2}([0-9０-９]{1,2})\s{0,2}日?$/;
const CHINESE_DATE_RE = /^([〇零Ｏ一二三四五六七八九O]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})日$/;
// A 主送 line: 县委： / 主送：市委宣传部 — short, ends with a colon or starts with 主送.
const RECIPIENT_RE = /^(?:主送[：:][^。！？]{1,40}|[^。！？，,；;：:]{2,40}[：:])$/;
const SENTENCE_MARK_RE = /[。！？；;!?，,：:]/;

function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return CN_DIGIT[text] ?? NaN;
  const tens = ten === 0 ? 1 : CN_DIGIT[text.slice(0, ten)] ?? NaN;
  const units = ten === text.length - 1 ? 0 : CN_DIGIT[text.slice(ten + 1)] ?? NaN;
  return tens * 10 + units;
}

/** A date line such as 2026年7月1日 or 二〇二六年七月一日, read; undefined for anything else. */
export function readDate(line: string): { year: number; month: number; day: number } | undefined {
  const text = line.replace(BLANK_RE, '');
  let year: number;
  let month: number;
  let day: number;
  const arabic = ARABIC_DATE_RE.exec(text);
  if (arabic) {
    [year, month, day] = [arabic[1]!, arabic[2]!, arabic[3]!].map((part) => Number(asciiDigits(part))) as [number, number, number];
  } else {
    const chinese = CHINESE_DATE_RE.exec(text);
    if (!chinese) return undefined;
    year = Number([...chinese[1]!].map((c) => CN_DIGIT[c] ?? 'x').join(''));
    month = chineseNumber(chinese[2]!);
    day = chineseNumber(chinese[3]!);
  }
  if (!(year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return { year, month, day };
}

/** The date as GB/T 9704-2012 writes it (Arabic numerals, 年月日 in full) or in 汉字 (二〇二六年七月一日). */
export function formatDate(date: { year: number; month: number; day: number }, style: 'arabic' | 'chinese'): string {
  if (style === 'arabic') return `${date.year}年${date.month}月${date.day}日`;
  const digits = '〇一二三四五六七八九';
  const small = (n: number) => (n < 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`);
  return `${[...String(date.year)].map((d) => digits[Number(d)]).join('')}年${small(date.month)}月${small(date.day)}日`;
}

/** Heading starts by line number; only the headings that open their line (an inline 一是 is body). */
function headingsByLine(outline: readonly OutlineHeading[]): Map<number, OutlineHeading> {
  const byLine = new Map<number, OutlineHeading>();
  const stack = [...outline];
  while (stack.length > 0) {
    const heading = stack.pop()!;
    if (LEVEL[heading.kind] && !byLine.has(heading.line)) byLine.set(heading.line, heading);
    stack.push(...heading.children);
  }
  return byLine;
}

/**
 * The report (a text, or the form's fields joined as the engine joins them) read as 公文 parts. Lines before the
 * title are kept as body only when they are not web cruft; blank lines are dropped (a 公文 has none between
 * paragraphs) and each line's own indentation is replaced by the document's 2-character first-line indent.
 */
export function readReport(input: string | readonly ReportField[]): ReportParts {
  const text = typeof input === 'string' ? input : joinFields(input).text;
  const analysis = analyze(text, { templateId: 'none' });
  const byLine = headingsByLine(analysis.outline);
  const lines = text.split('\n');
  const parts: ReportParts = { paragraphs: [] };
  const titleStart = analysis.title?.start ?? -1;
  const titleEnd = analysis.title?.end ?? -1;
  let offset = 0;
  let afterTitle = titleStart < 0;
  let expectRecipient = titleStart >= 0;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.replace(/\r$/, '');
    const start = offset;
    offset += lines[index]!.length + 1;
    const leading = raw.length - raw.replace(/^[\s\u3000]+/, '').length;
    const content = raw.replace(BLANK_RE, '');
    if (content === '') continue;
    if (!afterTitle) {
      if (start <= titleStart && titleStart < offset) {
        parts.title = text.slice(titleStart, titleEnd).replace(BLANK_RE, '');
        afterTitle = true;
        continue;
      }
      if (/^[-–—•·*>]|^[[【]/.test(content) || content.length <= 12 && !SENTENCE_MARK_RE.test(content)) continue;
    }
    if (expectRecipient) {
      expectRecipient = false;
      if (!byLine.has(index) && RECIPIENT_RE.test(content)) {
        parts.recipient = content.replace(/^主送[：:]/, '').replace(/[：:]$/, '');
        continue;
      }
    }
    const heading = byLine.get(index);
    const paragraph: BodyParagraph = { text: content };
    if (heading && heading.start - start - leading === 0) {
      let length = heading.end - heading.start;
      // The heading's end mark (。 after a run-in heading, ： after a standalone one) goes with the heading.
      if (length < content.length && /[。：:；;！？]/.test(content[length]!)) length++;
      paragraph.heading = { level: LEVEL[heading.kind]!, kind: heading.kind, length: Math.min(length, content.length) };
    }
    parts.paragraphs.push(paragraph);
  }
  // Signature and date: the last paragraph a date, the one before it short, plain and unnumbered.
  const last = parts.paragraphs[parts.paragraphs.length - 1];
  const date = last && !last.heading ? readDate(last.text) : undefined;
  if (last && date) {
    parts.dateText = last.text;
    parts.date = date;
    parts.paragraphs.pop();
    const before = parts.paragraphs[parts.paragraphs.length - 1];
    if (before && !before.heading && before.text.length <= 30 && !SENTENCE_MARK_RE.test(before.text) && parts.paragraphs.length > 1) {
      parts.signature = before.text;
      parts.paragraphs.pop();
    }
  }
  return parts;
}
