// 定位 shows the place (issue 10 item 9): a finding far down a long field is scrolled into view inside the
// field and in the page, selected, and the selection's rectangle lies inside the field's visible box — in a
// plain textarea (its own scrolling), in a contenteditable editor (Quill) and in an iframe editor (TinyMCE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';
import { buildPortals } from '../guard/e2e-support';
import { PORTALS } from '../fixtures/portals/list';

let h: Harness;

beforeAll(async () => {
  buildPortals();
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

/** Forty clean lines, then one with a placeholder the checks flag (xx). */
const LINES = [
  '一、主要工作情况',
  ...Array.from({ length: 40 }, (_, i) => `（${i + 1}）认真落实意识形态工作责任制，压实主体责任，第${i + 1}项工作按计划推进。`),
  '全年召开专题会议xx次，研究部署意识形态工作。',
];

async function locateFirstPlaceholder(panel: Frame): Promise<void> {
  await panel.getByRole('tab', { name: '检查' }).click();
  const item = panel.getByRole('listitem').filter({ hasText: 'xx' }).first();
  await item.waitFor({ timeout: 10_000 });
  await item.getByRole('button', { name: '定位' }).first().click();
}

/** Within `outer`, with a pixel of slack for rounding. */
const inside = (inner: DOMRectLike, outer: DOMRectLike) =>
  inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
type DOMRectLike = { top: number; bottom: number; left: number; right: number };

describe('定位', () => {
  it('in a textarea: scrolls the field\'s own text and the page to the range and selects it', async () => {
    const page = await h.open('/demo-portal/?reveal');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await page.locator('#main').fill(LINES.join('\n'));
    // The field starts scrolled to the top, the page too: the placeholder is out of sight.
    await page.locator('#main').evaluate((el: HTMLTextAreaElement) => (el.scrollTop = 0));
    await page.evaluate(() => window.scrollTo(0, 0));
    await locateFirstPlaceholder(panel);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    const seen = await page.locator('#main').evaluate((el: HTMLTextAreaElement) => {
      // Where the selection starts, measured independently of Tianbao: a mirror with the textarea's text metrics.
      const style = getComputedStyle(el);
      const mirror = document.createElement('div');
      for (const name of ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingLeft', 'paddingRight', 'paddingTop', 'borderLeftWidth', 'borderRightWidth', 'borderTopWidth', 'boxSizing'] as const) {
        mirror.style[name] = style[name];
      }
      mirror.style.cssText += `;position:absolute;left:-9999px;top:0;white-space:pre-wrap;overflow-wrap:break-word;width:${el.getBoundingClientRect().width}px`;
      mirror.textContent = el.value.slice(0, el.selectionStart);
      const mark = document.createElement('span');
      mark.textContent = '|';
      mirror.append(mark);
      document.body.append(mirror);
      const lineTop = mark.offsetTop;
      const lineHeight = mark.offsetHeight;
      mirror.remove();
      const box = el.getBoundingClientRect();
      const top = box.top + lineTop - el.scrollTop;
      return {
        selected: el.value.slice(el.selectionStart, el.selectionEnd),
        line: { top, bottom: top + lineHeight, left: box.left, right: box.right },
        field: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
        viewport: { top: 0, bottom: innerHeight, left: 0, right: innerWidth },
        scrolled: el.scrollTop,
      };
    });
    expect(seen.selected).toContain('xx');
    expect(seen.scrolled).toBeGreaterThan(0);
    expect(inside(seen.line, seen.field), JSON.stringify(seen)).toBe(true);
    expect(inside(seen.line, seen.viewport), JSON.stringify(seen)).toBe(true);
    await page.close();
  });

  for (const id of ['quill', 'tinymce'] as const) {
    it(`in ${id}: scrolls the editor to the range, selects and highlights it`, async () => {
      const portal = PORTALS.find((p) => p.id === id)!;
      const page = await h.open(portal.path);
      await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
      const editable = id === 'quill' ? page.locator('.ql-editor').first() : page.frameLocator('iframe.tox-edit-area__iframe').locator('body');
      await editable.click();
      for (const line of LINES) {
        await page.keyboard.insertText(line);
        await page.keyboard.press('Enter');
      }
      await h.clickToolbar(page);
      const panel = await openedPanel(page);
      // Back to the top, so that the placeholder is out of sight before 定位.
      if (id === 'quill') await page.locator('.ql-editor').first().evaluate((el) => (el.scrollTop = 0));
      await page.evaluate(() => window.scrollTo(0, 0));
      const editorFrame = id === 'tinymce' ? page.frames().find((f) => f.name().includes('tiny') || f.url() === 'about:srcdoc' || f.url() === 'about:blank') : undefined;
      await locateFirstPlaceholder(panel);
      await page.waitForTimeout(300);
      const where = (target: Page | Frame) =>
        target.evaluate(() => {
          const selection = getSelection();
          const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
          const rect = range?.getBoundingClientRect();
          const editor = (document.querySelector('.ql-editor') as HTMLElement | null) ?? document.body;
          const box = editor.getBoundingClientRect();
          const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
          return {
            text: range?.toString() ?? '',
            rect: rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : undefined,
            editor: { top: Math.max(box.top, 0), bottom: Math.min(box.bottom, innerHeight), left: box.left, right: box.right },
            highlighted: registry ? registry.size > 0 : false,
          };
        });
      const seen = await where(editorFrame ?? page);
      expect(seen.text).toContain('xx');
      expect(seen.highlighted).toBe(true);
      expect(seen.rect).toBeDefined();
      expect(inside(seen.rect!, seen.editor), JSON.stringify(seen)).toBe(true);
      if (editorFrame) {
        // The editor's frame itself is in view in the page.
        const frameBox = await page.locator('iframe.tox-edit-area__iframe').boundingBox();
        const viewport = page.viewportSize()!;
        expect(frameBox!.y + seen.rect!.top).toBeGreaterThanOrEqual(-1);
        expect(frameBox!.y + seen.rect!.bottom).toBeLessThanOrEqual(viewport.height + 1);
      }
      await page.close();
    });
  }
});
