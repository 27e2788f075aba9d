// The submit guard's dialog at a small window (issue 12 item 2): at 1024×768, with a report holding a dozen
// blocking problems, the dialog takes the panel's height under its header — its list shows and scrolls by
// itself, and both 返回修改 and 仍然提交 stay inside the window — in light and in dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const VIEW = { width: 1024, height: 768 };

/** Twelve paragraphs, each with a placeholder left in: twelve blocking findings. */
const MAIN = Array.from({ length: 12 }, (_, i) => `${i + 1}. 召开专题会议xx次，研究部署意识形态工作，参会人员xx名。`).join('\n');

async function inWindow(locator: Locator, what: string): Promise<{ top: number; bottom: number; height: number }> {
  const box = await locator.boundingBox();
  expect(box, `${what} has no box`).not.toBeNull();
  const { x, y, width, height } = box!;
  expect(x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(x + width, `${what} right`).toBeLessThanOrEqual(VIEW.width);
  expect(y + height, `${what} bottom`).toBeLessThanOrEqual(VIEW.height);
  return { top: y, bottom: y + height, height };
}

describe.each(['light', 'dark'] as const)('the guard dialog at 1024×768, %s', (colorScheme) => {
  let page: Page;

  it('shows its list and both buttons inside the window', async () => {
    page = await h.context.newPage();
    await page.setViewportSize(VIEW);
    await page.emulateMedia({ colorScheme });
    await page.goto(h.fixtures.origin + '/demo-portal/');
    await h.clickToolbar(page);
    const frame = await openedPanel(page);
    await page.locator('#unit').fill('某市统计局机关党委');
    await page.locator('#period').selectOption('2026H1');
    await page.locator('#main').fill(MAIN);
    await page.locator('#problems').fill('理论学习的系统性还不够强。');
    await page.locator('#plans').fill('继续加强阵地管理，压实主体责任。');
    await page.locator('#contact').fill('张明');
    await page.locator('#submit').click();

    const dialog = frame.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 10_000 });
    const items = dialog.locator('li');
    expect(await items.count()).toBeGreaterThanOrEqual(10);

    const back = await inWindow(dialog.getByRole('button', { name: '返回修改' }), '返回修改');
    const anyway = await inWindow(dialog.getByRole('button', { name: '仍然提交' }), '仍然提交');
    const list = await inWindow(dialog.locator('ul'), 'the list');
    // The list is a real part of the dialog (several rows tall), above the buttons, not squeezed away.
    expect(list.height).toBeGreaterThan(200);
    expect(list.bottom).toBeLessThanOrEqual(Math.min(back.top, anyway.top));
    await expect(items.first().isVisible()).resolves.toBe(true);
    // The list scrolls by itself to its last row while the buttons stay where they are.
    await items.last().scrollIntoViewIfNeeded();
    await expect(items.last().isVisible()).resolves.toBe(true);
    const backAfter = await inWindow(dialog.getByRole('button', { name: '返回修改' }), '返回修改 after scrolling');
    expect(backAfter.top).toBe(back.top);
    console.log(`[guard-layout] ${colorScheme}: ${await items.count()} rows, list ${Math.round(list.height)} px, buttons at ${Math.round(back.top)} px of ${VIEW.height}`);

    await dialog.getByRole('button', { name: '返回修改' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    // The panel's own content comes back once the decision is made.
    await frame.getByRole('tablist').waitFor({ timeout: 5_000 });
    await page.close();
  });
});
