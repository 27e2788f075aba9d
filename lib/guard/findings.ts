// What holds a submit: the blocking findings of the same analysis the panel's 检查 tab shows (placeholders,
// web cruft, missing required sections…), each relative to the field it sits in. It follows
// components/panel/usePageAnalysis.ts step by step — text fields only, template picked from the page title
// and the text's start, fields mapped to sections by label, the period from the form, the site's rule
// switches — so that the guard and the tab agree; that hook keeps its pipeline inside React state, and the
// guard must answer synchronously inside a click, hence the copy. Keep the two in step.
import { createAnalyzer } from '../core/analyze';
import { matchSectionTitle } from '../core/coverage';
import { parsePeriod } from '../core/period';
import { selectTemplate } from '../core/template';
import type { RuleConfig } from '../core/rules';
import type { Finding, ReportField, ReportPeriod } from '../core/types';
import type { PanelField } from '../panel/bridge';

const PERIOD_LABEL = /报告期|报告期间|填报期间|报告时段|时间段/;

const isReportField = (field: PanelField) => field.kind !== 'select' && field.kind !== 'input';

function periodFromForm(fields: readonly PanelField[]): ReportPeriod | undefined {
  for (const field of fields) {
    if (PERIOD_LABEL.test(field.label)) {
      const period = parsePeriod(field.text.trim());
      if (period) return period;
    }
  }
  return undefined;
}

export interface GuardInput {
  fields: readonly PanelField[];
  /** The page's title and heading (PageBridge.pageTitle). */
  pageTitle: string;
  rules?: RuleConfig;
}

export function blockingFindings({ fields, pageTitle, rules }: GuardInput): Finding[] {
  const texts = fields.filter(isReportField);
  // Nothing typed yet: no report to hold back (the portal's own required-field check speaks for empty forms).
  if (texts.every((field) => field.text.trim() === '')) return [];
  const period = periodFromForm(fields);
  const head = `${pageTitle} ${texts.map((f) => f.text).join('\n').slice(0, 300)}`;
  const template = selectTemplate(head, period);
  const reportFields: ReportField[] = texts.map((field) => {
    const sectionId = matchSectionTitle(template, field.label)?.id;
    return { key: field.key, label: field.label, text: field.text, ...(sectionId ? { sectionId } : {}) };
  });
  const analyzer = createAnalyzer({ templateId: template.id, ...(period ? { period } : {}), ...(rules ? { rules } : {}) });
  return analyzer.update(reportFields).findings.filter((finding) => finding.severity === 'blocking');
}
