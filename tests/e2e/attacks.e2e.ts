// The trust boundary (issue 9), attacked from a hostile page in real Chromium. tests/fixtures/hostile/ patches
// the page's prototypes before the extension runs, records every message and event it can see, and offers the
// attacks below as window.__attack.*. Each test lets the page try, then checks what the page got and that
// nothing happened that the user did not do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, openedPanel, type Harness } from './harness';
import { enableFixtureOrigin, guardDialog, dialogCount, patchSiteProfile } from '../guard/e2e-support';
import { PANEL_SILENCE_MS } from '../../lib/host/host';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  // The guard and the slim tab exist on enabled sites; the panel itself opens anywhere through the toolbar.
  await enableFixtureOrigin(h);
});

beforeEach(async () => {
  await patchSiteProfile(h, { panelCollapsed: true });
});

afterAll(async () => {
  await h?.close();
});

type Attack = {
  read(): string;
  hostNames(): string[];
  clickEverywhere(): number;
  flood(guesses: string[]): number;
  focusTrap(id?: string): boolean;
  stealFocusOnBlur(): boolean;
  values(): Values;
  removeHosts(): number;
  hijackFrames(): number;
  framePanel(url: string): Promise<boolean>;
};
/** What each field of the hostile page holds. */
type Values = Record<'main' | 'problems' | 'trap' | 'offscreen' | 'collapsed' | 'hidden', string>;
type Seen = { messages: { origin: string; data: string }[]; events: string[]; shadowRoots: unknown[] };

const attack = <T,>(page: Page, name: keyof Attack, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([name, args]) => {
      const fn = (window as unknown as { __attack: Record<string, (...a: unknown[]) => unknown> }).__attack[name as string];
      return fn!(...(args as unknown[])) as T;
    },
    [name, args] as const,
  );
const seen = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __hostile: { seen: Seen } }).__hostile.seen;
    return { messages: s.messages, events: s.events, shadowRoots: s.shadowRoots.length };
  });

interface Opened {
  page: Page;
  panel: Frame;
  posts(): number;
}

let opened = 0;

async function openHostile(options: { panel?: boolean } = {}): Promise<Opened> {
  // A distinct address per test: the toolbar handler finds the tab by its URL, and a closing tab of an earlier
  // test may still be listed.
  const page = await h.open(`/hostile/?test=${++opened}`);
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST') posts++;
  });
  // The agent runs at load on the enabled fixture origin and shows the slim tab (the panel was left collapsed).
  await page.locator('tianbao-tab').waitFor({ state: 'attached', timeout: 15_000 });
  let panel = undefined as unknown as Frame;
  if (options.panel !== false) {
    await h.clickToolbar(page);
    panel = await openedPanel(page).catch(async (error) => {
      console.log('[attacks] no panel', JSON.stringify(page.frames().map((f) => f.url())), await page.evaluate(() => document.documentElement.lastElementChild?.outerHTML));
      throw error;
    });
  }
  return { page, panel, posts: () => posts };
}

/**
 * Closes a page whose form went out, once the portal's answer has replaced it. The POST a test counts is sent
 * before the answer's document commits, and Chromium acknowledges a tab close that races that commit without
 * carrying it out: the tab stays and page.close() never returns.
 */
async function closeSubmitted(page: Page): Promise<void> {
  await page.locator('#submitted').waitFor({ timeout: 10_000 });
  await page.close();
}

/** The snippet titles and bodies the panel shows: what a harvesting page would want. */
async function snippetTexts(panel: Frame): Promise<string[]> {
  await panel.getByRole('tab', { name: '片段' }).click();
  const items = panel.getByRole('option');
  await items.first().waitFor();
  const texts = await items.allInnerTexts();
  // Distinctive pieces: each item's first line (the title) and a run from its body.
  return texts.flatMap((text) => {
    const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length >= 6 && line !== '插入');
    return lines.slice(0, 2).map((line) => line.slice(0, 12));
  });
}

