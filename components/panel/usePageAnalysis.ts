import { pageOrigin } from '@/lib/panel/page-origin';
import { requiredFieldFindings } from '@/lib/guard/required';
import { distinctProblems } from '@/lib/guard/findings';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { historyFindings, historyFindingsVersion, holdsSubmit, subscribeHistoryFindings } from '@/lib/panel/history-findings';
import { createAnalyzer, type Analysis, type Analyzer } from '@/lib/core/analyze';
import { builtinTemplates, type Template } from '@/lib/core/template';
import { analyzerOptions, periodOf, prepareReport, type PeriodSource, type ReportSettings } from '@/lib/panel/report';
import type { Finding, ReportField, ReportPeriod } from '@/lib/core/types';
import type { PageBridge, PanelField } from '@/lib/panel/bridge';
import { useRuleConfig } from './useRuleConfig';
import { useSiteMapping } from './useSiteMapping';
import { useSiteTemplates } from './useSiteTemplates';
import { useSitePeriod } from './useSitePeriod';

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
  /** The report period the checks use, and where it came from; undefined = none found (时效性检查 does not run). */
  period?: { period: ReportPeriod; source: PeriodSource };
  /** Sets the site's period (undefined = 自动识别 again); saved in the site profile and applied at once. */
  setPeriod?(period: ReportPeriod | undefined): void;
  /** Saving the period the user chose failed. */
  periodSaveFailed?: boolean;
}

/** What the caller may fix instead of the stored site settings (tests do); user templates always come from storage. */
export type AnalysisSettings = Omit<ReportSettings, 'templates'>;

const DEBOUNCE_MS = 250;

/**
 * Reads the page's fields and analyses them as one report, again after every edit (debounced). One analyzer is
 * kept while the options stay the same, so that an edit re-reads only the lines and paragraphs that changed.
 */
export function usePageAnalysis(bridge: PageBridge, active: boolean, given: AnalysisSettings = {}): PageAnalysis {
  // The user's rule switches and field mapping for this site, unless the caller passes its own (tests do).
  const origin = pageOrigin();
  const storedRules = useRuleConfig(origin);
  const storedMapping = useSiteMapping(origin);
  const { userTemplates, chosenId } = useSiteTemplates(origin);
  const sitePeriod = useSitePeriod(origin);
  const settings: AnalysisSettings = {
    templateId: chosenId,
    ...(sitePeriod.period ? { period: sitePeriod.period } : {}),
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

  const prepared = useMemo(
    () =>
      prepareReport(fields, bridge.pageTitle(), {
        ...settings,
        templates: userTemplates,
      }),
    [fields, bridge, settings.templateId, settings.fieldSections, settings.period, userTemplates],
  );
  const { key, options } = analyzerOptions(prepared, { rules: settings.rules, templates: userTemplates });
  const analyzer = useRef<{ key: string; analyzer: Analyzer } | undefined>(undefined);
  if (analyzer.current?.key !== key) analyzer.current = { key, analyzer: createAnalyzer(options) };
  const current = analyzer.current.analyzer;
  // 从上期报告开始's carried figures and a copied share over the site's threshold (lib/panel/history-findings.ts).
  const historyVersion = useSyncExternalStore(subscribeHistoryFindings, historyFindingsVersion);

  return useMemo(() => {
    const analysis = current.update(prepared.reportFields);
    // A page without a text field to check has no report: nothing to flag, not "every section missing".
    // The form's empty required fields come first: the portal would refuse them, and an empty form has them all.
    const findings = [...requiredFieldFindings(fields), ...(prepared.reportFields.length === 0 ? [] : analysis.findings), ...historyFindings(fields)];
    const period = periodOf(prepared, analysis);
    return {
      fields,
      templateId: prepared.template.id,
      templateChosen: prepared.chosen,
      templates: [...builtinTemplates, ...userTemplates],
      reportFields: prepared.reportFields,
      analysis,
      findings,
      // The same count as the guard's: one per place, however many rules see it.
      blocking: distinctProblems(findings.filter(holdsSubmit)).length,
      ...(period ? { period } : {}),
      setPeriod: sitePeriod.setPeriod,
      periodSaveFailed: sitePeriod.saveFailed,
    };
  }, [fields, current, prepared, userTemplates, sitePeriod.setPeriod, sitePeriod.saveFailed, historyVersion]);
}
