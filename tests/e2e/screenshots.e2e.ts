// The README's pictures, taken by the e2e run (issue 12 item 7): the demo portal at 1280×800 with the first
// report of the sample corpus pasted in and the panel open on each of its tabs, the guard's dialog, the options
// page and its welcome section. Written to docs/screenshots/; a picture that comes out (nearly) empty fails.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEW = { width: 1280, height: 800 };
const REPORT = readFileSync(resolve(import.meta.dirname, '../fixtures/corpus/000_037b8862a6aab3ed.txt'), 'utf8')
  .split('\n')
  .slice(0, 17)
  .join('\n');

let h: Harness;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await launch({ keepWelcome: true });
});
afterAll(async () => {
  await h?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  const file = resolve(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  // A real picture of a page with text in it, not a blank frame.
  expect(statSync(file).size).toBeGreaterThan(20_000);
}

async function portalWithReport(): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.setViewportSize(VIEW);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(h.fixtures.origin + '/demo-portal/');
  await page.locator('#unit').fill('青山县统计局机关党委');
  await page.locator('#period').selectOption('2026H1');
  await page.locator('#main').focus();
  await page.keyboard.insertText(REPORT);
  await page.locator('#main').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  return { page, frame };
}

describe('README screenshots', () => {
  it('the panel on each tab', async () => {
    const { page, frame } = await portalWithReport();
    for (const [name, tab] of [
      ['structure', '结构'],
      ['checks', '检查'],
      ['snippets', '片段'],
      ['fields', '字段'],
    ] as const) {
      await frame.getByRole('tab', { name: tab }).click();
      if (name === 'snippets') {
        // The caret in 存在的问题, where a snippet would go, and one snippet active with its full text.
        await page.locator('#problems').click();
        await frame.getByRole('searchbox').fill('存在问题');
        await frame.getByRole('searchbox').press('ArrowDown');
      }
      await page.waitForTimeout(600);
      await shoot(page, name);
    }
    await page.close();
  });

  it('the guard dialog', async () => {
    const { page, frame } = await portalWithReport();
    await page.locator('#problems').fill('理论学习的系统性还不够强。');
    await page.locator('#plans').fill('继续加强阵地管理，压实主体责任。');
    await page.locator('#contact').fill('张明');
    await page.locator('#submit').click();
    await frame.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    await shoot(page, 'guard');
    await frame.getByRole('button', { name: '返回修改' }).click();
    await page.close();
  });

  it('the options page and its welcome section', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize(VIEW);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`chrome-extension://${h.extensionId}/options.html?installed=1#welcome`);
    await page.locator('#welcome h2').waitFor();
    await page.waitForTimeout(400);
    await shoot(page, 'welcome');
    await page.goto(`chrome-extension://${h.extensionId}/options.html#snippets`);
    await page.locator('#snippets h2').waitFor();
    await page.locator('#snippets').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await shoot(page, 'options');
    await page.close();
  });
});
