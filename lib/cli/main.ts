// `tianbao check FILE [--template ID] [--period 2026H1] [--json] [--lang en]`: the engine on a file, for
// scripts and tests. Exit 0 when nothing must be fixed, 1 with blocking findings, 2 on bad input. The --json
// shape ({outline, coverage, findings}) is read by other tools: extend it, never rename or drop a key.
// `tianbao export FILE [-o OUT.docx] [--check] [--date-style chinese] …`: the report as a GB/T 9704 Word document
// (lib/export), or with --check its 检查报告. Exit 0 when written, 2 on bad input.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { exportGongwen, type GongwenOptions } from '../export/docx';
import { exportCheckReport } from '../export/check-report';
import { readDate } from '../export/parts';
import { analyze, type Analysis, type OutlineHeading } from '../core/analyze';
import { templateIds, getTemplate } from '../core/template';
import { formatPeriod, parsePeriod } from '../core/period';
import type { ReportPeriod } from '../core/types';
import { t, type Language, type MessageParams } from '../i18n';
import { decodeReport } from './decode';
import { copiesJson, copiesText, measureCopies, readPrevious, readReferences, type CopiesInput } from './copies';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_CLEAN = 0;
export const EXIT_BLOCKING = 1;
export const EXIT_BAD_INPUT = 2;

interface Args {
  command?: string;
  file?: string;
  template?: string;
  period?: string;
  json: boolean;
  lang: Language;
  help: boolean;
  /** export: the output file, the check report instead of the 公文, and the 公文's options. */
  output?: string;
  check: boolean;
  dateStyle?: 'arabic' | 'chinese';
  date?: string;
  signature?: string;
  recipient?: string;
  title?: string;
  /** check: last period's report (上期重复率) and a folder of sample texts (范文相似度), lib/cli/copies.ts. */
  previous?: string;
  refs?: string;
}

type ArgError = { messageId: string; params?: MessageParams };

function parseArgs(argv: readonly string[]): Args | ArgError {
  const args: Args = { json: false, lang: 'zh_CN', help: false, check: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | ArgError => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return { messageId: 'cli.error.missingValue', params: { option: name } };
      i++;
      return next;
    };
    if (name === '--json') args.json = true;
    else if (name === '--check') args.check = true;
    else if (name === '--help' || name === '-h') args.help = true;
    else if (['-o', '--output', '--date-style', '--date', '--signature', '--recipient', '--title'].includes(name)) {
      const v = value();
      if (typeof v !== 'string') return v;
      if (name === '-o' || name === '--output') args.output = v;
      else if (name === '--date-style') args.dateStyle = v === 'chinese' || v === '汉字' ? 'chinese' : 'arabic';
      else if (name === '--date') args.date = v;
      else if (name === '--signature') args.signature = v;
      else if (name === '--recipient') args.recipient = v;
      else args.title = v;
    }
    else if (name === '--previous' || name === '--refs') {
      const v = value();
      if (typeof v !== 'string') return v;
      if (name === '--previous') args.previous = v;
      else args.refs = v;
    } else if (name === '--template' || name === '--period' || name === '--lang') {
      const v = value();
      if (typeof v !== 'string') return v;
      if (name === '--template') args.template = v;
      else if (name === '--period') args.period = v;
      else args.lang = v === 'en' ? 'en' : 'zh_CN';
    } else if (name.startsWith('-') && name !== '-') return { messageId: 'cli.error.unknownOption', params: { option: name } };
    else positional.push(arg);
  }
  args.command = positional[0];
  args.file = positional[1];
  return args;
}

function lineColumn(text: string, offset: number, lineStarts: number[]): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

function outlineJson(headings: readonly OutlineHeading[]): unknown[] {
  return headings.map((h) => ({
    level: h.level,
    kind: h.kind,
    marker: h.marker,
    title: h.title,
    start: h.start,
    end: h.end,
    bodyStart: h.bodyStart,
    bodyEnd: h.bodyEnd,
    children: outlineJson(h.children),
  }));
}

