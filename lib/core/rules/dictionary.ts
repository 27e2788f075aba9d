// Matching engine for wrong → right dictionaries (规范表述, spin pairs, the user's own entries). One pass finds
// the positions where some trigger can start (a table of the triggers' first characters); there only the entries starting with that character — and, where the trigger begins with
// two literal characters, only those whose second character follows — are tried, each with its bounded
// before/after context. Triggers that begin with a group or a class get a scan of their own, run only in
// paragraphs that contain the literal every match of the trigger must contain (本事 in (工作|学习)本事).
import type { DictionaryEntry } from '../packs';
import type { Finding, Severity } from '../types';

/** How far back a `before`/`notBefore` context may look, in UTF-16 code units. */
const BEFORE_WINDOW = 24;

interface CompiledEntry {
  entry: DictionaryEntry;
  /** The trigger's literal prefix (see literalPrefix), compared before the RegExp runs. */
  prefix: string;
  /** UTF-16 code of the trigger's second character when its first two are literal, else -1. */
  second: number;
  trigger: RegExp; // sticky
  /** The trigger unanchored, for filling $n into the replacement (compiled once, not per hit). */
  replace: RegExp;
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
  return {
    entry,
    prefix,
    second: prefix.length >= 2 ? prefix.charCodeAt(1) : -1,
    trigger: new RegExp(entry.trigger, 'y'),
    replace: new RegExp(entry.trigger),
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
  const anyFirst: { entry: CompiledEntry; d: number; scan: RegExp; required: string }[] = [];
  dictionaries.forEach((entries, d) => {
    for (const entry of entries) {
      const c = compileEntry(entry);
      if (c.prefix === '') {
        anyFirst.push({ entry: c, d, scan: new RegExp(entry.trigger, 'g'), required: requiredLiteral(entry.trigger) });
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

  function accept(c: CompiledEntry, text: string, at: number): DictionaryHit | undefined {
    c.trigger.lastIndex = at;
    const m = c.trigger.exec(text);
    if (!m || m[0].length === 0) return undefined;
    const end = at + m[0].length;
    if (c.before || c.notBefore) {
      const window = text.slice(Math.max(0, at - BEFORE_WINDOW), at);
      if (c.before && !c.before.test(window)) return undefined;
      if (c.notBefore && c.notBefore.test(window)) return undefined;
    }
    if (c.after && !stickyTest(c.after, text, end)) return undefined;
    if (c.notAfter && stickyTest(c.notAfter, text, end)) return undefined;
    const replacement = m[0].replace(c.replace, c.entry.right);
    return { entry: c.entry, start: at, end, matched: m[0], replacement };
  }

  let lastText: string | undefined;
  let lastHits: DictionaryHit[][] = [];
  const best: (DictionaryHit | undefined)[] = new Array(count);

  function matchAll(text: string): DictionaryHit[][] {
    if (text === lastText) return lastHits;
    const hits: DictionaryHit[][] = dictionaries.map(() => []);
    if (lists.length > 1) {
      for (let i = 0; i < text.length; i++) {
        const at = slot[text.charCodeAt(i)]!;
        if (at === 0) continue;
        const second = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
        const list = lists[at]!;
        let any = false;
        for (let k = 0; k < list.length; k++) {
          const { c, d } = list[k]!;
          if (c.second !== -1 && c.second !== second) continue;
          if (c.prefix.length > 2 && !text.startsWith(c.prefix, i)) continue;
          const hit = accept(c, text, i);
          if (!hit) continue;
          // Per dictionary, the longest hit at a position (the first of equally long ones).
          const current = best[d];
          if (!current || hit.end > current.end) best[d] = hit;
          any = true;
        }
        if (!any) continue;
        for (let d = 0; d < count; d++) {
          if (best[d]) {
            hits[d]!.push(best[d]!);
            best[d] = undefined;
          }
        }
      }
    }
    const unordered = new Array<boolean>(count).fill(false);
    for (const { entry, d, scan, required } of anyFirst) {
      if (required !== '' && text.indexOf(required) < 0) continue;
      scan.lastIndex = 0;
      for (let m = scan.exec(text); m; m = scan.exec(text)) {
        if (m[0].length === 0) {
          scan.lastIndex++;
          continue;
        }
        const hit = accept(entry, text, m.index);
        if (hit) {
          hits[d]!.push(hit);
          unordered[d] = true;
        } else scan.lastIndex = m.index + 1;
      }
    }
    lastText = text;
    lastHits = hits.map((list, d) => dropOverlaps(unordered[d] ? list.sort((a, b) => a.start - b.start || b.end - a.end) : list));
    return lastHits;
  }

  return dictionaries.map((entries, d) => ({
    entries,
    match: entries.length === 0 ? () => [] : (text: string) => matchAll(text)[d]!,
  }));
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
