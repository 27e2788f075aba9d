// Drafts: what the user typed into a portal field, per site and field, kept for a bounded time
// (Settings.draftRetentionDays) so that a crashed tab or a portal that logs out mid-report loses nothing.
// Which fields may be drafted (never passwords, card numbers, one-time codes) is decided in lib/drafts/sensitive.ts;
// how much a site may hold, and what happens when it is full, in DRAFT_BUDGET below.
import { sameDraftText, samePage } from '../drafts/text';
import { draftsItem, readItem } from './items';
import * as v from 'valibot';
import { StorageValidationError } from './errors';
import { FieldKeySchema, LIMITS, type Draft, type Drafts } from './schemas';
import { getSettings } from './settings';
import { normaliseOrigin } from './siteProfiles';
import { updateItem } from './write';

export interface DraftInput {
  origin: string;
  fieldKey: string;
  text: string;
  pageUrl: string;
  fieldLabel: string;
  /**
   * When the page that typed the text was loaded (epoch ms). The first save of a page load over a draft saved
   * before it, with a different text, keeps that draft's text as `earlier` instead of overwriting it: after a
   * reload the user often types again before restoring, and the text from before the reload must survive.
   */
  since?: number;
}

export interface DraftEntry extends Draft {
  origin: string;
  fieldKey: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How much a site may hold as drafts (issue 9 item 5). The bounds are the writer's; the schema's (LIMITS) stay
 * wider so that every draft stored by an earlier build is still valid.
 *  - fieldChars 100 000: the longest real report field (a 年度工作总结 pasted whole) runs to 20–30 000
 *    characters; three times that is still a report, more is a paste accident or a page's data blob.
 *  - siteChars 1 000 000: ten fields at the cap, or a year of half-yearly reports of one portal; as UTF-8
 *    (3 bytes a character) 3 MB, under a third of Chrome's 10 MB storage.local quota, so one portal can never
 *    fill the quota for the others or for the snippets.
 *  - fieldsPerSite: the schema's LIMITS.draftsPerSite less a few places, so a refused field can still carry
 *    its "not saved" note.
 * When a site is full, the writer first lets go of the site's expired drafts (the retention would remove them
 * at the next start anyway). It never removes a live draft to make room: the new text is refused, the field's
 * older draft stays, and the field is marked `unsaved` so the panel and the options page tell the user where to
 * delete drafts. Losing text silently is worse than not saving a new one loudly.
 */
export const DRAFT_BUDGET = {
  fieldChars: 100_000,
  siteChars: 1_000_000,
  fieldsPerSite: LIMITS.draftsPerSite - 10,
} as const;

/** What happened to one entry of a batch. */
export type DraftSaveOutcome = 'saved' | 'removed' | 'unchanged' | 'tooLong' | 'siteFull' | 'invalid';

export interface DraftBatchInput {
  fieldKey: string;
  fieldLabel: string;
  text: string;
}

/** The characters a draft holds against its site's budget. */
export const draftChars = (draft: Draft) => draft.text.length + (draft.earlier?.text.length ?? 0);

/**
 * What the new draft keeps as `earlier`. The first save of a page load over a draft saved before it keeps that
 * draft's text (the text from before the load; it replaces an older earlier text the user left alone through a
 * whole page load). Any other save keeps the old draft's earlier text, if any.
 */
function earlierFor(old: Draft | undefined, text: string, since: number | undefined): Draft['earlier'] {
  if (!old) return undefined;
  const newLoad = since !== undefined && old.savedAt < since;
  if (newLoad && old.text !== '' && !sameDraftText(old.text, text)) {
    return { text: old.text, savedAt: old.savedAt, ...(old.submittedAt === undefined ? {} : { submittedAt: old.submittedAt }) };
  }
  return old.earlier;
}

/** Drops the site's drafts older than `cutoff`; returns how many characters that freed. */
function dropExpired(fields: Record<string, Draft>, cutoff: number): number {
  let freed = 0;
  for (const [key, draft] of Object.entries(fields)) {
    if (draft.savedAt < cutoff) {
      freed += draftChars(draft);
      delete fields[key];
    }
  }
  return freed;
}

