// End-to-end harness for Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi
// (no geckodriver, no browser download), with the Firefox e2e flavour of the extension installed as a temporary
// add-on (`TIANBAO_E2E=1 wxt build -b firefox --mv3`, <out>/firefox-mv3-e2e).
//
// What differs from the Chromium harness (tests/e2e/harness.ts):
// - The add-on's moz-extension:// address is fixed through extensions.webextensions.uuids, so tests know it.
// - Extension pages send no load event to the driver: they are opened without waiting and polled until ready.
// - The background is an event page, reached from an extension page through runtime.getBackgroundPage().
// - Puppeteer keeps a frame's first address (about:blank) after the frame navigates, so the panel's frame is
//   found by asking each frame for its location.
// - The network record is Firefox's own HTTP log (MOZ_LOG nsHttp), written by the parent process that makes
//   every HTTP request of every page, extension page and the background.
// - Debian's firefox-esr has no zh-CN language pack: the interface language is set to Chinese through the
//   options page's own setting (setChinese), as a user of such a browser would.
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'tianbao@tianbao.local';
/** The add-on's internal UUID, fixed for the tests (any UUID will do). */
export const ADDON_UUID = '7c1e5a52-4d0b-4f1e-9a36-2b8d51c0e9f4';
export const EXTENSION_BASE = `moz-extension://${ADDON_UUID}/`;
// TIANBAO_OUT_DIR (also read by wxt.config.ts) lets parallel work build and test from separate folders.
export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.TIANBAO_OUT_DIR ?? '.output', 'firefox-mv3-e2e');

// Firefox's own traffic is switched off, so that the log holds only what pages and the add-on ask for (and so
// that a test run never tries to reach a server outside this machine). Puppeteer already sets most of these.
const QUIET_PREFS: Record<string, unknown> = {
  'services.settings.server': 'data:,#remote-settings-off/v1',
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'app.normandy.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.newtabpage.enabled': false,
  'media.gmp-manager.url': '',
  'browser.region.network.url': '',
  'geo.provider.network.url': '',
};

export interface HttpRequest {
  url: string;
}

export interface FxHarness {
  browser: Browser;
  fixtures: FixtureServer;
  /** URLs every opened page asked for (BiDi network events of the page and its frames). */
  pageRequests: string[];
  /** Opens a fixture page, e.g. '/demo-portal/'. */
  open(path: string): Promise<Page>;
  /** Opens one of the add-on's pages (options.html, …) and waits until its document is complete. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn(background, arg)` in the add-on's background page; returns its result. */
  background<T, A = undefined>(fn: (bg: BackgroundGlobal, arg: A) => Promise<T> | T, arg?: A): Promise<T>;
  /** Calls the same function the toolbar button calls (action.onClicked) for the tab showing `page`. */
  clickToolbar(page: Page): Promise<void>;
  /** Every HTTP(S) request Firefox made (any process, page or add-on), from its own log. Complete after close(). */
  httpLog(): HttpRequest[];
  close(): Promise<void>;
}

/** What tests use of the background page's global object. */
export interface BackgroundGlobal {
  browser: {
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
    storage: { local: { get(k: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> } };
    scripting: { executeScript(o: object): Promise<unknown> };
    permissions: { getAll(): Promise<{ origins?: string[] }> };
  };
  tianbaoToolbarClick(tab: object): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `probe` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 15_000, everyMs = 100): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}

/** The location a frame really shows (puppeteer's frame.url() keeps an iframe's first address). */
async function locationOf(frame: Frame): Promise<string> {
  try {
    return await frame.evaluate(() => location.href);
  } catch {
    return '';
  }
}

