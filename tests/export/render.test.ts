// The exported 公文 and 检查报告 rendered by LibreOffice and measured on the PDF: A4, 22 lines a page, 28
// characters a full line, page numbers "— N —" at the outer edges 7 mm below the type area, headings' fonts and
// levels as the document names them, and the page count of a long report. Also writes the README picture.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportGongwen } from '@/lib/export/docx';
import { exportCheckReport } from '@/lib/export/check-report';
import { SAMPLE } from './sample';
import { ROOT, docxPart, lines, missingTools, pageWords, pagePng, pdfInfo, renderPdf, scratch, type Word } from './render';

const missing = missingTools();
if (missing) console.warn(missing);

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const TYPE_AREA = { left: 28 * MM, right: A4.width - 26 * MM, top: 37 * MM, bottom: A4.height - 35 * MM };

/** A paragraph of exactly two lines: 26 characters after the 2-character indent, then a full line of 28. */
const TWO_LINES = '坚持把学习贯彻党的二十大精神作为首要任务，健全理论学习中心组学习制度，推动学习往深里走、往心里走、往实里走。';

/** Title (1 line) + blank + n two-line paragraphs + blank + date: page 1 holds 10 paragraphs, later pages 11. */
function longReport(paragraphs: number): string {
  return ['关于2026年上半年工作情况的报告', ...Array.from({ length: paragraphs }, () => TWO_LINES), '2026年7月1日'].join('\n');
}

const bodyLines = (words: readonly Word[]) => lines(words.filter((w) => w.yMax <= TYPE_AREA.bottom + 1));
const footer = (words: readonly Word[]) => words.filter((w) => w.yMin > TYPE_AREA.bottom + 1);

