// Report history end to end (issue 13) in Chromium with the built extension on the demo portal: a report that
// the portal accepted is kept as a record (from the page's drafts, when the guard saw the submit go through);
// the next period's empty form offers 从上期报告开始, which fills every field with the period words rewritten;
// each figure and date carried over is a 需核实 warning that the 检查 tab and the submit guard list, until the
// user edits it; then they are off the readiness figure and the submit goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { corpusReferences } from '../../lib/core/references/corpus';
import { agentReady, clearDrafts, enableFixtureOrigin, guardDialog, openPanelFromTab, patchSiteProfile, storedDrafts } from '../guard/e2e-support';

let h: Harness;

/** The Chinese interface whatever the browser's own language (a Chromium without its Chinese locale is English). */
async function chineseInterface(): Promise<void> {
  await h.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } } };
    }).chrome;
    const { settings } = await chrome.storage.local.get('settings');
    const defaults = { language: 'auto', submitGuard: true, draftAutosave: true, draftRetentionDays: 30, rules: { version: 1, disabledRules: [], disabledEntries: [], userEntries: [], sites: {} } };
    await chrome.storage.local.set({ settings: { ...defaults, ...settings, language: 'zh_CN' }, settings$: { v: 1 } });
  });
}

beforeAll(async () => {
  h = await launch();
  await chineseInterface();
  await enableFixtureOrigin(h);
  await patchSiteProfile(h, { panelCollapsed: true });
  await clearDrafts(h);
});

afterAll(async () => {
  await h?.close();
});

const LAST_PERIOD = {
  unit: '某某市财政局',
  main: '2025年下半年，认真落实意识形态工作责任制，召开党组会议专题研究部署意识形态工作4次，组织理论学习中心组集中学习6次，参训干部120人。2025年9月开展网络安全宣传周活动。',
  problems: '理论学习的系统性还不够强。',
  plans: '继续加强阵地管理，压实主体责任。',
  contact: '张明',
};

interface StoredRecord {
  path: string;
  period?: { year: number; half?: number };
  source: string;
  fields: Array<{ key: string; label: string; text: string }>;
}

async function storedHistory(): Promise<StoredRecord[]> {
  return h.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ reportHistory?: StoredRecord[] }> } } } }).chrome;
    return (await chrome.storage.local.get('reportHistory')).reportHistory ?? [];
  });
}

async function openDemo(): Promise<Page> {
  const page = await h.open('/demo-portal/');
  await agentReady(page);
  return page;
}

/** Clicks 提交 and lets the submit go through, answering 仍然提交 if the guard asks. */
async function submitThrough(page: Page): Promise<void> {
  await page.locator('#submit').click();
  const submitted = page.locator('#submitted');
  const until = Date.now() + 15_000;
  while ((await submitted.count().catch(() => 0)) === 0 && Date.now() < until) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    const dialog = frame?.getByRole('alertdialog');
    if (dialog && (await dialog.isVisible().catch(() => false))) {
      await dialog.getByRole('button', { name: '仍然提交' }).click();
      break;
    }
    await page.waitForTimeout(100);
  }
  await submitted.waitFor({ timeout: 15_000 });
}

const panelText = (frame: Frame) => frame.getByTestId('tianbao-panel').innerText();

