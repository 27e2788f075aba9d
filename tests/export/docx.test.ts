// The 公文 export without rendering: the report read as parts (title, 主送, headings from the engine, signature,
// date), titles broken at a phrase boundary, and bad input — empty, no title, emoji and control characters,
// rare characters, 200 pages — giving a document or a clear message in both languages, never a broken file.
import { describe, expect, it } from 'vitest';
import { exportGongwen, splitTitle, TITLE_LINE } from '@/lib/export/docx';
import { exportReportDocx, docxFilename } from '@/lib/export/download';
import { formatDate, readDate, readReport } from '@/lib/export/parts';
import { cleanText, textWidth } from '@/lib/export/text';
import { t } from '@/lib/i18n';
import { SAMPLE, SAMPLE_TITLE } from './sample';

/** The zip's entry names (central directory), read without a zip library: enough to see that the file is whole. */
function zipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + length)));
  }
  return names;
}

describe('the report read as 公文 parts', () => {
  it('finds the title, 主送, the engine headings with their levels, signature and date', () => {
    const parts = readReport(SAMPLE);
    expect(parts.title).toBe(SAMPLE_TITLE);
    expect(parts.recipient).toBe('县委');
    expect(parts.signature).toBe('中共某县文化和旅游局党组');
    expect(parts.date).toEqual({ year: 2026, month: 7, day: 1 });
    const levels = parts.paragraphs.filter((p) => p.heading).map((p) => `${p.heading!.level}:${p.text.slice(0, p.heading!.length)}`);
    expect(levels).toContain('1:一、主要工作情况');
    expect(levels).toContain('2:（一）压实主体责任。');
    expect(levels).toContain('3:1.落实第一议题制度。');
    expect(levels).toContain('4:（1）丰富学习形式。');
    // 一是…二是 is an inline enumeration, not a heading.
    expect(parts.paragraphs.find((p) => p.text.startsWith('一是'))?.heading).toBeUndefined();
  });

  it('reads a report split over form fields as the engine joins them', () => {
    const fields = [
      { key: 'title', text: '关于2026年上半年意识形态工作情况的报告' },
      { key: 'body', text: '一、主要工作\n上半年召开专题会议2次。' },
    ];
    const parts = readReport(fields);
    expect(parts.title).toBe('关于2026年上半年意识形态工作情况的报告');
    expect(parts.paragraphs[0]?.heading?.level).toBe(1);
  });

  it('reads and writes dates in Arabic numerals and in 汉字', () => {
    expect(readDate('二〇二六年七月十一日')).toEqual({ year: 2026, month: 7, day: 11 });
    expect(readDate('2026.07.01')).toEqual({ year: 2026, month: 7, day: 1 });
    expect(readDate('上半年召开会议')).toBeUndefined();
    expect(formatDate({ year: 2026, month: 12, day: 21 }, 'chinese')).toBe('二〇二六年十二月二十一日');
    expect(formatDate({ year: 2026, month: 7, day: 1 }, 'arabic')).toBe('2026年7月1日');
  });
});

describe('long titles', () => {
  it('break at a phrase boundary into lines that fit 2号 type, none inside a number', () => {
    const lines = splitTitle(SAMPLE_TITLE);
    expect(lines.join('')).toBe(SAMPLE_TITLE);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_LINE);
    expect(lines.some((line) => /\d$/.test(line))).toBe(false);
    const other = '关于进一步加强和改进新时代基层宣传思想文化工作、推进文化强县建设情况的报告';
    const split = splitTitle(other);
    // The 、 is too far in for a 20-character line: the break falls between words (宣传思想 | 文化工作), not inside one.
    expect(split).toEqual(['关于进一步加强和改进新时代基层宣传思想', '文化工作、推进文化强县建设情况的报告']);
    expect(splitTitle('关于2026年工作情况的报告')).toEqual(['关于2026年工作情况的报告']);
  });
});

describe('bad input', () => {
  it('refuses an empty report with a message in both languages', async () => {
    for (const input of ['', ' \n\u3000\n', []]) {
      const result = await exportGongwen(input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.messageId).toBe('export.error.empty');
      expect(t(result.error.messageId, result.error.params, 'zh_CN')).toContain('空');
      expect(t(result.error.messageId, result.error.params, 'en')).toContain('empty');
    }
  });

  it('exports a report without a title, saying so', async () => {
    const result = await exportGongwen('上半年召开专题会议2次，研究部署意识形态工作。');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.messageId)).toContain('export.warning.noTitle');
    expect(zipEntries(result.bytes)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/fontTable.xml', '[Content_Types].xml']));
    // With a title given, no warning.
    const titled = await exportGongwen('上半年召开专题会议2次。', { title: '关于上半年工作的报告' });
    expect(titled.ok && titled.warnings).toEqual([]);
  });

  it('removes emoji and characters XML cannot hold, lists them, and keeps rare ideographs', async () => {
    const text = `${SAMPLE_TITLE}\n上半年召开会议2次👍🏻，效果很好\u0007。\n人名：𠮷田\ud800。`;
    const cleaned = cleanText(text);
    expect(cleaned.text).not.toMatch(/👍|\u0007|\ud800(?![\udc00-\udfff])/u);
    expect(cleaned.text).toContain('𠮷');
    expect(cleaned.report.removed).toEqual(['👍', '🏻']);
    const result = await exportGongwen(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.warnings.map((w) => w.messageId);
    expect(ids).toEqual(expect.arrayContaining(['export.warning.removed', 'export.warning.invalid', 'export.warning.rare']));
    const removed = result.warnings.find((w) => w.messageId === 'export.warning.removed')!;
    expect(t(removed.messageId, removed.params, 'zh_CN')).toContain('👍');
    expect(t(removed.messageId, removed.params, 'en')).toContain('emoji');
    expect(zipEntries(result.bytes)).toContain('word/document.xml');
  });

  it('exports a 200-page report in a few seconds and refuses one beyond the limit', async () => {
    const paragraph = '坚持把学习贯彻党的二十大精神作为首要任务，健全理论学习中心组学习制度，推动学习往深里走、往心里走、往实里走。';
    const long = ['关于2026年上半年工作情况的报告', ...Array.from({ length: 2200 }, () => paragraph)].join('\n');
    const started = performance.now();
    const result = await exportGongwen(long);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.ok && result.pages).toBeGreaterThanOrEqual(200);
    const huge = await exportGongwen(['关于工作情况的报告', ...Array.from({ length: 12_000 }, () => paragraph)].join('\n'));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(t(huge.error.messageId, huge.error.params, 'en')).toMatch(/about \d+ pages/);
  }, 60_000);
});

describe('the panel entry point', () => {
  it('gives a .docx Blob named after the title', async () => {
    const result = await exportReportDocx([{ key: 'body', text: SAMPLE }], { dateStyle: 'chinese' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(result.filename).toBe(`${SAMPLE_TITLE}.docx`.replace(SAMPLE_TITLE, SAMPLE_TITLE.slice(0, 60)));
    const bytes = new Uint8Array(await result.blob.arrayBuffer());
    expect(zipEntries(bytes)).toContain('word/document.xml');
    expect(docxFilename('a/b:c*?', '')).toBe('abc.docx');
  });
});
