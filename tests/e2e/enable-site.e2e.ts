// 「在此网站始终启用」 end to end: the permission window, the agent registered for the origin, the panel tab
// there after a reload, the options page listing the site and revoking it. The e2e flavour pre-grants
// http://127.0.0.1 (see wxt.config.ts), so permissions.request() resolves without a browser prompt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openedPanel, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

describe('enabled site', () => {
  it('shows no tab on a site that was never enabled', async () => {
    const page = await h.open('/demo-portal/');
    await page.waitForTimeout(1000);
    expect(await page.locator('tianbao-tab').count()).toBe(0);
    expect(await page.locator('tianbao-panel').count()).toBe(0);
    await page.close();
  });

  it('survives a reload: enabled through the permission window, the panel is back without the toolbar', async () => {
    const page = await h.open('/demo-portal/');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    const windowOpened = h.context.waitForEvent('page');
    await panel.getByRole('button', { name: '在此网站始终启用' }).click();
    const consent = await windowOpened;
    await consent.getByRole('button', { name: '允许' }).waitFor();
    expect(consent.url()).toContain('/enable-site.html');
    expect(await consent.getByText(h.fixtures.origin, { exact: false }).count()).toBeGreaterThan(0);
    await consent.getByRole('button', { name: '允许' }).click();
    await consent.getByRole('status').waitFor();
    expect(await consent.getByRole('status').innerText()).toContain('已启用');

    await page.reload();
    // The user left the panel open, so it opens again by itself.
    const reopened = await openedPanel(page);
    await page.bringToFront();
    await expect.poll(() => reopened.getByText('已在此网站始终启用', { exact: false }).count()).toBe(1);

    // Collapsed before leaving: only the slim tab comes back, and it opens the panel.
    await reopened.getByRole('button', { name: '收起侧栏' }).click();
    // The collapsed state is saved asynchronously; reload once it is stored, as a user's next visit would.
    await expect
      .poll(() =>
        h.worker.evaluate(async (origin) => {
          const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, { panelCollapsed?: boolean }>>> } } } }).chrome;
          const stored = await chrome.storage.local.get('siteProfiles');
          return stored.siteProfiles?.[origin]?.panelCollapsed;
        }, h.fixtures.origin),
      )
      .toBe(true);
    await page.reload();
    // The tab's shadow root is closed (to the page and to selectors alike): a real click on its box.
    const tab = page.locator('tianbao-tab');
    await tab.waitFor({ timeout: 15_000 });
    expect(await page.locator('tianbao-panel').count()).toBe(0);
    await tab.click();
    await openedPanel(page);
    expect(await page.locator('tianbao-tab').count()).toBe(0);
    await page.close();
  });

  it('is listed on the options page, and revoking it removes the tab on the next visit', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const row = options.getByRole('listitem').filter({ hasText: h.fixtures.origin });
    await row.waitFor();
    await row.getByRole('button', { name: '取消启用' }).click();
    await expect.poll(() => options.getByRole('listitem').filter({ hasText: h.fixtures.origin }).count()).toBe(0);

    const page = await h.open('/demo-portal/');
    await page.waitForTimeout(1500);
    expect(await page.locator('tianbao-tab').count()).toBe(0);
    expect(await page.locator('tianbao-panel').count()).toBe(0);
    await page.close();
    await options.close();
  });
});
