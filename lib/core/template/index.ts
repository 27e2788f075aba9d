// The built-in templates, validated when this module loads (a broken built-in fails every test at once), and
// the choice of a template for a report that does not name one.
import * as v from 'valibot';
import type { ReportPeriod } from '../types';
import { TemplateSchema, type Template } from './schema';
import { ideologyAnnual, ideologyHalf, ideologySelfCheck } from './builtin/ideology';
import { workSummary } from './builtin/work-summary';

export * from './schema';

export const builtinTemplates: readonly Template[] = [ideologyHalf, ideologyAnnual, ideologySelfCheck, workSummary].map(
  (data) => v.parse(TemplateSchema, data),
);

export function getTemplate(id: string, extra: readonly Template[] = []): Template | undefined {
  return extra.find((t) => t.id === id) ?? builtinTemplates.find((t) => t.id === id);
}

export function templateIds(): string[] {
  return builtinTemplates.map((t) => t.id);
}

/**
 * The template a report most likely follows, from its head (title and first paragraph) and period:
 * 意识形态 → the responsibility report (自查 / 半年 / 年度 variant), anything else → 工作总结.
 */
/** A half-year report, as titles say it (半年来 in a sentence does not count). */
const HALF_YEAR = /上半年|下半年|半年度|半年工作|半年总结|1[-—－~至到]6月|一至六月|7[-—－~至到]12月|七至十二月/;
/** A whole-year report. */
const WHOLE_YEAR = /年度|全年|1[-—－~至到]12月|一至十二月/;

/**
 * The built-in template for a report, from what names it. In order: 意识形态 or not; 自查; a known period (the
 * form's 报告期, the user's setting) decides half year or whole year outright; else the title's words, then the
 * text's start; else a whole-year report. `title`: the page's and the report's title, which outranks the text
 * (a 2026年度 page whose text begins with 上半年 is still a whole-year report).
 */
export function selectTemplate(head: string, period?: ReportPeriod, title = ''): Template {
  const pick = (id: string) => builtinTemplates.find((t) => t.id === id)!;
  const all = `${title} ${head}`;
  if (!all.includes('意识形态')) return pick('work-summary');
  if (all.includes('自查')) return pick('ideology-self-check');
  if (period) return pick(period.half ? 'ideology-half' : 'ideology-annual');
  for (const source of [title, head]) {
    // 半年度 holds 年度: the half-year words are looked for first.
    if (HALF_YEAR.test(source)) return pick('ideology-half');
    if (WHOLE_YEAR.test(source)) return pick('ideology-annual');
  }
  return pick('ideology-annual');
}
