// Test doubles shared by the panel's component tests: a page bridge that records what the panel asks of the
// page, and the analysis of a one-field report, computed by the real engine.
import { vi } from 'vitest';
import { analyze, type AnalyzeOptions } from '@/lib/core/analyze';
import { builtinTemplates } from '@/lib/core/template';
import type { PageAnalysis } from '@/components/panel/usePageAnalysis';
import type { ApplyFixOptions, PageBridge, PanelField } from '@/lib/panel/bridge';
import type { Finding } from '@/lib/core/types';
import { periodOf, prepareReport, type PreparedReport } from '@/lib/panel/report';
import { requiredFieldFindings } from '@/lib/guard/required';
import { distinctProblems } from '@/lib/guard/findings';

export function fakeBridge(overrides: Partial<PageBridge> = {}): PageBridge {
  return {
    readFields: () => [],
    lastFocusedLabel: () => undefined,
    insert: vi.fn(async () => ({ ok: true })),
    reveal: vi.fn(() => true),
    applyFix: vi.fn(async () => ({ ok: true })),
    pageTitle: () => '',
    onChange: () => () => undefined,
    ...overrides,
  };
}

/**
 * A bridge over one textarea holding `text`, whose applyFix behaves as the DOM bridge's does: the fix goes in
 * whole, unless the field no longer holds the text the caller's analysis read (then nothing changes).
 * `type` stands for the user typing into the field.
 */
export function textareaBridge(key: string, label: string, text: string): PageBridge & { text(): string; type(more: string): void } {
  let value = text;
  const applyFix = vi.fn(async (finding: Finding, options: ApplyFixOptions = {}) => {
    const fix = finding.fix;
    if (finding.fieldKey !== key || !fix) return { ok: false, messageId: 'panel.fieldGone' };
    if (options.expectedText !== undefined && options.expectedText !== value) return { ok: false, messageId: 'checks.fixStale' };
    value = value.slice(0, fix.start) + fix.text + value.slice(fix.end);
    return { ok: true };
  });
  const readFields = (): PanelField[] => [{ key, label, required: true, kind: 'textarea', text: value }];
  return Object.assign(fakeBridge({ readFields, applyFix }), {
    text: () => value,
    type: (more: string) => {
      value += more;
    },
  });
}

/** The analysis of `text` typed into one 主要工作情况 field, as the panel would compute it. */
/** An annual report without 存在的问题, which belongs second: it goes in as 二、 and the 二、三、 after it become 三、四、. */
export const BETWEEN = [
  '一、主要工作情况',
  '党组召开会议专题研究意识形态工作3次。',
  '二、下一步工作打算',
  '继续加强理论学习。',
  '三、意见建议',
  '建议上级加强培训。',
].join('\n');

export function analysisOfMainField(text: string, options: AnalyzeOptions = {}): PageAnalysis {
  const reportFields = [{ key: 'main', label: '主要工作情况', text }];
  const field: PanelField = { key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text };
  const analysis = analyze(reportFields, options);
  // As usePageAnalysis names it: a period passed in stands for one the user set (the form has no 报告期 field here).
  const prepared = (options.period ? { period: options.period, periodSource: 'manual' } : {}) as PreparedReport;
  const period = periodOf(prepared, analysis);
  return {
    fields: [field],
    templateId: analysis.template?.id ?? 'work-summary',
    templateChosen: false,
    templates: [...builtinTemplates],
    reportFields,
    analysis,
    findings: analysis.findings,
    blocking: analysis.findings.filter((f) => f.severity === 'blocking').length,
    ...(period ? { period } : {}),
  };
}

/**
 * The analysis of a whole form as usePageAnalysis computes it: the empty required fields first, then the
 * report's findings (none when the form has no text field to read as the report).
 */
export function analysisOfForm(fields: PanelField[], options: AnalyzeOptions = {}): PageAnalysis {
  // Each text field mapped to the section its label names, as lib/panel/report.ts maps them for the panel.
  const settings = { ...(options.templateId ? { templateId: options.templateId } : {}), ...(options.templates ? { templates: options.templates } : {}) };
  const { reportFields } = prepareReport(fields, '', settings);
  const analysis = analyze(reportFields, options);
  const findings = [...requiredFieldFindings(fields), ...(reportFields.length === 0 ? [] : analysis.findings)];
  return {
    fields,
    templateId: analysis.template?.id ?? 'work-summary',
    templateChosen: Boolean(options.templateId),
    templates: [...builtinTemplates, ...(options.templates ?? [])],
    reportFields,
    analysis,
    findings,
    blocking: distinctProblems(findings.filter((f) => f.severity === 'blocking')).length,
  };
}

/**
 * A page of textareas (key → text) whose applyFix behaves as the DOM bridge's: a fix goes in whole unless the
 * field no longer holds the text expected, and a change that went in reports the field's text before and after.
 * `fail` makes the next write into a field fail as the page would refuse it.
 */
export function formBridge(initial: Record<string, string>, labels: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const refuse = new Set<string>();
  const applyFix = vi.fn(async (finding: Finding, options: ApplyFixOptions = {}) => {
    const key = finding.fieldKey ?? '';
    const value = values.get(key);
    const fix = finding.fix;
    if (value === undefined || !fix) return { ok: false, messageId: 'panel.fieldGone' };
    if (refuse.delete(key)) return { ok: false, messageId: 'panel.fieldLocked' };
    if (options.expectedText !== undefined && options.expectedText !== value) return { ok: false, messageId: 'checks.fixStale' };
    const after = value.slice(0, fix.start) + fix.text + value.slice(fix.end);
    values.set(key, after);
    return { ok: true, before: value, after };
  });
  const readFields = (): PanelField[] =>
    [...values].map(([key, text]) => ({ key, label: labels[key] ?? key, required: false, kind: 'textarea', text }));
  const bridge: PageBridge = fakeBridge({ readFields, applyFix });
  return { bridge, values, fail: (key: string) => refuse.add(key) };
}
