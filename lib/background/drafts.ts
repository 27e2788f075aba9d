// The background is the one writer of the drafts item for content scripts. Two tabs of the same portal autosave
// into the same storage value; from content scripts those read-modify-write cycles could interleave across
// tabs (no shared lock there, see lib/storage/write.ts), and a draft could be lost. Here every draft change
// runs in one context, one after another, in the order the messages arrived.
import { deleteDrafts, listDrafts, pruneDrafts, saveDraft, settleEarlierDraft } from '../storage';
import { samePage } from '../drafts/text';
import type { DraftMessageEntry } from '../messages';

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** The http(s) origin of the page that sent a message; drafts are filed under it, never under a claimed one. */
export function senderOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `since`: when the sending page was loaded (see DraftInput.since); ignored unless a finite number. */
export function saveDrafts(
  origin: string,
  pageUrl: string,
  entries: readonly DraftMessageEntry[],
  now = Date.now(),
  since?: unknown,
): Promise<number> {
  const loadedAt = typeof since === 'number' && Number.isFinite(since) ? since : undefined;
  return enqueue(async () => {
    let saved = 0;
    for (const entry of entries) {
      const input = { origin, pageUrl, fieldKey: entry.fieldKey, fieldLabel: entry.fieldLabel, text: entry.text };
      await saveDraft(loadedAt === undefined ? input : { ...input, since: loadedAt }, now);
      saved++;
    }
    return saved;
  });
}

/** After a submit went through: the drafts taken on that page (same path) are removed. */
export function clearPageDrafts(origin: string, pageUrl: string): Promise<number> {
  return enqueue(async () => {
    const keys = (await listDrafts(origin)).filter((draft) => samePage(draft.pageUrl, pageUrl)).map((d) => d.fieldKey);
    return keys.length > 0 ? deleteDrafts(origin, keys) : 0;
  });
}

/** The panel restored or discarded a draft's `earlier` text; returns whether there was one. */
export function settleDraft(origin: string, fieldKey: unknown, how: unknown): Promise<boolean> {
  if (typeof fieldKey !== 'string' || (how !== 'restored' && how !== 'discarded')) return Promise.resolve(false);
  return enqueue(() => settleEarlierDraft(origin, fieldKey, how));
}

export function removeDrafts(origin: string, fieldKeys: readonly string[]): Promise<number> {
  return enqueue(() => deleteDrafts(origin, fieldKeys));
}

/** Drafts older than Settings.draftRetentionDays go; run when the background starts. */
export function pruneOldDrafts(now = Date.now()): Promise<number> {
  return enqueue(() => pruneDrafts(now));
}
