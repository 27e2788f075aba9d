// 导出公文: the report as a Word document laid out to GB/T 9704-2012 (see layout.ts for the page). Title in 2号
// 方正小标宋简体, centred, a long one broken at a phrase boundary; 主送 line; body in 3号 仿宋_GB2312 with the
// engine's headings as Heading 1–4 (一、 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋); 署名 and 成文日期 right-aligned.
// Built with the docx package, in memory: runs in the page (the panel's download) and in Node (the CLI) alike.
//
// Bad input never yields a broken file: an empty report is refused with a message, text a .docx cannot hold is
// removed (text.ts), a report without a title is exported without one and says so, and a very long report is
// refused only beyond MAX_PAGES (a 200-page report exports in about a second).
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { ReportField } from '../core/types';
import type { MessageParams } from '../i18n';
import { cleanText, textWidth } from './text';
import { formatDate, readReport, type BodyParagraph, type ReportParts } from './parts';
import {
  CHAR,
  CHARS_PER_LINE,
  EXACT_LINE,
  FONT_TABLE,
  LINES_PER_PAGE,
  SECTION_PROPERTIES,
  TITLE_SIZE,
  pageFooters,
  runFont,
  styles,
} from './layout';

export interface ExportMessage {
  messageId: string;
  params?: MessageParams;
}

export interface GongwenOptions {
  /** 成文日期 in Arabic numerals (GB/T 9704-2012: 2026年7月1日, the default) or in 汉字 (二〇二六年七月一日). */
  dateStyle?: 'arabic' | 'chinese';
  /** 成文日期; default: the date line at the report's end, else today. */
  date?: Date | { year: number; month: number; day: number };
  /** 发文机关署名; default: the short line above the report's closing date, if any. */
  signature?: string;
  /** 主送机关; default: a line such as "县委：" right below the title. */
  recipient?: string;
  /** A title for a report that has none. */
  title?: string;
}

export type ExportResult =
  /** `pages`: the 公文's estimated page count (the 检查报告 gives none). */
  | { ok: true; bytes: Uint8Array; pages?: number; warnings: ExportMessage[] }
  | { ok: false; error: ExportMessage };

/** Beyond this many pages (estimated) the export is refused: no report is that long, and the file would be huge. */
export const MAX_PAGES = 1000;
/** Characters of 2号 type on one title line (442 pt of type area / 22 pt). */
export const TITLE_LINE = 20;

// Where a title may break: after these marks and words, or before these words (those a report's title is made of).
const BREAK_AFTER = ['、', '，', '关于', '年度', '上半年', '下半年', '年', '党组', '党委', '党支部', '委员会', '的'];
const BREAK_BEFORE = [
  '关于', '意识形态', '工作', '责任制', '落实', '情况', '开展', '专项', '自查', '整改', '报告', '总结', '的', '和', '及',
  '新时代', '基层', '宣传', '思想', '文化', '建设', '推进', '加强', '进一步', '全面', '深入', '贯彻', '学习', '党建', '党风廉政',
];

function breakScore(title: string, at: number): number {
  const head = title.slice(0, at);
  const tail = title.slice(at);
  // Never inside a number, a Latin word, a surrogate pair, 《》 or “”.
  if (/[0-9A-Za-z]$/.test(head) && /^[0-9A-Za-z年]/.test(tail)) return -1;
  const code = title.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) return -1;
  if (head.lastIndexOf('《') > head.lastIndexOf('》') || head.lastIndexOf('“') > head.lastIndexOf('”')) return -1;
  if (/^[，、。：；）》”]/.test(tail)) return -1;
  if (/[、，]$/.test(head)) return 3;
  if (head.endsWith('关于') || tail.startsWith('关于')) return 3;
  if (BREAK_AFTER.some((w) => head.endsWith(w))) return 2;
  if (BREAK_BEFORE.some((w) => tail.startsWith(w))) return 2;
  return 0;
}

/**
 * A title as lines of at most TITLE_LINE characters, broken where the words allow (GB/T 9704 §7.3.2: 回行时词意
 * 完整, 排列对称, 长短适宜): of the breaks that keep every line short enough, the one with the best word boundary
 * and the most even lines. Up to three lines; a longer title is broken evenly.
 */
