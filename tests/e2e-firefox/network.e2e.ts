// The product's first promise in Firefox: report text never leaves the machine. The extension is driven through
// its surfaces (panel tabs over a filled form, snippets, the options page), then Firefox's own HTTP log — written
// by the parent process, which makes the requests of every page, extension page and the background alike — is
// read after the browser closed: nothing went to any host but the fixture server, and nothing went there that a
// page had not asked for itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, launch, openedPanel, setChinese, sleep, type FxHarness, type HttpRequest } from './harness';

let h: FxHarness;
let log: HttpRequest[] = [];
let pageRequests: string[] = [];
let origin = '';

beforeAll(async () => {
  h = await launch();
  origin = h.fixtures.origin;
  await setChinese(h);
  const page = await h.open('/demo-portal/');
  await h.clickToolbar(page);
  const panel = await openedPanel(page);
  await page.click('#main');
  await page.keyboard.type('一、主要工作情况');
  await page.keyboard.press('Enter');
  await page.keyboard.type('党的十九五中全会召开后，我单位召开xx次专题会议。');
  for (const name of ['检查', '结构', '片段', '字段']) await (await byRole(panel, { role: 'tab', name })).click();
  await sleep(800);
  const options = await h.openExtensionPage('options.html');
  await sleep(800);
  await options.close();
  pageRequests = [...h.pageRequests];
  await h.close();
  log = h.httpLog();
});

afterAll(async () => {
  // Closed in beforeAll, so that Firefox has written its whole log.
});

const isHttp = (url: string) => /^(https?|wss?):/.test(url);

describe('network in Firefox', () => {
  it('recorded the traffic of the session (the recorder itself works)', () => {
    expect(log.some((r) => r.url.startsWith(`${origin}/demo-portal/`))).toBe(true);
    expect(pageRequests.some((url) => url.startsWith(`${origin}/demo-portal/`))).toBe(true);
  });

  it('no request of any page, extension page or the background went to a host other than 127.0.0.1', () => {
    const outside = log.filter((r) => isHttp(r.url) && new URL(r.url).hostname !== '127.0.0.1');
    expect(outside.map((r) => r.url)).toEqual([]);
  });

  it('every request to the fixture server was asked for by a page, none by the extension', () => {
    const asked = new Set(pageRequests);
    // The tab's icon is fetched by the browser itself for its tab strip.
    const unasked = log.filter((r) => r.url.startsWith(`${origin}/`) && !asked.has(r.url) && new URL(r.url).pathname !== '/favicon.ico');
    expect(unasked.map((r) => r.url)).toEqual([]);
  });
});
