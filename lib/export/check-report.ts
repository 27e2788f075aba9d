// 检查报告: what the engine checked and what remains, as a .docx for the leader who reviews the report before it
// is submitted. Three parts: the readiness figure with what is still missing (readiness.ts, the panel's count),
// coverage of each template section with its topics, and the findings grouped by category, each with its line,
// severity, message and the text it is about. Same A4 page as the 公文 (layout.ts); in the user's language.
import { AlignmentType, Document, Paragraph, TextRun } from 'docx';
import { analyze, UnknownTemplateError, type AnalyzeOptions, type Analysis } from '../core/analyze';
import { formatPeriod } from '../core/period';
import type { Finding, ReportField } from '../core/types';
import { t, type Language, type MessageParams } from '../i18n';
import { cleanText } from './text';
import { EXACT_LINE, SECTION_PROPERTIES, TITLE_SIZE, CHAR, pageFooters, runFont, styles } from './layout';
import { packDocument, type ExportResult } from './docx';
import { formatDate } from './parts';
import { readinessItems } from './readiness';

export interface CheckReportOptions extends AnalyzeOptions {
  lang?: Language;
  /** The date the check was made; today when absent. */
  date?: Date;
  /** Empty required fields of the form (the guard's findings), counted in the readiness figure. */
  requiredEmpty?: readonly Finding[];
}

/** Categories in the order the panel's 检查 tab lists them; others follow in order of appearance. */
const CATEGORY_ORDER = ['form', 'placeholder', 'coverage', 'outline', 'duplicate', 'cruft', 'typo', 'wording', 'stale', 'spin', 'numbers', 'punctuation', 'layout', 'spacing'];
const SEVERITY_ORDER = { blocking: 0, warning: 1, info: 2 } as const;
const EXCERPT_MAX = 40;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The finding's offset in the analysed text: a split report's findings are relative to their field. */
function absolute(analysis: Analysis, finding: Finding): { start: number; end: number } {
  const span = finding.fieldKey !== undefined ? analysis.document?.spans.find((s) => s.key === finding.fieldKey) : undefined;
  const base = span?.start ?? 0;
  return { start: base + finding.start, end: base + finding.end };
}

function excerpt(text: string, start: number, end: number): string {
  let s = start;
  let e = Math.max(end, start);
  // An empty or tiny span (a missing mark) is shown with a few characters around it.
  if (e - s < 4) {
    s = Math.max(0, s - 6);
    e = Math.min(text.length, e + 6);
  }
  let piece = text.slice(s, e).replace(/\s*\n\s*/g, ' ');
  if (piece.length > EXCERPT_MAX) piece = `${piece.slice(0, EXCERPT_MAX)}…`;
  return piece.trim();
}

