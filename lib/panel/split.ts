// 拆分到各栏 on the page: a plan from lib/core/split.ts carried out through the page bridge, the same insertion
// path snippets and fixes take (each field's own undo kept). Order matters for "nothing lost": every target is
// written first, and the source loses its sections only once all of them hold their text; a field that left
// the page or changed since the plan was made stops everything before the first write.
import type { Finding, Fix } from '../core/types';
import type { SplitPlan } from '../core/split';
import type { PageBridge } from './bridge';
import { failureDetails, firstMoved } from './field-writes';
import { ChangeLog, type PanelChange } from './undo';

export type SplitOutcome =
  | { ok: true; change?: PanelChange; targets: string[] }
  /** Nothing was changed: `field` is gone from the page, or holds other text than the plan read. */
  | { ok: false; reason: 'gone'; field: string }
  | { ok: false; reason: 'changed'; field: string }
  /**
   * Writing into `field` failed (why: messageId); the source was left as it was. `written` lists the targets
   * that did receive their text, which `change` (for 撤销) takes back.
   */
  | { ok: false; reason: 'write'; field: string; messageId?: string; params?: Record<string, string | number>; written: string[]; change?: PanelChange }
  /** Every target was written, but the source refused its edit (it changed in between): it is left intact. */
  | { ok: false; reason: 'source'; field: string; messageId?: string; params?: Record<string, string | number>; written: string[]; change?: PanelChange };

const edit = (fieldKey: string, fix: Fix): Finding => ({
  ruleId: 'panel-split',
  category: 'coverage',
  severity: 'info',
  start: fix.start,
  end: fix.end,
  messageId: 'split.title',
  fieldKey,
  fix,
});

export async function applySplit(bridge: PageBridge, plan: SplitPlan): Promise<SplitOutcome> {
  const moved = await firstMoved(bridge, [{ key: plan.sourceKey, label: plan.sourceLabel, text: plan.sourceText }, ...plan.targets]);
  if (moved) return moved;
  const log = new ChangeLog('split');
  const written: string[] = [];
  for (const target of plan.targets) {
    const outcome = await bridge.applyFix(edit(target.key, target.edit), { expectedText: target.text });
    log.note(target.key, target.label, outcome);
    if (!outcome.ok) return { ok: false, reason: 'write', field: target.label, written, ...failureDetails(outcome, log.change()) };
    written.push(target.label);
  }
  const outcome = await bridge.applyFix(edit(plan.sourceKey, plan.sourceEdit), {
    expectedText: plan.sourceText,
    // A rich editor cannot drop paragraphs in one edit of its own: the source's new text goes in as one paste.
    wholeField: true,
    caret: plan.sourceEdit.start,
  });
  log.note(plan.sourceKey, plan.sourceLabel, outcome);
  const change = log.change();
  if (!outcome.ok) {
    return { ok: false, reason: 'source', field: plan.sourceLabel, written, ...failureDetails(outcome, change) };
  }
  return { ok: true, targets: written, ...(change ? { change } : {}) };
}
