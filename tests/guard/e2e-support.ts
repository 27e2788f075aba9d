// Shared by tests/e2e/guard.e2e.ts and tests/e2e/drafts.e2e.ts: enabling the fixture origin the way a user
// does, filling the fixture portals, and reaching into the extension's content-script world.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { openedPanel, panelFrame, type Harness } from '../e2e/harness';

/** Texts that pass every check (verified through lib/guard/findings.ts in tests/guard/findings.test.ts). */
export const CLEAN = {
  单位名称: '某某市财政局',
  主要工作情况: '认真落实意识形态工作责任制，召开党组会议专题研究部署意识形态工作4次。',
  存在的问题: '理论学习的系统性还不够强。',
  下一步工作打算: '继续加强阵地管理，压实主体责任。',
  联系人: '张明',
};

/** The same with a placeholder left in 主要工作情况: a blocking finding. */
export const BLOCKING = { ...CLEAN, 主要工作情况: `${CLEAN.主要工作情况}参会人员xx名。` };

export type Texts = typeof CLEAN;

export function buildPortals(): void {
  const dist = resolve(import.meta.dirname, '../fixtures/portals/dist/layui/index.html');
  if (!existsSync(dist)) execFileSync('node', [resolve(import.meta.dirname, '../fixtures/portals/build.mjs')], { stdio: 'ignore' });
}

/** 「在此网站始终启用」 for the fixture server's origin, through the extension's own permission window. */
export async function enableFixtureOrigin(h: Harness): Promise<void> {
  const consent = await h.context.newPage();
  const url = `chrome-extension://${h.extensionId}/enable-site.html?origin=${encodeURIComponent(h.fixtures.origin)}`;
  await consent.goto(url);
  const allow = consent.getByRole('button', { name: '允许' });
  // Right after the browser starts, on a loaded machine, the first extension page has been seen to stay blank
  // (CI, 3 launches of 25): one reload, and a failure that says what the page showed.
  if (!(await allow.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
    await consent.reload();
    if (!(await allow.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
      const shown = await consent.locator('body').innerText().catch(() => '(unreadable)');
      throw new Error(`the enable-site page showed no 允许 button; it showed: ${JSON.stringify(shown.slice(0, 300))}`);
    }
  }
  await allow.click();
  await consent.getByRole('status').waitFor();
  if (!consent.isClosed()) await consent.close().catch(() => undefined);
}

/** Changes the fixture origin's site profile in storage, as the panel's own controls would. */
export async function patchSiteProfile(h: Harness, patch: Record<string, unknown>): Promise<void> {
  await h.worker.evaluate(
    async ({ origin, patch }) => {
      const chrome = (globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, object>>>; set(v: object): Promise<void> } } };
      }).chrome;
      const { siteProfiles } = await chrome.storage.local.get('siteProfiles');
      await chrome.storage.local.set({ siteProfiles: { ...siteProfiles, [origin]: { ...siteProfiles![origin], ...patch } } });
    },
    { origin: h.fixtures.origin, patch },
  );
}

/** Opens the panel from the slim tab the agent shows on an enabled site where the panel was left collapsed. */
export async function openPanelFromTab(page: Page): Promise<Frame> {
  await agentReady(page);
  // The tab's shadow root is closed: a real click on its box.
  if (await page.locator('tianbao-tab').count()) await page.locator('tianbao-tab').click();
  return openedPanel(page);
}

/** The guard's dialog in the panel's frame, once the frame is there (the guard may load it on 提交). */
export async function guardDialog(page: Page, timeoutMs = 10_000): Promise<Locator> {
  const dialog = (await panelFrame(page, timeoutMs)).getByRole('alertdialog');
  await dialog.waitFor({ timeout: timeoutMs });
  return dialog;
}

/** How many guard dialogs are showing (0 when the panel was never loaded). */
export async function dialogCount(page: Page): Promise<number> {
  const frame = page.frames().find((f) => f.url().includes('/panel.html#'));
  return frame ? frame.getByRole('alertdialog').count() : 0;
}

