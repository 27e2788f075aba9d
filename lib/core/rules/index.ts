// Registry of check rules and the runner that applies them. One array lists every rule (no rule registers
// itself by being imported); see README.md in this folder for how to add one.
//
// The runner is incremental: paragraph rules are cached per paragraph text (and period, for the rules that
// read it), document rules cache their per-paragraph digest, so a one-character edit re-checks one paragraph
// and then only recombines cached results.
import { officialNamesPack, placeholdersPack, cruftPack, spinPairsPack, eventsPack, type DictionaryEntry } from '../packs';
import type { Finding, ReportPeriod } from '../types';
import { compileDictionaries } from './dictionary';
import { doubledPunctuation } from './doubled-punctuation';
import { duplicates } from './duplicates';
import { cjkSpaces } from './cjk-spaces';
import { ellipsis } from './ellipsis';
import { hardWrap } from './hard-wrap';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { mojibake } from './mojibake';
import { numberForms } from './number-forms';
import { officialNames } from './official-names';
import { pinyinDebris } from './pinyin-debris';
import { placeholders } from './placeholders';
import { repeatedTitle } from './repeated-title';
import { repeatedWord } from './repeated-word';
import { runInHeading } from './run-in-heading';
import { setPhraseTypos } from './set-phrase-typos';
import { spinArtefacts } from './spin-artefacts';
import { staleReferences } from './stale-references';
import { strayDot } from './stray-dot';
import { escapeRegExp, NO_FINDINGS, splitParagraphs } from './text';
import type { DocumentRule, LineSlots, Paragraph, ParagraphRule, Rule, RuleContext } from './types';
import { unbalancedBrackets } from './unbalanced-brackets';
import { userEntries } from './user-entries';
import { webCruft } from './web-cruft';
import { yearMissingNian } from './year-missing-nian';

export const rules: readonly Rule[] = [
  duplicates,
  placeholders,
  webCruft,
  repeatedTitle,
  mojibake,
  pinyinDebris,
  officialNames,
  spinArtefacts,
  userEntries,
  staleReferences,
  halfwidthPunctuation,
  unbalancedBrackets,
  // Right after unbalanced-brackets: it reads the same per-paragraph bracket digest, kept from that rule's scan.
  hardWrap,
  cjkSpaces,
  runInHeading,
  doubledPunctuation,
  ellipsis,
  numberForms,
  repeatedWord,
  setPhraseTypos,
  strayDot,
  yearMissingNian,
];


export interface RuleInput {
  text: string;
  period?: ReportPeriod;
  /**
   * The text's lines split at \n only, if the caller has them (analyze() passes the outline's): they are the
   * paragraphs when the text has no other line break, so that the lines are not cut out of the text twice.
   * With the outline's reading of each line (`info`), the runner keeps its results there (see LineSlots).
   */
  lines?: readonly (Paragraph & { info?: LineSlots })[];
}

/** Whether the text has a line break other than \n, which splitParagraphs also splits at: three indexOf calls,
 * each a native search for one code unit, take a third of the time of one RegExp class over a long text. */
const hasOtherBreaks = (text: string) => text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;

/** A wrong → right pair the user added in the options page. */
export interface UserEntry {
  id: string;
  wrong: string;
  right: string;
  note?: string;
}

export interface RuleConfig {
  /** Rule ids switched off. */
  disabledRules?: readonly string[];
  /** Dictionary entry ids switched off (any pack: official-names, spin-pairs, placeholders, cruft, events). */
  disabledEntries?: readonly string[];
  /** The user's own wrong → right pairs (validated by settings.ts before they get here). */
  userEntries?: readonly UserEntry[];
}

/**
 * Compiled contexts by configuration. Compiling is cheap, but V8 runs a fresh RegExp object in its bytecode
 * interpreter until it has warmed up, which makes the first runs over a long text several times slower; so
 * each configuration keeps its RegExp objects.
 */
const contexts = new Map<string, RuleContext>();

function contextFor(config: RuleConfig | undefined): RuleContext {
  const key = JSON.stringify([
    [...(config?.disabledEntries ?? [])].sort(),
    (config?.userEntries ?? []).map((e) => [e.id, e.wrong, e.right, e.note ?? '']),
  ]);
  let context = contexts.get(key);
  if (!context) {
    if (contexts.size >= 16) contexts.delete(contexts.keys().next().value!);
    context = buildContext(config);
    contexts.set(key, context);
  }
  return context;
}

