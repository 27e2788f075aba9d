// The product's first promise: report text never leaves the machine. Drive the extension through its
// surfaces, record every request the browser made (Chromium's own net log, which also sees the service
// worker and extension pages), attribute each, and require that nothing the extension started left it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openedPanel, type Harness, type NetLogRequest } from './harness';

let h: Harness;
let pageRequests: { url: string; source: string }[] = [];
let netLog: NetLogRequest[] = [];
let origin = '';

beforeAll(async () => {
  h = await launch();
  origin = h.fixtures.origin;
  const page = await h.open('/demo-portal/');
  await h.clickToolbar(page);
  const panel = await openedPanel(page);
  await page.locator('#main').fill('一、主要工作情况\n党的十九五中全会召开后，我单位召开xx次专题会议。');
  for (const name of ['检查', '结构', '片段', '字段']) await panel.getByRole('tab', { name }).click();
  await page.waitForTimeout(800);
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForTimeout(800);
  pageRequests = h.requests.map(({ url, source }) => ({ url, source }));
  await h.close();
  netLog = h.netLog();
});

afterAll(async () => {
  // Closed in beforeAll, to flush the net log.
});

const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');

describe('network', () => {
  it('recorded the traffic of the session (the recorder itself works)', () => {
    expect(netLog.some((r) => r.url.startsWith(`${origin}/demo-portal/`))).toBe(true);
    expect(pageRequests.some((r) => r.url.startsWith(`${origin}/demo-portal/`))).toBe(true);
  });

  it('no request started by the extension goes anywhere but the extension itself', () => {
    const fromExtension = netLog.filter((r) => isExtensionUrl(r.initiator));
    const leaving = fromExtension.filter((r) => !isExtensionUrl(r.url));
    expect(leaving).toEqual([]);
  });

  it('every request a page made went to the fixture server only', () => {
    const fromPages = netLog.filter((r) => r.initiator.startsWith('http') || r.url.startsWith(`${origin}/`));
    const foreign = fromPages.filter((r) => /^(https?|wss?):/.test(r.url) && !r.url.startsWith(`${origin}/`));
    expect(foreign).toEqual([]);
  });

  it("what remains is the browser's own traffic, started by no page and no extension", () => {
    const attributed = (r: NetLogRequest) =>
      isExtensionUrl(r.initiator) || r.initiator.startsWith('http') || r.url.startsWith(`${origin}/`) || !/^(https?|wss?):/.test(r.url);
    const browserOwn = netLog.filter((r) => !attributed(r));
    for (const r of browserOwn) expect(r.initiator === '' || r.initiator === 'not an origin', r.url).toBe(true);
    if (browserOwn.length > 0) {
      const hosts = [...new Set(browserOwn.map((r) => new URL(r.url).host))];
      console.log(`Chromium's own requests (not the extension's): ${hosts.join(', ')}`);
    }
  });
});
