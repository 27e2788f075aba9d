// What 拆分到各栏 and 从上期报告开始 share when they write several fields in one action: the check that every field
// still holds the text the plan read (else nothing is written), and the details a failed write reports.
import type { InsertOutcome, PageBridge, PanelField } from './bridge';
import type { PanelChange } from './undo';

/** A field as a plan read it. */
export interface ExpectedField {
  key: string;
  label: string;
  text: string;
}

/**
 * The first of `expected` that left the page ('gone') or holds other text ('changed'), read fresh from the page;
 * undefined when all of them are as the plan read them.
 */
export async function firstMoved(
  bridge: PageBridge,
  expected: readonly ExpectedField[],
): Promise<{ ok: false; reason: 'gone' | 'changed'; field: string } | undefined> {
  const now: PanelField[] = bridge.freshFields ? await bridge.freshFields() : bridge.readFields();
  for (const field of expected) {
    const current = now.find((candidate) => candidate.key === field.key);
    if (!current) return { ok: false, reason: 'gone', field: field.label };
    if (current.text !== field.text) return { ok: false, reason: 'changed', field: field.label };
  }
  return undefined;
}

/** Why a write failed (its message, when it has one) and what was changed before it, for 撤销. */
export function failureDetails(
  outcome: InsertOutcome,
  change: PanelChange | undefined,
): { messageId?: string; params?: Record<string, string | number>; change?: PanelChange } {
  return {
    ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
    ...(outcome.params ? { params: outcome.params } : {}),
    ...(change ? { change } : {}),
  };
}
