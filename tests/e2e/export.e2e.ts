// 导出公文 and 导出检查报告 through the real panel (issue 14): on the demo portal a report is filled in, the 检查
// tab's 导出公文 is clicked, and the .docx arrives as a download of the page (the panel is an extension frame in
// the page; its <a download> on a blob: URL is what the browser saves). The file is unzipped: word/document.xml
// holds the report's title and its headings with the Heading styles the engine's outline gives them. When
// LibreOffice and poppler are installed the file is also rendered: A4 pages. 导出检查报告 downloads the review
// document, which names the report's title. The export code is a chunk of its own, loaded on the first click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';
import { docxPart, missingTools, pdfInfo, renderPdf, scratch } from '../export/render';

let h: Harness;

beforeAll(async () => {
  // Chromium writes a download's name in the file system's charset, which it takes from the C library's locale.
  // The harness asks for zh_CN.UTF-8, which a bare machine may not have installed: the locale then falls back to
  // ASCII and a Chinese file name becomes "download" (a desktop has a UTF-8 locale). C.UTF-8 is always there.
  // Only for this browser: the test files after this one run in the same process.
  const before = process.env.LC_ALL;
  process.env.LC_ALL = 'C.UTF-8';
  try {
    h = await launch();
  } finally {
    if (before === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = before;
  }
});

afterAll(async () => {
  await h?.close();
});

const TITLE = '市财政局党组2026年上半年意识形态工作责任制落实情况报告';
const MAIN = [
  TITLE,
  '一、主要工作情况',
  '（一）压实主体责任。局党组全年召开会议专题研究意识形态工作4次，党组书记履行第一责任人职责。',
  '（二）加强理论武装。落实第一议题制度，组织理论学习中心组集中学习12次。',
];
const PROBLEMS = '一是理论学习还不够深入；二是网络阵地管理还有短板。';
const PLANS = '一是持续深化理论武装；二是加强意识形态阵地管理。';

async function filledPortal(): Promise<{ page: Page; frame: Frame }> {
  const page = await h.open('/demo-portal/');
  await page.locator('#unit').fill('市财政局');
  await page.locator('#main').fill(MAIN.join('\n'));
  await page.locator('#problems').fill(PROBLEMS);
  await page.locator('#plans').fill(PLANS);
  await page.locator('#contact').fill('张明');
  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  await frame.getByRole('tab', { name: '检查' }).click();
  return { page, frame };
}

/** Clicks the button and returns the download it starts, saved into `dir`. */
async function download(page: Page, frame: Frame, button: string, dir: string): Promise<{ file: string; download: Download }> {
  const [started] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    frame.getByTestId('tianbao-export').getByRole('button', { name: button }).click(),
  ]);
  const file = join(dir, started.suggestedFilename());
  await started.saveAs(file);
  return { file, download: started };
}

/** The text of each paragraph of document.xml with its style id (w:pStyle), in order. */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

describe('导出公文 in the panel', () => {
  it('downloads the report as a .docx whose title and headings are those of the report', async () => {
    const { page, frame } = await filledPortal();
    const dir = scratch('e2e-export');
    try {
      const exportChunk = h.requests.filter((r) => /\/chunks\/download-[\w-]+\.js$/.test(r.url));
      expect(exportChunk, 'the export code is not loaded before the click').toEqual([]);
      const { file } = await download(page, frame, '导出公文', dir);
      expect(file.endsWith('.docx')).toBe(true);
      expect(file).toContain(TITLE);
      const status = frame.getByTestId('tianbao-export').getByRole('status');
      await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/已导出：.*\.docx（约 1 页）/);
      expect(h.requests.some((r) => /\/chunks\/download-[\w-]+\.js$/.test(r.url)), 'loaded on the click').toBe(true);

      // A zip (PK), whose document.xml holds the title and the report's headings as Heading paragraphs.
      expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
      const body = paragraphs(docxPart(file, 'word/document.xml'));
      // The title is the first paragraph (a long one broken into lines inside it).
      expect(body.find((p) => p.text !== '')?.text).toBe(TITLE);
      const heading = (text: string) => body.find((p) => p.text === text)?.style;
      expect(heading('一、主要工作情况')).toBe('Heading1');
      expect(body.filter((p) => p.style === 'Heading2').map((p) => p.text.slice(0, 3))).toEqual(['（一）', '（二）']);
      // The other fields follow, joined as the engine joins them.
      const all = body.map((p) => p.text).join('\n');
      expect(all).toContain(PROBLEMS);
      expect(all).toContain(PLANS);

      const missing = missingTools();
      if (missing) {
        console.log(missing);
        return;
      }
      const pdf = renderPdf(readFileSync(file), dir, 'e2e-gongwen');
      const info = pdfInfo(pdf);
      // A4: 595.3 × 841.9 pt.
      expect(Math.round(info.width)).toBe(595);
      expect(Math.round(info.height)).toBe(842);
      expect(info.pages).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('downloads the check report for the same report', async () => {
    const { page, frame } = await filledPortal();
    const dir = scratch('e2e-export-check');
    try {
      const { file } = await download(page, frame, '导出检查报告', dir);
      expect(file).toContain('检查报告');
      const status = frame.getByTestId('tianbao-export').getByRole('status');
      await expect.poll(async () => (await status.textContent()) ?? '').toContain('已导出检查报告');
      const text = paragraphs(docxPart(file, 'word/document.xml'))
        .map((p) => p.text)
        .join('\n');
      expect(text).toContain(`《${TITLE}》检查报告`);
      expect(text).toContain('一、提交准备情况');
      expect(text).toContain('三、发现的问题');
    } finally {
      await page.close();
    }
  });

  it('says why when there is nothing to export', async () => {
    const page = await h.open('/demo-portal/');
    try {
      await page.locator('#main').fill(' ');
      await h.clickToolbar(page);
      const frame = await openedPanel(page);
      await frame.getByRole('tab', { name: '检查' }).click();
      await frame.getByTestId('tianbao-export').getByRole('button', { name: '导出公文' }).click();
      await expect
        .poll(async () => (await frame.getByTestId('tianbao-export').getByRole('alert').textContent()) ?? '')
        .toContain('报告是空的');
    } finally {
      await page.close();
    }
  });
});
