// PLACEHOLDER until the report-engine work lands: the contract the panel and CLI code against.
import type { Finding, ReportField, ReportPeriod } from './types';
import { joinFields } from './document';
import { runRules, type RuleConfig } from './rules';

export interface OutlineHeading {
  level: number;
  marker: string;
  title: string;
  start: number;
  end: number;
  children: OutlineHeading[];
}

export interface AnalyzeOptions {
  templateId?: string;
  period?: ReportPeriod;
  rules?: RuleConfig;
}

export interface Analysis {
  text: string;
  outline: OutlineHeading[];
  coverage: unknown;
  findings: Finding[];
}

export function analyze(input: string | readonly ReportField[], options: AnalyzeOptions = {}): Analysis {
  const text = typeof input === 'string' ? input : joinFields(input).text;
  return { text, outline: [], coverage: null, findings: runRules({ text, period: options.period }, options.rules) };
}
