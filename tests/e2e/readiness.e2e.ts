// The readiness figure in real Chromium (issue 10 item 8): on the React fixture portal (a 自查报告 form whose six
// fields are all required, checked against the 工作总结 template the page title picks), the form is filled step
// by step as a user would, and after each step the bar above the panel's tabs is read: 还差 N 项 while anything
// is missing, each missing item one click from its place (定位 focuses the field and selects the text, or the
// 结构 tab for an uncovered topic), and 可以提交 only once nothing is missing.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openedPanel, type Harness } from './harness';
import { openPortal, usePortalHarness } from './portal-helpers';

let h: Harness;
usePortalHarness((harness) => (h = harness));

/** The React portal's element ids, by label (tests/fixtures/portals/react/main.tsx). */
const ID = {
  单位名称: 'f-unit',
  报告期: 'f-period',
  主要工作情况: 'f-work',
  存在的问题: 'f-problems',
  下一步工作打算: 'f-plans',
  联系人: 'f-contact',
} as const;

/** What the bar says: 可以提交, or 还差 N 项 as a number. */
async function figure(frame: Frame): Promise<string> {
  const bar = frame.locator('.tb-ready');
  const text = (await bar.first().textContent()) ?? '';
  if (text.includes('可以提交')) return '可以提交';
  const count = /还差\s*(\d+)\s*项/.exec(text);
  return count ? `还差 ${count[1]} 项` : text;
}

/** The bar's items, expanded. */
async function items(frame: Frame): Promise<string[]> {
  const toggle = frame.locator('.tb-ready-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return frame.locator('.tb-ready-item > span').allTextContents();
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The field is inside the viewport, left of the panel. */
async function inView(page: Page, id: string): Promise<boolean> {
  const box = await page.locator(`#${id}`).boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const height = await page.evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= height && box.x + box.width <= width + 1;
}

describe('readiness on a fixture form filled step by step', () => {
  it('reads 还差 N 项 until nothing is missing, each item one click away, then 可以提交', async () => {
    const page = await openPortal(h, 'react');
    try {
      await h.clickToolbar(page);
      const frame = await openedPanel(page);

      // An empty form: every required field is missing, and it is never 可以提交.
      await expect.poll(() => figure(frame)).toBe('还差 6 项');
      expect(await items(frame)).toEqual(
        (Object.keys(ID) as Array<keyof typeof ID>).map((label) => `必填项“${label}”还没有填写。`),
      );

      // Each missing field is one click away: 定位 takes the caret into it and shows it.
      for (const label of ['联系人', '单位名称'] as const) {
        const row = frame.locator('.tb-ready-item').filter({ hasText: `“${label}”` });
        await row.getByRole('button', { name: '定位' }).click();
        await expect.poll(() => activeId(page)).toBe(ID[label]);
        expect(await inView(page, ID[label])).toBe(true);
      }

      // Step by step, as a user fills the form; the figure follows each step.
      await page.locator(`#${ID.单位名称}`).fill('某市政务服务管理局');
      await expect.poll(() => figure(frame)).toBe('还差 5 项');
      await page.locator(`#${ID.报告期}`).selectOption('2026年全年');
      await expect.poll(() => figure(frame)).toBe('还差 4 项');

      // 主要工作情况 with no figure in it and a placeholder left: two items where one was.
      await page.locator(`#${ID.主要工作情况}`).fill('一、主要工作情况\n全年对照事项清单逐项自查，由xx同志牵头整改。');
      await expect.poll(() => figure(frame)).toBe('还差 5 项');
      const now = await items(frame);
      expect(now.some((item) => item.includes('工作成效'))).toBe(true);
      expect(now.some((item) => item.includes('xx'))).toBe(true);

      // The placeholder's item: 定位 selects it in the textarea.
      const xxRow = frame.locator('.tb-ready-item').filter({ hasText: 'xx' }).first();
      await xxRow.getByRole('button', { name: '定位' }).click();
      await expect.poll(() => activeId(page)).toBe(ID.主要工作情况);
      const selected = await page.locator(`#${ID.主要工作情况}`).evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
      expect(selected).toBe('xx');

      // The topic's item leads to the 结构 tab, where the section's topics are listed.
      const topicRow = frame.locator('.tb-ready-item').filter({ hasText: '工作成效' }).first();
      await topicRow.getByRole('button', { name: '到结构页查看' }).click();
      await expect.poll(() => frame.getByRole('tab', { name: '结构' }).getAttribute('aria-selected')).toBe('true');

      await page
        .locator(`#${ID.主要工作情况}`)
        .fill('一、主要工作情况\n全年组织政务服务事项自查3轮，完成事项清单梳理126项，办理时限平均压缩30%。');
      await expect.poll(() => figure(frame)).toBe('还差 3 项');
      await page.locator(`#${ID.存在的问题}`).fill('部分事项办理指南更新不及时，个别窗口人员业务不够熟练。');
      await expect.poll(() => figure(frame)).toBe('还差 2 项');
      await page.locator(`#${ID.下一步工作打算}`).fill('一是定期更新办理指南；二是加强窗口人员业务培训。');
      await expect.poll(() => figure(frame)).toBe('还差 1 项');
      expect(await items(frame)).toEqual(['必填项“联系人”还没有填写。']);

      await page.locator(`#${ID.联系人}`).fill('张明');
      await expect.poll(() => figure(frame)).toBe('可以提交');

      // Emptying a field again takes it back.
      await page.locator(`#${ID.存在的问题}`).fill('');
      await expect.poll(() => figure(frame)).toBe('还差 1 项');
    } finally {
      await page.close();
    }
  });
});
