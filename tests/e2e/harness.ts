// Shared end-to-end harness: Debian's Chromium with the built extension loaded, driven by playwright-core.
// The extension is the e2e flavour (`npm run build:e2e`, .output/chrome-mv3-e2e), which differs from the
// shipped build only by a pre-granted http://127.0.0.1 host permission (see wxt.config.ts).
import { chromium, type BrowserContext, type Frame, type Locator, type Page, type Request, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

// TIANBAO_OUT_DIR (also read by wxt.config.ts) lets parallel work build and test from separate folders.
export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.TIANBAO_OUT_DIR ?? '.output', 'chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RecordedRequest {
  url: string;
  /** 'page' for requests a page frame made, 'extension' for the service worker or an extension page. */
  source: 'page' | 'extension';
  frameUrl: string;
}

export interface NetLogRequest {
  url: string;
  /** The origin that started the request, as Chromium records it (chrome-extension://… for the extension). */
  initiator: string;
}

export interface Harness {
  context: BrowserContext;
  fixtures: FixtureServer;
  worker: Worker;
  extensionId: string;
  requests: RecordedRequest[];
  /** Opens a fixture page, e.g. '/demo-portal/'. */
  open(path: string): Promise<Page>;
  /** The browser's own network log (every request of every process), read after close(). */
  netLog(): NetLogRequest[];
  /** Calls the same function the toolbar button calls (action.onClicked) for the tab showing `page`. */
  clickToolbar(page: Page): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  withExtension?: boolean;
  /** Keep the 使用说明 tab a first installation opens; other suites close it so that it cannot get in the way. */
  keepWelcome?: boolean;
  /** Another build to load (the enterprise flavour: ENTERPRISE_EXTENSION_DIR). */
  extensionDir?: string;
  /** A fixed port for the fixture server (a policy written before launch names the portal's origin). */
  fixturePort?: number;
}

/** The enterprise flavour with the e2e permission (`TIANBAO_ENTERPRISE=1 TIANBAO_E2E=1 wxt build`): fixed id. */
export const ENTERPRISE_EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.TIANBAO_OUT_DIR ?? '.output',
  'chrome-mv3-enterprise-e2e',
);

/** The options page at its welcome section, as the background opens it on installation. */
export const isWelcomeTab = (url: string) => /^chrome-extension:\/\/[a-p]{32}\/options\.html\?installed=1/.test(url);

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No e2e build at ${extensionDir}: run "npm run build:e2e" first.`);
  }
  const fixtures = await startFixtureServer(options.fixturePort);
  const userDataDir = mkdtempSync(join(tmpdir(), 'tianbao-e2e-'));
  const netLogDir = mkdtempSync(join(tmpdir(), 'tianbao-netlog-'));
  const netLogFile = join(netLogDir, 'netlog.json');
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-client-side-phishing-detection',
    '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
    '--no-pings',
    '--lang=zh-CN',
    `--log-net-log=${netLogFile}`,
  ];
  if (withExtension) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args,
    viewport: { width: 1400, height: 900 },
    // Chromium on Linux takes its UI language from the environment: a Chinese browser, as users have.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
    locale: 'zh-CN',
  });
  const requests: RecordedRequest[] = [];
  const record = (request: Request) => {
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // Requests of a service worker have no frame.
    }
    const source = !frameUrl || frameUrl.startsWith('chrome-extension://') ? 'extension' : 'page';
    requests.push({ url: request.url(), source, frameUrl });
  };
  context.on('request', record);

  if (!options.keepWelcome) {
    const closeWelcome = (page: Page) => {
      const check = () => {
        if (isWelcomeTab(page.url())) page.close().catch(() => undefined);
      };
      check();
      page.once('load', check);
    };
    context.on('page', closeWelcome);
    context.pages().forEach(closeWelcome);
  }

  let worker: Worker | undefined;
  let extensionId = '';
  /** The net log as read once the browser has exited (its folder is gone by then). */
  let closedLog: NetLogRequest[] | undefined;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
    worker.on('request' as never, record as never);
  }

  return {
    context,
    fixtures,
    worker: worker as Worker,
    extensionId,
    requests,
    async open(path) {
      const page = await context.newPage();
      await page.goto(fixtures.origin + path);
      return page;
    },
    async clickToolbar(page) {
      const url = page.url();
      // Bounded, so that a stuck handler fails the test with a reason instead of its whole time-out.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the toolbar handler did not finish within 15 s for ${url}`)), 15_000);
      });
      const click = worker!.evaluate(async (pageUrl) => {
        type Tab = { url?: string; id?: number };
        const g = globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Tab[]> } };
          tianbaoToolbarClick(tab: Tab): Promise<void>;
        };
        const tabs = await g.chrome.tabs.query({});
        // The newest tab showing the address: a failed earlier attempt may have left one open.
        const tab = tabs.filter((t) => t.url === pageUrl).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
        if (!tab) throw new Error(`no tab shows ${pageUrl}`);
        await g.tianbaoToolbarClick(tab);
      }, url);
      try {
        await Promise.race([click, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    netLog() {
      return closedLog ?? readNetLog(netLogFile);
    },
    async close() {
      try {
        await context.close();
        await fixtures.close();
        // Chromium has written its whole net log once it has exited: kept in memory, the file removed.
        closedLog ??= readNetLog(netLogFile);
      } finally {
        rmSync(netLogDir, { recursive: true, force: true });
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Every URL request in a Chromium net log with the origin that initiated it. The net log is written by the
 * browser's network service, so it holds the service worker's and extension pages' requests as well as the
 * pages', which the page-level request events do not all show.
 */
export function readNetLog(file: string): NetLogRequest[] {
  if (!existsSync(file)) return [];
  let raw = readFileSync(file, 'utf8').trim();
  // A log cut short by a crash lacks its closing brackets; what is there is still worth reading.
  if (!raw.endsWith('}')) raw = raw.replace(/,?\s*$/, '') + ']}';
  const log = JSON.parse(raw) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
  const seen: NetLogRequest[] = [];
  for (const event of log.events) {
    if (event.type !== start || !event.params?.url) continue;
    seen.push({ url: event.params.url, initiator: event.params.initiator ?? '' });
  }
  return seen;
}

/**
 * The panel's frame in `page`. The panel is an extension page in an iframe inside a closed shadow root: page
 * selectors cannot reach it, but the browser lists the frame, which is how a test (not a page script) gets in.
 */
export async function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/panel\.html#/.test(f.url()));
    if (frame) return frame;
    if (Date.now() > until) throw new Error('the panel frame did not appear');
    await page.waitForTimeout(50);
  }
}

/** The panel's open body (absent while it is collapsed to its tab). */
export async function panelOf(page: Page): Promise<Locator> {
  return (await panelFrame(page)).getByTestId('tianbao-panel');
}

/** Waits until the panel is open and returns its frame. */
export async function openedPanel(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const frame = await panelFrame(page, timeoutMs);
  await frame.getByTestId('tianbao-panel').waitFor({ timeout: timeoutMs });
  return frame;
}
