// Matching engine for wrong → right dictionaries (规范表述, spin pairs, the user's own entries). One pass finds
// the positions where some trigger can start (a table of the triggers' first characters); there only the entries starting with that character — and, where the trigger begins with
// two literal characters, only those whose second character follows — are tried, each with its bounded
// before/after context. Triggers that begin with a group or a class get a scan of their own, run only in
// paragraphs that contain the literal every match of the trigger must contain (本事 in (工作|学习)本事).
// An entry may stay out of 《》 document titles (`quotes: 'outside'`): the paragraph's quoted spans are found
// once, on the first hit that asks, and each hit is located among them by binary search. An entry may also be
// cancelled by a literal earlier in the paragraph (`notEarlier`), whose first position is looked up once.
import type { DictionaryEntry } from '../packs';
import { literalPresence } from './literal-filter';
import { NO_FINDINGS } from './text';
import type { Finding, Severity } from '../types';

/** How far back a `before`/`notBefore` context may look, in UTF-16 code units. */
const BEFORE_WINDOW = 24;
/**
 * How far an unclosed 《 (or a 》 with no 《 before it in the paragraph) is taken to reach: a title torn apart by
 * a line break is still a title on both lines, but a stray mark must not shelter the rest of a long paragraph.
 */
const UNCLOSED_REACH = 80;
const QUOTE_MARK = /[《》]/g;

/**
 * The paragraph's 《…》 spans as sorted, disjoint [start, end) pairs in one flat list (start is the 《, end the
 * 》). One pass, jumping from mark to mark. Nested 〈〉 and 《》 inside a title stay inside its span.
 */
export function quotedSpans(text: string): number[] {
  const spans: number[] = [];
  if (text.indexOf('《') < 0 && text.indexOf('》') < 0) return spans;
  const push = (start: number, end: number) => {
    // A 》 with no 《 reaches back over earlier spans: merge them.
    while (spans.length > 0 && spans[spans.length - 1]! > start) {
      start = Math.min(start, spans[spans.length - 2]!);
      spans.length -= 2;
    }
    spans.push(start, end);
  };
  let depth = 0;
  let open = 0;
  QUOTE_MARK.lastIndex = 0;
  while (QUOTE_MARK.test(text)) {
    const at = QUOTE_MARK.lastIndex - 1;
    if (text.charCodeAt(at) === 0x300a /* 《 */) {
      if (depth === 0) open = at;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) push(open, at + 1);
    } else {
      push(Math.max(0, at - UNCLOSED_REACH), at + 1);
    }
  }
  if (depth > 0) push(open, Math.min(text.length, open + UNCLOSED_REACH));
  return spans;
}

