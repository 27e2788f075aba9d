// Report history and 一键成稿 end to end (issue 13) on two fixture portals besides the demo portal: the React
// controlled form (a split form: 主要工作情况, 存在的问题 and 下一步工作打算 are fields of their own, whose values
// React holds) and the TinyMCE page (主要工作情况 is the rich editor, in an iframe). On each: last period's report
// is typed and kept through the panel's 标记为已提交; the same form opened again empty offers 从上期报告开始, which
// writes the record back with the period words rewritten and each carried figure listed in 检查 until the user
// edits it; and on an empty form 一键成稿 → 插入 puts the draft into the page's own state (the framework's model,
// the editor's getContent(), read through window.__portal.read()), which one 撤销 empties again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openedPanel, type Harness } from './harness';
import { MAIN_EDITABLES, lines, openPortal, usePortalHarness } from './portal-helpers';

let h: Harness;
usePortalHarness((harness) => (h = harness));

beforeAll(async () => {
  // The Chinese interface whatever the browser's own language.
  await h.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } } };
    }).chrome;
    const { settings } = await chrome.storage.local.get('settings');
    const defaults = { language: 'auto', submitGuard: true, draftAutosave: true, draftRetentionDays: 30, rules: { version: 1, disabledRules: [], disabledEntries: [], userEntries: [], sites: {} } };
    await chrome.storage.local.set({ settings: { ...defaults, ...settings, language: 'zh_CN' }, settings$: { v: 1 } });
  });
});

const LAST_PERIOD = {
  单位名称: '某某市财政局',
  主要工作情况: '2025年下半年，认真落实意识形态工作责任制，召开党组会议专题研究部署意识形态工作4次，组织理论学习中心组集中学习6次，参训干部120人。',
  存在的问题: '理论学习的系统性还不够强。',
  下一步工作打算: '继续加强阵地管理，压实主体责任。',
  联系人: '张明',
};
const CARRIED = ['4次', '6次', '120人'];

const PORTAL_IDS = ['react', 'tinymce'] as const;

const read = (page: Page) => page.evaluate(() => window.__portal!.read());
const panelText = (frame: Frame) => frame.getByTestId('tianbao-panel').innerText();

/** Puts `text` into 主要工作情况 as a user would: typed into the textarea or the editor (replacing what it holds). */
async function typeMain(page: Page, id: string, text: string): Promise<void> {
  const editable = MAIN_EDITABLES[id]!(page);
  if (id === 'tinymce') {
    await editable.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(text);
  } else {
    await editable.fill(text);
  }
  await expect.poll(async () => lines((await read(page)).主要工作情况).join('')).toBe(text);
}

async function openPanel(page: Page): Promise<Frame> {
  await h.clickToolbar(page);
  return openedPanel(page);
}

async function clearHistory(): Promise<void> {
  await h.worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } }).chrome.storage.local.remove([
      'reportHistory',
      'reportHistory$',
      'drafts',
      'drafts$',
    ]),
  );
}

for (const id of PORTAL_IDS) {
  describe(`report history and 一键成稿 on the ${id} portal`, () => {
    it('标记为已提交 → the same form empty → 从上期报告开始: period words new, carried figures listed until edited', async () => {
      await clearHistory();
      const page = await openPortal(h, id);
      try {
        await page.getByLabel('单位名称', { exact: true }).fill(LAST_PERIOD.单位名称);
        await typeMain(page, id, LAST_PERIOD.主要工作情况);
        for (const label of ['存在的问题', '下一步工作打算', '联系人'] as const) await page.getByLabel(label, { exact: true }).fill(LAST_PERIOD[label]);
        let panel = await openPanel(page);
        const history = panel.getByTestId('tianbao-history');
        await history.getByRole('button', { name: '标记为已提交' }).click();
        await expect.poll(() => history.innerText(), { timeout: 8_000 }).toContain('已记入报告记录');

        // The same form, opened again empty.
        await page.reload();
        await page.waitForFunction(() => window.__portalReady === true);
        expect((await read(page)).主要工作情况).toBe('');
        panel = await openPanel(page);
        const offer = panel.getByTestId('tianbao-history');
        await offer.getByRole('button', { name: '从上期报告开始' }).click();
        await expect.poll(async () => lines((await read(page)).主要工作情况).join(''), { timeout: 8_000 }).toContain('认真落实');
        const filled = lines((await read(page)).主要工作情况).join('');
        expect(filled).not.toContain('2025年下半年');
        expect(filled).toMatch(/^2026年(上半年|下半年|度)?，认真落实/);
        // The fields are written one after another: the rich editor may be done before the plain ones.
        await expect.poll(async () => (await read(page)).存在的问题, { timeout: 8_000 }).toBe(LAST_PERIOD.存在的问题);
        await expect.poll(async () => (await read(page)).下一步工作打算, { timeout: 8_000 }).toBe(LAST_PERIOD.下一步工作打算);
        await expect.poll(() => offer.innerText(), { timeout: 5_000 }).toMatch(/沿用的数字、日期 3 处标为需核实/);

        // 检查 lists each carried figure.
        await panel.getByRole('tab', { name: /检查/ }).click();
        // The three are one group of the same rule, each listed on 逐条查看.
        await expect.poll(() => panelText(panel), { timeout: 8_000 }).toContain('过时的提法（3）');
        await panel.getByRole('button', { name: '逐条查看' }).first().click();
        for (const figure of CARRIED) await expect.poll(() => panelText(panel), { timeout: 8_000 }).toContain(`沿用上期报告的数字“${figure}”`);

        // This period's figures typed in: nothing carried is left.
        await typeMain(page, id, filled.replace('4次', '3次').replace('6次', '5次').replace('120人', '98人'));
        await expect.poll(() => panelText(panel), { timeout: 8_000 }).not.toContain('沿用上期报告');
      } finally {
        await page.close();
      }
    });

    it('empty form → 一键成稿 → 插入: the page holds the draft; 撤销 empties it', async () => {
      await clearHistory();
      const page = await openPortal(h, id);
      try {
        await page.getByLabel('单位名称', { exact: true }).fill('市文化和旅游局');
        const panel = await openPanel(page);
        await panel.getByRole('tab', { name: /结构/ }).click();
        await panel.getByRole('button', { name: '一键成稿' }).click();
        const preview = panel.getByRole('region', { name: '一键成稿预览' });
        await preview.waitFor({ timeout: 10_000 });
        await preview.getByRole('button', { name: '插入' }).click();
        await expect.poll(async () => lines((await read(page)).主要工作情况).join('\n'), { timeout: 8_000 }).toContain('（一）');
        await expect.poll(async () => (await read(page)).下一步工作打算.length, { timeout: 8_000 }).toBeGreaterThan(20);
        const values = await read(page);
        expect(lines(values.主要工作情况).join('\n')).toContain('市文化和旅游局');
        for (const label of ['存在的问题', '下一步工作打算'] as const) {
          expect(values[label].length).toBeGreaterThan(20);
          expect(values[label]).not.toMatch(/(^|\n)[一二三]、/);
        }

        const bar = panel.getByTestId('tianbao-undo');
        await bar.getByRole('button', { name: '撤销' }).click();
        await expect.poll(async () => /已撤销|无法撤销/.test((await bar.textContent()) ?? ''), { timeout: 8_000 }).toBe(true);
        await expect.poll(async () => lines((await read(page)).主要工作情况), { timeout: 8_000 }).toEqual([]);
        expect((await read(page)).存在的问题).toBe('');
        expect((await read(page)).下一步工作打算).toBe('');
      } finally {
        await page.close();
      }
    });
  });
}