describe('report history on the demo portal', () => {
  it('submit → next period → 从上期报告开始: period words new, carried figures flagged and listed until edited', async () => {
    // Last period's report, typed and submitted (from a clean slate: a retried run starts over).
    await clearDrafts(h);
    await h.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } }).chrome.storage.local.remove(['reportHistory', 'reportHistory$']),
    );
    const page = await openDemo();
    await page.locator('#unit').fill(LAST_PERIOD.unit);
    await page.locator('#period').selectOption('2025');
    await page.locator('#main').fill(LAST_PERIOD.main);
    await page.locator('#problems').fill(LAST_PERIOD.problems);
    await page.locator('#plans').fill(LAST_PERIOD.plans);
    await page.locator('#contact').fill(LAST_PERIOD.contact);
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 8_000 }).toBe(LAST_PERIOD.main);
    await expect.poll(() => storedDrafts(h).then((d) => d['name:contact']), { timeout: 8_000 }).toBe(LAST_PERIOD.contact);
    await submitThrough(page);

    // The background kept it as a record of this form and period.
    await expect.poll(() => storedHistory().then((r) => r.length), { timeout: 8_000 }).toBe(1);
    const [record] = await storedHistory();
    expect(record).toMatchObject({ path: '/demo-portal/', period: { year: 2025, half: 2 }, source: 'guard' });
    expect(record!.fields.find((f) => f.key === 'name:main')?.text).toBe(LAST_PERIOD.main);

    // Next period: the empty form offers the record.
    await page.goto(new URL('/demo-portal/', page.url()).href);
    const panel = await openPanelFromTab(page);
    const history = panel.getByTestId('tianbao-history');
    await history.getByRole('button', { name: '从上期报告开始' }).click();
    await expect.poll(() => page.locator('#main').inputValue(), { timeout: 8_000 }).toContain('2026年上半年，认真落实');
    const filled = await page.locator('#main').inputValue();
    expect(filled).not.toContain('2025年下半年');
    expect(filled).toContain('2025年9月'); // a date is flagged, never rewritten
    // The fields are written one after another, in the record's order: the others may come after 主要工作情况.
    await expect.poll(() => page.locator('#unit').inputValue(), { timeout: 8_000 }).toBe(LAST_PERIOD.unit);
    await expect.poll(() => page.locator('#plans').inputValue(), { timeout: 8_000 }).toBe(LAST_PERIOD.plans);
    await expect.poll(() => history.innerText(), { timeout: 5_000 }).toMatch(/沿用的数字、日期 4 处标为需核实/);

    // The 检查 tab lists each carried figure; the guard holds the submit for them.
    await panel.getByRole('tab', { name: /检查/ }).click();
    await expect.poll(() => panelText(panel), { timeout: 8_000 }).toContain('沿用上期报告的数字“4次”');
    const missing = async () => Number(/还差 (\d+) 项/.exec(await panelText(panel))?.[1] ?? 0);
    // The four are one group of the same rule (过时的提法, 4 处), each listed on 逐条查看.
    expect(await panelText(panel)).toContain('过时的提法（4）');
    await page.locator('#period').selectOption('2026H1');
    await expect.poll(() => panelText(panel), { timeout: 8_000 }).not.toContain('必填项“报告期”');
    const missingWithCarried = await missing();
    await page.locator('#submit').click();
    const dialog = await guardDialog(page);
    await expect.poll(() => dialog.innerText()).toContain('4次');
    const listed = await dialog.innerText();
    for (const figure of ['6次', '120人']) expect(listed).toContain(`沿用上期报告的数字“${figure}”`);
    expect(listed).toContain('沿用上期报告的日期“2025年9月”');
    await dialog.getByRole('button', { name: '返回修改' }).click();
    expect(await page.locator('#submitted').count()).toBe(0);

    // The user puts this period's figures in: nothing carried is left, the readiness figure drops by the four
    // (what remains are the template's topics this short text does not cover, which hold no submit), and the
    // submit goes through with no dialog.
    await page.locator('#main').fill(
      filled.replace('4次', '3次').replace('6次', '5次').replace('120人', '98人').replace('2025年9月', '2026年3月'),
    );
    await expect.poll(() => panelText(panel), { timeout: 8_000 }).not.toContain('沿用上期报告');
    await expect.poll(missing, { timeout: 8_000 }).toBe(missingWithCarried - 4);
    await page.locator('#submit').click();
    await page.locator('#submitted').waitFor({ timeout: 15_000 });
    // That submit is the new period's record.
    await expect.poll(() => storedHistory().then((r) => r.map((x) => x.period?.year).sort()), { timeout: 8_000 }).toEqual([2025, 2026]);
    await page.close();
  });

  it('检查 shows 范文相似度 of a corpus report against the corpus, each passage located in the field', async () => {
    const sample = corpusReferences[4]!;
    const page = await openDemo();
    await page.locator('#main').fill(`本单位今年新写的开头一段，和任何范文都不相同，用来占一点篇幅。\n${sample.text}`);
    const panel = await openPanelFromTab(page);
    await panel.getByRole('tab', { name: /检查/ }).click();
    const copies = panel.getByTestId('tianbao-copies');
    await expect.poll(() => copies.innerText().catch(() => ''), { timeout: 8_000 }).toMatch(/范文相似度 9\d\.\d%/);
    // One line until opened: the findings stay at the top of 检查.
    await copies.locator('summary').click();
    expect(await copies.innerText()).toContain(sample.title);
    // 定位 selects the passage in the textarea.
    await copies.getByRole('button', { name: '定位' }).first().click();
    await expect
      .poll(() => page.locator('#main').evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd)), { timeout: 5_000 })
      .toContain(sample.text.slice(0, 12));
    await page.close();
  });
});
