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
export function selectTemplate(head: string, period?: ReportPeriod): Template {
  const pick = (id: string) => builtinTemplates.find((t) => t.id === id)!;
  if (!head.includes('意识形态')) return pick('work-summary');
  if (head.includes('自查')) return pick('ideology-self-check');
  if (period?.half || /上半年|半年|1-6月|1—6月|一至六月/.test(head)) return pick('ideology-half');
  return pick('ideology-annual');
}
