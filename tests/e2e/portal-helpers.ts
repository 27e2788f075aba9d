// What the e2e files that drive the fixture portals (tests/fixtures/portals/list.ts) share: the browser launched
// once the portals are built, a portal opened once its page says it is ready, the element a user clicks to type
// into 主要工作情况 on each portal, and the lines of an editor's HTML.
import { afterAll, beforeAll } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { ensurePortalsBuilt } from '../dom/e2e/portal-world';

/** Builds the fixture portals if needed and launches the browser before the file's tests; closes it after them. */
export function usePortalHarness(receive: (harness: Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    ensurePortalsBuilt();
    harness = await launch();
    receive(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
}

/** Opens the fixture portal `id` and waits until its page (framework or editor) says it is ready (else closes it). */
export async function openPortal(h: Harness, id: string): Promise<Page> {
  const portal = PORTALS.find((candidate) => candidate.id === id)!;
  const page = await h.open(portal.path);
  try {
    await page.waitForFunction(() => window.__portalReady === true);
  } catch (error) {
    await page.close();
    throw error;
  }
  return page;
}

const inFrame = (page: Page, selector: string): FrameLocator => page.frameLocator(selector);

/** The element a user clicks to type into 主要工作情况, per fixture portal. */
export const MAIN_EDITABLES: Record<string, (page: Page) => Locator> = {
  tinymce: (page) => inFrame(page, 'iframe.tox-edit-area__iframe').locator('body'),
  ckeditor5: (page) => page.locator('.ck-editor__editable'),
  quill: (page) => page.locator('.ql-editor'),
  wangeditor: (page) => page.locator('[data-slate-editor]'),
  ckeditor4: (page) => inFrame(page, '.cke iframe.cke_wysiwyg_frame').locator('body'),
  kindeditor: (page) => inFrame(page, 'iframe.ke-edit-iframe').locator('body'),
  'oa-table': (page) => inFrame(page, '#ueditor_0').locator('body'),
  'oa-table-designmode': (page) => inFrame(page, '#ueditor_0').locator('body'),
  // The framework forms, whose 主要工作情况 is a textarea whose value the framework holds (v-model, Form state).
  'element-plus': (page) => page.getByLabel('主要工作情况', { exact: true }),
  antd: (page) => page.getByLabel('主要工作情况', { exact: true }),
  layui: (page) => page.locator('[name="work"]'),
  react: (page) => page.getByLabel('主要工作情况', { exact: true }),
};

/** The lines of a text or an editor's HTML (paragraphs, divs and <br> breaks), empty ones left out. */
export function lines(html: string): string[] {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h\d|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
