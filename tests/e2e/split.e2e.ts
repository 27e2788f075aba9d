// 拆分到各栏 through the real panel (issue 10 item 6): a report pasted whole into 主要工作情况, holding
// 二、存在的不足 and 三、下一步工作打算, is offered to be split; the preview names what goes where; on 确认拆分 the
// 存在的问题 and 下一步工作打算 fields hold those sections' text (their heading lines dropped: the fields' labels
// name them) and 主要工作情况 keeps only its own section, in the page's own state; the panel's 撤销 puts all three
// back. On the demo portal (textareas, where each field's Ctrl+Z also takes its own part back) and on every fixture
// portal (tests/fixtures/portals/list.ts): the framework forms (Element Plus, Ant Design, layui, React), whose
// 主要工作情况 is a textarea the framework holds the value of, and the editor pages (TinyMCE, CKEditor 4 and 5,
// Quill, wangEditor, KindEditor, the UEditor-style iframe in both kinds), whose 主要工作情况 is the rich editor
// (the source loses its sections there as one paste of the text it keeps). Each page's own state is read
// through window.__portal.read(): the framework's model or the editor's getContent()/getData()/…
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openedPanel, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { MAIN_EDITABLES as EDITABLES, lines, openPortal, usePortalHarness } from './portal-helpers';

let h: Harness;
usePortalHarness((harness) => (h = harness));

const KEPT = ['一、主要工作情况', '（一）压实主体责任。局党组全年召开会议专题研究意识形态工作4次。', '（二）加强理论武装。组织理论学习中心组集中学习12次。'];
const PROBLEMS = ['一是理论学习还不够深入；二是网络阵地管理还有短板。'];
const PLANS = ['（一）持续深化理论武装。', '（二）加强意识形态阵地管理。'];
const PASTED = [...KEPT, '二、存在的不足', ...PROBLEMS, '三、下一步工作打算', ...PLANS];

async function splitThroughPanel(frame: Frame): Promise<void> {
  const region = frame.getByRole('region', { name: '拆分到各栏' });
  await region.waitFor();
  const offer = (await region.textContent()) ?? '';
  expect(offer).toContain('二、存在的不足 → “存在的问题”');
  expect(offer).toContain('三、下一步工作打算 → “下一步工作打算”');
  await region.getByRole('button', { name: '拆分到各栏' }).click();
  // The preview: what each field receives (without the heading lines) and what the source loses.
  const preview = (await region.locator('.tb-preview').textContent()) ?? '';
  expect(preview).toContain('填入“存在的问题”');
  expect(preview).toContain(PROBLEMS[0]);
  expect(preview).toContain('“主要工作情况”删去这 2 个部分');
  await region.getByRole('button', { name: '确认拆分' }).click();
  await region.getByRole('status').filter({ hasText: '已拆分到' }).waitFor();
}

const undoInPanel = async (frame: Frame) => {
  const bar = frame.getByTestId('tianbao-undo');
  await bar.getByRole('button', { name: '撤销' }).click();
  // The outcome, either way: a refusal is shown with its reason.
  await expect.poll(async () => /已撤销|无法撤销/.test((await bar.textContent()) ?? '')).toBe(true);
  expect(await bar.textContent()).toContain('已撤销');
};

describe('拆分到各栏 on the demo portal', () => {
  const field = (page: Page, id: string) => page.locator(`#${id}`);

  async function open(): Promise<{ page: Page; frame: Frame }> {
    const page = await h.open('/demo-portal/');
    await field(page, 'main').fill(PASTED.join('\n'));
    await h.clickToolbar(page);
    return { page, frame: await openedPanel(page) };
  }

  it('moves the sections into their fields, and 撤销 puts all three back', async () => {
    const { page, frame } = await open();
    try {
      await splitThroughPanel(frame);
      expect(await field(page, 'main').inputValue()).toBe(KEPT.join('\n'));
      expect(await field(page, 'problems').inputValue()).toBe(PROBLEMS.join('\n'));
      expect(await field(page, 'plans').inputValue()).toBe(PLANS.join('\n'));
      await undoInPanel(frame);
      expect(await field(page, 'main').inputValue()).toBe(PASTED.join('\n'));
      expect(await field(page, 'problems').inputValue()).toBe('');
      expect(await field(page, 'plans').inputValue()).toBe('');
    } finally {
      await page.close();
    }
  });

  it('is one undo step in each field', async () => {
    const { page, frame } = await open();
    try {
      await splitThroughPanel(frame);
      // Chromium keeps one undo stack per page: Ctrl+Z takes the latest step back whichever textarea has the
      // caret, so the fields are undone in the reverse order of the writes (the source was written last).
      await field(page, 'main').focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => field(page, 'main').inputValue()).toBe(PASTED.join('\n'));
      expect(await field(page, 'plans').inputValue()).toBe(PLANS.join('\n'));
      for (const id of ['plans', 'problems']) {
        await field(page, id).focus();
        await page.keyboard.press('Control+z');
        await expect.poll(() => field(page, id).inputValue()).toBe('');
      }
    } finally {
      await page.close();
    }
  });

  it('changes nothing and says so when a target field was typed into after the check', async () => {
    const { page, frame } = await open();
    try {
      const region = frame.getByRole('region', { name: '拆分到各栏' });
      await region.getByRole('button', { name: '拆分到各栏' }).click();
      // Typed while the preview is open: the plan no longer fits 下一步工作打算.
      await field(page, 'plans').fill('刚写的打算。');
      await region.getByRole('button', { name: '确认拆分' }).click();
      await expect.poll(() => region.getByRole('alert').textContent()).toContain('“下一步工作打算”在检查之后又有改动，未作任何改动');
      expect(await field(page, 'main').inputValue()).toBe(PASTED.join('\n'));
      expect(await field(page, 'problems').inputValue()).toBe('');
      expect(await field(page, 'plans').inputValue()).toBe('刚写的打算。');
    } finally {
      await page.close();
    }
  });
});

it('covers every fixture portal', () => {
  expect(Object.keys(EDITABLES).sort()).toEqual(PORTALS.map((portal) => portal.id).sort());
});

for (const id of Object.keys(EDITABLES)) {
  describe(`拆分到各栏 out of 主要工作情况 on the ${id} portal`, () => {
    it('moves the sections into their fields, the editor keeps its own section, and 撤销 restores all three', async () => {
      const page = await openPortal(h, id);
      try {
        await EDITABLES[id]!(page).click();
        for (const [index, line] of PASTED.entries()) {
          if (index > 0) await page.keyboard.press('Enter');
          await page.keyboard.insertText(line);
        }
        const read = () => page.evaluate(() => window.__portal!.read());
        await expect.poll(async () => lines((await read()).主要工作情况)).toEqual(PASTED);

        await h.clickToolbar(page);
        const frame = await openedPanel(page);
        await splitThroughPanel(frame);
        // The page's own state: the editor's model and the form's textareas.
        await expect.poll(async () => lines((await read()).主要工作情况)).toEqual(KEPT);
        expect(lines((await read()).存在的问题)).toEqual(PROBLEMS);
        expect(lines((await read()).下一步工作打算)).toEqual(PLANS);

        await undoInPanel(frame);
        await expect.poll(async () => lines((await read()).主要工作情况)).toEqual(PASTED);
        expect((await read()).存在的问题).toBe('');
        expect((await read()).下一步工作打算).toBe('');
      } finally {
        await page.close();
      }
    });
  });
}