export function toJson(analysis: Analysis, lang: Language): string {
  const findings = analysis.findings.map((f) => {
    const out: Record<string, unknown> = {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      message: t(f.messageId, f.params, lang),
    };
    if (f.fix) out.fix = f.fix;
    return out;
  });
  const coverage = analysis.coverage
    ? { ...analysis.coverage, period: analysis.period ? formatPeriod(analysis.period) : null, suggestions: analysis.suggestions }
    : null;
  return JSON.stringify({ outline: outlineJson(analysis.outline), coverage, findings });
}

function human(analysis: Analysis, file: string, encoding: string, lang: Language): string {
  const msg = (id: string, params?: MessageParams) => t(id, params, lang);
  const text = analysis.text;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const out: string[] = [];
  out.push(msg('cli.heading.report', { file, chars: text.length, encoding }));
  if (analysis.template) out.push(msg('cli.heading.template', { template: `${analysis.template.name} (${analysis.template.id})` }));
  if (analysis.period) out.push(msg('cli.heading.period', { period: formatPeriod(analysis.period) }));
  out.push('', `== ${msg('cli.heading.outline')}`);
  const walk = (headings: readonly OutlineHeading[]) => {
    for (const h of headings) {
      if (h.kind === 'item') continue;
      const { line } = lineColumn(text, h.start, lineStarts);
      out.push(`${'  '.repeat(h.level - 1)}${h.marker}${h.title}  (${line})`);
      walk(h.children);
    }
  };
  walk(analysis.outline);
  if (!analysis.outline.some((h) => h.kind !== 'item')) out.push(msg('cli.outline.empty'));
  if (analysis.coverage) {
    out.push('', `== ${msg('cli.heading.coverage')}`);
    for (const section of analysis.coverage.sections) {
      out.push(`[${msg(`cli.section.${section.status}`)}] ${section.title}${section.heading ? ` ← ${section.heading.title}` : ''}`);
      for (const topic of section.topics) {
        const figures = topic.covered && topic.figures ? `，${msg('cli.topic.figures')}：${msg(`cli.figures.${topic.figures}`)}` : '';
        out.push(`    ${topic.covered ? '✓' : '✗'} ${topic.title}（${msg(topic.covered ? 'cli.topic.covered' : 'cli.topic.notCovered')}${figures}）`);
      }
    }
  }
  if (analysis.suggestions.length > 0) {
    out.push('', `== ${msg('cli.heading.suggestions')}`);
    for (const s of analysis.suggestions) {
      out.push(msg('cli.suggestion', { reason: msg(s.reason.messageId, s.reason.params), line: lineColumn(text, s.offset, lineStarts).line }));
      for (const line of s.scaffold.split('\n')) out.push(`    ${line}`);
    }
  }
  const counts = { blocking: 0, warning: 0, info: 0 };
  if (analysis.findings.length > 0) {
    out.push('', `== ${msg('cli.heading.findings')}`);
    for (const f of analysis.findings) {
      counts[f.severity]++;
      const { line, column } = lineColumn(text, f.start, lineStarts);
      out.push(msg('cli.finding', { line, column, severity: msg(`cli.severity.${f.severity}`), message: t(f.messageId, f.params, lang) }));
    }
  }
  out.push('', analysis.findings.length > 0 ? msg('cli.summary', counts) : msg('cli.summary.clean'));
  return `${out.join('\n')}\n`;
}

