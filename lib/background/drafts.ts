// The background is the one writer of the drafts item for content scripts. Two tabs of the same portal autosave
// into the same storage value; from content scripts those read-modify-write cycles could interleave across
// tabs (no shared lock there, see lib/storage/write.ts), and a draft could be lost. Here every draft change
// runs in one context, one after another, in the order the messages arrived.
import {
  deleteDrafts,
  listDrafts,
  markDraftsSubmitted,
  pruneDrafts,
  pruneReportHistory,
  recordReport,
  saveDraftBatch,
  settleEarlierDraft,
  type DraftSaveOutcome,
} from '../storage';
import { samePage } from '../drafts/text';
import type { DraftMessageEntry, DraftSaveResult } from '../messages';

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

/**
 * Saves one message's entries in one write. Each entry stands alone (issue 9 item 5): a malformed, oversized or
 * over-budget entry is refused and counted, the others are saved. `since`: when the sending page was loaded
 * (see DraftInput.since); ignored unless a finite number. A message that is not a list saves nothing.
 */
export function saveDrafts(
  origin: string,
  pageUrl: unknown,
  entries: unknown,
  now = Date.now(),
  since?: unknown,
): Promise<DraftSaveResult> {
  const loadedAt = typeof since === 'number' && Number.isFinite(since) ? since : undefined;
  const list: DraftMessageEntry[] = Array.isArray(entries)
    ? entries.filter((entry): entry is DraftMessageEntry => typeof entry === 'object' && entry !== null)
    : [];
  if (typeof pageUrl !== 'string' || list.length === 0) return Promise.resolve({ saved: 0, tooLong: [], siteFull: [], invalid: 0 });
  return enqueue(async () => {
    const outcomes = await saveDraftBatch(origin, pageUrl, list, loadedAt === undefined ? { now } : { now, since: loadedAt });
    return summarise(list, outcomes);
  });
}

function summarise(entries: readonly DraftMessageEntry[], outcomes: readonly DraftSaveOutcome[]): DraftSaveResult {
  const result: DraftSaveResult = { saved: 0, tooLong: [], siteFull: [], invalid: 0 };
  outcomes.forEach((outcome, index) => {
    const fieldKey = String(entries[index]?.fieldKey);
    if (outcome === 'saved' || outcome === 'removed') result.saved++;
    else if (outcome === 'tooLong') result.tooLong.push(fieldKey);
    else if (outcome === 'siteFull') result.siteFull.push(fieldKey);
    else if (outcome === 'invalid') result.invalid++;
  });
  return result;
}

/**
 * A submit went through on that page: its drafts (same path) are marked submitted, never deleted (issue 9
 * item 3). They expire with the retention like any draft; the user can still open them.
 */
export function markPageSubmitted(origin: string, pageUrl: unknown, now = Date.now()): Promise<number> {
  if (typeof pageUrl !== 'string') return Promise.resolve(0);
  return enqueue(async () => {
    const marked = await markDraftsSubmitted(origin, pageUrl, now);
    // The report history (issue 13): the submitted fields, as the drafts of that page hold them. A failure
    // here never undoes the marks.
    if (marked > 0) await recordSubmittedDrafts(origin, pageUrl, now).catch((error) => console.warn('[tianbao] report history', error));
    return marked;
  });
}

/** A record of the page's submitted drafts (same path, marked at `now`), in the order the fields were saved. */
async function recordSubmittedDrafts(origin: string, pageUrl: string, now: number): Promise<void> {
  const drafts = (await listDrafts(origin))
    .filter((d) => d.submittedAt === now && samePage(d.pageUrl, pageUrl))
    .sort((a, b) => a.savedAt - b.savedAt);
  await recordReport({
    origin,
    pageUrl,
    source: 'guard',
    now,
    fields: drafts.map((d) => ({ key: d.fieldKey, label: d.fieldLabel, text: d.text })),
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
  return enqueue(async () => {
    // Report records follow the drafts' retention unless kept (lib/storage/reportHistory.ts).
    await pruneReportHistory(now).catch(() => 0);
    return pruneDrafts(now);
  });
}