function buildContext(config: RuleConfig | undefined): RuleContext {
  const disabled = new Set(config?.disabledEntries ?? []);
  const keep = (entries: readonly DictionaryEntry[]) => entries.filter((e) => !disabled.has(e.id));
  const user: DictionaryEntry[] = (config?.userEntries ?? [])
    .filter((e) => e.wrong.length > 0 && !disabled.has(e.id))
    // The packs' `right` may use $1 for what the trigger matched; the user's is plain text, so a `$` in it
    // ($&, $1, $$ typed as they are) is doubled to stand for itself when the replacement is filled in.
    .map((e) => ({ id: e.id, trigger: escapeRegExp(e.wrong), right: e.right.replace(/\$/g, '$$$$'), reason: e.note || '' }));
  // One scan per paragraph serves all three dictionary rules.
  const [officialNames, spinPairs, userEntries] = compileDictionaries([
    keep(officialNamesPack.entries),
    keep(spinPairsPack.entries),
    user,
  ]);
  return { disabledEntries: disabled, officialNames: officialNames!, spinPairs: spinPairs!, userEntries: userEntries! };
}

/**
 * Per UTF-16 code unit, the rules (bits, by their index among the rules that declare `needs`) that this
 * character lets run. One read per character of a paragraph gives the rules worth calling on it.
 */
const needsTable = new Uint32Array(0x10000);
/** Per rule, its bit in needsTable, or 0 when it declares no `needs` (it runs on every paragraph). */
const needsBit = new Map<string, number>();
{
  let next = 0;
  for (const rule of rules) {
    if (rule.scope !== 'paragraph' || rule.needs === undefined) continue;
    // 32 bits: a rule past the 31st shares the last bit (it then runs a little more often, never less).
    const bit = next < 31 ? 1 << next++ : 1 << 31;
    needsBit.set(rule.id, bit);
    for (let i = 0; i < rule.needs.length; i++) needsTable[rule.needs.charCodeAt(i)]! |= bit;
  }
}

/** The needs bits of every character of `text`, or'ed. */
function needsOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= needsTable[text.charCodeAt(i)]!;
  return mask;
}

