// What holds a submit: the blocking findings of the same analysis the panel's 检查 tab shows (placeholders,
// web cruft, missing required sections…), each relative to the field it sits in. The form is read as a
// report by lib/panel/report.ts, as the tab reads it, so that the guard and the tab agree.
import { createAnalyzer, type Analysis, type Analyzer } from '../core/analyze';
import type { Finding } from '../core/types';
import type { PanelField } from '../panel/bridge';
import { analyzerOptions, isReportField, prepareReport, type ReportSettings } from '../panel/report';
import { requiredFieldFindings } from './required';
import { historyFindings } from '../panel/history-findings';

export interface GuardInput {
  fields: readonly PanelField[];
  /** The page's title and heading (PageBridge.pageTitle). */
  pageTitle: string;
  settings?: ReportSettings;
}

/**
 * One analyzer kept while its options stay the same: the panel asks for a verdict after every pause in the
 * typing, and an analyzer re-reads only the paragraphs that changed since its last run.
 */
let kept: { key: string; analyzer: Analyzer } | undefined;

/** The analysis a submit is judged by (period, template, every finding); undefined while nothing is typed. */
export function guardAnalysis({ fields, pageTitle, settings = {} }: GuardInput): Analysis | undefined {
  // Nothing typed yet: no report text to judge (empty required fields are counted apart, lib/guard/required.ts).
  if (fields.filter(isReportField).every((field) => field.text.trim() === '')) return undefined;
  const prepared = prepareReport(fields, pageTitle, settings);
  const { key, options } = analyzerOptions(prepared, settings);
  if (kept?.key !== key) kept = { key, analyzer: createAnalyzer(options) };
  return kept.analyzer.update(prepared.reportFields);
}

/**
 * One problem per place: of blocking findings that cover overlapping text in the same field (a placeholder
 * "xx次" that both the placeholder rule and the figures check see), the first stands for all. The panel's
 * counts and the guard's list use this, so that they agree.
 */
export function distinctProblems(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.fieldKey ?? '';
    const kept = byField.get(key) ?? [];
    const overlaps = kept.some(
      (other) =>
        other.ruleId !== finding.ruleId &&
        finding.end > finding.start &&
        other.end > other.start &&
        finding.start < other.end &&
        other.start < finding.end,
    );
    if (overlaps) continue;
    kept.push(finding);
    byField.set(key, kept);
    out.push(finding);
  }
  return out;
}

/**
 * Empty required fields first (the form's own requirements), then the report's blocking findings, then the
 * figures carried over from last period's report and a copied share over the site's threshold
 * (lib/panel/history-findings.ts), one per place.
 */
export function blockingFindings(input: GuardInput): Finding[] {
  const report = guardAnalysis(input)?.findings.filter((finding) => finding.severity === 'blocking') ?? [];
  return distinctProblems([...requiredFieldFindings(input.fields), ...report, ...historyFindings(input.fields)]);
}