/** Inserts a starter snippet without variables (no question in between), through the user's own click. */
async function insertSnippet(panel: Frame): Promise<void> {
  await panel.getByRole('tab', { name: '片段' }).click();
  await panel.getByRole('searchbox', { name: '搜索片段' }).fill('明确责任');
  await panel.getByRole('option').filter({ hasText: '明确责任，凝聚思想共识' }).click();
}

describe('the page reads nothing of the panel', () => {
  it('sees a closed host, no frame content, no snippet, no finding and no extension address', async () => {
    const { page, panel } = await openHostile();
    // Something for every tab to show: a finding in the text, the snippet list, the fields.
    await page.locator('#main').click();
    await page.keyboard.type('一、主要工作情况\n召开xx次专题会议，党的十九五中全会精神。');
    const secrets = await snippetTexts(panel);
    expect(secrets.length).toBeGreaterThan(5);
    await panel.getByRole('tab', { name: '检查' }).click();
    await panel.getByText('十九五中全会', { exact: false }).first().waitFor();

    const readable = await attack<string>(page, 'read');
    for (const secret of secrets) expect(readable, `the page read 「${secret}」`).not.toContain(secret);
    expect(readable).not.toContain('十九届五中全会'); // the fix the 检查 tab offers
    expect(readable).not.toContain(h.extensionId);
    expect(readable).not.toContain('chrome-extension:');
    // The frame lives in a closed shadow tree: it is not even among the page's window.frames.
    expect(await page.evaluate(() => window.frames.length)).toBe(0);
    expect(await attack<string[]>(page, 'hostNames')).toContain('tianbao-panel:closed');
    // The page's patched attachShadow never saw our shadow roots (the extension uses its own world's).
    expect((await seen(page)).shadowRoots).toBe(0);
    await page.close();
  });

  it('observes no message or event that carries the extension id, a secret or a port', async () => {
    const { page, panel, posts } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type('前文后文');
    await snippetTexts(panel);
    await insertSnippet(panel);
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();
    const observed = await seen(page);
    const everything = JSON.stringify(observed);
    expect(everything).not.toContain(h.extensionId);
    expect(everything).not.toContain('tianbaoConnect');
    expect(everything).not.toMatch(/wxt|tianbao/i);
    expect(observed.messages.filter((m) => m.origin !== 'self-post')).toEqual([]);
    expect(posts()).toBe(0);
    await page.close();
  });
});

describe('the page triggers nothing', () => {
  it('synthetic clicks and keys on the panel host and all over its area change no field, setting or window', async () => {
    const { page } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type('用户自己写的');
    const storageBefore = await h.worker.evaluate(async () => {
      const all = await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null);
      return JSON.stringify({ snippets: all.snippets, siteProfiles: all.siteProfiles, settings: all.settings, templates: all.templates });
    });
    const windowsBefore = h.context.pages().length;
    const dispatched = await attack<number>(page, 'clickEverywhere');
    expect(dispatched).toBeGreaterThan(50);
    await page.waitForTimeout(800);
    const values = await attack<Values>(page, 'values');
    expect(values.main).toBe('用户自己写的');
    expect(values.trap).toBe('');
    expect(values.problems).toBe('');
    expect(h.context.pages().length).toBe(windowsBefore);
    const storageAfter = await h.worker.evaluate(async () => {
      const all = await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null);
      return JSON.stringify({ snippets: all.snippets, siteProfiles: all.siteProfiles, settings: all.settings, templates: all.templates });
    });
    expect(storageAfter).toBe(storageBefore);
    await page.close();
  });

  it('cannot even address the panel frame with messages; its flood changes nothing and the panel still works', async () => {
    const { page, panel } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type('甲乙');
    const guesses = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(32, '0'));
    // The frame is in a closed shadow tree: not among window.frames, so no message of the page reaches it.
    expect(await attack<number>(page, 'flood', guesses)).toBe(0);
    await page.waitForTimeout(500);
    const values = await attack<Values>(page, 'values');
    expect(Object.values(values).join('')).not.toContain('INJECTED');
    expect(values.main).toBe('甲乙');
    // The stolen-port replies the page hoped for never came.
    expect((await seen(page)).messages.filter((m) => m.origin === 'stolen-port')).toEqual([]);
    // And the user's own click still inserts where the user was writing.
    await insertSnippet(panel);
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();
    expect((await attack<Values>(page, 'values')).main.length).toBeGreaterThan(2);
    await page.close();
  });

  it('synthetic clicks on the slim tab do not open the panel; the user\'s click does', async () => {
    const { page } = await openHostile({ panel: false });
    await attack<number>(page, 'clickEverywhere');
    await page.waitForTimeout(1000);
    expect(page.frames().some((frame) => frame.url().includes('/panel.html'))).toBe(false);
    await page.locator('tianbao-tab').click();
    await openedPanel(page);
    await page.close();
  });
});

