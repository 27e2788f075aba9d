// Shared contracts of the report engine. lib/core has no DOM and no browser APIs: everything here runs in
// Node (CLI, tests, benchmarks) and in the page alike. Offsets are UTF-16 code units, as JavaScript strings
// count them, so that a finding maps straight onto a textarea's selectionStart/selectionEnd.

export type Severity = 'blocking' | 'warning' | 'info';

/** Replace text[start, end) with `text`. An empty `text` deletes. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** A message parameter: plain, or per language where the words differ (2026年上半年 / 2026, first half). */
export type FindingParam = string | number | { zh_CN: string; en: string };
export type FindingParams = Record<string, FindingParam>;

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  /** Key into the i18n catalogs (zh_CN and en); rendered with `params`. */
  messageId: string;
  /** Values are plain, or per language ({zh_CN, en}) where the words differ (a report period). */
  params?: FindingParams;
  fix?: Fix;
  /** Set by mapFindingToField when the report spans several form fields. */
  fieldKey?: string;
}

/** One form field's text, optionally mapped to a template section. */
export interface ReportField {
  key: string;
  label?: string;
  sectionId?: string;
  text: string;
}

/** A report period such as 2026H1 (上半年), 2026H2, 2026 (全年). */
export interface ReportPeriod {
  year: number;
  /** 1 = 上半年, 2 = 下半年; absent for a whole year. */
  half?: 1 | 2;
}