/** Whether `at` lies inside one of the spans (after its 《, before its 》). */
function insideSpans(spans: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = spans[2 * mid]!;
    const end = spans[2 * mid + 1]!;
    if (at <= start) hi = mid - 1;
    else if (at >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

interface CompiledEntry {
  entry: DictionaryEntry;
  /** The trigger's literal prefix (see literalPrefix), compared before the RegExp runs. */
  prefix: string;
  /** UTF-16 code of the trigger's second character when its first two are literal, else -1. */
  second: number;
  /** The same for the third character: entries that share two characters (职责制, 职责自觉, 职责担当) are told apart
   * by one load before a startsWith. */
  third: number;
  /** The whole trigger is its literal prefix (职责, 价值确定): where the prefix stands, it is the match. */
  literal: boolean;
  trigger: RegExp; // sticky
  /** The trigger unanchored, for filling $n into the replacement (compiled once, not per hit). */
  replace: RegExp;
  /** The replacement of every hit, when it is the same for all: a literal trigger whose `right` has no $
   * pattern (replacing the whole match with plain text gives the text). */
  fixed: string | undefined;
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

/** The literal characters a pattern starts with (each one certain to be matched), possibly none. */
export function literalPrefix(source: string): string {
  let i = 0;
  while (i < source.length && !META.has(source[i]!)) i++;
  const next = source[i];
  // A quantifier makes the character before it optional or repeated: it is no longer a certain prefix.
  if (next === '?' || next === '*' || next === '{' || next === '+') i--;
  return source.slice(0, Math.max(0, i));
}

/**
 * The longest run of literal characters that every match of a pattern contains, or '' when none is certain
 * (a top-level alternation, or nothing but groups and classes). Conservative: escapes, classes and groups end
 * a run, and a quantified character is left out of it.
 */
export function requiredLiteral(source: string): string {
  let best = '';
  let run = '';
  let depth = 0;
  const commit = (text: string) => {
    if (text.length > best.length) best = text;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      commit(run);
      i++;
    } else if (c === '[') {
      commit(run);
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      commit(run);
      depth++;
    } else if (c === ')') {
      commit(run);
      depth--;
    } else if (depth > 0) {
      continue;
    } else if (c === '|') {
      return '';
    } else if (c === '?' || c === '*' || c === '{') {
      commit(run.slice(0, -1));
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
    } else if (c === '+') {
      commit(run);
    } else if (META.has(c)) {
      commit(run);
    } else {
      run += c;
    }
  }
  commit(run);
  return best;
}

function compileEntry(entry: DictionaryEntry): CompiledEntry {
  const prefix = literalPrefix(entry.trigger);
  const literal = prefix !== '' && prefix === entry.trigger;
  return {
    entry,
    prefix,
    second: prefix.length >= 2 ? prefix.charCodeAt(1) : -1,
    third: prefix.length >= 3 ? prefix.charCodeAt(2) : -1,
    literal,
    trigger: new RegExp(entry.trigger, 'y'),
    replace: new RegExp(entry.trigger),
    fixed: literal && !entry.right.includes('$') ? entry.right : undefined,
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

/** An entry and the dictionary (index in compileDictionaries' argument) it belongs to. */
interface Listed {
  c: CompiledEntry;
  d: number;
}

/**
 * Several dictionaries matched in one pass: each returned view gives exactly what matching its dictionary alone
 * would give (per position the longest hit, overlaps dropped), but the paragraph is scanned once for all of them (规范表述, spin pairs and
 * the user's entries are three rules over the same text). The last paragraph's hits are kept, so the second
 * and third rule asking about it get them without another scan.
 */
export function compileDictionaries(dictionaries: ReadonlyArray<readonly DictionaryEntry[]>): CompiledDictionary[] {
  const count = dictionaries.length;
  const byFirstCode = new Map<number, Listed[]>();
  const anyFirst: { entry: CompiledEntry; d: number; scan: RegExp; required: string; bit: number; confirm: boolean }[] = [];
  dictionaries.forEach((entries, d) => {
    for (const entry of entries) {
      const c = compileEntry(entry);
      if (c.prefix === '') {
        anyFirst.push({ entry: c, d, scan: new RegExp(entry.trigger, 'g'), required: requiredLiteral(entry.trigger), bit: 0, confirm: false });
      } else {
        const code = c.prefix.charCodeAt(0);
        byFirstCode.set(code, [...(byFirstCode.get(code) ?? []), { c, d }]);
      }
    }
  });
  // A table of every literal first character (by UTF-16 code unit) finds candidate positions in one loop over
  // the paragraph without a match object per position. (An alternation of all triggers is several times slower
  // in V8, and so is a global RegExp of the first characters advanced with test(): the stops are too frequent.)
  // slot[code] indexes `lists` (0: no trigger starts with that code unit): one typed-array read per character,
  // and no Map lookup at the positions where a trigger can start.
  const slot = new Uint16Array(0x10000);
  const lists: Listed[][] = [[]];
  for (const [code, list] of byFirstCode) {
    slot[code] = lists.length;
    lists.push(list);
  }

  // Per paragraph, filled on first need: its quoted spans, and where each notEarlier literal first stands.
  let spansText: string | undefined;
  let spans: number[] = [];
  let earlierText: string | undefined;
  const firstAt = new Map<string, number>();

  /** The hit of entry `c` at `at`, if its trigger and contexts match there. A literal trigger is not run: the
   * scan below calls this only where the prefix stands (the first character from the table, the second and
   * third compared, a longer prefix read with startsWith), which for a literal trigger is the match. */
  function accept(c: CompiledEntry, text: string, at: number): DictionaryHit | undefined {
    let matched: string;
    if (c.literal) matched = c.prefix;
    else {
      c.trigger.lastIndex = at;
      const m = c.trigger.exec(text);
      if (!m || m[0].length === 0) return undefined;
      matched = m[0];
    }
    const end = at + matched.length;
    if (c.before || c.notBefore) {
      const window = text.slice(Math.max(0, at - BEFORE_WINDOW), at);
      if (c.before && !c.before.test(window)) return undefined;
      if (c.notBefore && c.notBefore.test(window)) return undefined;
    }
    if (c.after && !stickyTest(c.after, text, end)) return undefined;
    if (c.notAfter && stickyTest(c.notAfter, text, end)) return undefined;
    const literal = c.entry.notEarlier;
    if (literal !== undefined) {
      if (earlierText !== text) {
        earlierText = text;
        firstAt.clear();
      }
      let first = firstAt.get(literal);
      if (first === undefined) {
        first = text.indexOf(literal);
        firstAt.set(literal, first);
      }
      if (first >= 0 && first < at) return undefined;
    }
    if (c.entry.quotes === 'outside') {
      if (spansText !== text) {
        spansText = text;
        spans = quotedSpans(text);
      }
      if (spans.length > 0 && insideSpans(spans, at)) return undefined;
    }
    const replacement = c.fixed ?? matched.replace(c.replace, c.entry.right);
    return { entry: c.entry, start: at, end, matched, replacement };
  }

  // The entries without a literal first character are each tried only where the literal every match of theirs
  // holds is in the paragraph: one table pass gives which of those literals it holds (思想, 职责, 届 …), instead
  // of one indexOf per entry on every paragraph. An entry with no such literal is tried on every paragraph;
  // literals past the 31st share a bit, and an entry with one of them confirms its own with indexOf.
  const required = [...new Set(anyFirst.map((e) => e.required).filter((r) => r !== ''))];
  for (const e of anyFirst) {
    if (e.required === '') continue;
    const k = required.indexOf(e.required);
    e.bit = 1 << Math.min(k, 30);
    e.confirm = k >= 30;
  }
  const presence = required.length > 0 ? literalPresence(required) : undefined;

  let lastText: string | undefined;
  let lastHits: DictionaryHit[][] = [];
  const best: (DictionaryHit | undefined)[] = new Array(count);

  // Most paragraphs have no hit: they share one result (never changed) rather than allocate eight lists each.
  const noHits: DictionaryHit[][] = dictionaries.map(() => []);

  function matchAll(text: string): DictionaryHit[][] {
    if (text === lastText) return lastHits;
    let hits: DictionaryHit[][] | undefined;
    if (lists.length > 1) {
      for (let i = nextCandidate(text, 0, slot); i < text.length; i = nextCandidate(text, i + 1, slot)) {
        const at = slot[text.charCodeAt(i)]!;
        const second = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
        const list = lists[at]!;
        let any = false;
        for (let k = 0; k < list.length; k++) {
          const { c, d } = list[k]!;
          if (c.second !== -1 && c.second !== second) continue;
          if (c.third !== -1 && c.third !== text.charCodeAt(i + 2)) continue;
          if (c.prefix.length > 3 && !text.startsWith(c.prefix, i)) continue;
          const hit = accept(c, text, i);
          if (!hit) continue;
          // Per dictionary, the longest hit at a position (the first of equally long ones).
          const current = best[d];
          if (!current || hit.end > current.end) best[d] = hit;
          any = true;
        }
        if (!any) continue;
        hits ??= dictionaries.map(() => []);
        for (let d = 0; d < count; d++) {
          if (best[d]) {
            hits[d]!.push(best[d]!);
            best[d] = undefined;
          }
        }
      }
    }
    let unordered: boolean[] | undefined;
    const present = presence !== undefined ? presence(text) : 0;
    for (const { entry, d, scan, required, bit, confirm } of anyFirst) {
      if (bit !== 0 && ((present & bit) === 0 || (confirm && text.indexOf(required) < 0))) continue;
      scan.lastIndex = 0;
      for (let m = scan.exec(text); m; m = scan.exec(text)) {
        if (m[0].length === 0) {
          scan.lastIndex++;
          continue;
        }
        const hit = accept(entry, text, m.index);
        if (hit) {
          (hits ??= dictionaries.map(() => []))[d]!.push(hit);
          (unordered ??= new Array<boolean>(count).fill(false))[d] = true;
        } else scan.lastIndex = m.index + 1;
      }
    }
    lastText = text;
    lastHits = hits
      ? hits.map((list, d) => dropOverlaps(unordered?.[d] ? list.sort((a, b) => a.start - b.start || b.end - a.end) : list))
      : noHits;
    return lastHits;
  }

  return dictionaries.map((entries, d) => ({
    entries,
    match: entries.length === 0 ? () => NO_HITS : (text: string) => matchAll(text)[d]!,
  }));
}

/**
 * The first position from `from` whose character starts some trigger (text.length when none does). A loop of its
 * own: inside matchAll, with the entries' checks around it, the same loop ran several times slower.
 */
function nextCandidate(text: string, from: number, slot: Uint16Array): number {
  let i = from;
  while (i < text.length && slot[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** Keeps the first (and, at equal starts, the longest) of overlapping hits; input sorted by start. */
function dropOverlaps(hits: DictionaryHit[]): DictionaryHit[] {
  const out: DictionaryHit[] = [];
  let end = -1;
  for (const hit of hits) {
    if (hit.start < end) continue;
    out.push(hit);
    end = hit.end;
  }
  return out;
}

/** The hits of a dictionary with no entries: one shared list, never added to (three rules ask about every
 * paragraph, and nearly every answer is empty; a paragraph without hits likewise gets the shared NO_FINDINGS). */
const NO_HITS: DictionaryHit[] = [];

/** Turns dictionary hits into findings of one rule. */
export function hitsToFindings(
  hits: readonly DictionaryHit[],
  ruleId: string,
  category: string,
  defaultSeverity: Severity,
  messageId: string,
): Finding[] {
  if (hits.length === 0) return NO_FINDINGS;
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
