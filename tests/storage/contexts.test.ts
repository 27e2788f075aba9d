// Several extension contexts (options page, panel page, background) writing the same item at once. Each
// context is its own instance of lib/storage (vi.resetModules), sharing one storage and one Web Lock manager,
// as the extension's pages and service worker share chrome.storage.local and navigator.locks. The real proof
// runs in Chromium: tests/e2e/storage-integrity.e2e.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type StorageModule = typeof import('../../lib/storage');

/** A FIFO lock manager with navigator.locks' request(name, callback) shape, shared by every "context". */
function sharedLocks() {
  const tails = new Map<string, Promise<unknown>>();
  let held = 0;
  let most = 0;
  return {
    get mostHeldAtOnce() {
      return most;
    },
    request(name: string, callback: () => Promise<unknown>): Promise<unknown> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(async () => {
        most = Math.max(most, ++held);
        try {
          return await callback();
        } finally {
          held--;
        }
      });
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

async function openContexts(count: number): Promise<StorageModule[]> {
  const contexts: StorageModule[] = [];
  for (let i = 0; i < count; i++) {
    vi.resetModules();
    contexts.push(await import('../../lib/storage'));
  }
  return contexts;
}

let locks: ReturnType<typeof sharedLocks>;

beforeEach(() => {
  locks = sharedLocks();
  vi.stubGlobal('location', { protocol: 'chrome-extension:' });
  vi.stubGlobal('navigator', { locks });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('writes from several extension contexts at once', () => {
  it('shares one storage between the module instances standing for the contexts', async () => {
    const [a, b] = await openContexts(2);
    await a!.createSnippet({ title: '甲页面写的', body: '' });
    expect((await b!.listSnippets()).map((s) => s.title)).toContain('甲页面写的');
  });

  it('keeps every one of 300 snippets added at once from three contexts, and the entry kept aside', async () => {
    const broken = { id: 'broken', title: '' };
    await fakeBrowser.storage.local.set({ snippets: [broken] });
    const contexts = await openContexts(3);
    // Interleaved: context 0, 1, 2, 0, 1, 2, … all started before any finishes.
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => contexts[i % 3]!.createSnippet({ title: `片段${i}`, body: `正文${i}` })),
    );
    const titles = new Set((await contexts[0]!.listSnippets()).map((s) => s.title));
    const lost = Array.from({ length: 300 }, (_, i) => `片段${i}`).filter((title) => !titles.has(title));
    expect(lost).toEqual([]);
    expect(titles.size).toBe(300);
    expect(locks.mostHeldAtOnce).toBe(1);
    expect((await contexts[1]!.listSetAside()).entries.map((entry) => entry.value)).toEqual([broken]);
  });

  it('keeps parallel changes to different sites made from different contexts', async () => {
    const contexts = await openContexts(3);
    const origins = Array.from({ length: 60 }, (_, i) => `https://site${i}.gov.cn`);
    await Promise.all(origins.map((origin, i) => contexts[i % 3]!.updateSiteProfile(origin, { enabled: true })));
    expect(await contexts[2]!.listEnabledSites()).toEqual([...origins].sort());
  });
});
