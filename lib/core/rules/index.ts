// Registry of check rules. PLACEHOLDER until the text-checks work lands: no rule is registered yet.
import type { Finding, ReportPeriod } from '../types';

export interface RuleInput {
  text: string;
  period?: ReportPeriod;
}

export interface RuleConfig {
  /** Rule ids switched off. */
  disabledRules?: readonly string[];
  /** Dictionary entry ids switched off. */
  disabledEntries?: readonly string[];
}

export function runRules(_input: RuleInput, _config?: RuleConfig): Finding[] {
  return [];
}

/** Literal patterns of every dictionary entry, for the benchmark's one-pass floor. */
export function dictionaryPatterns(): string[] {
  return [];
}