/**
 * Saves a batch of one page's fields in one write (issue 9 item 5). Each entry is judged on its own: a field
 * key that is not valid, a text over DRAFT_BUDGET.fieldChars or a site over its budget refuses that entry only,
 * and the others are saved. A refused field keeps its older draft and is marked `unsaved` (reason, time, length)
 * so the user is told. An empty text removes the draft, unless it holds an `earlier` text, which stays until
 * restored or discarded.
 *
 * The work is one read and one write of the item whatever the batch size, and per entry only the entry itself
 * is checked (the site's size is a sum of lengths), never the texts of the other drafts.
 */
export async function saveDraftBatch(
  origin: string,
  pageUrl: string,
  entries: readonly DraftBatchInput[],
  options: { now?: number; since?: number } = {},
): Promise<DraftSaveOutcome[]> {
  const key = normaliseOrigin(origin);
  const now = options.now ?? Date.now();
  const since = typeof options.since === 'number' && Number.isFinite(options.since) ? options.since : undefined;
  const { draftRetentionDays } = await getSettings();
  const cutoff = now - draftRetentionDays * DAY_MS;
  const url = pageUrl.slice(0, LIMITS.pageUrlLength);
  let outcomes: DraftSaveOutcome[] = [];
  await updateItem(draftsItem, (drafts) => {
    outcomes = [];
    let changed = false;
    const isNewSite = !Object.hasOwn(drafts, key);
    const fields: Record<string, Draft> = { ...(isNewSite ? {} : drafts[key]) };
    let siteChars = 0;
    for (const draft of Object.values(fields)) siteChars += draftChars(draft);
    let expiredDropped = false;
    const makeRoom = () => {
      if (expiredDropped) return;
      expiredDropped = true;
      const before = Object.keys(fields).length;
      siteChars -= dropExpired(fields, cutoff);
      if (Object.keys(fields).length !== before) changed = true;
    };
    const refuse = (entry: DraftBatchInput, old: Draft | undefined, reason: 'tooLong' | 'siteFull') => {
      outcomes.push(reason);
      const unsaved = { reason, at: now, length: entry.text.length };
      if (old) {
        fields[entry.fieldKey] = { ...old, unsaved };
      } else if (Object.keys(fields).length < LIMITS.draftsPerSite) {
        // No older draft: a note with no text, so the user still hears of the refused field.
        fields[entry.fieldKey] = { text: '', savedAt: now, pageUrl: url, fieldLabel: entry.fieldLabel.slice(0, LIMITS.fieldLabelLength), unsaved };
      } else {
        return;
      }
      changed = true;
    };

    for (const entry of entries) {
      if (typeof entry.text !== 'string' || typeof entry.fieldLabel !== 'string' || !v.is(FieldKeySchema, entry.fieldKey)) {
        outcomes.push('invalid');
        continue;
      }
      const old = Object.hasOwn(fields, entry.fieldKey) ? fields[entry.fieldKey] : undefined;
      if (entry.text.length > DRAFT_BUDGET.fieldChars) {
        refuse(entry, old, 'tooLong');
        continue;
      }
      const earlier = earlierFor(old, entry.text, since);
      if (entry.text === '' && !earlier) {
        if (old) {
          siteChars -= draftChars(old);
          delete fields[entry.fieldKey];
          changed = true;
          outcomes.push('removed');
        } else {
          outcomes.push('unchanged');
        }
        continue;
      }
      const draft: Draft = {
        text: entry.text,
        savedAt: now,
        pageUrl: url,
        fieldLabel: entry.fieldLabel.slice(0, LIMITS.fieldLabelLength),
        ...(earlier ? { earlier } : {}),
        // The same text saved again (typed and undone) is still the text that was submitted.
        ...(old?.submittedAt !== undefined && old.text === entry.text ? { submittedAt: old.submittedAt } : {}),
      };
      const oldChars = old ? draftChars(old) : 0;
      const fits = () =>
        siteChars - oldChars + draftChars(draft) <= DRAFT_BUDGET.siteChars &&
        (old !== undefined || Object.keys(fields).length < DRAFT_BUDGET.fieldsPerSite);
      if (!fits()) makeRoom();
      // makeRoom may have dropped this very field's old draft (expired): it is then a new field.
      const stillOld = Object.hasOwn(fields, entry.fieldKey) ? fields[entry.fieldKey] : undefined;
      const growth = draftChars(draft) - (stillOld ? draftChars(stillOld) : 0);
      const room =
        siteChars + growth <= DRAFT_BUDGET.siteChars &&
        (stillOld !== undefined || Object.keys(fields).length < DRAFT_BUDGET.fieldsPerSite);
      if (!room) {
        refuse(entry, stillOld, 'siteFull');
        continue;
      }
      siteChars += growth;
      fields[entry.fieldKey] = draft;
      changed = true;
      outcomes.push('saved');
    }

    if (!changed) return drafts;
    const next: Drafts = { ...drafts };
    if (Object.keys(fields).length === 0) {
      delete next[key];
      return next;
    }
    if (isNewSite && Object.keys(next).length >= LIMITS.draftSites) {
      // Storage holds the most sites allowed: let go of expired drafts everywhere; never of live ones.
      for (const origin of Object.keys(next)) {
        const kept = { ...next[origin]! };
        dropExpired(kept, cutoff);
        if (Object.keys(kept).length === 0) delete next[origin];
        else next[origin] = kept;
      }
      if (Object.keys(next).length >= LIMITS.draftSites) {
        outcomes = outcomes.map((outcome) => (outcome === 'saved' || outcome === 'tooLong' ? 'siteFull' : outcome));
        return drafts;
      }
    }
    next[key] = fields;
    return next;
  });
  return outcomes;
}

