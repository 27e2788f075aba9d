// 一键成稿 end to end (issue 13 item 3) in Chromium with the built extension on the demo portal: an empty form
// (单位名称 and 报告期 chosen, the report fields empty) → 结构 → 一键成稿 → the preview, where 换一段 swaps a
// paragraph → 插入 fills 主要工作情况, 存在的问题 and 下一步工作打算 by the mapping, each without its heading (one
// 撤销 empties them all again; inserted once more) →
// the readiness bar lists the draft's fill-in markers ({{次数}} …) as missing items → the user types over them
// and fills 联系人 → 可以提交.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { agentReady, clearDrafts, enableFixtureOrigin, openPanelFromTab, patchSiteProfile } from '../guard/e2e-support';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } } };
    }).chrome;
    const { settings } = await chrome.storage.local.get('settings');
    const defaults = { language: 'auto', submitGuard: true, draftAutosave: true, draftRetentionDays: 30, rules: { version: 1, disabledRules: [], disabledEntries: [], userEntries: [], sites: {} } };
    await chrome.storage.local.set({ settings: { ...defaults, ...settings, language: 'zh_CN' }, settings$: { v: 1 } });
  });
  await enableFixtureOrigin(h);
  await patchSiteProfile(h, { panelCollapsed: true });
  await clearDrafts(h);
});

afterAll(async () => {
  await h?.close();
});

const FIELDS = ['main', 'problems', 'plans'] as const;
const MARKER = /\{\{([^{}]{1,40})\}\}/g;

async function missingCount(frame: Frame): Promise<string> {
  const text = (await frame.locator('.tb-ready').first().textContent()) ?? '';
  if (text.includes('可以提交')) return '可以提交';
  return /还差\s*(\d+)\s*项/.exec(text)?.[1] ?? text;
}

async function readyItems(frame: Frame): Promise<string[]> {
  const toggle = frame.locator('.tb-ready-toggle');
  if ((await toggle.count()) === 0) return [];
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return frame.locator('.tb-ready-item > span').allTextContents();
}

describe('一键成稿 on the demo portal', () => {
  it('empty form → 一键成稿 → preview → 插入 → the fill-in markers are the missing items → filled → 可以提交', async () => {
    const page: Page = await h.open('/demo-portal/');
    await agentReady(page);
    await page.locator('#unit').fill('市文化和旅游局');
    await page.locator('#period').selectOption('2026');
    const panel = await openPanelFromTab(page);

    await panel.getByRole('tab', { name: /结构/ }).click();
    await expect.poll(() => panel.getByText(/表单还是空的/).count(), { timeout: 10_000 }).toBe(1);
    await panel.getByRole('button', { name: '一键成稿' }).click();
    const preview = panel.getByRole('region', { name: '一键成稿预览' });
    await preview.waitFor({ timeout: 10_000 });
    expect(await preview.getByRole('heading', { level: 4 }).allTextContents()).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算']);
    expect(await preview.innerText()).toContain('市文化和旅游局');

    // 换一段 puts another candidate into that paragraph.
    const slot = preview.locator('li.tb-draft-slot').filter({ has: panel.getByRole('button', { name: '换一段' }) }).first();
    const swap = slot.getByRole('button', { name: '换一段' });
    const before = await slot.innerText();
    await swap.click();
    await expect.poll(() => slot.innerText()).not.toBe(before);

    await preview.getByRole('button', { name: '插入' }).click();
    await expect.poll(() => page.locator('#main').inputValue(), { timeout: 8_000 }).toContain('（一）');

    // One 撤销 takes the whole draft back out of every field; then it goes in again.
    await panel.getByRole('button', { name: '撤销' }).click();
    for (const id of FIELDS) await expect.poll(() => page.locator(`#${id}`).inputValue(), { timeout: 8_000 }).toBe('');
    await panel.getByRole('tab', { name: /结构/ }).click();
    await panel.getByRole('button', { name: '一键成稿' }).click();
    await panel.getByRole('region', { name: '一键成稿预览' }).getByRole('button', { name: '插入' }).click();
    await expect.poll(() => page.locator('#main').inputValue(), { timeout: 8_000 }).toContain('（一）');
    // The fields are written one after another: wait for each before reading them together.
    for (const id of FIELDS) await expect.poll(async () => (await page.locator(`#${id}`).inputValue()).length, { timeout: 8_000 }).toBeGreaterThan(20);
    const texts = Object.fromEntries(await Promise.all(FIELDS.map(async (id) => [id, await page.locator(`#${id}`).inputValue()] as const)));
    for (const id of FIELDS) {
      expect(texts[id]!.length).toBeGreaterThan(20);
      expect(texts[id]).not.toMatch(/(^|\n)[一二三]、/);
    }
    expect(texts.main).toContain('市文化和旅游局');

    // The readiness bar lists each fill-in marker (and the empty 联系人) as missing.
    const markers = [...new Set(FIELDS.flatMap((id) => [...texts[id]!.matchAll(MARKER)].map((m) => m[0])))];
    expect(markers).toContain('{{次数}}');
    await expect.poll(async () => (await readyItems(panel)).join('\n'), { timeout: 10_000 }).toContain('{{次数}}');
    const items = await readyItems(panel);
    expect(items.some((item) => item.includes('联系人'))).toBe(true);
    expect(Number(await missingCount(panel))).toBeGreaterThanOrEqual(markers.length);

    // Typed over: counts get numbers, the other blanks words; 联系人 filled.
    for (const id of FIELDS) {
      const filled = texts[id]!.replace(MARKER, (_, name: string) => (name.includes('次数') ? '4' : '加强队伍建设的具体举措'));
      await page.locator(`#${id}`).fill(filled);
    }
    await page.locator('#contact').fill('张明');
    await expect.poll(() => missingCount(panel), { timeout: 10_000 }).toBe('可以提交').catch(async (error: unknown) => {
      console.log('STILL', await readyItems(panel), await Promise.all(FIELDS.map((id) => page.locator(`#${id}`).inputValue())));
      throw error;
    });
    await page.close();
  });
});
