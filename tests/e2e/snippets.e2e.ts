// A snippet from the panel lands at the caret of the field the user was writing in, with the unit's name
// taken from the form, and one Ctrl+Z in the field removes exactly the insertion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openedPanel, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

describe('snippets in the panel', () => {
  it('inserts at the caret after the user searched in the panel, filling 单位名称 from the form', async () => {
    const page = await h.open('/demo-portal/');
    await page.locator('#unit').fill('市统计局机关党委');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await page.locator('#main').click();
    await page.keyboard.type('前文后文');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await panel.getByRole('tab', { name: '片段' }).click();
    // Typing in the panel's own search box takes the focus away from the page; the caret is remembered.
    await panel.getByRole('searchbox', { name: '搜索片段' }).fill('ztyjbs');
    // A click on the snippet inserts it.
    await panel.getByRole('option').filter({ hasText: '高度重视，专题研究部署' }).click();
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();

    const value = await page.locator('#main').inputValue();
    // 片段插入时另起一段 (on by default): text before the caret on its line, so the snippet begins a new line.
    expect(value.startsWith('前文\n高度重视，专题研究部署。市统计局机关党委领导班子')).toBe(true);
    expect(value.endsWith('组织保障。后文')).toBe(true);
    expect(value).not.toContain('{{');
    // The page's own counter saw the change, as a framework listening to input events would.
    expect(await page.locator('#main-count').innerText()).toBe(String(value.length));

    await page.locator('#main').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#main').inputValue()).toBe('前文后文');
    await page.close();
  });

  it('tells the user to pick a field first when no field had the caret', async () => {
    const page = await h.open('/demo-portal/');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await panel.getByRole('tab', { name: '片段' }).click();
    await panel.getByRole('option').filter({ hasText: '高度重视，专题研究部署' }).click();
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('请先在页面上点一下要填写的文本框');
    await page.close();
  });
});