export async function main(argv: readonly string[], io: Output): Promise<number> {
  // Signed pack files (issue 15): their own sub-commands, lib/cli/pack.ts.
  if (argv[0] === 'pack') return (await import('./pack')).packCommand(argv.slice(1), io);
  const parsed = parseArgs(argv);
  const lang: Language = 'lang' in parsed ? parsed.lang : argv.includes('en') ? 'en' : 'zh_CN';
  const templates = templateIds().join(', ');
  const fail = (messageId: string, params?: MessageParams, usage = false) => {
    io.stderr(`${t(messageId, params, lang)}\n`);
    if (usage) io.stderr(`\n${t('cli.usage', { templates }, lang)}\n`);
    return EXIT_BAD_INPUT;
  };
  if ('messageId' in parsed) return fail(parsed.messageId, parsed.params, true);
  if (parsed.help) {
    io.stdout(`${t('cli.usage', { templates }, lang)}\n`);
    return EXIT_CLEAN;
  }
  if (parsed.command !== 'check' && parsed.command !== 'export') {
    return parsed.command ? fail('cli.error.unknownCommand', { command: parsed.command }, true) : fail('cli.error.noFile', undefined, true);
  }
  if (!parsed.file) return fail('cli.error.noFile', undefined, true);
  if (parsed.template && parsed.template !== 'auto' && parsed.template !== 'none' && !getTemplate(parsed.template)) return fail('cli.error.unknownTemplate', { template: parsed.template, templates });
  let period: ReportPeriod | undefined;
  if (parsed.period) {
    period = parsePeriod(parsed.period);
    if (!period) return fail('cli.error.badPeriod', { period: parsed.period });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(parsed.file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail('cli.error.unreadable', { file: parsed.file, reason });
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return fail(`cli.error.${decoded.reason}`, { file: parsed.file });
  const options = { ...(parsed.template ? { templateId: parsed.template } : {}), ...(period ? { period } : {}) };
  if (parsed.command === 'export') return exportCommand(parsed, decoded.text, options, io, fail);
  const copiesInput: CopiesInput = {};
  if (parsed.previous) {
    const previous = await readPrevious(parsed.previous);
    if ('messageId' in previous) return fail(previous.messageId, previous.params);
    copiesInput.previous = previous;
  }
  if (parsed.refs) {
    const references = await readReferences(parsed.refs, (w) => io.stderr(`${t(w.messageId, w.params, lang)}\n`));
    if ('messageId' in references) return fail(references.messageId, references.params);
    copiesInput.references = references;
  }
  const analysis = analyze(decoded.text, options);
  const copies = parsed.previous || parsed.refs ? measureCopies(decoded.text, copiesInput) : undefined;
  if (parsed.json) {
    const json = toJson(analysis, lang);
    io.stdout(`${copies ? `${json.slice(0, -1)},"copies":${JSON.stringify(copiesJson(copies))}}` : json}\n`);
  } else {
    const body = human(analysis, parsed.file, decoded.encoding, lang);
    io.stdout(copies ? `${body}${copiesText(decoded.text, copies, copiesInput, lang).join('\n')}\n` : body);
  }
  return analysis.findings.some((f) => f.severity === 'blocking') ? EXIT_BLOCKING : EXIT_CLEAN;
}

type Fail = (messageId: string, params?: MessageParams, usage?: boolean) => number;

/** `export`: writes the 公文 (or with --check the 检查报告) and prints where, with any warnings on stderr. */
async function exportCommand(
  args: Args,
  text: string,
  analyzeOptions: { templateId?: string; period?: ReportPeriod },
  io: Output,
  fail: Fail,
): Promise<number> {
  const lang = args.lang;
  const file = args.file!;
  const stem = basename(file, extname(file));
  const output = args.output ?? `${stem}${args.check ? '.检查报告' : ''}.docx`;
  let date: GongwenOptions['date'];
  if (args.date) {
    date = readDate(args.date);
    if (!date) return fail('cli.error.badDate', { date: args.date });
  }
  const result = args.check
    ? await exportCheckReport(text, { ...analyzeOptions, lang })
    : await exportGongwen(text, {
        ...(args.dateStyle ? { dateStyle: args.dateStyle } : {}),
        ...(date ? { date } : {}),
        ...(args.signature ? { signature: args.signature } : {}),
        ...(args.recipient ? { recipient: args.recipient } : {}),
        ...(args.title ? { title: args.title } : {}),
      });
  if (!result.ok) return fail(result.error.messageId, result.error.params);
  for (const warning of result.warnings) io.stderr(`${t(warning.messageId, warning.params, lang)}\n`);
  try {
    await writeFile(output, result.bytes);
  } catch (error) {
    return fail('cli.error.noOutput', { file: output, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  io.stdout(`${args.check ? t('export.savedCheck', { file: output }, lang) : t('export.saved', { file: output, pages: result.pages ?? 1 }, lang)}\n`);
  return EXIT_CLEAN;
}
