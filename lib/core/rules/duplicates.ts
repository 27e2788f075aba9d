// duplicates — paragraphs and whole sections pasted twice, within a field or across the form's fields
// (the engine joins fields with a blank line). Exact copies (ignoring spaces) and near copies (≥ 90 % of
// character-bigram shingles shared, Jaccard) are found; the later copy is flagged, and consecutive copied
// paragraphs are reported as one section, so that one click (fix = delete) removes the whole pasted block.
// Why: the most common defect of pasted reports — the sample corpus repeats over 40 % of its characters.
// Short lines (headings such as 四、存在的不足) are only flagged inside a copied run, where their neighbours
// are copies of the original's neighbours: a short line repeated on its own is often legitimate.
// Candidates come from MinHash bands (one-permutation MinHash, see digest), so the cost grows with the text,
// not with its square.
// Severity: warning — copies are nearly always a mistake, but a form may legitimately repeat a standard
// sentence in two fields. Known false positive: two fields that must hold the same text by the portal's design.
import { excerpt } from './text';
import type { DocumentRule, Finding, Paragraph } from './types';

/** Normalised length below which a paragraph is only flagged as part of a copied run. */
const MIN_STANDALONE = 16;
/** Normalised length from which near (not exact) copies are looked for. */
const MIN_NEAR = 20;
const THRESHOLD = 0.9;

export interface DuplicateDigest {
  /** Text without whitespace and zero-width characters; equal keys are exact copies. */
  key: string;
  /** One key per MinHash band; empty for short paragraphs. */
  bands: string[];
  /** Unique shingle hashes, built on first use (only candidates need them). */
  shingles?: ShingleSet;
}

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const HAS_IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/;

