// Test doubles shared by the panel's component tests: a page bridge that records what the panel asks of the
// page, and the analysis of a one-field report, computed by the real engine.
import { vi } from 'vitest';
import { analyze, type AnalyzeOptions } from '@/lib/core/analyze';
import { builtinTemplates } from '@/lib/core/template';
import type { PageAnalysis } from '@/components/panel/usePageAnalysis';
import type { PageBridge, PanelField } from '@/lib/panel/bridge';

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

/** The analysis of `text` typed into one 主要工作情况 field, as the panel would compute it. */
export function analysisOfMainField(text: string, options: AnalyzeOptions = {}): PageAnalysis {
  const reportFields = [{ key: 'main', label: '主要工作情况', text }];
  const field: PanelField = { key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text };
  const analysis = analyze(reportFields, options);
  return {
    fields: [field],
    templateId: analysis.template?.id ?? 'work-summary',
    templateChosen: false,
    templates: [...builtinTemplates],
    reportFields,
    analysis,
    findings: analysis.findings,
    blocking: analysis.findings.filter((f) => f.severity === 'blocking').length,
  };
}
