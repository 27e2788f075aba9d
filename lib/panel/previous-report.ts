// 从上期报告开始 (issue 13 item 2): last period's record of the same form, its period words rewritten for the new
// period (lib/core/period-rewrite.ts), written into the empty form field by field — the field with the same key,
// else the same label — through the same path 拆分到各栏 takes (bridge.applyFix, each field's own undo, one 撤销
// for all). Every figure, date and count carried over is marked 需核实 (lib/panel/history-findings.ts).
import { detectPeriod } from '../core/period';
import { nextPeriod, rewritePeriod, type CarriedSpan, type PeriodRewrite } from '../core/period-rewrite';
import type { Finding, ReportPeriod } from '../core/types';
import type { ReportRecord } from '../storage/schemas';
import type { PageBridge, PanelField } from './bridge';
import { isReportField } from './report';
import { markCarried } from './history-findings';
import { ChangeLog, type PanelChange } from './undo';
import { failureDetails, firstMoved } from './field-writes';

export interface PreviousTarget {
  key: string;
  label: string;
  /** The field's text now (empty, or blank) and what it receives. */
  current: string;
  text: string;
  rewrites: PeriodRewrite[];
  carried: CarriedSpan[];
}

export interface PreviousPlan {
  record: ReportRecord;
  from?: ReportPeriod;
  to?: ReportPeriod;
  targets: PreviousTarget[];
  /** Labels of the record's fields that no field of this form takes. */
  unmatched: string[];
}

const normalLabel = (label: string) => label.replace(/[\s*＊:：（）()]/g, '');

/** The form has nothing typed in its report fields (what 从上期报告开始 is offered on). */
export function formIsEmpty(fields: readonly PanelField[]): boolean {
  const report = fields.filter(isReportField);
  return report.length > 0 && report.every((field) => field.text.trim() === '');
}

/**
 * The plan: for each field of the record, the form field that takes it (same key, else same label; each form
 * field once, and only an empty one), with the text rewritten from the record's period to `to` (default: the
 * period after the record's; nothing rewritten when the record's period is unknown, but figures still marked).
 */
export function planFromPrevious(record: ReportRecord, fields: readonly PanelField[], to?: ReportPeriod): PreviousPlan {
  const from = record.period ?? detectPeriod(record.fields.map((f) => f.text).join('\n'));
  const target = to ?? (from ? nextPeriod(from) : undefined);
  const used = new Set<string>();
  const targets: PreviousTarget[] = [];
  const unmatched: string[] = [];
  for (const source of record.fields) {
    const field =
      fields.find((f) => f.key === source.key && !used.has(f.key)) ??
      fields.find((f) => normalLabel(f.label) !== '' && normalLabel(f.label) === normalLabel(source.label) && !used.has(f.key));
    if (!field || field.text.trim() !== '') {
      unmatched.push(source.label || source.key);
      continue;
    }
    used.add(field.key);
    const rewritten = from && target ? rewritePeriod(source.text, from, target) : rewritePeriod(source.text, { year: 0 }, { year: 0 });
    targets.push({ key: field.key, label: field.label || source.label, current: field.text, text: rewritten.text, rewrites: rewritten.rewrites, carried: rewritten.carried });
  }
  return { record, ...(from ? { from } : {}), ...(target ? { to: target } : {}), targets, unmatched };
}

export type PreviousOutcome =
  | { ok: true; filled: string[]; rewrites: number; carried: number; change?: PanelChange }
  /** Nothing was written: a field left the page or was typed into since the plan was made. */
  | { ok: false; reason: 'gone' | 'changed'; field: string }
  /** Writing `field` failed; the fields written before it are in `change` for 撤销. */
  | { ok: false; reason: 'write'; field: string; messageId?: string; params?: Record<string, string | number>; change?: PanelChange };

const edit = (fieldKey: string, start: number, end: number, text: string): Finding => ({
  ruleId: 'panel-previous',
  category: 'coverage',
  severity: 'info',
  start,
  end,
  messageId: 'history.previous.title',
  fieldKey,
  fix: { start, end, text },
});

export async function applyPrevious(bridge: PageBridge, plan: PreviousPlan): Promise<PreviousOutcome> {
  const moved = await firstMoved(
    bridge,
    plan.targets.map((target) => ({ key: target.key, label: target.label, text: target.current })),
  );
  if (moved) return moved;
  const log = new ChangeLog('previous');
  const filled: string[] = [];
  let rewrites = 0;
  let carried = 0;
  for (const target of plan.targets) {
    const outcome = await bridge.applyFix(edit(target.key, 0, target.current.length, target.text), {
      expectedText: target.current,
      wholeField: true,
      caret: 0,
    });
    log.note(target.key, target.label, outcome);
    if (!outcome.ok) return { ok: false, reason: 'write', field: target.label, ...failureDetails(outcome, log.change()) };
    // The field as the page holds it now (an editor may settle its spacing): the marks follow the words anyway.
    markCarried(target.key, target.text, target.carried);
    filled.push(target.label);
    rewrites += target.rewrites.length;
    carried += target.carried.length;
  }
  const change = log.change();
  return { ok: true, filled, rewrites, carried, ...(change ? { change } : {}) };
}
