// What the panel's draft list needs from the extension: read the site's drafts and hear of changes (a content
// script may read storage directly), delete and settle through the background (the one writer;
// lib/background/drafts.ts).
import { browser } from 'wxt/browser';
import { listDrafts, watchDrafts, type DraftEntry } from '../storage';
import type { Message } from '../messages';

export interface DraftSource {
  pageUrl(): string;
  list(): Promise<DraftEntry[]>;
  watch(onChange: () => void): () => void;
  remove(fieldKeys: string[]): Promise<void>;
  /** The draft's `earlier` text was restored into its field, or discarded (lib/storage settleEarlierDraft). */
  settle(fieldKey: string, how: 'restored' | 'discarded'): Promise<void>;
}

/** The portal page the panel serves: its origin and current address (the panel is an extension page). */
export interface DraftPage {
  origin: string;
  pageUrl(): string;
}

export function createDraftSource({ origin, pageUrl }: DraftPage): DraftSource {
  return {
    pageUrl,
    list: () => listDrafts(origin),
    watch: (onChange) => watchDrafts(() => onChange()),
    async remove(fieldKeys) {
      const message: Message = { type: 'draft:delete', fieldKeys, origin };
      const removed: unknown = await browser.runtime.sendMessage(message);
      if (typeof removed !== 'number') throw new Error('draft:delete was refused');
    },
    async settle(fieldKey, how) {
      const message: Message = { type: 'draft:settle', fieldKey, how, origin };
      const settled: unknown = await browser.runtime.sendMessage(message);
      if (typeof settled !== 'boolean') throw new Error('draft:settle was refused');
    },
  };
}
