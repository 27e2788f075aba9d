// Drafts: what the user typed into a portal field, per site and field, kept for a bounded time
// (Settings.draftRetentionDays) so that a crashed tab or a portal that logs out mid-report loses nothing.
// Which fields may be drafted (never passwords, card numbers, one-time codes) is decided in lib/dom.
import { sameDraftText } from '../drafts/text';
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

function oldestKey<T>(record: Record<string, T>, savedAt: (value: T) => number): string | undefined {
  let oldest: string | undefined;
  for (const key of Object.keys(record)) {
    if (oldest === undefined || savedAt(record[key]!) < savedAt(record[oldest]!)) oldest = key;
  }
  return oldest;
}

const lastSaved = (fields: Record<string, Draft>) =>
  Math.max(0, ...Object.values(fields).map((draft) => draft.savedAt));

/**
 * What the new draft keeps as `earlier`. The first save of a page load over a draft saved before it keeps that
 * draft's text (the text from before the load; it replaces an older earlier text the user left alone through a
 * whole page load). Any other save keeps the old draft's earlier text, if any.
 */
function earlierFor(old: Draft | undefined, text: string, since: number | undefined): Draft['earlier'] {
  if (!old) return undefined;
  const newLoad = since !== undefined && old.savedAt < since;
  if (newLoad && old.text !== '' && !sameDraftText(old.text, text)) return { text: old.text, savedAt: old.savedAt };
  return old.earlier;
}

/**
 * Saves the field's text. An empty text removes the draft instead, unless the draft holds an `earlier` text,
 * which stays (with the empty text) until it is restored or discarded. When a site already holds the most
 * drafts allowed (or storage holds the most sites), the oldest one makes room: autosave must not fail
 * because of old drafts.
 */
export async function saveDraft(input: DraftInput, now = Date.now()): Promise<Draft | undefined> {
  const origin = normaliseOrigin(input.origin);
  if (!v.is(FieldKeySchema, input.fieldKey)) throw new StorageValidationError('drafts', 'fieldKey');
  const since = typeof input.since === 'number' && Number.isFinite(input.since) ? input.since : undefined;
  let saved: Draft | undefined;
  await updateItem(draftsItem, (drafts) => {
    saved = undefined;
    const old = Object.hasOwn(drafts, origin) && Object.hasOwn(drafts[origin]!, input.fieldKey)
      ? drafts[origin]![input.fieldKey]
      : undefined;
    const earlier = earlierFor(old, input.text, since);
    if (input.text === '' && !earlier) return old ? withoutDraft(drafts, origin, input.fieldKey) : drafts;
    const draft: Draft = {
      text: input.text,
      savedAt: now,
      pageUrl: input.pageUrl.slice(0, LIMITS.pageUrlLength),
      fieldLabel: input.fieldLabel.slice(0, LIMITS.fieldLabelLength),
      ...(earlier ? { earlier } : {}),
    };
    saved = draft;
    const next: Drafts = { ...drafts };
    if (!Object.hasOwn(next, origin) && Object.keys(next).length >= LIMITS.draftSites) {
      const evict = oldestKey(next, lastSaved);
      if (evict !== undefined) delete next[evict];
    }
    const fields = { ...(Object.hasOwn(next, origin) ? next[origin] : {}) };
    if (!Object.hasOwn(fields, input.fieldKey) && Object.keys(fields).length >= LIMITS.draftsPerSite) {
      const evict = oldestKey(fields, (d) => d.savedAt);
      if (evict !== undefined) delete fields[evict];
    }
    fields[input.fieldKey] = draft;
    next[origin] = fields;
    return next;
  });
  return saved;
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
    const draft: Draft = how === 'restored' ? { ...rest, text: earlier.text, savedAt: now } : rest;
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