export async function launch(): Promise<FxHarness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox e2e build at ${EXTENSION_DIR}: run "TIANBAO_E2E=1 wxt build -b firefox --mv3" first.`);
  }
  const fixtures = await startFixtureServer();
  const logDir = mkdtempSync(join(tmpdir(), 'tianbao-ff-log-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets the driver reach the add-on's own pages (privileged contexts in Firefox's terms).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1400, height: 900 },
    // MOZ_REMOTE_SETTINGS_DEVTOOLS lets a release build take services.settings.server from the prefs, which
    // points Firefox's remote settings (its own background downloads) at nothing.
    env: { ...process.env, MOZ_LOG: 'nsHttp:3', MOZ_LOG_FILE: join(logDir, 'http.log'), MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Optional permissions (host permissions are optional in Firefox MV3) are granted without a door-hanger,
      // which a headless browser cannot show; the add-on's own 允许 window still has to be clicked.
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  const id = await browser.installExtension(EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);

  const pageRequests: string[] = [];
  let closedLog: HttpRequest[] | undefined;
  let bgPage: Page | undefined;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = EXTENSION_BASE + path.replace(/^\//, '');
    // Firefox sends no load event for moz-extension pages: navigate without waiting, then poll.
    page.goto(url).catch(() => undefined);
    await until(`${url} to load`, () =>
      page.evaluate(() => (location.protocol === 'moz-extension:' && document.readyState === 'complete' ? location.href : '')).catch(() => ''),
    );
    return page;
  };

  const background = async <T, A>(fn: (bg: BackgroundGlobal, arg: A) => Promise<T> | T, arg?: A): Promise<T> => {
    if (!bgPage || bgPage.isClosed()) bgPage = await openExtensionPage('enable-site.html?origin=about%3Ablank');
    // Sent as an expression, not a function: extension pages forbid eval, and an expression the driver
    // evaluates is not the page's own eval. The test's function receives the background's global object.
    const expression = `(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return (${fn.toString()})(bg, ${JSON.stringify(arg ?? null)});
    })()`;
    return bgPage.evaluate(expression) as Promise<T>;
  };

  const harness: FxHarness = {
    browser,
    fixtures,
    pageRequests,
    async open(path) {
      const page = await browser.newPage();
      page.on('request', (request) => pageRequests.push(request.url()));
      await page.goto(fixtures.origin + path);
      return page;
    },
    openExtensionPage,
    background,
    async clickToolbar(page) {
      const url = page.url();
      await Promise.race([
        background(async (bg, pageUrl) => {
          const tabs = await bg.browser.tabs.query({});
          const tab = tabs.filter((t) => t.url === pageUrl).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
          if (!tab) throw new Error(`no tab shows ${pageUrl}`);
          await bg.tianbaoToolbarClick(tab);
        }, url),
        sleep(15_000).then(() => {
          throw new Error(`the toolbar handler did not finish within 15 s for ${url}`);
        }),
      ]);
    },
    httpLog() {
      return closedLog ?? readHttpLog(logDir);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await fixtures.close();
      // Firefox has written its whole log once it has exited: kept in memory, the files removed.
      closedLog ??= readHttpLog(logDir);
      rmSync(logDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The URL of every HTTP channel Firefox opened, from the nsHttp log of each of its processes. */
export function readHttpLog(dir: string): HttpRequest[] {
  if (!existsSync(dir)) return [];
  const seen: HttpRequest[] = [];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'latin1');
    for (const match of text.matchAll(/ uri=(\S+)/g)) seen.push({ url: match[1]! });
  }
  return seen;
}

/** The panel's frame in `page`: an extension page in an iframe inside a closed shadow root. */
export async function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  return until(
    'the panel frame',
    async () => {
      for (const frame of page.frames()) {
        if (/^moz-extension:\/\/[^/]+\/panel\.html#/.test(await locationOf(frame))) return frame;
      }
      return undefined;
    },
    timeoutMs,
  );
}

/** Waits until the panel is open (its body is shown) and returns its frame. */
export async function openedPanel(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const frame = await panelFrame(page, timeoutMs);
  await until('the open panel', () => frame.$('[data-testid="tianbao-panel"]'), timeoutMs);
  return frame;
}

export interface RoleQuery {
  role: string;
  /** Part of the accessible name (or the whole of it with exact). */
  name?: string;
  exact?: boolean;
  /** Part of the element's text. */
  hasText?: string;
  /** Search inside the element matching this CSS selector only. */
  within?: string;
}

/**
 * Elements by ARIA role and accessible name, visible ones only, the way a user reads the page: explicit role,
 * else the role of the tag; name from aria-label, aria-labelledby, a <label>, else the text.
 */
export async function allByRole(frame: Frame, query: RoleQuery): Promise<ElementHandle<Element>[]> {
  const list = await frame.evaluateHandle((q: RoleQuery) => {
    const implicit: Record<string, string> = {
      BUTTON: 'button',
      A: 'link',
      LI: 'listitem',
      UL: 'list',
      OL: 'list',
      TEXTAREA: 'textbox',
      SELECT: 'combobox',
      H1: 'heading',
      H2: 'heading',
      H3: 'heading',
      DIALOG: 'dialog',
    };
    const roleOf = (el: Element): string | undefined => {
      const explicit = el.getAttribute('role');
      if (explicit) return explicit.split(/\s+/)[0];
      if (el instanceof HTMLInputElement) {
        if (el.type === 'search') return 'searchbox';
        if (el.type === 'checkbox') return 'checkbox';
        if (el.type === 'button' || el.type === 'submit') return 'button';
        return 'textbox';
      }
      return implicit[el.tagName];
    };
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (el: Element): string => {
      const label = el.getAttribute('aria-label');
      if (label) return label.trim();
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => text(el.ownerDocument.getElementById(id))).join(' ');
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.labels?.length) {
        return text(el.labels[0]!);
      }
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) return el.value;
      return text(el);
    };
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const scope = q.within ? Array.from(document.querySelectorAll(q.within)) : [document.documentElement];
    const found: Element[] = [];
    for (const root of scope) {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (roleOf(el) !== q.role || !visible(el)) continue;
        if (q.name !== undefined) {
          const name = nameOf(el);
          if (q.exact ? name !== q.name : !name.includes(q.name)) continue;
        }
        if (q.hasText !== undefined && !text(el).includes(q.hasText)) continue;
        if (!found.includes(el)) found.push(el);
      }
    }
    return found;
  }, query);
  const properties = await list.getProperties();
  await list.dispose();
  const elements: ElementHandle<Element>[] = [];
  for (const property of properties.values()) {
    const element = property.asElement();
    if (element) elements.push(element as ElementHandle<Element>);
  }
  return elements;
}

/** The first element matching the query, waited for. */
export async function byRole(frame: Frame, query: RoleQuery, timeoutMs = 15_000): Promise<ElementHandle<Element>> {
  return until(
    `${query.role} "${query.name ?? query.hasText ?? ''}"`,
    async () => (await allByRole(frame, query))[0],
    timeoutMs,
  );
}

/** The element's text as shown. */
export const textOf = (element: ElementHandle<Element>) => element.evaluate((el) => (el as HTMLElement).innerText);

/** Sets the interface language to Chinese on the options page (Debian's firefox-esr is English only). */
export async function setChinese(h: FxHarness): Promise<void> {
  const options = await h.openExtensionPage('options.html');
  const select = await until('the language setting', () => options.$('section[aria-labelledby="settings-title"] select'));
  await select.select('zh_CN');
  await until('the language saved', () =>
    h.background(async (bg) => {
      const stored = await bg.browser.storage.local.get('settings');
      return (stored.settings as { language?: string } | undefined)?.language === 'zh_CN';
    }),
  );
  await options.close();
}

/** 「在此网站始终启用」 for the fixture server's origin, through the add-on's own permission window. */
export async function enableFixtureOrigin(h: FxHarness): Promise<void> {
  const consent = await h.openExtensionPage(`enable-site.html?origin=${encodeURIComponent(h.fixtures.origin)}`);
  await (await byRole(consent.mainFrame(), { role: 'button', name: '允许' })).click();
  await byRole(consent.mainFrame(), { role: 'status' });
  if (!consent.isClosed()) await consent.close().catch(() => undefined);
}

/** Changes the fixture origin's site profile in storage, as the panel's own controls would. */
export async function patchSiteProfile(h: FxHarness, patch: Record<string, unknown>): Promise<void> {
  await h.background(
    async (bg, { origin, patch }) => {
      const { siteProfiles } = (await bg.browser.storage.local.get('siteProfiles')) as { siteProfiles?: Record<string, object> };
      await bg.browser.storage.local.set({ siteProfiles: { ...siteProfiles, [origin]: { ...siteProfiles?.[origin], ...patch } } });
    },
    { origin: h.fixtures.origin, patch },
  );
}

/** Removes every stored draft, so that a test starts without any. */
export async function clearDrafts(h: FxHarness): Promise<void> {
  await h.background((bg) => bg.browser.storage.local.remove('drafts'));
}

/** The fixture origin's drafts as stored (field key → text). */
export async function storedDrafts(h: FxHarness): Promise<Record<string, string>> {
  return h.background(async (bg, origin) => {
    const { drafts } = (await bg.browser.storage.local.get('drafts')) as { drafts?: Record<string, Record<string, { text: string }>> };
    return Object.fromEntries(Object.entries(drafts?.[origin] ?? {}).map(([key, draft]) => [key, draft.text]));
  }, h.fixtures.origin);
}

/** Waits until the agent of an enabled site has read the site's settings (its tab or the panel is in the page). */
export async function agentReady(page: Page): Promise<void> {
  await until('the agent of the enabled site', () => page.$('tianbao-tab, tianbao-panel'));
}

/** Opens the panel from the slim tab the agent shows where the panel was left collapsed. */
export async function openPanelFromTab(page: Page): Promise<Frame> {
  await agentReady(page);
  // The tab's shadow root is closed: a real click on its box.
  if (await page.$('tianbao-tab')) await page.click('tianbao-tab');
  return openedPanel(page);
}

/** The guard's dialog in the panel's frame, once the frame is there (the guard may load it on 提交). */
export async function guardDialog(page: Page, timeoutMs = 15_000): Promise<ElementHandle<Element>> {
  const frame = await panelFrame(page, timeoutMs);
  return byRole(frame, { role: 'alertdialog' }, timeoutMs);
}

/** How many guard dialogs are showing (0 when the panel was never loaded). */
export async function dialogCount(page: Page): Promise<number> {
  for (const frame of page.frames()) {
    if ((await locationOf(frame)).includes('/panel.html#')) return (await allByRole(frame, { role: 'alertdialog' })).length;
  }
  return 0;
}

/** A button inside `element` by its name. */
export async function buttonIn(element: ElementHandle<Element>, name: string): Promise<ElementHandle<Element>> {
  return until(`button ${name}`, async () => {
    for (const button of await element.$$('button')) {
      const label = await button.evaluate((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim());
      if (label === name) return button;
    }
    return undefined;
  });
}

/** Presses Ctrl+<key> in the focused element. */
export async function pressControl(page: Page, key: 'z' | 'a'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}