/** Runs `func` in the tab's content-script world (where the agent and the panel live), from the background. */
export async function inContentWorld(h: Harness, page: Page, variant: 'break-check' | 'panel-never-answers'): Promise<void> {
  await h.worker.evaluate(
    async ({ url, code }) => {
      type Tab = { url?: string; id?: number };
      const chrome = (globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<Tab[]> };
          scripting: { executeScript(o: object): Promise<unknown> };
        };
      }).chrome;
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (!tab?.id) throw new Error(`no tab shows ${url}`);
      // No eval in the extension: the test's variants are chosen by name inside a fixed function.
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        args: [code],
        func: (variant: string) => {
          const g = globalThis as unknown as { __tianbaoPanel?: { guard?: { check(): unknown; cleanNow(): boolean } ; toggle(): void; open(): void } };
          if (variant === 'break-check' && g.__tianbaoPanel?.guard) {
            g.__tianbaoPanel.guard.cleanNow = () => false;
            g.__tianbaoPanel.guard.check = async () => {
              throw new Error('broken on purpose');
            };
          }
          if (variant === 'panel-never-answers') {
            // A panel handle without a guard: the agent waits for one that never comes.
            g.__tianbaoPanel = { toggle() {}, open() {} };
          }
        },
      });
    },
    { url: page.url(), code: variant },
  );
}

export interface PortalDriver {
  field(page: Page, label: keyof Texts): Locator;
  choosePeriod(page: Page): Promise<void>;
  submit(page: Page): Locator;
  submits(page: Page): Promise<number>;
}

const portalSubmits = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { submits: number } }).__portal.submits);

const byName: Record<keyof Texts, string> = {
  单位名称: 'unit',
  主要工作情况: 'work',
  存在的问题: 'problems',
  下一步工作打算: 'plans',
  联系人: 'contact',
};

export const PORTAL_DRIVERS: Record<'element-plus' | 'antd' | 'layui', PortalDriver> = {
  'element-plus': {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    async choosePeriod(page) {
      await page.locator('.el-form-item', { hasText: '报告期' }).locator('.el-select').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '2026年上半年' }).click();
    },
    submit: (page) => page.getByRole('button', { name: '提交' }),
    submits: portalSubmits,
  },
  antd: {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    async choosePeriod(page) {
      await page.locator('.ant-select').click();
      await page.locator('.ant-select-item-option[title="2026年上半年"]').click();
    },
    // antd renders the two-character label with a space: "提 交".
    submit: (page) => page.getByRole('button', { name: /^提\s*交$/ }),
    submits: portalSubmits,
  },
  layui: {
    field: (page, label) => page.locator(`[name="${byName[label]}"]`),
    async choosePeriod(page) {
      await page.locator('.layui-form-select .layui-select-title input').click();
      await page.locator('.layui-form-select dd[lay-value="2026年上半年"]').click();
    },
    submit: (page) => page.getByRole('button', { name: '提交' }),
    submits: portalSubmits,
  },
};

export async function fillPortal(page: Page, driver: PortalDriver, texts: Texts): Promise<void> {
  for (const label of Object.keys(texts) as (keyof Texts)[]) await driver.field(page, label).fill(texts[label]);
  await driver.choosePeriod(page);
}

export async function fillDemo(page: Page, texts: Texts): Promise<void> {
  await page.locator('#unit').fill(texts.单位名称);
  await page.locator('#period').selectOption('2026H1');
  await page.locator('#main').fill(texts.主要工作情况);
  await page.locator('#problems').fill(texts.存在的问题);
  await page.locator('#plans').fill(texts.下一步工作打算);
  await page.locator('#contact').fill(texts.联系人);
}

/** Waits until the agent has read the site's settings (its tab or the panel is in the page). */
export async function agentReady(page: Page): Promise<void> {
  await page.locator('tianbao-tab, tianbao-panel').first().waitFor({ state: 'attached', timeout: 15_000 });
}

/** Removes every stored draft, so that a test starts without any. */
export async function clearDrafts(h: Harness): Promise<void> {
  await h.worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('drafts'),
  );
}

/** The fixture origin's drafts as stored (field key → text), only those taken on `pagePath` when given. */
export async function storedDrafts(h: Harness, pagePath?: string): Promise<Record<string, string>> {
  return h.worker.evaluate(
    async ({ origin, pagePath }) => {
      const chrome = (globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<{ drafts?: Record<string, Record<string, { text: string; pageUrl: string }>> }> } } };
      }).chrome;
      const { drafts } = await chrome.storage.local.get('drafts');
      const site = drafts?.[origin] ?? {};
      return Object.fromEntries(
        Object.entries(site)
          .filter(([, draft]) => !pagePath || new URL(draft.pageUrl).pathname === pagePath)
          .map(([key, draft]) => [key, draft.text]),
      );
    },
    { origin: h.fixtures.origin, pagePath },
  );
}