/** Hash of the character bigram at i: bigrams are the natural shingle for Chinese, whose words are short. */
function shingleHash(key: string, i: number): number {
  const h = Math.imul(key.charCodeAt(i), 0x01000193) ^ key.charCodeAt(i + 1);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

/** No bigram fell in the bin. */
const EMPTY = 0xffffffff;
/** The eight bins' minima, reused by every digest (the bin a bigram falls in is random: a branch per bin
 * would be mispredicted most of the time, an indexed store is not). */
const binMinima = new Uint32Array(8);

/**
 * One-permutation MinHash: each bigram is hashed once (the shingle hash itself), its top three bits choose one
 * of eight bins, and each bin keeps its smallest hash. Two paragraphs agree on a bin with probability close to
 * their Jaccard similarity J, so a band of two bins collides with probability ≈ J², and a pair at J = 0.9
 * shares at least one of the four bands with probability 1 − 0.19⁴ ≈ 99.9 %. (Six separate hash functions per
 * bigram, as before, cost six times the hashing for three bands.) Candidates are confirmed by exact Jaccard
 * below, so a chance collision costs one comparison and never a finding.
 */
function digest(text: string): DuplicateDigest {
  const key = HAS_IGNORED.test(text) ? text.replace(IGNORED, '') : text;
  if (key.length < MIN_NEAR) return { key, bands: [] };
  const mins = binMinima.fill(EMPTY);
  for (let i = 0; i + 1 < key.length; i++) {
    // shingleHash ends with a multiplication, so its top bits (the bin) depend on every bit of the bigram.
    const x = shingleHash(key, i);
    const bin = x >>> 29;
    if (x < mins[bin]!) mins[bin] = x;
  }
  return { key, bands: [`0:${mins[0]}:${mins[1]}`, `1:${mins[2]}:${mins[3]}`, `2:${mins[4]}:${mins[5]}`, `3:${mins[6]}:${mins[7]}`] };
}


/**
 * A set of shingle hashes: the unique values, and an open-addressing table (linear probing, 0 = empty, the
 * hash 0 itself kept as a flag) to look them up. Building it is linear; sorting was the rule's main cost.
 * Both live in one arena shared by every set of a check (offsets, not arrays): a typed array per paragraph
 * cost more to allocate than to fill. A set belongs to the check that built it (`epoch`) and is rebuilt by a
 * later one, which reuses the arena from the start.
 */
interface ShingleSet {
  epoch: number;
  values: number;
  count: number;
  table: number;
  mask: number;
  hasZero: boolean;
  /** Offset of one occurrence count per table slot: how often the paragraph has that shingle. */
  counts: number;
  zeroCount: number;
}

let arena = new Uint32Array(1 << 14);
let arenaTop = 0;
let epoch = 0;

/** Starts a check: sets built by earlier checks are dropped and the arena is reused. */
function resetArena(): void {
  // A long document grew it; once texts are short again, give the memory back.
  if (arena.length > 1 << 20 && arenaTop < arena.length / 4) arena = new Uint32Array(Math.max(1 << 14, arenaTop * 2));
  epoch++;
  arenaTop = 0;
}

/** `size` words of the arena, zeroed. */
function allocate(size: number): number {
  if (arenaTop + size > arena.length) {
    let length = arena.length * 2;
    while (length < arenaTop + size) length *= 2;
    const grown = new Uint32Array(length);
    grown.set(arena.subarray(0, arenaTop));
    arena = grown;
  }
  const at = arenaTop;
  arenaTop += size;
  arena.fill(0, at, arenaTop);
  return at;
}

function shingles(d: DuplicateDigest): ShingleSet {
  if (d.shingles && d.shingles.epoch === epoch) return d.shingles;
  const count = Math.max(0, d.key.length - 1);
  let size = 8;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const table = allocate(size);
  const counts = allocate(size);
  const values = allocate(count);
  const words = arena;
  let n = 0;
  let hasZero = false;
  let zeroCount = 0;
  for (let i = 0; i < count; i++) {
    const h = shingleHash(d.key, i);
    if (h === 0) {
      if (!hasZero) words[values + n++] = 0;
      hasZero = true;
      zeroCount++;
      continue;
    }
    let slot = h & mask;
    while (words[table + slot] !== 0 && words[table + slot] !== h) slot = (slot + 1) & mask;
    if (words[table + slot] === 0) {
      words[table + slot] = h;
      words[values + n++] = h;
    }
    words[counts + slot] = words[counts + slot]! + 1;
  }
  d.shingles = { epoch, values, count: n, table, mask, hasZero, counts, zeroCount };
  return d.shingles;
}

/**
 * Jaccard similarity of two shingle sets, or -1 as soon as it cannot reach `need`: both/(|x|+|y|-both) ≥ need
 * needs both ≥ need(|x|+|y|)/(1+need), and each value of the smaller set missing from the larger lowers the
 * best possible intersection by one (one extra miss is allowed so that rounding never cuts a pair that passes).
 */
function jaccard(a: DuplicateDigest, b: DuplicateDigest, need: number): number {
  const sa = shingles(a);
  const sb = shingles(b);
  const small = sa.count <= sb.count ? sa : sb;
  const large = small === sa ? sb : sa;
  const total = sa.count + sb.count;
  const maxMisses = small.count - (need * total) / (1 + need) + 1;
  const words = arena;
  const mask = large.mask;
  const table = large.table;
  let misses = 0;
  let both = 0;
  for (let i = small.values, end = small.values + small.count; i < end; i++) {
    const h = words[i]!;
    let found: boolean;
    if (h === 0) found = large.hasZero;
    else {
      let slot = h & mask;
      let v = words[table + slot]!;
      while (v !== h && v !== 0) {
        slot = (slot + 1) & mask;
        v = words[table + slot]!;
      }
      found = v === h;
    }
    if (found) both++;
    else if (++misses > maxMisses) return -1;
  }
  const union = total - both;
  return union === 0 ? 0 : both / union;
}

/** Where a shingle sits in a set's table, or -1 when the set lacks it (the hash 0 answers -2 when present). */
function slotOf(set: ShingleSet, words: Uint32Array, h: number): number {
  if (h === 0) return set.hasZero ? -2 : -1;
  let slot = h & set.mask;
  for (;;) {
    const v = words[set.table + slot]!;
    if (v === h) return slot;
    if (v === 0) return -1;
    slot = (slot + 1) & set.mask;
  }
}

/** Comparisons made so far; stamps the scratch tables below (never reset, so no old entry reads as current). */
let comparison = 0;
let scratchSize = 0;
let midKeys = new Uint32Array(0);
let midStamps = new Uint32Array(0);
let midCounts = new Uint32Array(0);
let newKeys = new Uint32Array(0);
let newStamps = new Uint32Array(0);
const midUnique: number[] = [];

/**
 * Jaccard similarity of a near copy, from what differs only. Two paragraphs that share a prefix P and a suffix
 * S differ in their middles: E = P·x·S (the earlier one, whose set counts each shingle's occurrences) and
 * N = P·y·S. Shingles inside P or S (the common set C) are in both. So N∖E is the middle shingles of N missing
 * from E, and E∖N is the middle shingles x of E that are not in C — x is in C when E has it more often than its
 * middle does — nor in N's middle. Then |E∪N| = |E| + |N∖E| and |E∩N| = |E| − |E∖N|: exactly the set
 * Jaccard, reading only the middles. Undefined when the middles are long (an edit throughout the paragraph):
 * then building both sets is no dearer.
 */
function nearCopyJaccard(later: DuplicateDigest, earlier: DuplicateDigest): number | undefined {
  const e = earlier.key;
  const n = later.key;
  const shorter = Math.min(e.length, n.length);
  let p = 0;
  while (p < shorter && e.charCodeAt(p) === n.charCodeAt(p)) p++;
  let q = 0;
  while (q < shorter - p && e.charCodeAt(e.length - 1 - q) === n.charCodeAt(n.length - 1 - q)) q++;
  // Middle shingles: those starting at p − 1 … length − q − 1 (the ones not wholly inside P or S).
  const from = Math.max(0, p - 1);
  const eEnd = Math.min(e.length - 1, e.length - q);
  const nEnd = Math.min(n.length - 1, n.length - q);
  const eMiddle = Math.max(0, eEnd - from);
  const nMiddle = Math.max(0, nEnd - from);
  if (eMiddle + nMiddle > (e.length + n.length) / 4) return undefined;

  const set = shingles(earlier);
  const words = arena;
  let size = 16;
  while (size < (eMiddle + nMiddle) * 2) size <<= 1;
  if (scratchSize < size) {
    scratchSize = size;
    midKeys = new Uint32Array(size);
    midStamps = new Uint32Array(size);
    midCounts = new Uint32Array(size);
    newKeys = new Uint32Array(size);
    newStamps = new Uint32Array(size);
  }
  if (comparison === 0xffffffff) {
    midStamps.fill(0);
    newStamps.fill(0);
    comparison = 0;
  }
  const stamp = ++comparison;
  const mask = size - 1;

  // N's middle: its distinct shingles, and how many of them E lacks.
  let newMissing = 0;
  for (let i = from; i < nEnd; i++) {
    const h = shingleHash(n, i);
    let slot = h & mask;
    while (newStamps[slot] === stamp && newKeys[slot] !== h) slot = (slot + 1) & mask;
    if (newStamps[slot] === stamp) continue;
    newStamps[slot] = stamp;
    newKeys[slot] = h;
    if (slotOf(set, words, h) === -1) newMissing++;
  }
  // E's middle: each distinct shingle with its count there.
  midUnique.length = 0;
  for (let i = from; i < eEnd; i++) {
    const h = shingleHash(e, i);
    let slot = h & mask;
    while (midStamps[slot] === stamp && midKeys[slot] !== h) slot = (slot + 1) & mask;
    if (midStamps[slot] === stamp) {
      midCounts[slot] = midCounts[slot]! + 1;
      continue;
    }
    midStamps[slot] = stamp;
    midKeys[slot] = h;
    midCounts[slot] = 1;
    midUnique.push(slot);
  }
  let earlierOnly = 0;
  for (const slot of midUnique) {
    const h = midKeys[slot]!;
    const at = slotOf(set, words, h);
    const total = at === -2 ? set.zeroCount : words[set.counts + at]!;
    if (total > midCounts[slot]!) continue; // also in P or S: N has it
    let k = h & mask;
    while (newStamps[k] === stamp && newKeys[k] !== h) k = (k + 1) & mask;
    if (newStamps[k] !== stamp) earlierOnly++;
  }
  const union = set.count + newMissing;
  return union === 0 ? 0 : (set.count - earlierOnly) / union;
}

/** Jaccard similarity of two paragraphs' shingle sets, as the rule computes it (for tests). */
export function shingleSimilarity(later: string, earlier: string): { fast: number | undefined; full: number } {
  resetArena();
  const a = digest(later);
  const b = digest(earlier);
  return { fast: nearCopyJaccard(a, b), full: jaccard(a, b, 0) };
}

interface Copy {
  original: number;
  similarity: number;
}

function findCopies(digests: readonly DuplicateDigest[]): (Copy | undefined)[] {
  resetArena();
  const copies: (Copy | undefined)[] = new Array(digests.length);
  const byKey = new Map<string, number[]>();
  const byBand = new Map<string, number[]>();
  const shortOnes: number[] = [];
  for (let i = 0; i < digests.length; i++) {
    const d = digests[i]!;
    if (d.key.length === 0) continue;
    const same = byKey.get(d.key);
    if (d.key.length >= MIN_STANDALONE) {
      if (same) copies[i] = { original: same[0]!, similarity: 1 };
      else if (d.bands.length > 0) {
        // The original is the earliest near copy, as it is the first of exact copies: candidates are tried in
        // order and the first that passes ends the search.
        const candidates: number[] = [];
        for (const band of d.bands) {
          const list = byBand.get(band);
          if (list) for (const j of list) candidates.push(j);
        }
        if (d.bands.length > 1) candidates.sort((a, b) => a - b);
        let previous = -1;
        for (const j of candidates) {
          if (j === previous) continue;
          previous = j;
          const other = digests[j]!;
          const ratio = Math.min(other.key.length, d.key.length) / Math.max(other.key.length, d.key.length);
          if (ratio < THRESHOLD) continue;
          const similarity = nearCopyJaccard(d, other) ?? jaccard(d, other, THRESHOLD);
          if (similarity >= THRESHOLD) {
            copies[i] = { original: j, similarity };
            break;
          }
        }
      }
    } else if (same) {
      shortOnes.push(i);
    }
    if (same) same.push(i);
    else byKey.set(d.key, [i]);
    for (const band of d.bands) {
      const list = byBand.get(band);
      if (list) list.push(i);
      else byBand.set(band, [i]);
    }
  }
  // Short lines join a copied run when their neighbour is a copy of their original's neighbour.
  const nonEmpty = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < digests.length; k += step) if (digests[k]!.key.length > 0) return k;
    return -1;
  };
  for (let pass = 0; pass < 2; pass++) {
    for (const i of pass === 0 ? shortOnes : [...shortOnes].reverse()) {
      if (copies[i]) continue;
      const earlier = byKey.get(digests[i]!.key)!.filter((j) => j < i);
      const prev = nonEmpty(i, -1);
      const next = nonEmpty(i, 1);
      const prevCopy = prev >= 0 ? copies[prev] : undefined;
      const nextCopy = next >= 0 ? copies[next] : undefined;
      const original = earlier.find(
        (j) =>
          (prevCopy !== undefined && nonEmpty(prevCopy.original, 1) === j) ||
          (nextCopy !== undefined && nonEmpty(nextCopy.original, -1) === j),
      );
      if (original !== undefined) copies[i] = { original, similarity: 1 };
    }
  }
  return copies;
}

