// The panel in a real page: opened through the toolbar's own handler, docked, pushing the form aside,
// collapsible and resizable, and never taking the caret away from the field the user is writing in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openedPanel, panelFrame, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

async function openPanel(): Promise<Page> {
  const page = await h.open('/demo-portal/');
  await h.clickToolbar(page);
  await openedPanel(page);
  return page;
}

const panel = async (page: Page) => (await panelFrame(page)).getByTestId('tianbao-panel');

const storedWidth = () =>
  h.worker.evaluate(async (origin) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, { panelWidth?: number }>>> } } } }).chrome;
    return (await chrome.storage.local.get('siteProfiles')).siteProfiles?.[origin]?.panelWidth;
  }, h.fixtures.origin);

const pushedMargin = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);

describe('panel', () => {
  it('opens on the toolbar handler, docked at the right edge, and pushes the form aside', async () => {
    const page = await openPanel();
    const box = await (await panel(page)).boundingBox();
    // The right edge of the layout viewport, left of the page's scrollbar.
    const viewportRight = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box).not.toBeNull();
    expect(Math.round(box!.x + box!.width)).toBe(viewportRight);
    expect(box!.width).toBeGreaterThanOrEqual(280);
    expect(await pushedMargin(page)).toBe(`${Math.round(box!.width)}px`);
    const form = await page.locator('#report').boundingBox();
    expect(form!.x + form!.width).toBeLessThanOrEqual(box!.x + 1);
    await page.close();
  });

  it('keeps the caret of a textarea when a panel button is clicked', async () => {
    const page = await openPanel();
    await page.locator('#main').click();
    await page.keyboard.type('前文后文');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await (await panelFrame(page)).getByRole('tab', { name: '字段' }).click();
    await (await panelFrame(page)).getByRole('tab', { name: '检查' }).click();
    await page.keyboard.type('中');
    expect(await page.locator('#main').inputValue()).toBe('前文中后文');
    await page.close();
  });

  it('keeps the caret inside a same-origin iframe editor when a panel button is clicked', async () => {
    const page = await openPanel();
    const body = page.frameLocator('#remark-frame').locator('body');
    await body.click();
    await page.keyboard.type('前文后文');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await (await panelFrame(page)).getByRole('tab', { name: '字段' }).click();
    await page.keyboard.type('中');
    expect((await body.innerText()).trim()).toBe('前文中后文');
    await page.close();
  });

  it('leaves the form usable beside it: typing, selecting and submitting work', async () => {
    const page = await openPanel();
    await page.locator('#unit').fill('某市统计局机关党委');
    await page.locator('#period').selectOption('2026H1');
    await page.locator('#main').fill('一、主要工作情况\n（一）加强组织领导。');
    await page.locator('#problems').fill('一是理论学习深度不够。');
    await page.locator('#plans').fill('一是持续深化理论武装。');
    await page.locator('#contact').fill('张三');
    await page.locator('#submit').click();
    await page.locator('#submitted').waitFor();
    expect(await page.locator('#submitted').innerText()).toBe('提交成功');
    await page.close();
  });

  it('collapses to a slim tab that gives the page its full width, and expands again', async () => {
    const page = await openPanel();
    await (await panelFrame(page)).getByRole('button', { name: '收起侧栏' }).click();
    await expect.poll(async () => (await panel(page)).count()).toBe(0);
    expect(await pushedMargin(page)).toBe('0px');
    await (await panelFrame(page)).getByRole('button', { name: /填报助手/ }).click();
    await (await panel(page)).waitFor();
    expect(await pushedMargin(page)).not.toBe('0px');
    await page.close();
  });

  it('toggles with the toolbar handler: a second click collapses it', async () => {
    const page = await openPanel();
    await h.clickToolbar(page);
    await expect.poll(async () => (await panel(page)).count()).toBe(0);
    await h.clickToolbar(page);
    await (await panel(page)).waitFor();
    await page.close();
  });

  it('resizes by dragging its left edge, within 280–640 px, and remembers the width for the site', async () => {
    const page = await openPanel();
    const handle = (await panelFrame(page)).getByRole('separator', { name: '拖动调整侧栏宽度' });
    // The panel renders widths after the events that set them: every width is polled, not read once, and the
    // drag starts only once the opening panel has its width (two reads in a row agree).
    const width = async () => Math.round((await (await panel(page)).boundingBox())!.width);
    let last = -1;
    await expect
      .poll(async () => {
        const now = await width();
        const settled = now === last;
        last = now;
        return settled;
      })
      .toBe(true);
    const startWidth = last;
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + 300, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBe(startWidth + 100);
    // Far past the maximum: clamped. The handle moved with the wider panel; it is grabbed at its middle again,
    // once it is where the new width puts it.
    await expect.poll(async () => Math.round((await handle.boundingBox())!.x)).toBe(Math.round(box.x - 100));
    const box2 = (await handle.boundingBox())!;
    await page.mouse.move(box2.x + box2.width / 2, box2.y + 300);
    await page.mouse.down();
    await page.mouse.move(10, box2.y + 300, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBe(640);
    // The width is saved when the drag ends; let it land before the tab goes, as a user's next visit would.
    await expect.poll(() => storedWidth()).toBe(640);
    await page.close();

    const again = await openPanel();
    await expect.poll(async () => Math.round((await (await panel(again)).boundingBox())!.width)).toBe(640);
    // Put it back for the other tests.
    await (await panelFrame(again)).getByRole('separator', { name: '拖动调整侧栏宽度' }).focus();
    for (let i = 0; i < 28; i++) await again.keyboard.press('ArrowRight');
    await expect.poll(async () => Math.round((await (await panel(again)).boundingBox())!.width)).toBe(360);
    await again.close();
  });

  it('guards the submit of a page where the panel was opened, on a site that is not enabled', async () => {
    const page = await openPanel();
    const frame = await panelFrame(page);
    await frame.getByText('本页点“提交”时会先检查').waitFor();
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++;
    });
    await page.locator('#unit').fill('某市统计局机关党委');
    await page.locator('#period').selectOption('2026H1');
    await page.locator('#main').fill('一、主要工作情况\n召开专题会议xx次。');
    await page.locator('#problems').fill('一是理论学习深度不够。');
    await page.locator('#plans').fill('一是持续深化理论武装。');
    await page.locator('#contact').fill('张三');
    await page.locator('#submit').click();
    const dialog = frame.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.innerText()).toContain('xx');
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await page.waitForTimeout(500);
    expect(posts).toBe(0);
    await page.close();
  });

  it('全部改正 in a textarea is one edit: one Ctrl+Z brings every change back', async () => {
    const page = await openPanel();
    const frame = await panelFrame(page);
    const text = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,取得成效。';
    await page.locator('#main').fill(text);
    await frame.getByRole('tab', { name: '检查' }).click();
    await frame.getByRole('button', { name: /全部改正/ }).first().click();
    await frame.getByRole('button', { name: '确认改正' }).click();
    await expect.poll(() => page.locator('#main').inputValue()).toBe('一、主要工作情况\n加强领导，统筹部署，压实责任，狠抓落实，务求实效，取得成效。');
    await page.locator('#main').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#main').inputValue()).toBe(text);
    await page.close();
  });
});
