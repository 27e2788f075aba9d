import { useEffect, useMemo, useRef, useState } from 'react';
import { createAnalyzer, type Analysis, type Analyzer } from '@/lib/core/analyze';
import { matchSectionTitle } from '@/lib/core/coverage';
import { parsePeriod } from '@/lib/core/period';
import { builtinTemplates, getTemplate, selectTemplate } from '@/lib/core/template';
import type { RuleConfig } from '@/lib/core/rules';
import type { Finding, ReportField, ReportPeriod } from '@/lib/core/types';
import type { PageBridge, PanelField } from '@/lib/panel/bridge';
import { useRuleConfig } from './useRuleConfig';
import { useSiteMapping } from './useSiteMapping';
import { useSiteTemplates } from './useSiteTemplates';
import type { Template } from '@/lib/core/template';

export interface PageAnalysis {
  fields: PanelField[];
  /** The template the report is compared with (chosen by the user for the site, or picked from the page). */
  templateId: string;
  /** Whether the user chose it (else it was picked from the page's title and text). */
  templateChosen: boolean;
  /** Every template the user can choose from: the built-in ones and their own. */
  templates: Template[];
  /** The fields read as the report, each mapped to a template section where its label names one. */
  reportFields: ReportField[];
  analysis: Analysis;
  /** Findings, each relative to the field it sits in (fieldKey). */
  findings: Finding[];
  blocking: number;
}

export interface AnalysisSettings {
  /** A template id chosen by the user for this site; undefined = pick from the page and the text. */
  templateId?: string;
  /** Field key → section id, as the user adjusted it; overrides the mapping by label. */
  fieldSections?: Readonly<Record<string, string>>;
  rules?: RuleConfig;
}

const DEBOUNCE_MS = 250;
const PERIOD_LABEL = /报告期|报告期间|填报期间|报告时段|时间段/;

/** Text fields hold the report; one-line inputs and selects hold its metadata (unit, period, contact). */
const isReportField = (field: PanelField) => field.kind !== 'select' && field.kind !== 'input';

function periodFromForm(fields: PanelField[]): ReportPeriod | undefined {
  for (const field of fields) {
    if (PERIOD_LABEL.test(field.label)) {
      const period = parsePeriod(field.text.trim());
      if (period) return period;
    }
  }
  return undefined;
}

/**
 * Reads the page's fields and analyses them as one report, again after every edit (debounced). One analyzer is
 * kept while the options stay the same, so that an edit re-reads only the lines and paragraphs that changed.
 */
export function usePageAnalysis(bridge: PageBridge, active: boolean, given: AnalysisSettings = {}): PageAnalysis {
  // The user's rule switches and field mapping for this site, unless the caller passes its own (tests do).
  const origin = globalThis.location?.origin ?? '';
  const storedRules = useRuleConfig(origin);
  const storedMapping = useSiteMapping(origin);
  const { userTemplates, chosenId } = useSiteTemplates(origin);
  const settings: AnalysisSettings = {
    templateId: chosenId,
    ...given,
    rules: given.rules ?? storedRules,
    fieldSections: given.fieldSections ?? storedMapping,
  };
  const [fields, setFields] = useState<PanelField[]>(() => bridge.readFields());
  useEffect(() => {
    if (!active) return;
    setFields(bridge.readFields());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = bridge.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setFields(bridge.readFields()), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [bridge, active]);

  const period = periodFromForm(fields);
  const reportText = fields.filter(isReportField).map((f) => f.text).join('\n');
  const head = `${bridge.pageTitle()} ${reportText.slice(0, 300)}`;
  const chosen = settings.templateId ? getTemplate(settings.templateId, userTemplates) : undefined;
  const template = chosen ?? selectTemplate(head, period);
  const periodKey = period ? `${period.year}H${period.half ?? 0}` : '';
  const analyzer = useRef<{ key: string; analyzer: Analyzer } | undefined>(undefined);
  const key = `${template.id}|${userTemplates.length}|${periodKey}|${JSON.stringify(settings.rules ?? {})}`;
  if (analyzer.current?.key !== key) {
    analyzer.current = {
      key,
      analyzer: createAnalyzer({
        templateId: template.id,
        templates: userTemplates,
        ...(period ? { period } : {}),
        ...(settings.rules ? { rules: settings.rules } : {}),
      }),
    };
  }
  const current = analyzer.current.analyzer;

  return useMemo(() => {
    const reportFields: ReportField[] = fields.filter(isReportField).map((field) => {
      const sectionId = settings.fieldSections?.[field.key] ?? matchSectionTitle(template, field.label)?.id;
      return { key: field.key, label: field.label, text: field.text, ...(sectionId ? { sectionId } : {}) };
    });
    const analysis = current.update(reportFields);
    // A page without a text field to check has no report: nothing to flag, not "every section missing".
    const findings = reportFields.length === 0 ? [] : analysis.findings;
    return {
      fields,
      templateId: template.id,
      templateChosen: chosen !== undefined,
      templates: [...builtinTemplates, ...userTemplates],
      reportFields,
      analysis,
      findings,
      blocking: findings.filter((f) => f.severity === 'blocking').length,
    };
  }, [fields, current, template, chosen, userTemplates, settings.fieldSections]);
}
