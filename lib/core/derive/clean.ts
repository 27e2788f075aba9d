// Cleaning a sample before it becomes a template. A 范文 copied from a website carries its defects (half-width
// commas, 取得了必须成绩 left by a synonym spinner, a site's [朗读], the second pasted copy); a template and
// snippets made from it would hand them on to every report written from it. So the sample is checked with the
// report engine first, every finding that has a fix is applied, and the user is shown each change; findings
// that need the writer (xx placeholders, a lost character) are listed, since no fix is right for them.
import { analyze } from '../analyze';
import { mergeEdits, applyEdit } from '../edits';
import type { Finding, FindingParams, Fix, ReportPeriod, Severity } from '../types';

/** One kind of change made to the sample: the same text replaced the same way, `count` times. */
export interface SampleChange {
  ruleId: string;
  category: string;
  /** The text as the sample had it, and what it became ('' for a deletion). */
  before: string;
  after: string;
  count: number;
  /** A few characters either side of the first occurrence (a lone "）" inserted says little by itself). */
  left: string;
  right: string;
}

/** A finding left in the sample (no fix is right for it), grouped by rule and text. */
export interface SampleIssue {
  ruleId: string;
  category: string;
  severity: Severity;
  messageId: string;
  params?: FindingParams;
  text: string;
  count: number;
}

export interface CleanedSample {
  text: string;
  changes: SampleChange[];
  /** Findings applied, over every pass. */
  applied: number;
  /** Blocking findings without a fix, in the cleaned text: the writer must replace them. */
  unfixed: SampleIssue[];
}

/** Applying a fix can reveal another (a cruft line removed, then the copy it hid); a few passes settle it. */
const MAX_PASSES = 3;

/**
 * The fixes to apply together: from the end of the text backwards, each one that ends before the previous
 * one starts (an outline duplicate and the duplicates rule may delete the same copy; the later pass gets
 * whatever was left out).
 */
function nonOverlapping(text: string, findings: readonly Finding[]): Finding[] {
  const fixable = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.fix)
    .sort((a, b) => b.finding.fix!.start - a.finding.fix!.start || b.finding.fix!.end - a.finding.fix!.end || b.index - a.index);
  const chosen: Finding[] = [];
  let from = Number.POSITIVE_INFINITY;
  for (const { finding } of fixable) {
    const fix = finding.fix!;
    if (fix.end > from) continue;
    // A replacement by the same text (or an empty deletion) is no change.
    if (text.slice(fix.start, fix.end) === fix.text) continue;
    chosen.push(finding);
    from = fix.start;
  }
  return chosen.reverse();
}

const CONTEXT = 4;

function addChange(changes: Map<string, SampleChange>, finding: Finding, text: string) {
  const fix = finding.fix!;
  const before = text.slice(fix.start, fix.end);
  const key = `${finding.ruleId}\u0000${before}\u0000${fix.text}`;
  const known = changes.get(key);
  if (known) known.count += 1;
  else {
    changes.set(key, {
      ruleId: finding.ruleId,
      category: finding.category,
      before,
      after: fix.text,
      count: 1,
      // Within the line: the context of a change at a line's start or end is that line's own text.
      left: text.slice(Math.max(0, fix.start - CONTEXT), fix.start).split('\n').pop()!,
      right: text.slice(fix.end, fix.end + CONTEXT).split('\n')[0]!,
    });
  }
}

/**
 * `text` with the engine's fixes applied (outline and text rules; no coverage, since adding a template's
 * missing sections to a sample is not cleaning it). `period` is the sample's own, when known: stale-reference
 * checks read it.
 */
export function cleanSample(text: string, period?: ReportPeriod): CleanedSample {
  const changes = new Map<string, SampleChange>();
  let current = text;
  let applied = 0;
  const run = (input: string) => analyze(input, { templateId: 'none', ...(period ? { period } : {}) }).findings;
  let findings = run(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = nonOverlapping(current, findings);
    if (chosen.length === 0) break;
    const merged: Fix | undefined = mergeEdits(current, chosen.map((f) => f.fix!));
    if (!merged) break;
    for (const finding of chosen) addChange(changes, finding, current);
    current = applyEdit(current, merged);
    applied += chosen.length;
    findings = run(current);
  }

  const unfixed = new Map<string, SampleIssue>();
  for (const finding of findings) {
    if (finding.fix || finding.severity !== 'blocking') continue;
    const found = current.slice(finding.start, finding.end);
    const key = `${finding.ruleId}\u0000${found}`;
    const known = unfixed.get(key);
    if (known) known.count += 1;
    else {
      unfixed.set(key, {
        ruleId: finding.ruleId,
        category: finding.category,
        severity: finding.severity,
        messageId: finding.messageId,
        ...(finding.params ? { params: finding.params } : {}),
        text: found,
        count: 1,
      });
    }
  }
  return { text: current, changes: [...changes.values()], applied, unfixed: [...unfixed.values()] };
}