export function splitTitle(title: string): string[] {
  const width = textWidth(title);
  if (width <= TITLE_LINE) return [title];
  const lines = Math.ceil(width / TITLE_LINE);
  if (lines > 3) {
    const out: string[] = [];
    for (let rest = title; rest.length > 0; ) {
      out.push(rest.slice(0, TITLE_LINE));
      rest = rest.slice(TITLE_LINE);
    }
    return out;
  }
  const widths: number[] = [0];
  for (let i = 0; i < title.length; i++) widths.push(widths[i]! + textWidth(title[i]!));
  let best: { cuts: number[]; score: number } | undefined;
  const consider = (cuts: number[]) => {
    const bounds = [0, ...cuts, title.length];
    let score = 0;
    let longest = 0;
    let shortest = Infinity;
    for (let k = 1; k < bounds.length; k++) {
      const w = widths[bounds[k]!]! - widths[bounds[k - 1]!]!;
      if (w > TITLE_LINE) return;
      longest = Math.max(longest, w);
      shortest = Math.min(shortest, w);
    }
    for (const cut of cuts) {
      const s = breakScore(title, cut);
      if (s < 0) return;
      score += s * 2;
    }
    score -= longest - shortest;
    if (!best || score > best.score) best = { cuts, score };
  };
  for (let a = 1; a < title.length; a++) {
    if (lines === 2) consider([a]);
    else for (let b = a + 1; b < title.length; b++) consider([a, b]);
  }
  const cuts = best?.cuts ?? [Math.ceil(title.length / 2)];
  return [0, ...cuts].map((start, k) => title.slice(start, [...cuts, title.length][k]));
}

function dateOf(options: GongwenOptions, parts: ReportParts): { year: number; month: number; day: number } {
  const given = options.date;
  if (given instanceof Date) return { year: given.getFullYear(), month: given.getMonth() + 1, day: given.getDate() };
  if (given) return given;
  if (parts.date) return parts.date;
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const body = (text: string, font?: 'fangsong') => new TextRun({ text, ...(font ? { font: runFont(font) } : {}) });

function bodyParagraph(paragraph: BodyParagraph): Paragraph {
  const common = { spacing: EXACT_LINE, indent: { firstLine: 2 * CHAR }, autoSpaceEastAsianText: false } as const;
  const heading = paragraph.heading;
  if (!heading) return new Paragraph({ ...common, children: [body(paragraph.text)] });
  const children = [new TextRun({ text: paragraph.text.slice(0, heading.length) })];
  if (heading.length < paragraph.text.length) children.push(body(paragraph.text.slice(heading.length), 'fangsong'));
  // A heading on a line of its own stays with the paragraph below it; a run-in one is a paragraph like any other.
  const keepNext = heading.length === paragraph.text.length;
  return new Paragraph({ ...common, style: `Heading${heading.level}`, keepNext, children });
}

/** A right-aligned line whose right edge is `right` characters in from the margin. */
function rightLine(text: string, right: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: EXACT_LINE,
    indent: { right: Math.max(0, Math.round(right * CHAR)) },
    autoSpaceEastAsianText: false,
    children: [body(text)],
  });
}

/**
 * Printed width of a short line in characters: textWidth, plus the space Word and LibreOffice put between CJK and
 * Latin or figures (about a fifth of a character at each change), so that a date such as 2026年7月1日 is placed
 * where it prints.
 */
function printedWidth(text: string): number {
  let changes = 0;
  for (let i = 1; i < text.length; i++) {
    if (/[0-9A-Za-z]/.test(text[i]!) !== /[0-9A-Za-z]/.test(text[i - 1]!)) changes++;
  }
  return textWidth(text) + changes * 0.2;
}

const blank = () => new Paragraph({ spacing: EXACT_LINE, children: [] });

/** Lines the body takes: each paragraph's width plus its 2-character indent, in 28-character lines. */
function estimateLines(parts: ReportParts, titleLines: number): number {
  let lines = titleLines > 0 ? titleLines + 1 : 0;
  if (parts.recipient) lines++;
  for (const p of parts.paragraphs) lines += Math.max(1, Math.ceil((textWidth(p.text) + 2) / CHARS_PER_LINE));
  return lines + 3;
}

