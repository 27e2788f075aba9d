// Entries kept aside, for the options page: how many, in which item and why, exported verbatim as a JSON
// file, and deleted only when the user asks. An entry still inside its item (no write of the item since it
// was found) and one already moved to the item's set-aside key are listed the same way, with the same id.
import { browser } from 'wxt/browser';
import { ITEMS, ITEM_NAMES, asideKey, itemStateOf, metaKey, readStored, type ItemDef, type ItemName } from './items';
import { mergeSetAside, parseSetAside, toSetAside, type SetAsideEntry } from './asideRecords';
import { itemEntries, setAsideEntries, withItemLocks, writeValues } from './write';

export type { SetAsideEntry } from './asideRecords';

export const SET_ASIDE_FORMAT = 'tianbao-set-aside';

export interface SetAsideReport {
  entries: SetAsideEntry[];
  /** Items a newer build saved: this build reads what it can of them but writes none of them. */
  newerItems: Array<{ item: ItemName; storedVersion: number }>;
}

async function itemReport(def: ItemDef<unknown>) {
  const stored = await readStored(def);
  const state = itemStateOf(def, stored[def.storageKey], stored[metaKey(def)]);
  const moved = parseSetAside(def.name, stored[asideKey(def)]);
  const live = state.rejected.map((entry) => toSetAside(def.name, entry, null));
  return { stored, state, entries: mergeSetAside(moved, live) };
}

/** Every entry kept aside, in item order, and the items a newer build saved. */
export async function listSetAside(): Promise<SetAsideReport> {
  const reports = await Promise.all(ITEM_NAMES.map((name) => itemReport(ITEMS[name] as ItemDef<unknown>)));
  return {
    entries: reports.flatMap((report) => report.entries),
    newerItems: ITEM_NAMES.flatMap((name, i) => {
      const { state } = reports[i]!;
      return state.storedVersion > ITEMS[name].version ? [{ item: name, storedVersion: state.storedVersion }] : [];
    }),
  };
}

/** The entries (all, or those with `ids`) as a JSON file's text; each `value` exactly as it was stored. */
export async function exportSetAside(ids?: readonly string[], now = new Date()): Promise<string> {
  const { entries } = await listSetAside();
  const chosen = ids ? entries.filter((entry) => ids.includes(entry.id)) : entries;
  return JSON.stringify({ format: SET_ASIDE_FORMAT, version: 1, exportedAt: now.toISOString(), entries: chosen }, null, 1);
}

/** `tianbao-set-aside-2026-11-28.json`, in local time. */
export function setAsideFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tianbao-set-aside-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * Deletes the entries with `ids` (the user confirmed it). Entries still inside their item leave it with the
 * item's next value written in the same `set`; entries a newer build wrote are never deleted here (they are
 * part of an item this build does not write). Returns how many were deleted.
 */
export async function deleteSetAside(ids: readonly string[]): Promise<number> {
  const wanted = new Set(ids);
  let deleted = 0;
  for (const name of ITEM_NAMES) {
    const def = ITEMS[name] as ItemDef<unknown>;
    deleted += await withItemLocks([def.storageKey], async () => {
      const { stored, state, entries } = await itemReport(def);
      const doomed = entries.filter((entry) => wanted.has(entry.id) && entry.reason === 'invalid');
      if (doomed.length === 0 || state.newer) return 0;
      const gone = new Set(doomed.map((entry) => entry.id));
      const values: Record<string, unknown> = {};
      // Entries still in the item go with a write of its valid part; the others stay aside.
      if (state.rejected.length > 0) {
        Object.assign(values, itemEntries(def, state.value), setAsideEntries(def, state, stored[asideKey(def)]));
      }
      const kept = parseSetAside(name, values[asideKey(def)] ?? stored[asideKey(def)]).filter((entry) => !gone.has(entry.id));
      values[asideKey(def)] = kept;
      await writeValues(values);
      return doomed.length;
    });
  }
  return deleted;
}

/** Calls `callback` whenever any item or its set-aside records change. Returns the unwatch function. */
export function watchSetAside(callback: () => void): () => void {
  const keys = new Set(
    ITEM_NAMES.flatMap((name) => {
      const def = ITEMS[name] as ItemDef<unknown>;
      return [def.storageKey, metaKey(def), asideKey(def)];
    }),
  );
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => keys.has(key))) callback();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
