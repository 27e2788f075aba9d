// 撤销 for the panel's last change (a fix, 全部改正, a scaffold, 拆分到各栏). The page bridge reports each field's
// whole text just before and just after a change; 撤销 puts the "before" back, but only into a field that still
// holds exactly what the panel left there: text the user typed since is never overwritten.
import type { Fix } from '../core/types';
import type { InsertOutcome, PageBridge, PanelField } from './bridge';

export type ChangeKind = 'fix' | 'fixAll' | 'scaffold' | 'split' | 'previous' | 'draft';

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** One action of the panel, over every field it changed. */
export interface PanelChange {
  kind: ChangeKind;
  fields: FieldChange[];
}

/** Collects the outcomes of one action (several fixes, several fields) into one change. */
export class ChangeLog {
  private readonly fields = new Map<string, FieldChange>();

  constructor(private readonly kind: ChangeKind) {}

  /** A change that went in: the first "before" of a field and its last "after" are kept. */
  note(key: string | undefined, label: string, outcome: InsertOutcome): void {
    if (key === undefined || !outcome.ok || outcome.before === undefined || outcome.after === undefined) return;
    const known = this.fields.get(key);
    if (known) known.after = outcome.after;
    else this.fields.set(key, { key, label, before: outcome.before, after: outcome.after });
  }

  /** The change, or undefined when no field's text changed. */
  change(): PanelChange | undefined {
    const fields = [...this.fields.values()].filter((field) => field.before !== field.after);
    return fields.length > 0 ? { kind: this.kind, fields } : undefined;
  }
}

/** The one replacement that turns `from` into `to`: the differing middle between their common start and end. */
export function diffEdit(from: string, to: string): Fix {
  let head = 0;
  const shorter = Math.min(from.length, to.length);
  while (head < shorter && from.charCodeAt(head) === to.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  return { start: head, end: from.length - tail, text: to.slice(head, to.length - tail) };
}

/** Characters an editor adds or drops on its own after a change: spacing, no-break and zero-width spaces. */
const SPACING = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * The field still holds what the panel left: the same text, whatever an editor did to the spacing between its
 * paragraphs afterwards (TinyMCE settles its blank lines a moment after a paste). Any character typed counts.
 */
export function sameText(now: string, left: string): boolean {
  return now === left || now.replace(SPACING, '') === left.replace(SPACING, '');
}

export type UndoResult =
  | { ok: true; fields: string[] }
  /** Nothing was changed: a field no longer holds what the panel left (changed) or is gone. */
  | { ok: false; reason: 'changed' | 'gone'; field: string }
  /** Some fields were put back, then one refused (it changed in between). */
  | { ok: false; reason: 'partial'; done: string[]; field: string };

/**
 * Puts every field of `change` back as it was. First checks them all against the page as it is now (so that a
 * change spanning fields is taken back whole or not at all), then restores each through the insertion bridge,
 * which checks again and keeps the field's own undo.
 */
export async function undoChange(bridge: PageBridge, change: PanelChange): Promise<UndoResult> {
  const now: PanelField[] = bridge.freshFields ? await bridge.freshFields() : bridge.readFields();
  const seen = new Map<string, string>();
  for (const field of change.fields) {
    const current = now.find((candidate) => candidate.key === field.key);
    if (!current) return { ok: false, reason: 'gone', field: field.label };
    if (!sameText(current.text, field.after)) return { ok: false, reason: 'changed', field: field.label };
    seen.set(field.key, current.text);
  }
  const done: string[] = [];
  for (const field of change.fields) {
    // From the text as it is now (an editor may have settled its blank lines since), checked again on the page.
    const current = seen.get(field.key)!;
    const fix = diffEdit(current, field.before);
    const outcome = await bridge.applyFix(
      { ruleId: 'panel-undo', category: 'panel', severity: 'info', start: fix.start, end: fix.end, messageId: 'undo.done', fieldKey: field.key, fix },
      { expectedText: current, wholeField: true, caret: fix.start + fix.text.length },
    );
    if (!outcome.ok) {
      if (done.length > 0) return { ok: false, reason: 'partial', done, field: field.label };
      return { ok: false, reason: outcome.messageId === 'panel.fieldGone' ? 'gone' : 'changed', field: field.label };
    }
    done.push(field.label);
  }
  return { ok: true, fields: done };
}

/** Sentence ends: a deletion holding one removes more than a phrase. */
const SENTENCE_END = /[。！？!?；;]/;
/** A deletion longer than this many characters is shown before it is made. */
export const CONFIRM_DELETION_AT = 40;

/**
 * The text a fix removes beyond what it puts back (the differing middle of the old and new text), when that is
 * more than a phrase: longer than CONFIRM_DELETION_AT characters or holding a sentence end. Undefined for a fix
 * that changes a word or a mark, which goes in at once.
 */
export function longDeletion(text: string, fix: Fix): string | undefined {
  const old = text.slice(fix.start, fix.end);
  if (old.length <= fix.text.length) return undefined;
  const edit = diffEdit(old, fix.text);
  const removed = old.slice(edit.start, edit.end);
  if (removed.length - edit.text.length <= 0) return undefined;
  return removed.length > CONFIRM_DELETION_AT || SENTENCE_END.test(removed) ? removed : undefined;
}
