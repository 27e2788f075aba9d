// 定位 shows the place (issue 10 item 9): a finding far down a long field is scrolled into view inside the
// field and in the page, selected, and the selection's rectangle lies inside the field's visible box — in the demo
// portal's plain textarea (its own scrolling) and in 主要工作情况 on every fixture portal: the framework forms'
// textareas, the contenteditable editors (CKEditor 5, Quill, wangEditor; highlighted) and the iframe editors
// (TinyMCE, CKEditor 4, KindEditor, the UEditor-style frame in both kinds; highlighted, the frame in view).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
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

const inFrame = (page: Page, selector: string): FrameLocator => page.frameLocator(selector);

/** The iframe an editor's document sits in, per portal. */
const FRAMES: Record<string, string> = {
  tinymce: 'iframe.tox-edit-area__iframe',
  ckeditor4: '.cke iframe.cke_wysiwyg_frame',
  kindeditor: 'iframe.ke-edit-iframe',
  'oa-table': '#ueditor_0',
  'oa-table-designmode': '#ueditor_0',
};

/** 主要工作情况 on each fixture portal: the textarea, the editable element, or the editor frame's body. */
const EDITABLES: Record<string, (page: Page) => Locator> = {
  'element-plus': (page) => page.getByLabel('主要工作情况', { exact: true }),
  antd: (page) => page.getByLabel('主要工作情况', { exact: true }),
  layui: (page) => page.locator('[name="work"]'),
  react: (page) => page.getByLabel('主要工作情况', { exact: true }),
  ckeditor5: (page) => page.locator('.ck-editor__editable'),
  quill: (page) => page.locator('.ql-editor').first(),
  wangeditor: (page) => page.locator('[data-slate-editor]'),
  ...Object.fromEntries(Object.entries(FRAMES).map(([id, selector]) => [id, (page: Page) => inFrame(page, selector).locator('body')])),
};

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

/** Where a textarea's selection starts, measured independently of Tianbao, and the boxes it must lie in. */
const textareaPlace = (field: Locator) =>
  field.evaluate((node) => {
    const el = node as HTMLTextAreaElement;
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
    const seen = await textareaPlace(page.locator('#main'));
    expect(seen.selected).toContain('xx');
    expect(seen.scrolled).toBeGreaterThan(0);
    expect(inside(seen.line, seen.field), JSON.stringify(seen)).toBe(true);
    expect(inside(seen.line, seen.viewport), JSON.stringify(seen)).toBe(true);
    await page.close();
  });

  it('covers every fixture portal', () => {
    expect(Object.keys(EDITABLES).sort()).toEqual(PORTALS.map((p) => p.id).sort());
  });

  for (const id of Object.keys(EDITABLES)) {
    const plain = PORTALS.find((p) => p.id === id)!.richField === 'textarea';
    it(`on the ${id} portal: scrolls 主要工作情况 to the range and selects it${plain ? '' : ', highlighted'}`, async () => {
      const portal = PORTALS.find((p) => p.id === id)!;
      const page = await h.open(portal.path);
      try {
        await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
        const editable = EDITABLES[id]!(page);
        if (plain) await editable.fill(LINES.join('\n'));
        else {
          await editable.click();
          for (const line of LINES) {
            await page.keyboard.insertText(line);
            await page.keyboard.press('Enter');
          }
        }
        await h.clickToolbar(page);
        const panel = await openedPanel(page);
        // Back to the top (the field, every scrolling box around it, the editor's frame, the page), so that the
        // placeholder is out of sight before 定位.
        await editable.evaluate((el) => {
          for (let node: Element | null = el; node; node = node.parentElement) node.scrollTop = 0;
          el.ownerDocument.scrollingElement?.scrollTo(0, 0);
        });
        await page.evaluate(() => window.scrollTo(0, 0));
        const frameSelector = FRAMES[id];
        const editorFrame = frameSelector ? await (await page.locator(frameSelector).elementHandle())!.contentFrame() : undefined;
        await locateFirstPlaceholder(panel);
        await page.waitForTimeout(300);
        if (plain) {
          await expect.poll(() => editable.evaluate((el) => el === document.activeElement)).toBe(true);
          const seen = await textareaPlace(editable);
          expect(seen.selected).toContain('xx');
          expect(seen.scrolled).toBeGreaterThan(0);
          expect(inside(seen.line, seen.field), JSON.stringify(seen)).toBe(true);
          expect(inside(seen.line, seen.viewport), JSON.stringify(seen)).toBe(true);
          return;
        }
        const seen = await editable.evaluate((editor) => {
          const view = editor.ownerDocument.defaultView!;
          const selection = view.getSelection();
          const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
          const rect = range?.getBoundingClientRect();
          // What of the editor is visible: its box cut by every box around it that clips, and by the window
          // (an iframe editor's window is the frame).
          const box = { top: 0, bottom: view.innerHeight, left: 0, right: view.innerWidth };
          const inFrame = editor.ownerDocument !== view.top?.document;
          for (let node: Element | null = inFrame ? null : editor; node; node = node.parentElement) {
            const style = view.getComputedStyle(node);
            if (node !== editor && style.overflowY === 'visible' && style.overflowX === 'visible') continue;
            const r = node.getBoundingClientRect();
            box.top = Math.max(box.top, r.top);
            box.bottom = Math.min(box.bottom, r.bottom);
            box.left = Math.max(box.left, r.left);
            box.right = Math.min(box.right, r.right);
          }
          const registry = (view as unknown as { CSS: { highlights?: Map<string, unknown> } }).CSS.highlights;
          return {
            text: range?.toString() ?? '',
            rect: rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : undefined,
            editor: box,
            highlighted: registry ? registry.size > 0 : false,
          };
        });
        expect(seen.text).toContain('xx');
        expect(seen.highlighted).toBe(true);
        expect(seen.rect).toBeDefined();
        expect(inside(seen.rect!, seen.editor), JSON.stringify(seen)).toBe(true);
        if (editorFrame) {
          // The editor's frame itself is in view in the page.
          const frameBox = await page.locator(frameSelector!).boundingBox();
          const viewport = page.viewportSize()!;
          expect(frameBox!.y + seen.rect!.top).toBeGreaterThanOrEqual(-1);
          expect(frameBox!.y + seen.rect!.bottom).toBeLessThanOrEqual(viewport.height + 1);
        }
      } finally {
        await page.close();
      }
    });
  }
});
