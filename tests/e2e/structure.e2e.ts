// The Structure tab's 插入参考框架 in real Chromium: on an Element Plus page that takes the whole report in one
// 报告正文 textarea (the element-plus fixture portal with ?layout=single), a report whose 一、二、三、 lacks
// 存在的问题 before 下一步工作打算 gets the scaffold inserted as 三、 and the old 三、 renumbered to 四、, as one
// replacement: Vue's v-model holds the result, the panel says so, and one Ctrl+Z in the field brings back exactly
// the text the user typed. The 检查 tab's missing-section finding does the same. A field typed into after the
// analysis, before the panel read it again, is left as it is.
// The split-field portals cannot show this: there 存在的问题 has its own field, so the section is "empty" (its
// body goes into that field) rather than missing from the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';

const PORTALS_DIR = resolve(import.meta.dirname, '../fixtures/portals');
const PAGE = '/portals/dist/element-plus/index.html?layout=single';

// Top-level headings 一、二、三、; 存在的问题 belongs between 二、 and 三、下一步工作打算 (ideology templates:
// main-work, which takes in 二、特色做法, then problems, then next-steps).
const LINES = [
  '一、主要工作情况',
  '（一）压实主体责任。局党组书记履行第一责任人职责，班子成员落实“一岗双责”，把意识形态工作纳入党建工作责任制和年度考核。全年召开党组会议专题研究意识形态工作4次，分析研判意识形态领域形势2次，向市委专题报告1次。',
  '（二）加强理论武装。落实“第一议题”制度，全年组织理论学习中心组集中学习12次。',
  '二、特色做法',
  '（一）守好宣传阵地。对门户网站、政务新媒体和宣传栏落实“三审三校”制度，加强网络舆情监测和处置。',
  '三、下一步工作打算',
  '一是持续深化理论武装；二是加强阵地管理；三是压实责任追究。',
];
const REPORT = LINES.join('\n');
const SCAFFOLD =
  '三、存在的问题\n对照意识形态工作责任制要求，我们的工作还存在一些差距和不足：一是{{问题一}}；二是{{问题二}}；三是{{问题三}}。';
// What the field holds after the insertion: the scaffold after 二、's last line, and 三、下一步 moved up to 四、.
const EXPECTED = [...LINES.slice(0, 5), SCAFFOLD, '四、下一步工作打算', LINES[6]].join('\n');

let h: Harness;

