// 片段 by keyboard in real Chromium, on the demo portal: the panel opened by its shortcut's own handler, the
// 片段 tab pressed with Enter, a query typed, ↓ and Enter insert at the caret of the field the user was writing
// in, the keyboard goes straight back to that field, a second snippet starts a paragraph of its own, and Esc
// in the panel's search box gives the field back with its caret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openedPanel, type Harness } from './harness';
import { STARTER_SNIPPETS } from '../../lib/storage/starterSnippets';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

const body = (title: string, unit: string) => STARTER_SNIPPETS.find((s) => s.title === title)!.body.replace(/\{\{单位名称\}\}/g, unit);

describe('snippets from the keyboard', () => {
  it('type → ↓ → Enter inserts at the caret; a second snippet is its own paragraph; Esc returns to the field', async () => {
    const unit = '市统计局机关党委';
    const page = await h.open('/demo-portal/');
    await page.locator('#unit').fill(unit);
    await page.locator('#main').click();
    await page.keyboard.type('一、主要工作情况');
    // The panel's shortcut (_execute_action) runs this same handler; a headless browser has no keyboard for it.
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await panel.getByRole('tab', { name: '片段' }).press('Enter');
    const search = panel.getByRole('searchbox', { name: '搜索片段' });
    // Entering 片段 from the keyboard puts the keyboard in its search box.
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ztyjbs');
    await page.keyboard.press('ArrowDown');
    expect(await panel.getByRole('option', { selected: true }).innerText()).toContain('高度重视，专题研究部署');
    await page.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();

    const first = body('高度重视，专题研究部署', unit);
    // The caret's line had text: the snippet begins a new line (one insertion).
    expect(await page.locator('#main').inputValue()).toBe(`一、主要工作情况\n${first}`);
    // The keyboard is back in the field, just after the snippet: typing goes on there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.type('（完）');
    expect(await page.locator('#main').inputValue()).toBe(`一、主要工作情况\n${first}（完）`);

    // A second snippet, chosen the same way, is a paragraph of its own, not glued to the first.
    await search.focus();
    await search.fill('mqzr');
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => page.locator('#main').inputValue()).toBe(`一、主要工作情况\n${first}（完）\n${body('明确责任，凝聚思想共识', unit)}`);
    const afterSecond = await page.locator('#main').inputValue();

    // Esc in the search box: the keyboard goes back to the field, caret where it was.
    await search.focus();
    await search.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.type('续写');
    expect(await page.locator('#main').inputValue()).toBe(`${afterSecond}续写`);
    // Nothing else of the form was touched.
    expect(await page.locator('#problems').inputValue()).toBe('');
    await page.close();
  });
});