interface CachedParagraph {
  /** Findings of the paragraph rules, at text offsets for a paragraph starting at `base`. */
  findings: Finding[];
  base: number;
  /**
   * The document rules' digests of the paragraph, by the rule's index: the first four as fields, the rest (none
   * today) in `more`. Every line keeps its entry while it is cached, and a list beside the entry was a second
   * object per line for the collector to copy.
   */
  d0: unknown;
  d1: unknown;
  d2: unknown;
  d3: unknown;
  more: unknown[] | undefined;
  /** The runner and period it was made for (a line's slot may hold another runner's entry). */
  owner: object;
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/** Sorts findings by position in place, stably: insertion, for the short, mostly ordered list of a paragraph. */
function sortInPlace(list: Finding[]): void {
  if (list.length > 64) {
    list.sort(byPosition);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const f = list[i]!;
    let j = i - 1;
    while (j >= 0 && byPosition(list[j]!, f) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = f;
  }
}

/** Merges two position-sorted lists. */
function merge(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The digest of document rule `d` kept in a paragraph's entry. */
function digestOf(entry: CachedParagraph, d: number): unknown {
  switch (d) {
    case 0:
      return entry.d0;
    case 1:
      return entry.d1;
    case 2:
      return entry.d2;
    case 3:
      return entry.d3;
    default:
      return entry.more![d - 4];
  }
}

const periodKey = (p: ReportPeriod | undefined) => (p ? `${p.year}H${p.half ?? 0}` : '');

/** A copy of a finding moved by `by` code units (built field by field: spreads are slow in hot loops). */
function moved(f: Finding, by: number): Finding {
  const copy: Finding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    start: f.start + by,
    end: f.end + by,
    messageId: f.messageId,
  };
  if (f.params) copy.params = f.params;
  if (f.fix) copy.fix = { start: f.fix.start + by, end: f.fix.end + by, text: f.fix.text };
  return copy;
}

/** A fix may take the paragraph's line break along; on the last line there is none, so it ends at the text. */
function clamped(f: Finding, limit: number): Finding {
  return f.fix && f.fix.end > limit ? { ...f, fix: { ...f.fix, end: limit } } : f;
}

/**
 * An incremental runner: run() may be called on every edit; it re-checks only the paragraphs that changed
 * since the last call, so a one-character edit in a 20k-character field costs well under 1 ms.
 *
 * Paragraph rules report offsets relative to the paragraph and return fresh objects (fixes included); the
 * runner moves a new paragraph's findings to text offsets in place, so a first analysis allocates each finding
 * once. A cached paragraph that moved gets copies: findings already returned are never changed.
 */
export function createRuleRunner(config?: RuleConfig): { run(input: RuleInput): Finding[] } {
  const off = new Set(config?.disabledRules ?? []);
  const active = rules.filter((r) => !off.has(r.id));
  const paragraphRules = active.filter((r): r is ParagraphRule => r.scope === 'paragraph');
  const ruleBits = paragraphRules.map((r) => needsBit.get(r.id) ?? 0);
  const documentRules = active.filter((r): r is DocumentRule<unknown> => r.scope === 'document');
  const context = contextFor(config);
  let cache = new Map<string, CachedParagraph>();
  let cachedPeriod = '';
  // Stamps this runner's entries for the current period; a new period makes a new one, so that no entry made
  // for another period is taken.
  let owner: object = {};

  function check(text: string, base: number, ctx: RuleContext, slot: LineSlots | undefined): CachedParagraph {
    // Most paragraphs have no finding: they share one empty list (never added to) instead of each allocating
    // one, which on a list of 40,000 short lines was garbage the collector had to copy.
    let findings: Finding[] = NO_FINDINGS;
    let sorted = true;
    if (text.length > 0) {
      const present = needsOf(text);
      for (let r = 0; r < paragraphRules.length; r++) {
        const bit = ruleBits[r]!;
        if (bit !== 0 && (present & bit) === 0) continue;
        const found = paragraphRules[r]!.check(text, ctx, slot);
        if (found.length === 0) continue;
        if (findings === NO_FINDINGS) {
          // The first rule with findings lends its list (a rule returns a fresh one): most paragraphs with
          // findings have them from one rule, and a copy per paragraph was kept as long as the analysis.
          findings = found;
          for (let i = 1; i < found.length && sorted; i++) if (byPosition(found[i - 1]!, found[i]!) > 0) sorted = false;
          continue;
        }
        for (let i = 0; i < found.length; i++) {
          const f = found[i]!;
          if (sorted && byPosition(findings[findings.length - 1]!, f) > 0) sorted = false;
          findings.push(f);
        }
      }
    }
    // Sorted once when cached, so that paragraphs in order give findings in order without a global sort. Each
    // rule returns its findings in order, so most paragraphs need no sort at all, and the rest are a few runs
    // in order: sorted in place by insertion (Array.prototype.sort copied each list first).
    if (!sorted) sortInPlace(findings);
    if (base !== 0) {
      for (const f of findings) {
        f.start += base;
        f.end += base;
        if (f.fix) {
          f.fix.start += base;
          f.fix.end += base;
        }
      }
    }
    // In the rules' order: a rule's digest may read what an earlier one kept on the line's slot.
    const count = documentRules.length;
    const d0 = count > 0 ? documentRules[0]!.prepare(text, slot) : undefined;
    const d1 = count > 1 ? documentRules[1]!.prepare(text, slot) : undefined;
    const d2 = count > 2 ? documentRules[2]!.prepare(text, slot) : undefined;
    const d3 = count > 3 ? documentRules[3]!.prepare(text, slot) : undefined;
    const entry: CachedParagraph = { findings, base, owner, d0, d1, d2, d3, more: undefined };
    if (count > 4) {
      entry.more = new Array(count - 4);
      for (let d = 4; d < count; d++) entry.more[d - 4] = documentRules[d]!.prepare(text, slot);
    }
    return entry;
  }

  return {
    run(input) {
      const pk = periodKey(input.period);
      if (pk !== cachedPeriod) {
        cache = new Map();
        cachedPeriod = pk;
        owner = {};
      }
      const ctx: RuleContext = { ...context, period: input.period };
      const text = input.text;
      const limit = text.length;
      const paragraphs: readonly (Paragraph & { info?: LineSlots })[] =
        input.lines && !hasOtherBreaks(text) ? input.lines : splitParagraphs(text);
      const next = new Map<string, CachedParagraph>();
      // A first analysis has nothing cached: one lookup per paragraph, not two.
      const previous = cache.size > 0 ? cache : undefined;
      // Each paragraph's entry, then one list of their findings made at its length (grown by push, a list of
      // 100,000 findings was copied a dozen times over).
      const entries: CachedParagraph[] = new Array(paragraphs.length);
      let count = 0;
      const digests: unknown[][] = documentRules.map(() => new Array(paragraphs.length));
      for (let p = 0; p < paragraphs.length; p++) {
        const para = paragraphs[p]!;
        const key = para.text;
        // The line's slot when the outline read it (equal lines share one), else this runner's own Map.
        const slot = para.info;
        let entry: CachedParagraph | undefined;
        let changed: boolean;
        if (slot) {
          entry = slot.rules as CachedParagraph | undefined;
          if (entry !== undefined && entry.owner !== owner) entry = undefined;
          changed = entry === undefined;
        } else {
          entry = next.get(key);
          changed = entry === undefined;
          if (changed) entry = previous?.get(key);
        }
        if (entry === undefined) {
          entry = check(key, para.start, ctx, slot);
        } else if (entry.base !== para.start && entry.findings.length > 0) {
          // A paragraph without findings has nothing to move: one entry serves all its copies.
          const by = para.start - entry.base;
          const list = entry.findings;
          const copies: Finding[] = new Array(list.length);
          for (let i = 0; i < list.length; i++) copies[i] = moved(list[i]!, by);
          entry = { findings: copies, base: para.start, owner, d0: entry.d0, d1: entry.d1, d2: entry.d2, d3: entry.d3, more: entry.more };
          changed = true;
        }
        if (changed) {
          if (slot) slot.rules = entry;
          else next.set(key, entry);
        }
        entries[p] = entry;
        count += entry.findings.length;
        for (let d = 0; d < documentRules.length; d++) digests[d]![p] = digestOf(entry, d);
      }
      cache = next;
      const findings: Finding[] = new Array(count);
      let k = 0;
      for (let p = 0; p < paragraphs.length; p++) {
        const list = entries[p]!.findings;
        if (list.length === 0) continue;
        if (paragraphs[p]!.end + 1 < limit) for (let i = 0; i < list.length; i++) findings[k++] = list[i]!;
        else for (let i = 0; i < list.length; i++) findings[k++] = clamped(list[i]!, limit);
      }
      const documentFindings: Finding[] = [];
      for (let d = 0; d < documentRules.length; d++) {
        for (const f of documentRules[d]!.check(paragraphs, digests[d]!, text)) documentFindings.push(f);
      }
      if (documentFindings.length === 0) return findings;
      return merge(findings, withoutDoubleReports(documentFindings).sort(byPosition));
    },
  };
}

/**
 * A title line a 范文 page repeats is reported by repeated-title (cruft, with what the copy is); duplicates
 * finds the same line when it is long enough, and is not shown a second time for it.
 */
function withoutDoubleReports(findings: Finding[]): Finding[] {
  let titles: Set<number> | undefined;
  for (const f of findings) if (f.ruleId === 'repeated-title' && f.messageId === 'rules.cruft.repeatedTitle') (titles ??= new Set()).add(f.start);
  if (!titles) return findings;
  return findings.filter((f) => !(f.ruleId === 'duplicates' && titles!.has(f.start) && f.params?.count === 1));
}

/** All rules over one text, without caching. */
export function runRules(input: RuleInput, config?: RuleConfig): Finding[] {
  return createRuleRunner(config).run(input);
}

/** Literal and RegExp sources of every dictionary and pattern-pack entry, for the benchmark's one-pass floor. */
export function dictionaryPatterns(): string[] {
  return [
    ...officialNamesPack.entries.map((e) => e.trigger),
    ...spinPairsPack.entries.map((e) => e.trigger),
    ...placeholdersPack.entries.map((e) => e.pattern),
    ...cruftPack.entries.map((e) => e.pattern),
    ...eventsPack.anniversaries.map((e) => e.trigger),
    ...eventsPack.meetings.map((e) => e.trigger),
    ...eventsPack.guidance.map((e) => e.trigger),
    ...eventsPack.campaigns.map((e) => e.trigger),
  ];
}

export type { Rule, ParagraphRule, DocumentRule } from './types';