/** The parts (read from the report, the options filling in) as a GB/T 9704 document. */
export function buildGongwen(parts: ReportParts, options: GongwenOptions = {}): Document {
  const children: Paragraph[] = [];
  const title = parts.title ?? options.title?.trim();
  if (title) {
    const lines = splitTitle(title);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        autoSpaceEastAsianText: false,
        children: lines.map((line, i) => new TextRun({ text: line, font: runFont('title'), size: TITLE_SIZE, characterSpacing: 0, ...(i > 0 ? { break: 1 } : {}) })),
      }),
      blank(),
    );
  }
  const recipient = options.recipient ?? parts.recipient;
  if (recipient) children.push(new Paragraph({ spacing: EXACT_LINE, autoSpaceEastAsianText: false, children: [body(`${recipient.replace(/[：:]$/, '')}：`)] }));
  for (const paragraph of parts.paragraphs) children.push(bodyParagraph(paragraph));

  // 署名 and 成文日期 (§7.3.5.2): one blank line below the body, the date 2 characters in from the right, the
  // signature starting 2 characters left of the date's start; a signature longer than that pushes the date right.
  const date = formatDate(dateOf(options, parts), options.dateStyle ?? 'arabic');
  const signature = options.signature ?? parts.signature;
  children.push(blank());
  const dateWidth = printedWidth(date);
  if (signature) {
    const sigWidth = printedWidth(signature);
    const sigRight = 4 + dateWidth - sigWidth;
    if (sigRight >= 2) children.push(rightLine(signature, sigRight), rightLine(date, 2));
    else children.push(rightLine(signature, 2), rightLine(date, Math.max(0, sigWidth - dateWidth)));
  } else {
    children.push(rightLine(date, 2));
  }

  const footers = pageFooters();
  return new Document({
    creator: 'Tianbao',
    title: title ?? '',
    styles: styles(),
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: SECTION_PROPERTIES, footers: { default: footers.default, even: footers.even }, children }],
  });
}

/** The document's bytes: the docx package's zip, with the font table naming the substitutes (layout.ts). */
export async function packDocument(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, 'uint8array', false, [FONT_TABLE]);
}

/**
 * 导出公文: the report (its text, or the form's fields joined by the mapping) as a GB/T 9704 .docx. Returns the
 * bytes and what the user should know (characters removed, no title), or why nothing was made.
 */
export async function exportGongwen(input: string | readonly ReportField[], options: GongwenOptions = {}): Promise<ExportResult> {
  const raw = typeof input === 'string' ? input : input.map((f) => f.text).join('\n\n');
  const { text, report } = cleanText(raw.replace(/\r\n?/g, '\n').replace(/\t/g, '\u3000'));
  if (text.replace(/[\s\u3000]/g, '') === '') return { ok: false, error: { messageId: 'export.error.empty' } };
  const parts = readReport(text);
  const warnings: ExportMessage[] = [];
  if (report.removedCount > 0) {
    warnings.push({ messageId: 'export.warning.removed', params: { count: report.removedCount, chars: report.removed.join(' ') } });
  }
  if (report.invalidCount > 0) warnings.push({ messageId: 'export.warning.invalid', params: { count: report.invalidCount } });
  if (report.rare.length > 0) warnings.push({ messageId: 'export.warning.rare', params: { chars: report.rare.join(' ') } });
  const title = parts.title ?? options.title?.trim();
  if (!title) warnings.push({ messageId: 'export.warning.noTitle' });
  if (parts.paragraphs.length === 0) warnings.push({ messageId: 'export.warning.noBody' });
  const pages = Math.max(1, Math.ceil(estimateLines(parts, title ? splitTitle(title).length : 0) / LINES_PER_PAGE));
  if (pages > MAX_PAGES) return { ok: false, error: { messageId: 'export.error.tooLong', params: { pages, max: MAX_PAGES } } };
  const bytes = await packDocument(buildGongwen(parts, options));
  return { ok: true, bytes, pages, warnings };
}
