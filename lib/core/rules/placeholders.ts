// placeholders — text left to be filled in: xx / XX / xxx, X次, 20XX年, **局, *年*月*日, __ / ＿＿, 某某,
// Tianbao's own variables left in by a scaffold or snippet ({{问题一}}),
// empty 【】（）《》, （此处填写…）, □□, and …… used as filler (《……》, 广大...员, 一是……二是……).
// Why: a submitted report with 副主任xx or 召开X次 is the most embarrassing defect of all, so these are
// blocking — the user sees them before the portal's submit goes through and decides.
// Data: lib/core/packs/placeholders.json. No fix: only the user knows the missing value.
// Known false positive: a product or model name such as "XXL" or "XX型"; a legitimate omission "……" between
// two Han characters inside a quotation.
import { placeholdersPack } from '../packs';
import { SCANNERS, type Emit } from './placeholder-scanners';
import { ELLIPSIS_CHARS, ellipsisRuns, isFillerEllipsis, NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

// One RegExp per entry: in V8 nine simple scans are several times faster than one alternation of all nine.
// The frequent entries are found by a hand-written scanner of the same pattern (placeholder-scanners.ts),
// which builds no match objects.
const specs = placeholdersPack.entries.map((e) => SCANNERS.get(e.pattern));
/** The scanners' sets of first characters, each collected in one list of positions per paragraph. */
const startSets = [...new Set(specs.flatMap((spec) => (spec ? [spec.starts] : [])))];
const patterns = placeholdersPack.entries.map((e, k) => ({
  id: e.id,
  re: new RegExp(e.pattern, 'g'),
  scan: specs[k]?.scan,
  list: specs[k] ? startSets.indexOf(specs[k].starts) : -1,
}));
/**
 * A character every pack pattern needs (an x, *, _, 某, an opening bracket, a brace or a box): a paragraph without one
 * — most lines of a roster or a log — skips the nine scans. tests/core/rules/fast-paths.test.ts checks that
 * no pattern matches where this does not.
 */
export const PLACEHOLDER_CHAR = /[xXｘＸ×*＊_＿某【（(《“〔[□■△▲○{｛]/;
const PLACEHOLDER_CHARS = [...PLACEHOLDER_CHAR.source.slice(1, -1)].filter((c) => c !== '\\');

/**
 * Per entry, the PLACEHOLDER_CHARs its pattern spells out; a match of the entry holds one of them (checked by
 * fast-paths.test.ts), so an entry none of whose characters the paragraph has is not scanned: a paragraph with
 * a （ runs the two bracket patterns, not all ten. Per UTF-16 code unit, the entries (bits) it can stand for.
 */
export const ENTRY_CHARS: readonly string[] = patterns.map(({ re }) => PLACEHOLDER_CHARS.filter((c) => re.source.includes(c)).join(''));
const entriesOf = new Uint32Array(0x10000);
/** An entry's bit; entries past the 30th share the last one, which every placeholder character sets. */
const bit = (e: number) => 1 << Math.min(e, 30);
ENTRY_CHARS.forEach((chars, e) => {
  for (const c of e >= 30 || chars === '' ? PLACEHOLDER_CHARS : chars) entriesOf[c.charCodeAt(0)]! |= bit(e);
});

/** Per UTF-16 code unit, the list of positions it goes in (its start set), or -1. */
const listOf = new Int8Array(0x10000).fill(-1);
startSets.forEach((chars, k) => {
  for (const c of chars) listOf[c.charCodeAt(0)] = k;
});
/** Per start set, where its characters are in the paragraph (entriesIn): lists[k][0 … counts[k]). */
const lists = startSets.map(() => new Int32Array(64));
const counts = new Int32Array(startSets.length);

/** The bits of the entries whose characters the paragraph holds, read from the first placeholder character on;
 * collects where the scanners' first characters are. */
function entriesIn(text: string, from: number): number {
  let mask = 0;
  counts.fill(0);
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entries = entriesOf[code]!;
    if (entries === 0) continue;
    mask |= entries;
    const k = listOf[code]!;
    if (k < 0) continue;
    let list = lists[k]!;
    if (counts[k] === list.length) {
      list = new Int32Array(list.length * 2);
      list.set(lists[k]!);
      lists[k] = list;
    }
    list[counts[k]!++] = i;
  }
  return mask;
}

const PLACEHOLDER_CHAR_G = new RegExp(PLACEHOLDER_CHAR.source, 'g');

/**
 * The params of a finding, shared by the findings of one entry and text: a form of nothing but placeholders
 * repeats a handful of them (xx, ____, x年x月x日) thousands of times, and every finding is kept until the
 * analysis is replaced, so an object and a string each were most of what the collector had to copy. Nothing
 * changes a finding's params (the runner's moved copies share them too). A table by a hash of the entry and the
 * text's characters, read without cutting the text out; a text whose few slots are taken gets params of its
 * own.
 */
type Params = { entry: string; text: string };
const PARAMS_SLOTS = 1024;
const PARAMS_PROBES = 4;
const sharedParams: (Params | undefined)[] = new Array(PARAMS_SLOTS).fill(undefined);
const sharedEntry = new Int32Array(PARAMS_SLOTS);

function paramsOf(entry: number, text: string, start: number, end: number): Params {
  let h = Math.imul(entry + 1, 0x9e3779b1);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let slot = (h ^ (h >>> 16)) & (PARAMS_SLOTS - 1);
  for (let probe = 0; probe < PARAMS_PROBES; probe++, slot = (slot + 1) & (PARAMS_SLOTS - 1)) {
    const params = sharedParams[slot];
    if (params === undefined) {
      const made = { entry: entryId(entry), text: text.slice(start, end) };
      sharedParams[slot] = made;
      sharedEntry[slot] = entry;
      return made;
    }
    if (sharedEntry[slot] === entry && params.text.length === end - start && text.startsWith(params.text, start)) return params;
  }
  return { entry: entryId(entry), text: text.slice(start, end) };
}

function finding(start: number, end: number, entry: number, text: string): Finding {
  return {
    ruleId: 'placeholders',
    category: 'placeholder',
    severity: 'blocking',
    start,
    end,
    messageId: 'rules.placeholder.message',
    params: paramsOf(entry, text, start, end),
  };
}

/** 年 月 日: the units between the parts of a date left blank. */
const isDateUnit = (code: number) => code === 0x5e74 || code === 0x6708 || code === 0x65e5;

// A paragraph's hits, in three parallel scratch lists (start, end, entry index) reused by every check: a form of
// nothing but placeholders has a dozen per line, and an object per hit was most of the rule's garbage.
let hitStart = new Int32Array(64);
let hitEnd = new Int32Array(64);
let hitEntry = new Int32Array(64);
let order = new Int32Array(64);
let hitCount = 0;
/** The findings' spans and entries (groups of touching hits, at most one per hit), before the list is made at
 * its length: grown by push, a paragraph's list kept room for a dozen more findings. */
let groupStart = new Int32Array(64);
let groupEnd = new Int32Array(64);
let groupEntry = new Int32Array(64);
/** The entry of a filler ellipsis: after every pack entry. */
const FILLER = patterns.length;

function addHit(start: number, end: number, entry: number): void {
  if (hitCount === hitStart.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    hitStart = grow(hitStart);
    hitEnd = grow(hitEnd);
    hitEntry = grow(hitEntry);
    order = new Int32Array(hitStart.length);
    groupStart = new Int32Array(hitStart.length);
    groupEnd = new Int32Array(hitStart.length);
    groupEntry = new Int32Array(hitStart.length);
  }
  hitStart[hitCount] = start;
  hitEnd[hitCount] = end;
  hitEntry[hitCount] = entry;
  hitCount++;
}

/** The entry a scanner is reporting for. */
let scanning = 0;
const addScanned: Emit = (start, end) => addHit(start, end, scanning);

/** Hit a before hit b: the earlier start, then the longer one, then the entry first in the pack (filler last). */
const before = (a: number, b: number) => hitStart[a]! - hitStart[b]! || hitEnd[b]! - hitEnd[a]! || hitEntry[a]! - hitEntry[b]! || a - b;

/** Fills `order` with the hits by position. Each entry's hits come in order, so a few insertions do on a line;
 * a long paragraph with many hits is sorted. */
function sortHits(): void {
  const n = hitCount;
  if (n > 48) {
    const list = Array.from({ length: n }, (_, i) => i).sort(before);
    for (let i = 0; i < n; i++) order[i] = list[i]!;
    return;
  }
  for (let i = 0; i < n; i++) {
    let j = i - 1;
    while (j >= 0 && before(order[j]!, i) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
}

const entryId = (e: number) => (e === FILLER ? 'filler-ellipsis' : patterns[e]!.id);

export const placeholders: ParagraphRule = {
  id: 'placeholders',
  category: 'placeholder',
  scope: 'paragraph',
  // A pattern's character, or one of an ellipsis (filler-ellipsis: …… in place of content).
  needs: PLACEHOLDER_CHARS.join('') + ELLIPSIS_CHARS,
  check(text, context) {
    hitCount = 0;
    const disabled = context.disabledEntries.size > 0 ? context.disabledEntries : undefined;
    PLACEHOLDER_CHAR_G.lastIndex = 0;
    if (PLACEHOLDER_CHAR_G.test(text)) {
      const present = entriesIn(text, PLACEHOLDER_CHAR_G.lastIndex - 1);
      for (let e = 0; e < patterns.length; e++) {
        if ((present & bit(e)) === 0) continue;
        const { id, re, scan } = patterns[e]!;
        if (disabled?.has(id)) continue;
        if (scan) {
          scanning = e;
          const k = patterns[e]!.list;
          scan(text, lists[k]!, counts[k]!, addScanned);
          continue;
        }
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) re.lastIndex++;
          else addHit(m.index, m.index + m[0].length, e);
        }
      }
    }
    if (!disabled?.has('filler-ellipsis')) {
      for (const run of ellipsisRuns(text)) {
        if (isFillerEllipsis(text, run)) addHit(run.start, run.end, FILLER);
      }
    }
    if (hitCount === 0) return NO_FINDINGS;
    // Entries may overlap (20XX is also an x-run): keep the earliest, longest one. Placeholders that touch
    // (xx____, 【】（ ）) or make up one date (20XX年X月X日, ____年____月) are one blank to fill in, and one
    // finding: a form of nothing but placeholders would otherwise give one finding every few characters.
    sortHits();
    let groups = 0;
    let start = hitStart[order[0]!]!;
    let end = hitEnd[order[0]!]!;
    let entry = hitEntry[order[0]!]!;
    let date = false;
    for (let i = 1; i <= hitCount; i++) {
      if (i < hitCount) {
        const h = order[i]!;
        const hs = hitStart[h]!;
        const he = hitEnd[h]!;
        const throughUnit = hs === end + 1 && isDateUnit(text.charCodeAt(end));
        if (hs <= end || throughUnit) {
          if (he > end && (hs === end || throughUnit)) {
            end = he;
            if (throughUnit) date = true;
          }
          continue;
        }
      }
      // A date's last unit belongs to it: 20XX年X月X日, not 20XX年X月X.
      groupStart[groups] = start;
      groupEnd[groups] = date && isDateUnit(text.charCodeAt(end)) ? end + 1 : end;
      groupEntry[groups++] = entry;
      if (i < hitCount) {
        const h = order[i]!;
        start = hitStart[h]!;
        end = hitEnd[h]!;
        entry = hitEntry[h]!;
      }
      date = false;
    }
    const out: Finding[] = new Array(groups);
    for (let g = 0; g < groups; g++) out[g] = finding(groupStart[g]!, groupEnd[g]!, groupEntry[g]!, text);
    return out;
  },
};
