// What holds a submit: the blocking findings of the same analysis the panel's 检查 tab shows (placeholders,
// web cruft, missing required sections…), each relative to the field it sits in. The form is read as a
// report by lib/panel/report.ts, as the tab reads it, so that the guard and the tab agree.
import { createAnalyzer, type Analysis } from '../core/analyze';
import type { Finding } from '../core/types';
import type { PanelField } from '../panel/bridge';
import { analyzerOptions, isReportField, prepareReport, type ReportSettings } from '../panel/report';
import { requiredFieldFindings } from './required';

export interface GuardInput {
  fields: readonly PanelField[];
  /** The page's title and heading (PageBridge.pageTitle). */
  pageTitle: string;
  settings?: ReportSettings;
}

/** The analysis a submit is judged by (period, template, every finding); undefined while nothing is typed. */
export function guardAnalysis({ fields, pageTitle, settings = {} }: GuardInput): Analysis | undefined {
  // Nothing typed yet: no report to hold back (the portal's own required-field check speaks for empty forms).
  if (fields.filter(isReportField).every((field) => field.text.trim() === '')) return undefined;
  const prepared = prepareReport(fields, pageTitle, settings);
  const analyzer = createAnalyzer(analyzerOptions(prepared, settings).options);
  return analyzer.update(prepared.reportFields);
}

/** Empty required fields first (the form's own requirements), then the report's blocking findings. */
export function blockingFindings(input: GuardInput): Finding[] {
  const report = guardAnalysis(input)?.findings.filter((finding) => finding.severity === 'blocking') ?? [];
  return [...requiredFieldFindings(input.fields), ...report];
}
