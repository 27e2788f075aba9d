// The one place that writes to browser.storage.local, and the read-modify-write helper every accessor uses.
//
// Guarantees (browser.storage has no transactions, so these are the ones we can give):
//  - One `set` call per change, holding the new value, its version tag and, when the stored value had entries
//    this build does not use, those entries added to the item's set-aside key. The browser applies a `set`
//    all-or-nothing, so a failed write (full quota, validation) leaves nothing half-written or dropped.
//  - An item a newer build saved is never written (StorageNewerVersionError).
//  - Within one JavaScript context, updates of the same item run one after another; none is lost.
//  - Across extension-origin contexts (options page, panel page, background) updates also take a Web Lock of
//    the same name, so they are serialised too: tests/e2e/storage-integrity.e2e.ts adds 1,000 snippets at once
//    from two options pages and the background and finds all 1,000.
//  - Content scripts in portal tabs cannot share those locks (their navigator.locks belongs to the portal's
//    origin, and a portal could hold a lock of our name forever). They should not write at all (they message
//    the background); if one does, its update re-reads the item just before writing and starts over if another
//    context changed it meanwhile, which leaves a window of one `storage.local.set` round trip.
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { StorageFullError, StorageNewerVersionError, StorageValidationError, isQuotaError } from './errors';
import { issuePath } from './schemas';
import { asideKey, itemStateOf, metaKey, readStored, type ItemDef, type ItemState } from './items';
import { mergeSetAside, parseSetAside, toSetAside } from './asideRecords';

/** Another context kept changing the item while we tried to update it. */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
  readonly messageId = 'storage.conflict';
  readonly params = {};
  constructor(readonly itemName: string) {
    super(`${itemName} kept changing in another tab; update not applied`);
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Writes `values` (storage keys → values) in one `storage.local.set`. Every write of the data layer goes
 * through here. Quota errors become StorageFullError; anything else is rethrown as it is.
 */
export async function writeValues(values: Record<string, unknown>): Promise<void> {
  try {
    await browser.storage.local.set(values);
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError({ cause: error });
    throw error;
  }
}

/** The item's value and its version tag, checked against its schema; throws before anything is written. */
export function itemEntries<T>(def: ItemDef<T>, value: T): Record<string, unknown> {
  const parsed = v.safeParse(def.schema, value);
  if (!parsed.success) throw new StorageValidationError(def.name, issuePath(parsed.issues));
  return { [def.storageKey]: parsed.output, [metaKey(def as ItemDef<unknown>)]: { v: def.version } };
}

// ---- serialisation ----

const tails = new Map<string, Promise<unknown>>();

function extensionLocks(): LockManager | undefined {
  const protocol = (globalThis as { location?: Location }).location?.protocol;
  if (protocol !== 'chrome-extension:' && protocol !== 'moz-extension:') return undefined;
  return (globalThis as { navigator?: Navigator }).navigator?.locks;
}

/** Runs `task` after every earlier task holding any of `names` in this context, under their Web Locks. */
export function withItemLocks<R>(names: readonly string[], task: () => Promise<R>): Promise<R> {
  const sorted = [...new Set(names)].sort();
  const locks = extensionLocks();
  const locked = sorted.reduceRight<() => Promise<R>>(
    (inner, name) => (locks ? () => locks.request(`tianbao-storage:${name}`, inner) as Promise<R> : inner),
    task,
  );
  const previous = Promise.all(sorted.map((name) => tails.get(name)));
  const run: Promise<R> = previous.then(
    () => locked(),
    () => locked(),
  );
  const tail = run.catch(() => undefined);
  for (const name of sorted) tails.set(name, tail);
  void tail.then(() => {
    for (const name of sorted) if (tails.get(name) === tail) tails.delete(name);
  });
  return run;
}

/** Everything a write of the item depends on, as one string: equal means nobody wrote in between. */
const fingerprint = (def: ItemDef<unknown>, stored: Record<string, unknown>) =>
  JSON.stringify([stored[def.storageKey] ?? null, stored[metaKey(def)] ?? null, stored[asideKey(def)] ?? null]);

/**
 * The entries of `state` this build does not use, added to the item's set-aside records: written in the
 * same `set` as the item, so that no write of the item can drop them.
 */
export function setAsideEntries<T>(
  def: ItemDef<T>,
  state: ItemState<T>,
  storedAside: unknown,
  now = Date.now(),
): Record<string, unknown> {
  if (state.rejected.length === 0) return {};
  const added = state.rejected.map((entry) => toSetAside(def.name, entry, now));
  return { [asideKey(def as ItemDef<unknown>)]: mergeSetAside(parseSetAside(def.name, storedAside), added) };
}

/**
 * Reads the item, applies `change` and writes the result, serialised as described at the top of this file.
 * `change` may mutate its argument (it is a fresh copy) and return it, or return a new value; returning the
 * value unchanged (`Object.is`) writes nothing. `change` must be pure: it may run again after a conflict.
 *
 * Stored entries that fail the schema are moved, verbatim, to the item's set-aside key in the same `set`.
 * An item written by a newer build is never written: StorageNewerVersionError, before `change` runs.
 */
export function updateItem<T>(def: ItemDef<T>, change: (current: T) => T): Promise<T> {
  const anyDef = def as ItemDef<unknown>;
  const locked = extensionLocks() !== undefined;
  return withItemLocks([def.storageKey], async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await readStored(anyDef);
      const before = fingerprint(anyDef, stored);
      const raw = stored[def.storageKey];
      const state = itemStateOf(def, raw, stored[metaKey(anyDef)]);
      if (state.newer) throw new StorageNewerVersionError(def.name, state.storedVersion);
      const current = state.value;
      const next = change(current);
      const entries = itemEntries(def, next);
      const unchanged =
        state.rejected.length > 0 || raw === undefined || raw === null || JSON.stringify(current) === JSON.stringify(raw);
      // Nothing to write: the entries kept aside stay where they are until a real change moves them.
      if (Object.is(next, current) && unchanged) return current;
      Object.assign(entries, setAsideEntries(def, state, stored[asideKey(anyDef)]));
      // Under the Web Lock every other writer (options page, panel page, background) waits for us; without
      // it (a content script) another context may have written since our read: then start over.
      if (!locked && fingerprint(anyDef, await readStored(anyDef)) !== before) continue;
      await writeValues(entries);
      return entries[def.storageKey] as T;
    }
    throw new StorageConflictError(def.name);
  });
}

/** Replaces the item's value (validated), serialised with updates of the same item. */
export function replaceItem<T>(def: ItemDef<T>, value: T): Promise<T> {
  return updateItem(def, () => value);
}