beforeAll(async () => {
  // The single-field layout is newer than a dist/ built before it: rebuild when the page's source is newer.
  const source = resolve(PORTALS_DIR, 'element-plus/main.ts');
  const built = resolve(PORTALS_DIR, 'dist/element-plus/main.js');
  if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
    execFileSync(process.execPath, [resolve(PORTALS_DIR, 'build.mjs')], { stdio: 'inherit' });
  }
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

/** What Vue's model holds for the report field (the page's own read(), in the MAIN world). */
const model = (page: Page) => page.evaluate(() => window.__portal!.read().主要工作情况);

interface Opened {
  page: Page;
  field: Locator;
  panel: Locator;
  /** The panel's frame (an extension page inside the portal page). */
  frame: Frame;
}

/** Opens the page, types the report into 报告正文 as a user would, opens the panel on the 结构 tab. */
async function openWithReport(): Promise<Opened> {
  const page = await h.open(PAGE);
  await page.waitForFunction(() => window.__portalReady === true);
  const field = page.getByLabel('报告正文', { exact: true });
  await field.click();
  await page.keyboard.type(REPORT);
  expect(await field.inputValue()).toBe(REPORT);
  expect(await model(page), 'v-model saw the typing').toBe(REPORT);

  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  const panel = frame.getByTestId('tianbao-panel');
  await panel.getByRole('tab', { name: '结构' }).click();
  await panel.getByRole('button', { name: '插入参考框架' }).waitFor();
  return { page, field, panel, frame };
}

/** The suggestion the engine makes for the missing section, in the 结构建议 list. */
const suggestion = ({ panel, frame }: Pick<Opened, 'panel' | 'frame'>) =>
  panel.getByRole('listitem').filter({ hasText: '三、存在的问题', has: frame.getByRole('button', { name: '插入参考框架' }) });

describe('structure suggestion with renumbering', () => {
  it('inserts 三、存在的问题 before the old 三、, renumbers it to 四、, and one Ctrl+Z restores the typed text', async () => {
    const opened = await openWithReport();
    const { page, field, panel } = opened;
    try {
      // Exactly one suggestion: the missing 存在的问题, numbered 三、 to follow 二、.
      await expect.poll(() => panel.getByRole('button', { name: '插入参考框架' }).count()).toBe(1);
      const item = suggestion(opened);
      expect(await item.count()).toBe(1);

      await item.getByRole('button', { name: '插入参考框架' }).click();
      const done = panel.getByRole('status').filter({ hasText: '已插入「存在的问题」的参考框架' });
      await done.waitFor();

      expect(await field.inputValue()).toBe(EXPECTED);
      expect(await done.innerText()).toContain('其后 1 个标题已重新编号');
      // Vue's v-model and Element Plus's own word counter went through the page's input path.
      expect(await model(page)).toBe(EXPECTED);
      const counter = page.locator('.el-form-item', { hasText: '报告正文' }).locator('.el-input__count');
      expect((await counter.innerText()).replace(/\s/g, '')).toBe(`${EXPECTED.length}/5000`);
      // The caret waits after the scaffold's last line, where the writer goes on.
      const caretAt = EXPECTED.indexOf('\n四、下一步工作打算');
      expect(await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([caretAt, caretAt]);
      // Analysed again: nothing is missing, so nothing is suggested, and the outline shows 四、.
      await expect.poll(() => panel.getByRole('button', { name: '插入参考框架' }).count()).toBe(0);
      await panel.getByRole('listitem').filter({ hasText: /^四、下一步工作打算/ }).waitFor();

      // One Ctrl+Z in the field undoes the scaffold and the renumbering together.
      await field.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => field.inputValue()).toBe(REPORT);
      expect(await model(page), 'v-model saw the undo').toBe(REPORT);
      // And the panel, reading the field again, suggests the section once more.
      await expect.poll(() => suggestion(opened).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('does the same from the 检查 tab: the missing-section finding inserts and renumbers as one Ctrl+Z', async () => {
    const opened = await openWithReport();
    const { page, field, panel } = opened;
    try {
      await panel.getByRole('tab', { name: '检查' }).click();
      const finding = panel
        .getByRole('listitem')
        .filter({ hasText: '缺少「存在的问题」部分' })
        .filter({ has: opened.frame.getByRole('button', { name: '插入参考框架' }) });
      expect(await finding.count()).toBe(1);
      await finding.getByRole('button', { name: '插入参考框架' }).click();
      const done = panel.getByRole('status').filter({ hasText: '已插入「存在的问题」的参考框架' });
      await done.waitFor();
      expect(await field.inputValue()).toBe(EXPECTED);
      expect(await model(page)).toBe(EXPECTED);
      expect(await done.innerText()).toContain('其后 1 个标题已重新编号');

      await field.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => field.inputValue()).toBe(REPORT);
      expect(await model(page)).toBe(REPORT);
    } finally {
      await page.close();
    }
  });

  it('leaves a field typed into after the analysis as it is, and says why', async () => {
    const opened = await openWithReport();
    const { page, field, panel } = opened;
    try {
      const button = suggestion(opened).getByRole('button', { name: '插入参考框架' });
      await button.waitFor();
      const box = (await button.boundingBox())!;
      // The caret in the first paragraph, as a click there would put it: two characters typed there shift every
      // offset after them, so a replacement at the analysed offsets would cut into 二、 and 三、.
      const at = REPORT.indexOf('压实主体责任');
      await field.focus();
      await field.evaluate((el: HTMLTextAreaElement, offset: number) => el.setSelectionRange(offset, offset), at);
      // Time the edit and the click in the page, to know the click came before the panel read the field again
      // (it waits 250 ms after the last input event).
      // The typing is seen in the page, the click in the panel's frame: both clocks are Date.now().
      await page.evaluate(() => {
        const w = window as unknown as { __typedAt?: number };
        document.addEventListener('input', () => (w.__typedAt = Date.now()), { capture: true });
      });
      await opened.frame.evaluate(() => {
        const w = window as unknown as { __clickedAt?: number };
        document.addEventListener('pointerdown', () => (w.__clickedAt = Date.now()), { capture: true, once: true });
      });
      await page.keyboard.type('切实');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const typedAt = await page.evaluate(() => (window as unknown as { __typedAt?: number }).__typedAt ?? 0);
      const clickedAt = await opened.frame.evaluate(() => (window as unknown as { __clickedAt?: number }).__clickedAt ?? Infinity);
      const gap = clickedAt - typedAt;
      if (process.env.TB_DEBUG) console.log(`typed → clicked: ${gap.toFixed(1)} ms`);
      expect(gap, 'the click reached the panel before it re-read the field').toBeLessThan(200);

      const typed = REPORT.slice(0, at) + '切实' + REPORT.slice(at);
      await panel.getByRole('alert').filter({ hasText: '参考框架没有插入，原有内容未作任何改动' }).waitFor();
      expect(await field.inputValue()).toBe(typed);
      expect(await model(page)).toBe(typed);

      // Once the panel has read the field again (its outline shows the edit), the suggestion applies at the new
      // offsets.
      await panel.getByRole('listitem').filter({ hasText: /^（一）切实压实主体责任$/ }).waitFor();
      await suggestion(opened).getByRole('button', { name: '插入参考框架' }).click();
      await panel.getByRole('status').filter({ hasText: '已插入「存在的问题」的参考框架' }).waitFor();
      const expected = EXPECTED.slice(0, at) + '切实' + EXPECTED.slice(at);
      expect(await field.inputValue()).toBe(expected);
      expect(await model(page)).toBe(expected);
    } finally {
      await page.close();
    }
  });
});
