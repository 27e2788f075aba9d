import { describe, expect, it } from 'vitest';
import { runRules, type RuleConfig } from '../../../lib/core/rules';
import type { Finding, ReportPeriod } from '../../../lib/core/types';

/** Mulberry32: a small seeded generator, so that every run of a random test tries the same strings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function findingsOf(ruleId: string, text: string, period?: ReportPeriod, config?: RuleConfig): Finding[] {
  return runRules({ text, period }, config).filter((f) => f.ruleId === ruleId);
}

/** A flagged case: the text, the span the finding must cover and, where there is one, the fix's text. */
export interface FlagCase {
  text: string;
  span: string;
  fix?: string;
  period?: ReportPeriod;
}

export interface AcceptCase {
  text: string;
  period?: ReportPeriod;
}

/** The `flags` / `accepts` tables every rule test uses. */
export function ruleTable(ruleId: string, flags: readonly FlagCase[], accepts: readonly AcceptCase[]): void {
  describe('flags', () => {
    it.each(flags.map((c) => [c.span, c] as const))('%s', (_name, c) => {
      const found = findingsOf(ruleId, c.text, c.period);
      const spans = found.map((f) => c.text.slice(f.start, f.end));
      expect(spans).toContain(c.span);
      const finding = found.find((f) => c.text.slice(f.start, f.end) === c.span)!;
      if (c.fix !== undefined) expect(finding.fix?.text).toBe(c.fix);
    });
  });
  describe('accepts', () => {
    it.each(accepts.map((c) => [c.text.slice(0, 30), c] as const))('%s', (_name, c) => {
      expect(findingsOf(ruleId, c.text, c.period)).toEqual([]);
    });
  });
}

/** Applies one fix to a text. */
export function applyFix(text: string, finding: Finding): string {
  const fix = finding.fix!;
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}
