// The end-to-end suite's way into the real data layer of each extension context (options page, panel page,
// background service worker). Only the e2e flavour calls installStorageE2eHook (wxt.config.ts defines
// import.meta.env.TIANBAO_E2E); in every other build the call and this module are removed at build time.
import { createSnippet, listSnippets } from './snippets';
import { listSetAside } from './setAside';

declare global {
  interface ImportMetaEnv {
    readonly TIANBAO_E2E?: boolean;
  }
}

export interface StorageE2eHook {
  createSnippet: typeof createSnippet;
  listSnippets: typeof listSnippets;
  listSetAside: typeof listSetAside;
}

export function installStorageE2eHook(): void {
  (globalThis as { tianbaoStorage?: StorageE2eHook }).tianbaoStorage = { createSnippet, listSnippets, listSetAside };
}
