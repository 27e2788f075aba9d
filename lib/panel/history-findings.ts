// Findings the panel adds to the engine's from the report history (issue 13):
//  - carried-over (需核实): every figure, date and count 从上期报告开始 brought from last period's report. Each is
//    followed by its text and a little context around it, so it stays flagged wherever the user's typing moves
//    it, and goes away once the user edits the figure (or the words right around it).
//  - copied-share: the report's share identical to last period's record or to the sample texts is above the
//    site's threshold, measured on the fields given each time (lib/panel/copies.ts registers the measure once
//    the panel page starts, so that the guard sees it even while the panel is collapsed).
// Both are warnings, but unlike other warnings they are listed by the submit guard and counted by the readiness
// figure (holdsSubmit): a stale figure sent on unchecked is the embarrassment they exist to prevent.
// The marks live in the panel page's memory, for the page load (a reload of the portal page starts afresh).
import type { Finding } from '../core/types';

export const CARRIED_RULE = 'carried-over';
export const COPIED_RULE = 'copied-share';

/** One figure carried over into a field: its text and the few characters around it when it was filled in. */
export interface CarriedMark {
  fieldKey: string;
  text: string;
  before: string;
  after: string;
  /** Where it was, as a hint when the same words stand twice. */
  at: number;
  kind: string;
}

const CONTEXT_BEFORE = 8;
const CONTEXT_AFTER = 3;

let marks: CarriedMark[] = [];
type Fields = ReadonlyArray<{ key: string; text: string; kind?: string; label?: string }>;
let copyCheck: ((fields: Fields) => Finding[]) | undefined;
let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
  version++;
  for (const listener of listeners) listener();
};

/** Marks for spans [start, end) of a field's new text (from lib/core/period-rewrite.ts), replacing that field's old marks. */
export function markCarried(fieldKey: string, text: string, spans: ReadonlyArray<{ start: number; end: number; kind: string }>): void {
  marks = marks.filter((mark) => mark.fieldKey !== fieldKey);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  sorted.forEach((span, i) => {
    // The context stays on the span's line and never reaches into the next or previous carried figure, so that
    // editing one figure does not clear its neighbours.
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', span.end);
    const from = Math.max(lineStart, span.start - CONTEXT_BEFORE, i > 0 ? sorted[i - 1]!.end : 0);
    const to = Math.min(lineEnd === -1 ? text.length : lineEnd, span.end + CONTEXT_AFTER, i + 1 < sorted.length ? sorted[i + 1]!.start : text.length);
    marks.push({
      fieldKey,
      text: text.slice(span.start, span.end),
      before: text.slice(from, span.start),
      after: text.slice(span.end, Math.max(span.end, to)),
      at: span.start,
      kind: span.kind,
    });
  });
  changed();
}

export function clearCarried(): void {
  marks = [];
  changed();
}

/** The measure of the copied share for the fields given (undefined: none); changes re-run the analysis. */
export function setCopyCheck(check: ((fields: Fields) => Finding[]) | undefined): void {
  copyCheck = check;
  changed();
}

/** The carried-over figures still standing as they were filled in, as findings relative to their fields. */
export function carriedFindings(fields: ReadonlyArray<{ key: string; text: string }>): Finding[] {
  if (marks.length === 0) return [];
  const out: Finding[] = [];
  const byKey = new Map(fields.map((field) => [field.key, field.text]));
  const taken = new Set<string>();
  for (const mark of marks) {
    const text = byKey.get(mark.fieldKey);
    if (text === undefined) continue;
    const needle = `${mark.before}${mark.text}${mark.after}`;
    // The occurrence nearest the place it was filled in (the same sentence may stand twice).
    let index = text.indexOf(needle, Math.max(0, mark.at - mark.before.length - 2_000));
    if (index === -1) index = text.indexOf(needle);
    while (index !== -1 && taken.has(`${mark.fieldKey}:${index}`)) index = text.indexOf(needle, index + 1);
    if (index === -1) continue;
    taken.add(`${mark.fieldKey}:${index}`);
    const start = index + mark.before.length;
    out.push({
      ruleId: CARRIED_RULE,
      category: 'stale',
      severity: 'warning',
      start,
      end: start + mark.text.length,
      messageId: `history.carried.${mark.kind}`,
      params: { text: mark.text },
      fieldKey: mark.fieldKey,
    });
  }
  return out.sort((a, b) => (a.fieldKey === b.fieldKey ? a.start - b.start : 0));
}

/** Every finding the history adds: carried figures (for the fields given) and a copied share over the threshold. */
export function historyFindings(fields: Fields): Finding[] {
  let copied: Finding[] = [];
  try {
    copied = copyCheck?.(fields) ?? [];
  } catch {
    // A failed measure never stands in the way of the checks or the submit.
  }
  return [...carriedFindings(fields), ...copied];
}

/** What the guard lists and the readiness figure counts: blocking findings, and the history's warnings. */
export function holdsSubmit(finding: Finding): boolean {
  return finding.severity === 'blocking' || finding.ruleId === CARRIED_RULE || finding.ruleId === COPIED_RULE;
}

/** Calls `listener` when marks or copy findings change (for useSyncExternalStore); returns the unsubscribe. */
export function subscribeHistoryFindings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes with every change of the marks or copy findings. */
export const historyFindingsVersion = () => version;