/**
 * Saves one field's text (see saveDraftBatch); returns the draft as saved, or undefined when the text was
 * empty or refused (the field is then marked `unsaved`). Throws StorageValidationError for an invalid key.
 */
export async function saveDraft(input: DraftInput, now = Date.now()): Promise<Draft | undefined> {
  if (!v.is(FieldKeySchema, input.fieldKey)) throw new StorageValidationError('drafts', 'fieldKey');
  const since = typeof input.since === 'number' && Number.isFinite(input.since) ? input.since : undefined;
  const [outcome] = await saveDraftBatch(
    input.origin,
    input.pageUrl,
    [{ fieldKey: input.fieldKey, fieldLabel: input.fieldLabel, text: input.text }],
    since === undefined ? { now } : { now, since },
  );
  return outcome === 'saved' ? getDraft(input.origin, input.fieldKey) : undefined;
}

/**
 * A submit went through on `pageUrl` (issue 9 item 3): the drafts taken on that page (same path) are marked
 * submitted at `now`, not deleted. They expire with the normal retention, and the user can still open them.
 * Returns how many were marked.
 */
export async function markDraftsSubmitted(origin: string, pageUrl: string, now = Date.now()): Promise<number> {
  const key = normaliseOrigin(origin);
  let marked = 0;
  await updateItem(draftsItem, (drafts) => {
    marked = 0;
    if (!Object.hasOwn(drafts, key)) return drafts;
    const fields = { ...drafts[key]! };
    for (const [fieldKey, draft] of Object.entries(fields)) {
      if (draft.text === '' || !samePage(draft.pageUrl, pageUrl)) continue;
      fields[fieldKey] = { ...draft, submittedAt: now };
      marked++;
    }
    return marked > 0 ? { ...drafts, [key]: fields } : drafts;
  });
  return marked;
}

function withoutDraft(drafts: Drafts, origin: string, fieldKey: string): Drafts {
  const fields = { ...drafts[origin]! };
  delete fields[fieldKey];
  const next = { ...drafts };
  if (Object.keys(fields).length === 0) delete next[origin];
  else next[origin] = fields;
  return next;
}

/**
 * The user dealt with a draft's `earlier` text in the panel. `restored`: the field now holds it, so it becomes
 * the draft's text (saved now); `discarded`: it goes, and the draft keeps its current text (or goes, when that
 * is empty). Returns whether the draft had an `earlier` text.
 */