describe('insertion goes only where the user was writing', () => {
  it('a hidden field the page focuses by script gets nothing; the user\'s field gets the snippet', async () => {
    const { page, panel } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type('前文');
    expect(await attack<boolean>(page, 'focusTrap', 'trap')).toBe(true);
    await attack<boolean>(page, 'stealFocusOnBlur');
    await panel.getByRole('tab', { name: '片段' }).click();
    // The panel names the field it will write to: the user's, not the page's trap.
    await panel.getByText('将插入到：主要工作情况').waitFor();
    await insertSnippet(panel);
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();
    const values = await attack<Values>(page, 'values');
    expect(values.main.startsWith('前文')).toBe(true);
    expect(values.main.length).toBeGreaterThan(10);
    expect(values.trap).toBe('');
    expect(values.offscreen).toBe('');
    await page.close();
  });

  it('with no field chosen by the user, a script-focused field is not a target at all', async () => {
    const { page, panel } = await openHostile();
    for (const id of ['trap', 'offscreen', 'collapsed']) expect(await attack<boolean>(page, 'focusTrap', id)).toBe(true);
    await insertSnippet(panel);
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('请先在页面上点一下要填写的文本框');
    const values = await attack<Values>(page, 'values');
    expect(values.trap + values.offscreen + values.collapsed + values.hidden).toBe('');
    await page.close();
  });

  it('a field the page hides after the user chose it is refused with a message', async () => {
    const { page, panel } = await openHostile();
    await page.locator('#problems').click();
    await page.keyboard.type('问题');
    await panel.getByRole('tab', { name: '片段' }).click();
    await panel.getByText('将插入到：存在的问题').waitFor();
    await page.evaluate(() => ((document.getElementById('problems') as HTMLElement).style.opacity = '0'));
    await insertSnippet(panel);
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('看不见');
    expect((await attack<Values>(page, 'values')).problems).toBe('问题');
    await page.close();
  });
});

describe('the panel cannot be taken over', () => {
  it('a panel page the portal frames itself stays inert, with or without a made-up secret', async () => {
    const { page } = await openHostile({ panel: false });
    const url = `chrome-extension://${h.extensionId}/panel.html#${'ab'.repeat(16)}`;
    expect(await attack<boolean>(page, 'framePanel', url)).toBe(true);
    await attack<number>(page, 'flood', ['ab'.repeat(16)]);
    await page.waitForTimeout(1000);
    const own = page.frames().find((frame) => frame.url() === url);
    expect(own).toBeDefined();
    expect(await own!.getByTestId('tianbao-panel').count()).toBe(0);
    expect(await own!.locator('#root').innerText()).toContain('请在填报页面上点击浏览器工具栏');
    expect((await seen(page)).messages.filter((m) => m.origin === 'stolen-port')).toEqual([]);
    await page.close();
  });

  it('a frame sent elsewhere gets no port, and the toolbar brings a fresh panel', async () => {
    const { page, panel } = await openHostile();
    // The page cannot reach the frame (closed shadow tree); the test navigates it, as a page that could would.
    expect(await attack<number>(page, 'hijackFrames')).toBe(0);
    await panel.goto(`${h.fixtures.origin}/hostile/evil.html`).catch(() => undefined);
    await page.waitForTimeout(1000);
    // The evil page reports anything it received back to the parent; it received nothing from Tianbao.
    const got = (await seen(page)).messages.filter((m) => m.data.includes('evilGot'));
    expect(got.every((m) => !m.data.includes('tianbao') && !m.data.includes('"ports":1'))).toBe(true);
    await h.clickToolbar(page);
    const fresh = await openedPanel(page);
    expect(fresh.url()).toContain('/panel.html#');
    await page.close();
  });

  it('a page that removes the panel: the toolbar brings it back', async () => {
    const { page } = await openHostile();
    expect(await attack<number>(page, 'removeHosts')).toBeGreaterThan(0);
    await expect.poll(() => page.locator('tianbao-panel').count()).toBe(0);
    await h.clickToolbar(page);
    await openedPanel(page);
    expect(await page.locator('tianbao-panel').count()).toBe(1);
    await page.close();
  });
});