export const duplicates: DocumentRule<DuplicateDigest> = {
  id: 'duplicates',
  category: 'duplicate',
  scope: 'document',
  prepare: digest,
  check(paragraphs: readonly Paragraph[], digests: readonly DuplicateDigest[], text: string): Finding[] {
    const copies = findCopies(digests);
    const out: Finding[] = [];
    let i = 0;
    while (i < paragraphs.length) {
      if (!copies[i]) {
        i++;
        continue;
      }
      // A run: copied paragraphs with only empty lines between them.
      let last = i;
      let count = 1;
      let similarity = copies[i]!.similarity;
      for (let k = i + 1; k < paragraphs.length; k++) {
        if (digests[k]!.key.length === 0) continue;
        if (!copies[k]) break;
        last = k;
        count++;
        similarity = Math.min(similarity, copies[k]!.similarity);
      }
      const start = paragraphs[i]!.start;
      const end = paragraphs[last]!.end;
      // Delete the lines with their line break: the one after the block, or the one before it at the end.
      const fix =
        last + 1 < paragraphs.length
          ? { start, end: paragraphs[last + 1]!.start, text: '' }
          : { start: i > 0 ? paragraphs[i - 1]!.end : start, end: text.length, text: '' };
      const original = paragraphs[copies[i]!.original]!;
      out.push({
        ruleId: 'duplicates',
        category: 'duplicate',
        severity: 'warning',
        start,
        end,
        messageId: count > 1 ? 'rules.duplicate.section' : 'rules.duplicate.paragraph',
        params: { count, excerpt: excerpt(original.text), similarity: Math.floor(similarity * 100) },
        fix,
      });
      i = last + 1;
    }
    return out;
  },
};