export async function settleEarlierDraft(
  origin: string,
  fieldKey: string,
  how: 'restored' | 'discarded',
  now = Date.now(),
): Promise<boolean> {
  const key = normaliseOrigin(origin);
  let settled = false;
  await updateItem(draftsItem, (drafts) => {
    settled = false;
    const old = Object.hasOwn(drafts, key) && Object.hasOwn(drafts[key]!, fieldKey) ? drafts[key]![fieldKey] : undefined;
    if (!old?.earlier) return drafts;
    settled = true;
    const { earlier, ...rest } = old;
    if (how === 'discarded' && rest.text === '') return withoutDraft(drafts, key, fieldKey);
    // Restored: the field holds the earlier text now, with its own submit mark (if it had one); the current
    // text's mark and any note about a refused save belonged to the text that was replaced.
    const { submittedAt: _replacedMark, unsaved: _replacedNote, ...kept } = rest;
    const draft: Draft =
      how === 'restored'
        ? { ...kept, text: earlier.text, savedAt: now, ...(earlier.submittedAt === undefined ? {} : { submittedAt: earlier.submittedAt }) }
        : rest;
    return { ...drafts, [key]: { ...drafts[key]!, [fieldKey]: draft } };
  });
  return settled;
}

export async function getDraft(origin: string, fieldKey: string): Promise<Draft | undefined> {
  const drafts = await readItem(draftsItem);
  const key = normaliseOrigin(origin);
  return Object.hasOwn(drafts, key) && Object.hasOwn(drafts[key]!, fieldKey) ? drafts[key]![fieldKey] : undefined;
}

/** The site's drafts, newest first. */
export async function listDrafts(origin: string): Promise<DraftEntry[]> {
  const key = normaliseOrigin(origin);
  const drafts = await readItem(draftsItem);
  const fields = Object.hasOwn(drafts, key) ? drafts[key]! : {};
  return Object.entries(fields)
    .map(([fieldKey, draft]) => ({ origin: key, fieldKey, ...draft }))
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Every draft of every site, newest first (for the options page). */
export async function listAllDrafts(): Promise<DraftEntry[]> {
  const drafts = await readItem(draftsItem);
  return Object.entries(drafts)
    .flatMap(([origin, fields]) =>
      Object.entries(fields).map(([fieldKey, draft]) => ({ origin, fieldKey, ...draft })),
    )
    .sort((a, b) => b.savedAt - a.savedAt);
}

export async function deleteDraft(origin: string, fieldKey: string): Promise<boolean> {
  return (await deleteDrafts(origin, [fieldKey])) > 0;
}

/** Removes the site's drafts for `fieldKeys` (all of the site's drafts when omitted), e.g. after a submit went through. */
export async function deleteDrafts(origin: string, fieldKeys?: readonly string[]): Promise<number> {
  const key = normaliseOrigin(origin);
  let removed = 0;
  await updateItem(draftsItem, (drafts) => {
    removed = 0;
    if (!Object.hasOwn(drafts, key)) return drafts;
    const fields = { ...drafts[key]! };
    for (const fieldKey of fieldKeys ?? Object.keys(fields)) {
      if (Object.hasOwn(fields, fieldKey)) {
        delete fields[fieldKey];
        removed++;
      }
    }
    if (removed === 0) return drafts;
    const next = { ...drafts };
    if (Object.keys(fields).length === 0) delete next[key];
    else next[key] = fields;
    return next;
  });
  return removed;
}

/** Removes drafts older than the retention period; returns how many went. Call at start-up and daily. */
export async function pruneDrafts(now = Date.now()): Promise<number> {
  const { draftRetentionDays } = await getSettings();
  const cutoff = now - draftRetentionDays * DAY_MS;
  let removed = 0;
  await updateItem(draftsItem, (drafts) => {
    removed = 0;
    const next: Drafts = {};
    for (const [origin, fields] of Object.entries(drafts)) {
      const kept: Record<string, Draft> = {};
      for (const [fieldKey, draft] of Object.entries(fields)) {
        if (draft.savedAt >= cutoff) kept[fieldKey] = draft;
        else removed++;
      }
      if (Object.keys(kept).length > 0) next[origin] = kept;
    }
    return removed > 0 ? next : drafts;
  });
  return removed;
}

export function watchDrafts(callback: (drafts: Drafts) => void): () => void {
  return draftsItem.item.watch(() => {
    void readItem(draftsItem).then(callback);
  });
}
