// How a portal form becomes a report for the engine — one place, used by the 检查/结构 tabs
// (components/panel/usePageAnalysis.ts) and by the submit guard (lib/guard/findings.ts), so that what the
// guard holds a submit for is exactly what the panel shows.
//   - text fields hold the report; one-line inputs and selects hold its metadata (unit, period, contact);
//   - the period is the one the user set for the site (检查 tab), else the form's 报告期 field (the engine falls
//     back to the report's 报告期 line, title or opening lines);
//   - the template is the one chosen for the site, else picked from the page title and the text's start;
//   - each field stands for the template section the user mapped it to (or none, NO_SECTION), else the one its
//     label names.
import type { AnalyzeOptions } from '../core/analyze';
import { matchSectionTitle } from '../core/coverage';
import { parsePeriod } from '../core/period';
import { getTemplate, selectTemplate, type Template } from '../core/template';
import type { RuleConfig } from '../core/rules';
import type { ReportField, ReportPeriod } from '../core/types';
import type { PanelField } from './bridge';
import type { SiteProfile } from '../storage/schemas';

export interface ReportSettings {
  /** Template chosen for the site (结构 tab); undefined = pick automatically. */
  templateId?: string;
  /** The user's own templates, already validated (lib/panel/user-templates.ts). */
  templates?: readonly Template[];
  /** Field key → section id as the user set it (字段 tab). */
  fieldSections?: Readonly<Record<string, string>>;
  rules?: RuleConfig;
  /** The report period the user set for the site (检查 tab); wins over the form and the text. */
  period?: ReportPeriod;
}

/** Where the analysis's period came from, as the 检查 tab names it. */
export type PeriodSource = 'manual' | 'form' | 'line' | 'title' | 'text';

export interface PreparedReport {
  template: Template;
  /** The template was chosen by the user, not picked. */
  chosen: boolean;
  period?: ReportPeriod;
  /** 'manual' (set by the user) or 'form' (the form's 报告期 field) when `period` is set. */
  periodSource?: 'manual' | 'form';
  reportFields: ReportField[];
}

const PERIOD_LABEL = /报告期|报告期间|填报期间|报告时段|时间段/;

export const isReportField = (field: PanelField) => field.kind !== 'select' && field.kind !== 'input';

/**
 * In a site's field → section mapping: the user said the field holds no section (the whole report, or nothing the
 * template knows). Needed for a field whose label names a section, which the label would map again if the key
 * were simply left out. Never a section id: those start with a letter or digit.
 */
export const NO_SECTION = '-';

/** The section a field holds: the user's choice for the site, else the one its label names. */
function sectionOfField(
  template: Template,
  field: Pick<PanelField, 'key' | 'label'>,
  fieldSections?: Readonly<Record<string, string>>,
): string | undefined {
  const chosen = fieldSections?.[field.key];
  if (chosen === NO_SECTION) return undefined;
  return chosen ?? matchSectionTitle(template, field.label)?.id;
}

export function periodFromForm(fields: readonly PanelField[]): ReportPeriod | undefined {
  for (const field of fields) {
    if (PERIOD_LABEL.test(field.label)) {
      const period = parsePeriod(field.text.trim());
      if (period) return period;
    }
  }
  return undefined;
}

export function prepareReport(fields: readonly PanelField[], pageTitle: string, settings: ReportSettings = {}): PreparedReport {
  const texts = fields.filter(isReportField);
  const formPeriod = settings.period ? undefined : periodFromForm(fields);
  const period = settings.period ?? formPeriod;
  const periodSource = settings.period ? 'manual' : formPeriod ? 'form' : undefined;
  const chosenTemplate = settings.templateId ? getTemplate(settings.templateId, settings.templates) : undefined;
  const head = texts.map((field) => field.text).join('\n').slice(0, 300);
  const template = chosenTemplate ?? selectTemplate(head, period, pageTitle);
  const reportFields = texts.map((field) => {
    const sectionId = sectionOfField(template, field, settings.fieldSections);
    return { key: field.key, label: field.label, text: field.text, ...(sectionId ? { sectionId } : {}) };
  });
  return {
    template,
    chosen: chosenTemplate !== undefined,
    ...(period && periodSource ? { period, periodSource } : {}),
    reportFields,
  };
}

/** The period and its source for the 检查 tab: the prepared report's, else what the engine detected. */
export function periodOf(
  prepared: PreparedReport,
  analysis: { period?: ReportPeriod; periodSource?: string },
): { period: ReportPeriod; source: PeriodSource } | undefined {
  if (prepared.period && prepared.periodSource) return { period: prepared.period, source: prepared.periodSource };
  const source = analysis.periodSource;
  if (analysis.period && (source === 'line' || source === 'title' || source === 'text')) {
    return { period: analysis.period, source };
  }
  return undefined;
}

/** A site's stored report settings (profile and rule switches) as prepareReport takes them, for the panel and the guard alike. */
export function siteReportSettings(
  site: Pick<SiteProfile, 'fieldSectionMap' | 'templateId' | 'reportPeriod'>,
  extra: Pick<ReportSettings, 'rules' | 'templates'> = {},
): ReportSettings {
  return {
    ...extra,
    fieldSections: site.fieldSectionMap,
    ...(site.templateId ? { templateId: site.templateId } : {}),
    ...(site.reportPeriod ? { period: site.reportPeriod } : {}),
  };
}

/** The analyzer options for a prepared report; equal options → the same key, so an analyzer can be reused. */
export function analyzerOptions(prepared: PreparedReport, settings: ReportSettings = {}): { key: string; options: AnalyzeOptions } {
  const { template, period } = prepared;
  const options: AnalyzeOptions = {
    templateId: template.id,
    ...(settings.templates ? { templates: settings.templates } : {}),
    ...(period ? { period } : {}),
    ...(settings.rules ? { rules: settings.rules } : {}),
  };
  const key = [
    template.id,
    template.version,
    settings.templates?.length ?? 0,
    period ? `${period.year}H${period.half ?? 0}` : '',
    JSON.stringify(settings.rules ?? {}),
  ].join('|');
  return { key, options };
}
