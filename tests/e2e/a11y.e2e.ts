// Accessibility in real Chromium: axe-core on every panel tab, the guard dialog, the options page, its welcome
// section and the enable-site window, in Chinese and in English, with the system set to light and to dark (the
// panel, in the portal's frame, follows the system as the options page does). No serious or critical violation
// is allowed; every violation found is printed with its elements, so that a failure says what to fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';
import { seriousViolations } from './axe';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** The system's colour scheme for the pass: emulated on every page the pass opens (and the frames in it). */
let scheme: 'light' | 'dark' = 'light';

async function newPage(): Promise<Page> {
  const page = await h.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** The background colour an element is painted on, as the browser computed it. */
async function backgroundOf(target: Page | Frame, selector: string): Promise<string> {
  return target.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** Light or dark, from an `rgb(…)` colour's luminance. */
function isDark(rgb: string): boolean {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
}

async function openPanelOn(path: string): Promise<{ page: Page; frame: Frame }> {
  const page = await newPage();
  await page.goto(h.fixtures.origin + path);
  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  return { page, frame };
}

async function fillDemo(page: Page) {
  await page.locator('#unit').fill('某市统计局机关党委');
  await page.locator('#main').fill('一、主要工作情况\n加强领导,统筹部署。召开专题会议xx次。\n二、存在的问题\n一是理论学习深度不够。');
}

const WORDS = {
  zh_CN: { tabs: ['结构', '检查', '片段', '字段'], back: '返回修改' },
  en: { tabs: ['Structure', 'Checks', 'Snippets', 'Fields'], back: 'Go back and fix' },
} as const;

describe.each([
  ['zh_CN', 'light'],
  ['en', 'light'],
  ['zh_CN', 'dark'],
  ['en', 'dark'],
] as const)('axe-core, %s, %s', (language, colorScheme) => {
  const words = WORDS[language];
  beforeAll(async () => {
    scheme = colorScheme;
    // Through 设置, as a user switches language.
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html#settings`);
    await options.getByRole('combobox', { name: /界面语言|Interface language/ }).selectOption(language === 'en' ? 'en' : 'auto');
    await options.getByRole('status').waitFor();
    await options.close();
  });

  it('every panel tab', async () => {
    const { page, frame } = await openPanelOn('/demo-portal/');
    await fillDemo(page);
    // The panel follows the system's scheme, not the portal's (which has none).
    expect(isDark(await backgroundOf(frame, '.tb-panel'))).toBe(colorScheme === 'dark');
    const found: string[] = [];
    for (const name of words.tabs) {
      await frame.getByRole('tab', { name }).click();
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(frame, `panel ${name}`)));
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it('the guard dialog', async () => {
    const { page, frame } = await openPanelOn('/demo-portal/');
    await fillDemo(page);
    await page.locator('#submit').click();
    const dialog = frame.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await seriousViolations(frame, 'guard dialog')).toEqual([]);
    await dialog.getByRole('button', { name: words.back }).click();
    await page.close();
  });

  it('the options page and its welcome section', async () => {
    const page = await newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.locator('#welcome h2').waitFor();
    await page.waitForTimeout(300);
    expect(isDark(await backgroundOf(page, '.opt-section'))).toBe(colorScheme === 'dark');
    expect(await seriousViolations(page, 'options')).toEqual([]);
    await page.close();
  });

  it('the enable-site window', async () => {
    const page = await newPage();
    await page.goto(`chrome-extension://${h.extensionId}/enable-site.html?origin=${encodeURIComponent(h.fixtures.origin)}`);
    await page.locator('button').first().waitFor();
    expect(isDark(await backgroundOf(page, 'body'))).toBe(colorScheme === 'dark');
    expect(await seriousViolations(page, 'enable-site')).toEqual([]);
    await page.close();
  });
});
