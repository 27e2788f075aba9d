// The records of entries kept aside: stored entries this build does not use (they failed its check, or a
// newer build wrote them), moved verbatim out of their item by the write that would otherwise drop them.
// They stay until the user exports or deletes them on the options page.
import { ITEM_NAMES, type ItemName, type RejectedEntry, type SetAsideReason } from './items';

export interface SetAsideEntry {
  /** Derived from the item, key and value: the same entry always gets the same id, moved or not. */
  id: string;
  item: ItemName;
  reason: SetAsideReason;
  key: string;
  path: string;
  /** Exactly as it was stored. */
  value: unknown;
  /** When a write moved it aside; null while it is still in its item (no write of the item since). */
  setAsideAt: number | null;
}

/** FNV-1a over the UTF-16 code units: a short, stable id, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function setAsideId(item: ItemName, key: string, value: unknown): string {
  return `${item}-${fnv1a(`${key}\u0000${JSON.stringify(value) ?? 'undefined'}`)}`;
}

export function toSetAside(item: ItemName, entry: RejectedEntry, setAsideAt: number | null): SetAsideEntry {
  return {
    id: setAsideId(item, entry.key, entry.value),
    item,
    reason: entry.reason,
    key: entry.key,
    path: entry.path,
    value: entry.value,
    setAsideAt,
  };
}

const isRecord = (value: unknown): value is SetAsideEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SetAsideEntry).id === 'string' &&
  (ITEM_NAMES as readonly unknown[]).includes((value as SetAsideEntry).item) &&
  ((value as SetAsideEntry).reason === 'invalid' || (value as SetAsideEntry).reason === 'newer') &&
  typeof (value as SetAsideEntry).key === 'string' &&
  typeof (value as SetAsideEntry).path === 'string' &&
  'value' in value;

/**
 * The records stored under an item's set-aside key. Whatever else is found there (edited by hand, damaged)
 * is wrapped as a record of its own rather than dropped: this key must never lose anything either.
 */
export function parseSetAside(item: ItemName, raw: unknown): SetAsideEntry[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((entry) =>
    isRecord(entry)
      ? entry
      : { id: setAsideId(item, '', entry), item, reason: 'invalid', key: '', path: '', value: entry, setAsideAt: null },
  );
}

/** `existing` plus those of `added` not already in it (same id = same entry). */
export function mergeSetAside(existing: SetAsideEntry[], added: SetAsideEntry[]): SetAsideEntry[] {
  const ids = new Set(existing.map((entry) => entry.id));
  const merged = [...existing];
  for (const entry of added) {
    if (ids.has(entry.id)) continue;
    ids.add(entry.id);
    merged.push(entry);
  }
  return merged;
}
