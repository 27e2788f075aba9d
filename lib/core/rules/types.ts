// Shapes shared by the check rules. A rule is data plus one pure function (see README.md in this folder).
import type { Finding, ReportPeriod, Severity } from '../types';
import type { CompiledDictionary } from './dictionary';

/** One paragraph (one line of the input) with its UTF-16 offsets into the whole text. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
}

/**
 * Results kept with a line's cached reading: the outline's reading of a line (LineInfo) is shared by equal
 * lines and kept between analyses while the line stays in the text, so the stages after it keep theirs on it
 * instead of looking every line's text up in a Map of their own. Each entry carries whose it is (a runner and
 * period, a coverage scanner); an entry of another owner is read as absent and replaced.
 */
export interface LineSlots {
  /** The rule runner's results for the line (rules/index.ts). */
  rules: unknown;
  /** Coverage's tokens for the line (coverage/scan.ts), and the scanner that read them. */
  tokens: unknown;
  tokensBy: unknown;
  /**
   * web-cruft's answers for one string of the line (the line, or its content without blanks at the ends, as
   * the outline asks): the whole-line entries and the fragments. The outline asks first; the web-cruft and
   * repeated-title rules then find the answer here (rules/web-cruft.ts).
   */
  cruftKey: string | undefined;
  cruftEntries: string[] | undefined;
  fragmentKey: string | undefined;
  fragments: unknown;
}

/** Everything a rule may read besides the text: the report period and the compiled, user-adjusted packs. */
export interface RuleContext {
  period?: ReportPeriod;
  disabledEntries: ReadonlySet<string>;
  officialNames: CompiledDictionary;
  spinPairs: CompiledDictionary;
  userEntries: CompiledDictionary;
}

/**
 * A rule that looks at one paragraph at a time. Offsets in its findings are relative to the paragraph; the
 * runner shifts them. A fix may end one code unit past the paragraph to take its line break along.
 * Paragraph rules are what the incremental runner caches: a paragraph that did not change is not re-checked.
 */
export interface ParagraphRule {
  id: string;
  category: string;
  scope: 'paragraph';
  /** True when the findings depend on RuleInput.period (the cache then keys on it). */
  usesPeriod?: boolean;
  /**
   * Characters one of which is in every paragraph the rule can report on, read off its own patterns (a
   * half-width mark for halfwidth-punctuation, 年 for number-forms). The runner reads each paragraph once for
   * all rules' characters and does not call a rule whose characters it lacks: on a roster or a log most rules
   * have nothing to look at on most lines. Left out when any paragraph may hold a finding.
   * tests/core/rules/needs.test.ts checks that a paragraph without them never gets one.
   */
  needs?: string;
  /** `line`: the paragraph's slots when the runner has the outline's lines (read-only but for what the rule's
   * own helpers keep there). Returns a list of its own and fresh findings (the runner moves them and may add to
   * the list), or NO_FINDINGS. */
  check(text: string, context: RuleContext, line?: LineSlots): Finding[];
}

/**
 * A rule that compares paragraphs with each other (duplicates). `prepare` digests one paragraph and is cached
 * by the runner like a paragraph rule; `check` then only combines the digests, so a one-character edit costs
 * one `prepare` plus a pass over the digests.
 */
export interface DocumentRule<D = unknown> {
  id: string;
  category: string;
  scope: 'document';
  prepare(text: string, line?: LineSlots): D;
  check(paragraphs: readonly Paragraph[], digests: readonly D[], text: string): Finding[];
}

export type Rule = ParagraphRule | DocumentRule<any>;

export type { Finding, Severity };
