// Matching engine for wrong → right dictionaries (规范表述, spin pairs, the user's own entries). All triggers of
// a dictionary are joined into one alternation and run once over a paragraph; at each hit only the entries that
// can start with that character are tried, each with its bounded before/after context. This is the same shape
// as the benchmark's one-pass floor plus a few sticky tests per hit.
import type { DictionaryEntry } from '../packs';
import type { Finding, Severity } from '../types';

/** How far back a `before`/`notBefore` context may look, in UTF-16 code units. */
const BEFORE_WINDOW = 24;

interface CompiledEntry {
  entry: DictionaryEntry;
  trigger: RegExp; // sticky
  before?: RegExp; // anchored at the end of the window
  notBefore?: RegExp;
  after?: RegExp; // sticky
  notAfter?: RegExp; // sticky
}

export interface CompiledDictionary {
  entries: readonly DictionaryEntry[];
  /** Finds all hits in one paragraph; offsets relative to it. */
  match(text: string): DictionaryHit[];
}

export interface DictionaryHit {
  entry: DictionaryEntry;
  start: number;
  end: number;
  /** The text the trigger matched. */
  matched: string;
  /** The trigger's replacement with $n filled in. */
  replacement: string;
}

const META = new Set('\\^$.*+?()[]{}|'.split(''));

/** The literal first character of a pattern, or undefined when it starts with a class, group or escape. */
function literalFirstChar(source: string): string | undefined {
  const first = source[0];
  if (first === undefined || META.has(first)) return undefined;
  const next = source[1];
  if (next === '?' || next === '*' || next === '{' || next === '+') return undefined;
  return first;
}

function compileEntry(entry: DictionaryEntry): CompiledEntry {
  return {
    entry,
    trigger: new RegExp(entry.trigger, 'y'),
    before: entry.before ? new RegExp(`(?:${entry.before})$`) : undefined,
    notBefore: entry.notBefore ? new RegExp(`(?:${entry.notBefore})$`) : undefined,
    after: entry.after ? new RegExp(entry.after, 'y') : undefined,
    notAfter: entry.notAfter ? new RegExp(entry.notAfter, 'y') : undefined,
  };
}

function stickyTest(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

export function compileDictionary(entries: readonly DictionaryEntry[]): CompiledDictionary {
  if (entries.length === 0) return { entries, match: () => [] };
  const compiled = entries.map(compileEntry);
  const byFirst = new Map<string, CompiledEntry[]>();
  const anyFirst: CompiledEntry[] = [];
  for (const c of compiled) {
    const first = literalFirstChar(c.entry.trigger);
    if (first === undefined) anyFirst.push(c);
    else byFirst.set(first, [...(byFirst.get(first) ?? []), c]);
  }
  // Triggers as non-capturing alternatives: the combined RegExp only finds candidate positions.
  const combined = new RegExp(entries.map((e) => `(?:${e.trigger})`).join('|'), 'g');

  function tryAt(text: string, at: number): DictionaryHit | undefined {
    const candidates = byFirst.get(text[at]!) ?? [];
    let best: DictionaryHit | undefined;
    for (const list of [candidates, anyFirst]) {
      for (const c of list) {
        c.trigger.lastIndex = at;
        const m = c.trigger.exec(text);
        if (!m || m[0].length === 0) continue;
        const end = at + m[0].length;
        if (best && end - at <= best.end - best.start) continue;
        if (c.before || c.notBefore) {
          const window = text.slice(Math.max(0, at - BEFORE_WINDOW), at);
          if (c.before && !c.before.test(window)) continue;
          if (c.notBefore && c.notBefore.test(window)) continue;
        }
        if (c.after && !stickyTest(c.after, text, end)) continue;
        if (c.notAfter && stickyTest(c.notAfter, text, end)) continue;
        const replacement = m[0].replace(new RegExp(c.entry.trigger), c.entry.right);
        best = { entry: c.entry, start: at, end, matched: m[0], replacement };
      }
    }
    return best;
  }

  return {
    entries,
    match(text) {
      const hits: DictionaryHit[] = [];
      combined.lastIndex = 0;
      for (let m = combined.exec(text); m; m = combined.exec(text)) {
        const hit = tryAt(text, m.index);
        if (hit) {
          hits.push(hit);
          combined.lastIndex = hit.end;
        } else {
          combined.lastIndex = m.index + 1;
        }
      }
      return hits;
    },
  };
}

/** Turns dictionary hits into findings of one rule. */
export function hitsToFindings(
  hits: readonly DictionaryHit[],
  ruleId: string,
  category: string,
  defaultSeverity: Severity,
  messageId: string,
): Finding[] {
  return hits.map((hit) => ({
    ruleId,
    category,
    severity: hit.entry.severity ?? defaultSeverity,
    start: hit.start,
    end: hit.end,
    messageId,
    params: { entry: hit.entry.id, wrong: hit.matched, right: hit.replacement, reason: hit.entry.reason },
    fix: { start: hit.start, end: hit.end, text: hit.replacement },
  }));
}