describe.skipIf(Boolean(missing))('导出公文 rendered by LibreOffice', () => {
  const dir = scratch('render');
  let samplePdf = '';
  let sampleDocx = '';

  beforeAll(async () => {
    const result = await exportGongwen(SAMPLE);
    if (!result.ok) throw new Error(result.error.messageId);
    samplePdf = renderPdf(result.bytes, dir, 'sample');
    sampleDocx = join(dir, 'sample.docx');
  }, 120_000);

  it('is A4 and puts the type where GB/T 9704 says', () => {
    const info = pdfInfo(samplePdf);
    expect(info.width).toBeCloseTo(A4.width, 0);
    expect(info.height).toBeCloseTo(A4.height, 0);
    const body = pageWords(samplePdf, 2).filter((w) => w.yMax <= TYPE_AREA.bottom + 1);
    expect(Math.min(...body.map((w) => w.xMin))).toBeGreaterThanOrEqual(TYPE_AREA.left - 0.5);
    // A line may end in a comma or full stop hung in the margin (标点悬挂, as Word does); nothing else goes past.
    const hanging = (w: Word) => /[，。、；：！？”）]$/.test(w.text);
    expect(Math.max(...body.filter((w) => !hanging(w)).map((w) => w.xMax))).toBeLessThanOrEqual(TYPE_AREA.right + 0.5);
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(TYPE_AREA.right + 16);
    expect(Math.min(...body.map((w) => w.yMin))).toBeGreaterThanOrEqual(TYPE_AREA.top - 1);
  });

  it('writes the page number "— N —" at the outer edge: right on odd pages, left on even ones, 7 mm below the type', () => {
    const { pages } = pdfInfo(samplePdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const words = footer(pageWords(samplePdf, page));
      expect(words.map((w) => w.text).join(' ')).toBe(`— ${page} —`);
      const left = Math.min(...words.map((w) => w.xMin));
      const right = Math.max(...words.map((w) => w.xMax));
      // One character (4号, 14 pt) in from the edge of the type area.
      if (page % 2 === 1) expect(TYPE_AREA.right - right).toBeGreaterThan(8), expect(TYPE_AREA.right - right).toBeLessThan(20);
      else expect(left - TYPE_AREA.left).toBeGreaterThan(8), expect(left - TYPE_AREA.left).toBeLessThan(20);
      const top = Math.min(...words.map((w) => w.yMin));
      expect(top - TYPE_AREA.bottom).toBeGreaterThan(4 * MM);
      expect(top - TYPE_AREA.bottom).toBeLessThan(10 * MM);
    }
  });

  it('names the fonts Chinese offices expect, with the heading levels of the engine outline', () => {
    const document = docxPart(sampleDocx, 'word/document.xml');
    const styles = docxPart(sampleDocx, 'word/styles.xml');
    const fontTable = docxPart(sampleDocx, 'word/fontTable.xml');
    const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1],
      text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const styleOf = (start: string) => paragraphs.find((p) => p.text.startsWith(start))?.style;
    expect(styleOf('一、主要工作情况')).toBe('Heading1');
    expect(styleOf('（一）压实主体责任')).toBe('Heading2');
    expect(styleOf('1.落实第一议题制度')).toBe('Heading3');
    expect(styleOf('（1）丰富学习形式')).toBe('Heading4');
    expect(styleOf('一是理论学习')).toBeUndefined(); // an inline 一是 enumeration is body text
    expect(styleOf('今年以来')).toBeUndefined();
    const styleFont = (id: string) => {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`).exec(styles)?.[1] ?? '';
      return { font: /w:eastAsia="([^"]+)"/.exec(style)?.[1], size: /<w:sz w:val="(\d+)"/.exec(style)?.[1], level: /<w:outlineLvl w:val="(\d)"/.exec(style)?.[1] };
    };
    expect(styleFont('Normal')).toMatchObject({ font: '仿宋_GB2312', size: '32' });
    expect(styleFont('Heading1')).toEqual({ font: '黑体', size: '32', level: '0' });
    expect(styleFont('Heading2')).toEqual({ font: '楷体_GB2312', size: '32', level: '1' });
    expect(styleFont('Heading3')).toEqual({ font: '仿宋_GB2312', size: '32', level: '2' });
    expect(styleFont('Heading4')).toEqual({ font: '仿宋_GB2312', size: '32', level: '3' });
    // The title: 2号 方正小标宋简体, centred, broken into two lines.
    expect(document).toMatch(/<w:jc w:val="center"\/>.*?w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>.*?<w:br\/>/);
    // The run-in heading's body goes back to 仿宋 after the heading part.
    expect(document).toMatch(/（一）压实主体责任。<\/w:t>.*?w:eastAsia="仿宋_GB2312".*?局党组把意识形态/);
    for (const [name, alt] of [['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['黑体', 'SimHei'], ['方正小标宋简体', '华文中宋']]) {
      expect(fontTable).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`);
    }
  });

  it('ends with the signature and the date right-aligned, the date 2 characters in from the right', () => {
    const { pages } = pdfInfo(samplePdf);
    const last = bodyLines(pageWords(samplePdf, pages));
    const date = last.find((line) => line.map((w) => w.text).join('') === '2026年7月1日')!;
    const signature = last.find((line) => line.map((w) => w.text).join('') === '中共某县文化和旅游局党组')!;
    expect(date).toBeDefined();
    expect(signature).toBeDefined();
    const char = 15.75;
    // The signature is longer than the date: it sits 2 characters in, the date starts 2 characters right of it.
    expect(TYPE_AREA.right - signature.at(-1)!.xMax).toBeCloseTo(2 * char, -1);
    expect(date[0]!.xMin - signature[0]!.xMin).toBeCloseTo(2 * char, -1);
  });

  it('holds 22 lines a full page and 28 characters a full line, and a 200-page report has 200 pages', async () => {
    // Page 1: 10 two-line paragraphs after the title; each later page 11; the last page here holds 5 and the date.
    const paragraphs = 10 + 11 * 198 + 5;
    const result = await exportGongwen(longReport(paragraphs));
    if (!result.ok) throw new Error(result.error.messageId);
    expect(result.pages).toBeGreaterThanOrEqual(199);
    const pdf = renderPdf(result.bytes, dir, 'long');
    expect(pdfInfo(pdf).pages).toBe(200);
    for (const page of [2, 100, 199]) {
      const body = bodyLines(pageWords(pdf, page));
      expect(body).toHaveLength(22);
      const texts = body.map((line) => [...line.map((w) => w.text).join('')]);
      const full = texts.filter((chars) => chars.length === 28);
      expect(full.length).toBe(11); // the second line of each paragraph
      expect(texts.every((chars) => chars.length === 26 || chars.length === 28)).toBe(true);
      // Lines 28.95 pt apart: 22 of them fill the 225 mm type area.
      const tops = body.map((line) => line[0]!.yMin);
      expect((tops.at(-1)! - tops[0]!) / 21).toBeCloseTo(28.95, 1);
    }
    expect(footer(pageWords(pdf, 200)).map((w) => w.text).join(' ')).toBe('— 200 —');
    expect(Math.min(...footer(pageWords(pdf, 200)).map((w) => w.xMin)) - TYPE_AREA.left).toBeLessThan(20);
  }, 300_000);

  it('renders the 检查报告 with the readiness figure, coverage and findings in both languages', async () => {
    for (const lang of ['zh_CN', 'en'] as const) {
      const result = await exportCheckReport(SAMPLE, { lang });
      if (!result.ok) throw new Error(result.error.messageId);
      const pdf = renderPdf(result.bytes, dir, `check-${lang}`);
      expect(pdfInfo(pdf).width).toBeCloseTo(A4.width, 0);
      const text = Array.from({ length: pdfInfo(pdf).pages }, (_, i) => pageWords(pdf, i + 1).map((w) => w.text).join('')).join('');
      if (lang === 'zh_CN') {
        expect(text).toMatch(/结论：(可以提交|还差\d+项)/);
        expect(text).toContain('各部分内容覆盖情况');
        expect(text).toMatch(/未填写的占位内容（\d+处）/);
      } else {
        expect(text).toMatch(/Verdict:/);
        expect(text).toContain('Coveragebysection');
      }
    }
  }, 120_000);

  it('makes the README picture of page 1', () => {
    const png = join(dir, 'page1.png');
    pagePng(samplePdf, png, 60);
    expect(existsSync(png)).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    copyFileSync(png, join(ROOT, 'docs/export-sample.png'));
  });
});
