// 撤销 and the preview of a long deletion through the real panel, on the demo portal (issue 10 item 10):
// a one-click fix in 主要工作情况 is taken back by the panel's 撤销, and Ctrl+Z in the field still works after
// it; once the user has typed after a fix, 撤销 refuses (内容已被修改，无法撤销) and changes nothing; a 删除 that
// would remove a whole duplicated paragraph first shows the paragraph, and deletes it only on 确认删除.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

const PARAGRAPH = '党组召开会议专题研究意识形态工作，分析研判意识形态领域形势，部署推进重点任务，压实各级党组织主体责任。';
const TYPO = '一、主要工作情况\n深入学习贯彻党的十九五中全会精神，组织理论学习12次。';
const DOUBLED = `一、主要工作情况\n${PARAGRAPH}\n${PARAGRAPH}\n二、存在的问题\n学习不够深入。`;

const main = (page: Page) => page.locator('#main');

async function openWith(text: string): Promise<{ page: Page; frame: Frame }> {
  const page = await h.open('/demo-portal/');
  await main(page).fill(text);
  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  await frame.getByRole('tab', { name: '检查' }).click();
  return { page, frame };
}

const fixButton = (frame: Frame) =>
  frame.getByRole('listitem').filter({ hasText: '十九五中全会' }).getByRole('button', { name: /改为/ }).first();

describe('撤销 in the panel', () => {
  it('takes the last fix back, and the field keeps its own undo', async () => {
    const { page, frame } = await openWith(TYPO);
    try {
      await fixButton(frame).click();
      await expect.poll(() => main(page).inputValue()).toContain('十九届五中全会');
      const bar = frame.getByTestId('tianbao-undo');
      await expect.poll(() => bar.textContent()).toContain('主要工作情况');

      await bar.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => main(page).inputValue()).toBe(TYPO);
      await expect.poll(() => bar.getByRole('status').textContent()).toContain('已撤销');
      expect(await bar.getByRole('button', { name: '撤销' }).count()).toBe(0);

      // The restore went in as an edit of the field: Ctrl+Z there brings the fix back.
      await main(page).focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => main(page).inputValue()).toContain('十九届五中全会');
    } finally {
      await page.close();
    }
  });

  it('refuses, changing nothing, once the user has typed after the fix', async () => {
    const { page, frame } = await openWith(TYPO);
    try {
      await fixButton(frame).click();
      await expect.poll(() => main(page).inputValue()).toContain('十九届五中全会');
      await main(page).focus();
      await page.keyboard.press('End');
      await page.keyboard.type('又写了一句。');
      const typed = await main(page).inputValue();
      const bar = frame.getByTestId('tianbao-undo');
      await bar.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => bar.getByRole('alert').textContent()).toContain('内容已被修改，无法撤销');
      expect(await main(page).inputValue()).toBe(typed);
    } finally {
      await page.close();
    }
  });
});

describe('a long deletion is shown before it goes', () => {
  it('shows the duplicated paragraph, keeps it on 取消, removes it on 确认删除, and 撤销 brings it back', async () => {
    const { page, frame } = await openWith(DOUBLED);
    try {
      const row = frame
        .locator('li.tb-item')
        .filter({ has: frame.getByRole('button', { name: '删除', exact: true }) })
        .filter({ hasText: PARAGRAPH.slice(0, 10) })
        .first();
      await row.getByRole('button', { name: '删除', exact: true }).click();
      const shown = row.locator('blockquote.tb-removed');
      await shown.waitFor();
      expect((await shown.textContent())?.trim()).toContain(PARAGRAPH.slice(0, 30));
      // Nothing has gone yet.
      expect(await main(page).inputValue()).toBe(DOUBLED);
      await row.getByRole('button', { name: '取消' }).click();
      expect(await main(page).inputValue()).toBe(DOUBLED);

      await row.getByRole('button', { name: '删除', exact: true }).click();
      await row.getByRole('button', { name: '确认删除' }).click();
      await expect.poll(async () => (await main(page).inputValue()).split(PARAGRAPH).length - 1).toBe(1);

      await frame.getByTestId('tianbao-undo').getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => main(page).inputValue()).toBe(DOUBLED);
    } finally {
      await page.close();
    }
  });
});
