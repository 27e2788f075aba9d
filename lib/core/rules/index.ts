// Registry of check rules. PLACEHOLDER until the text-checks work lands: no rule is registered yet.
// Contract (kept by whoever replaces this file): runRules, createRuleRunner, dictionaryPatterns, RuleInput,
// RuleConfig.
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

/**
 * An incremental runner: run() may be called on every edit; it re-checks only what changed since the last
 * call (per-paragraph caching), so a one-character edit in a 20k-character field costs well under 1 ms.
 */
export function createRuleRunner(config?: RuleConfig): { run(input: RuleInput): Finding[] } {
  return { run: (input) => runRules(input, config) };
}

/** Literal patterns of every dictionary entry, for the benchmark's one-pass floor. */
export function dictionaryPatterns(): string[] {
  return [];
}
