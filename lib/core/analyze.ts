// The report engine's entry point: outline, coverage against a template, structure suggestions and every
// check rule, in one call. createAnalyzer keeps per-line results between calls, so that re-analysis after an
// edit reads only the lines that changed (the rules keep their own per-paragraph cache).
import type { Finding, ReportField, ReportPeriod } from './types';
import { joinFields, mapFindingsToFields, spanAt, type ReportDocument } from './document';
import { createRuleRunner, type RuleConfig } from './rules';
import { createOutlineParser, type OutlineHeading, type ParsedOutline, type TextRange } from './outline/parse';
import { createLineCache } from './outline/lines';
import { createCoverage, type Coverage, type CoverageEngine, type StructureSuggestion } from './coverage';
import { getTemplate, selectTemplate, type Template } from './template';
import { detectPeriodWithSource, type DetectedPeriodSource } from './period';
import { keptTitle, titleDigest } from './rules/repeated-title';

export type { OutlineHeading } from './outline/parse';
export type { Coverage, SectionCoverage, TopicCoverage, StructureSuggestion } from './coverage';

export interface AnalyzeOptions {
  /** A template id; 'auto' (the default) picks one from the report's title; 'none' skips coverage. */
  templateId?: string;
  /** The report period; detected from the title or 报告期 line when absent. */
  period?: ReportPeriod;
  rules?: RuleConfig;
  /** User templates (derived or imported), looked up before the built-in ones. */
  templates?: readonly Template[];
}

export interface Analysis {
  /** The analysed text (the fields joined, for a split report). */
  text: string;
  /** For a split report: the fields' spans in `text`. Findings and suggestions are then field-relative. */
  document?: ReportDocument;
  /** The report's title line, if it has one. */
  title?: TextRange;
  period?: ReportPeriod;
  /** Where `period` came from: the options ('given'), or the report's 报告期 line, title or opening lines. */
  periodSource?: 'given' | DetectedPeriodSource;
  /** Headings as a tree; offsets into `text`. */
  outline: OutlineHeading[];
  /** The template used, or null with templateId 'none'. */
  template: { id: string; name: string; version: number } | null;
  coverage: Coverage | null;
  suggestions: StructureSuggestion[];
  /** Outline, coverage and rule findings, ordered by position. */
  findings: Finding[];
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

function sortByPosition(findings: Finding[]): Finding[] {
  for (let i = 1; i < findings.length; i++) {
    if (byPosition(findings[i - 1]!, findings[i]!) > 0) return [...findings].sort(byPosition);
  }
  return findings;
}

/** Two position-ordered lists as one (a's first on a tie); linear, since each list usually comes ordered. */
function mergeByPosition(a: Finding[], b: Finding[]): Finding[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The report's title (the first title line within 400 characters of report text, page cruft above it not
 * counted: a 范文 page puts its metadata, breadcrumb and blurb there) and where the report's text starts (the
 * first line that is not cruft), which is what the template is chosen from. Reads only the lines up to the title.
 */
function reportHead(parsed: ParsedOutline): { title?: TextRange; headStart: number } {
  let cruft = 0;
  let headStart = -1;
  // The title lines before the first line of body text: a 范文 page prints its title several times (a shorter
  // page title, the title with （精选5篇）, the article's own); the one repeated-title keeps is the title.
  const candidates: TextRange[] = [];
  let next = 0;
  for (const line of parsed.lines) {
    if (line.info.cruft) {
      cruft += line.end - line.start + 1;
      continue;
    }
    if (line.info.contentEnd === line.info.contentStart) continue;
    if (headStart < 0) headStart = line.start;
    if (line.start - cruft >= 400 || candidates.length >= 8) break;
    if (line.info.title) {
      while (next < parsed.titles.length && parsed.titles[next]!.start < line.start) next++;
      candidates.push(parsed.titles[next]!);
    } else if (!line.info.plain && candidates.length > 0) {
      break;
    }
  }
  if (candidates.length === 0) return { headStart: Math.max(0, headStart) };
  const title = candidates[keptTitle(candidates.map((t) => titleDigest(t.text)))]!;
  return { title, headStart };
}

export class UnknownTemplateError extends Error {
  constructor(readonly templateId: string) {
    super(`unknown template: ${templateId}`);
  }
}

export interface Analyzer {
  update(input: string | readonly ReportField[]): Analysis;
}

export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const parser = createOutlineParser(createLineCache());
  const rules = createRuleRunner(options.rules);
  const engines = new Map<string, CoverageEngine>();
  const fixed = options.templateId && options.templateId !== 'auto' && options.templateId !== 'none'
    ? getTemplate(options.templateId, options.templates)
    : undefined;
  if (options.templateId && options.templateId !== 'auto' && options.templateId !== 'none' && !fixed) {
    throw new UnknownTemplateError(options.templateId);
  }

  const engineFor = (template: Template) => {
    let engine = engines.get(template.id);
    if (!engine || engine.template !== template) {
      engine = createCoverage(template);
      engines.set(template.id, engine);
    }
    return engine;
  };

  return {
    update(input) {
      const fields = typeof input === 'string' ? undefined : input;
      const document = fields ? joinFields(fields) : undefined;
      const text = document ? document.text : (input as string);
      const parsed = parser.parse(text);
      const detected = options.period ? undefined : detectPeriodWithSource(text);
      const period = options.period ?? detected?.period;
      const { title, headStart } = reportHead(parsed);

      let template: Template | undefined;
      if (options.templateId !== 'none') {
        template = fixed ?? selectTemplate(text.slice(headStart, headStart + 300), period, title?.text ?? '');
      }
      let coverage: Coverage | null = null;
      let suggestions: StructureSuggestion[] = [];
      let findings: Finding[] = parsed.findings;
      if (template) {
        const fieldSpans = fields && document
          ? document.spans.map((span, i) => ({ ...span, sectionId: fields[i]!.sectionId, label: fields[i]!.label }))
          : undefined;
        const result = engineFor(template).compute({ text, parsed, fields: fieldSpans });
        coverage = result.coverage;
        suggestions = result.suggestions;
        // Each list in order, then merged (the outline's first on a tie, as a stable sort of the two would
        // put them): coverage's few findings made a sort of the outline's thousands on a list of headings.
        findings = mergeByPosition(sortByPosition(findings), sortByPosition(result.findings));
      }
      findings = mergeByPosition(sortByPosition(findings), sortByPosition(rules.run(period ? { text, period, lines: parsed.lines } : { text, lines: parsed.lines })));

      if (document) {
        findings = mapFindingsToFields(document, findings);
        suggestions = suggestions.map((s) => {
          const span = spanAt(document, s.offset);
          if (!span) return s;
          const mapped: StructureSuggestion = { ...s, fieldKey: span.key, offset: Math.min(Math.max(s.offset, span.start), span.end) - span.start };
          // The engine keeps a suggestion's renumbering inside the field it goes into.
          if (s.renumber) mapped.renumber = s.renumber.map((e) => ({ ...e, start: e.start - span.start, end: e.end - span.start }));
          return mapped;
        });
      }

      const analysis: Analysis = {
        text,
        outline: parsed.outline,
        template: template ? { id: template.id, name: template.name, version: template.version } : null,
        coverage,
        suggestions,
        findings,
      };
      if (document) analysis.document = document;
      if (title) analysis.title = title;
      if (period) {
        analysis.period = period;
        analysis.periodSource = options.period ? 'given' : detected!.source;
      }
      return analysis;
    },
  };
}

export function analyze(input: string | readonly ReportField[], options: AnalyzeOptions = {}): Analysis {
  return createAnalyzer(options).update(input);
}