/** The check report's document for an analysis already made (the panel has one). */
export function buildCheckReport(analysis: Analysis, options: CheckReportOptions = {}): Document {
  const lang = options.lang ?? 'zh_CN';
  const msg = (id: string, params?: MessageParams) => t(id, params, lang);
  const text = analysis.text;
  const starts = lineStarts(text);
  const para = (content: string, extra: { heading?: 1 | 2; indent?: boolean } = {}) =>
    new Paragraph({
      spacing: EXACT_LINE,
      ...(extra.heading ? { style: `Heading${extra.heading}`, keepNext: true } : {}),
      ...(extra.indent === false ? {} : { indent: { firstLine: 2 * CHAR } }),
      children: [new TextRun({ text: cleanText(content).text })],
    });
  const children: Paragraph[] = [];
  const title = analysis.title ? cleanText(analysis.title.text.trim()).text : '';
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT_LINE,
      children: [new TextRun({ text: title ? msg('checkReport.title', { title }) : msg('checkReport.untitled'), font: runFont('title'), size: TITLE_SIZE, characterSpacing: 0 })],
    }),
    new Paragraph({ spacing: EXACT_LINE, children: [] }),
  );
  const now = options.date ?? new Date();
  const date = lang === 'en' ? now.toISOString().slice(0, 10) : formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }, 'arabic');
  children.push(para(msg('checkReport.meta.date', { date })));
  children.push(para(analysis.template ? msg('checkReport.meta.template', { template: analysis.template.name }) : msg('checkReport.meta.noTemplate')));
  if (analysis.period) children.push(para(msg('checkReport.meta.period', { period: formatPeriod(analysis.period) })));
  children.push(para(msg('checkReport.meta.chars', { chars: text.replace(/\s/g, '').length })));

  // 1. Readiness: the panel's figure, and what makes it.
  const items = readinessItems(analysis, options.requiredEmpty);
  children.push(para(msg('checkReport.readiness'), { heading: 1 }));
  children.push(para(msg('checkReport.verdict', { verdict: items.length === 0 ? msg('readiness.ready') : msg('readiness.missing', { count: items.length }) })));
  items.forEach((item, i) => children.push(para(`${i + 1}. ${msg(item.messageId, item.params)}`)));

  // 2. Coverage per section.
  children.push(para(msg('checkReport.coverage'), { heading: 1 }));
  const sections = analysis.coverage?.sections ?? [];
  if (sections.length === 0) children.push(para(msg('checkReport.coverage.none')));
  for (const section of sections) {
    const covered = section.topics.filter((topic) => topic.covered).length;
    children.push(
      para(
        msg('checkReport.section', {
          section: section.title,
          status: msg(`cli.section.${section.status}`, undefined),
          covered,
          total: section.topics.length,
        }),
        { heading: 2 },
      ),
    );
    for (const topic of section.topics) {
      const figures = topic.covered && topic.figures ? msg('checkReport.topic.figures', { figures: msg(`cli.figures.${topic.figures}`) }) : '';
      children.push(
        para(
          msg('checkReport.topic', {
            mark: topic.covered ? '✓' : '✗',
            topic: topic.title,
            state: msg(topic.covered ? 'cli.topic.covered' : 'cli.topic.notCovered'),
            figures,
          }),
        ),
      );
    }
  }

  // 3. Findings by category.
  children.push(para(msg('checkReport.findings'), { heading: 1 }));
  const findings = analysis.findings;
  const counts = { blocking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  children.push(para(findings.length === 0 ? msg('checkReport.findings.none') : msg('checkReport.findings.summary', { total: findings.length, ...counts })));
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const categories = [...byCategory.keys()].sort((a, b) => {
    const ia = CATEGORY_ORDER.indexOf(a);
    const ib = CATEGORY_ORDER.indexOf(b);
    return (ia < 0 ? CATEGORY_ORDER.length : ia) - (ib < 0 ? CATEGORY_ORDER.length : ib);
  });
  for (const category of categories) {
    const list = byCategory.get(category)!.slice().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
    const name = msg(`checks.category.${category}`);
    children.push(para(msg('checkReport.category', { name: name.startsWith('checks.') ? msg('checks.category.other') : name, count: list.length }), { heading: 2 }));
    list.forEach((finding, i) => {
      const { start, end } = absolute(analysis, finding);
      children.push(
        para(
          msg('checkReport.finding', {
            n: i + 1,
            line: lineOf(starts, start),
            severity: msg(`cli.severity.${finding.severity}`),
            message: msg(finding.messageId, finding.params),
          }),
        ),
      );
      const quoted = excerpt(text, start, end);
      if (quoted) children.push(para(msg('checkReport.excerpt', { text: quoted })));
    });
  }

  const footers = pageFooters();
  return new Document({
    creator: 'Tianbao',
    title: title ? msg('checkReport.title', { title }) : msg('checkReport.untitled'),
    styles: styles(),
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: SECTION_PROPERTIES, footers: { default: footers.default, even: footers.even }, children }],
  });
}

/** 检查报告 for a report (its text or the form's fields): analysed here, then written as a .docx. */
export async function exportCheckReport(input: string | readonly ReportField[], options: CheckReportOptions = {}): Promise<ExportResult> {
  const empty = typeof input === 'string' ? input.trim() === '' : input.every((f) => f.text.trim() === '');
  if (empty) return { ok: false, error: { messageId: 'export.error.empty' } };
  let analysis: Analysis;
  try {
    analysis = analyze(input, options);
  } catch (error) {
    if (error instanceof UnknownTemplateError) return { ok: false, error: { messageId: 'export.error.template', params: { template: error.templateId } } };
    throw error;
  }
  return { ok: true, bytes: await packDocument(buildCheckReport(analysis, options)), warnings: [] };
}
