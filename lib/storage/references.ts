// The user's own sample texts (范文, issue 13 item 4): 范文相似度 compares a report with the shipped samples
// (lib/core/references) and with these. Added on the options page (报告记录 → 我的范文), kept in the backup.
import { StorageValidationError } from './errors';
import { readItem, referencesItem } from './items';
import { LIMITS, ReferenceTextSchema, type ReferenceText } from './schemas';
import * as v from 'valibot';
import { updateItem } from './write';

/** All the user's sample texts together: ten long 范文, about 3 MB as UTF-8 at the most. */
export const REFERENCES_BUDGET = { totalChars: 1_000_000 } as const;

export type AddReferenceOutcome = 'saved' | 'empty' | 'tooLong' | 'full';

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ref-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Adds a sample text (title trimmed, defaulting to its first line); refuses one over the bounds, never drops another. */
export async function addReferenceText(input: { title: string; text: string }, now = Date.now()): Promise<{ outcome: AddReferenceOutcome; reference?: ReferenceText }> {
  const text = input.text.trim();
  if (text === '') return { outcome: 'empty' };
  if (text.length > LIMITS.referenceTextLength) return { outcome: 'tooLong' };
  const title = (input.title.trim() || text.split('\n')[0]!.trim()).slice(0, LIMITS.referenceTitleLength);
  const reference: ReferenceText = { id: newId(), title, text, addedAt: now };
  if (!v.is(ReferenceTextSchema, reference)) throw new StorageValidationError('references', 'reference');
  let outcome: AddReferenceOutcome = 'saved';
  await updateItem(referencesItem, (list) => {
    const total = list.reduce((n, r) => n + r.text.length, 0);
    if (list.length >= LIMITS.referenceTexts || total + text.length > REFERENCES_BUDGET.totalChars) {
      outcome = 'full';
      return list;
    }
    outcome = 'saved';
    return [...list, reference];
  });
  return outcome === 'saved' ? { outcome, reference } : { outcome };
}

/** The user's sample texts, in the order added. */
export async function listReferenceTexts(): Promise<ReferenceText[]> {
  return readItem(referencesItem);
}

export async function deleteReferenceText(id: string): Promise<boolean> {
  let removed = false;
  await updateItem(referencesItem, (list) => {
    const next = list.filter((r) => r.id !== id);
    removed = next.length !== list.length;
    return removed ? next : list;
  });
  return removed;
}

export function watchReferenceTexts(callback: (list: ReferenceText[]) => void): () => void {
  return referencesItem.item.watch(() => {
    void readItem(referencesItem).then(callback);
  });
}