describe('a page with a strict security policy', () => {
  it('still gets the panel (frame-src none, Trusted Types required): docked, pushing the page, inserting', async () => {
    const page = await h.open('/hostile/csp.html');
    await page.locator('#main').click();
    await page.keyboard.type('前文');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).not.toBe('0px');
    await insertSnippet(panel);
    await panel.getByRole('status').filter({ hasText: '已插入' }).waitFor();
    // 片段插入时另起一段 (on by default): the caret's line has text, so the snippet starts its own paragraph.
    expect(await page.locator('#main').inputValue()).toMatch(/^前文\n明确责任，凝聚思想共识/);
    await page.close();
  });
});

describe('the guard never hangs and never double-asks', () => {
  const BLOCKING = '一、主要工作情况\n召开专题会议xx次。';

  it('submits at once when the page removed the panel', async () => {
    const { page, posts } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type(BLOCKING);
    await attack<number>(page, 'removeHosts');
    const started = Date.now();
    await page.locator('#submit').click();
    await expect.poll(posts, { timeout: 10_000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    await closeSubmitted(page);
  });

  it('submits within the silence bound when the page removes the panel while the user is asked', async () => {
    const { page, posts } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type(BLOCKING);
    await page.locator('#submit').click();
    await guardDialog(page);
    const removedAt = Date.now();
    await attack<number>(page, 'removeHosts');
    await expect.poll(posts, { timeout: PANEL_SILENCE_MS + 5_000 }).toBe(1);
    expect(Date.now() - removedAt).toBeLessThan(PANEL_SILENCE_MS + 1_000);
    await closeSubmitted(page);
  });

  it('asks once when the portal submits late after its own validation, and posts once', async () => {
    const { page, posts } = await openHostile();
    await page.evaluate(() => ((window as unknown as { __hostile: { submitDelay: number } }).__hostile.submitDelay = 1500));
    await page.locator('#main').click();
    await page.keyboard.type(BLOCKING);
    await page.locator('#submit').click();
    const dialog = await guardDialog(page);
    // The user presses 提交 again while the dialog is up: still the one dialog.
    await page.locator('#submit').click();
    expect(await dialogCount(page)).toBe(1);
    await dialog.getByRole('button', { name: '仍然提交' }).click();
    await expect.poll(posts, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(1500);
    expect(posts()).toBe(1);
    expect(await dialogCount(page)).toBe(0);
    await closeSubmitted(page);
  });

  it('with the panel frame sent elsewhere, the submit does not wait for it', async () => {
    const { page, panel, posts } = await openHostile();
    await page.locator('#main').click();
    await page.keyboard.type(BLOCKING);
    await panel.goto(`${h.fixtures.origin}/hostile/evil.html`).catch(() => undefined);
    await page.waitForTimeout(500);
    const started = Date.now();
    await page.locator('#submit').click();
    await expect.poll(posts, { timeout: 10_000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    await closeSubmitted(page);
  });
});

