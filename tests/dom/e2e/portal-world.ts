// Shared by tests/e2e/insertion.e2e.ts and discovery.e2e.ts: opens a fixture portal, waits for its editors,
// and installs lib/dom in an isolated world of the top frame with a few test helpers beside it
// (`globalThis.__tb`), which find fields through discoverFields — the way the panel will.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Harness } from '../../e2e/harness';
import { PORTALS, type PortalFixture } from '../../fixtures/portals/list';
import { isolatedWorld, type IsolatedWorld } from './isolated';

const PORTALS_DIR = resolve(import.meta.dirname, '../../fixtures/portals');

/** Builds the fixture portals when dist/ is missing (another engineer's build script). */
export function ensurePortalsBuilt(): void {
  const missing = PORTALS.some((portal) => !existsSync(resolve(PORTALS_DIR, 'dist', portal.id.replace(/-designmode$/, ''), 'index.html')));
  if (missing) execFileSync(process.execPath, [resolve(PORTALS_DIR, 'build.mjs')], { stdio: 'inherit' });
}

const HELPERS = `
globalThis.__tb = (() => {
  const dom = globalThis.__tianbaoDom;
  const fieldByLabel = (label) => dom.discoverFields(document).find((f) => f.label === label);
  return {
    dom,
    fieldByLabel,
    /** A point inside the field, in top-page coordinates, to click before typing. */
    point(label) {
      const field = fieldByLabel(label);
      if (!field) return undefined;
      const rect = field.element.getBoundingClientRect();
      let x = rect.left, y = rect.top;
      if (field.frame && field.document !== document) {
        const frameRect = field.frame.getBoundingClientRect();
        x += frameRect.left + field.frame.clientLeft;
        y += frameRect.top + field.frame.clientTop;
      }
      const rich = field.kind === 'rich' || field.kind === 'contenteditable';
      return rich ? { x: x + 24, y: y + 14 } : { x: x + Math.min(rect.width / 2, 80), y: y + Math.min(rect.height / 2, 14) };
    },
    text(label) {
      const field = fieldByLabel(label);
      return field ? dom.readFieldText(field) : undefined;
    },
    /** A stand-in for the panel: a shadow host with a search box, ignored by the tracker. */
    panel() {
      let host = document.querySelector('tianbao-test-panel');
      if (!host) {
        host = document.createElement('tianbao-test-panel');
        host.style.cssText = 'position:fixed;right:0;top:0;width:200px;height:60px;z-index:99999;background:#fff';
        const root = host.attachShadow({ mode: 'open' });
        const search = document.createElement('input');
        search.id = 'search';
        const button = document.createElement('button');
        button.id = 'insert';
        button.textContent = '插入';
        root.append(search, button);
        dom.keepFocusOnMouseDown(root);
        document.documentElement.append(host);
      }
      return host;
    },
    startTracker() {
      globalThis.__tracker?.dispose();
      const panel = this.panel();
      globalThis.__tracker = dom.createFocusTracker(window, { ignore: (el) => el === panel || panel.contains(el) });
      return true;
    },
    /** Centre of the stand-in panel's 插入 button, for a real mouse click. */
    panelButtonPoint() {
      const rect = this.panel().shadowRoot.getElementById('insert').getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    /** Clicks into the panel's search box, as a user looking for a snippet would. */
    focusPanelSearch() {
      this.panel().shadowRoot.getElementById('search').focus();
      return document.activeElement === this.panel();
    },
    async insertAtCaret(text) {
      return dom.insertAtTrackedCaret(globalThis.__tracker, text);
    },
    trackedLabel() {
      const current = globalThis.__tracker?.current();
      if (!current) return undefined;
      const field = dom.findField(dom.discoverFields(document), current.element);
      return field?.label;
    },
  };
})();
true;
`;

export interface PortalPage {
  page: Page;
  world: IsolatedWorld;
}

export async function openPortal(harness: Harness, portal: PortalFixture): Promise<PortalPage> {
  const page = await harness.open(portal.path);
  await page.waitForFunction(() => window.__portalReady === true, null, { timeout: 30_000 });
  const world = await isolatedWorld(page);
  await world.run(HELPERS);
  return { page, world };
}
