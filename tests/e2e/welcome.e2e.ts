// First run: installing the extension opens the options page at 使用说明, in the browser's language, with the
// icon and the shortcut the browser really has; the toolbar button has the drawn icon, not the generic letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, isWelcomeTab, launch, openedPanel, type Harness } from './harness';

let h: Harness;
let welcome: Page;

beforeAll(async () => {
  h = await launch({ keepWelcome: true });
  const deadline = Date.now() + 15_000;
  while (!h.context.pages().some((p) => isWelcomeTab(p.url())) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  welcome = h.context.pages().find((p) => isWelcomeTab(p.url()))!;
});

afterAll(async () => {
  await h?.close();
});

describe('first run', () => {
  it('opens 使用说明 on installation, in Chinese, with the panel shortcut', async () => {
    expect(welcome, 'no welcome tab opened on installation').toBeDefined();
    const heading = welcome.getByRole('heading', { level: 2, name: '欢迎使用填报助手' });
    await heading.waitFor({ timeout: 10_000 });
    const section = welcome.locator('#welcome');
    await expect(section.innerText()).resolves.toContain('Alt+Shift+Y');
    await expect(section.innerText()).resolves.toContain('图钉');
    // The guide is also the first entry of the options page's table of contents.
    await expect(welcome.locator('.opt-nav li').first().innerText()).resolves.toBe('使用说明');
    // The icon in the page's header loads (its natural size is the 48 px drawing).
    const width = await welcome.locator('.opt-nav h1 img').evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(width).toBe(48);
  });

  it('shows the plain guide, and opens no second welcome, when the options page is opened later', async () => {
    const before = h.context.pages().filter((p) => isWelcomeTab(p.url())).length;
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.getByRole('heading', { level: 2, name: '使用说明' }).waitFor({ timeout: 10_000 });
    expect(h.context.pages().filter((p) => isWelcomeTab(p.url())).length).toBe(before);
  });

  it('gives the toolbar button and the extension the drawn icons', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    for (const size of ['16', '32', '48', '128']) {
      const file = manifest.icons[size] as string;
      const png = readFileSync(join(EXTENSION_DIR, file));
      // A PNG of the declared size: width and height sit at bytes 16–23 of the IHDR chunk.
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
    expect(Object.keys(manifest.action.default_icon)).toEqual(['16', '32', '48']);
  });
});

describe('language', () => {
  it('switches the options page and an open panel at once, with no reload', async () => {
    const portal = await h.open('/demo-portal/');
    await h.clickToolbar(portal);
    const panel = await openedPanel(portal);
    await panel.getByRole('tab', { name: '检查' }).waitFor();

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html#settings`);
    await options.getByRole('heading', { level: 2, name: '设置' }).waitFor();
    let reloaded = false;
    options.on('load', () => (reloaded = true));
    await options.getByRole('combobox', { name: /界面语言/ }).selectOption('en');

    await options.getByRole('heading', { level: 2, name: 'Getting started' }).waitFor({ timeout: 5_000 });
    await expect(options.getByRole('status').innerText()).resolves.toBe('Saved. The interface has switched language.');
    await panel.getByRole('tab', { name: 'Checks' }).waitFor({ timeout: 5_000 });
    expect(reloaded).toBe(false);

    // And back, so that the suites after this one read Chinese.
    await options.getByRole('combobox', { name: /Interface language/ }).selectOption('auto');
    await panel.getByRole('tab', { name: '检查' }).waitFor({ timeout: 5_000 });
    await options.close();
    await portal.close();
  });
});
