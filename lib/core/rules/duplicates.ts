// duplicates — paragraphs and whole sections pasted twice, within a field or across the form's fields
// (the engine joins fields with a blank line). Exact copies (ignoring spaces) and near copies (≥ 90 % of
// character-bigram shingles shared, Jaccard) are found; the later copy is flagged, and consecutive copied
// paragraphs are reported as one section, so that one click (fix = delete) removes the whole pasted block.
// Why: the most common defect of pasted reports — the sample corpus repeats over 40 % of its characters.
// Short lines (headings such as 四、存在的不足) are only flagged inside a copied run, where their neighbours
// are copies of the original's neighbours: a short line repeated on its own is often legitimate.
// Near copies that differ only in figures, dates or a name are entries of a list (a roster, a meeting log),
// not copies, and are not flagged (see differsInData).
// Candidates come from MinHash bands (one-permutation MinHash, see digest), and each paragraph is compared with
// a bounded number of them (see FIRST_IN_BUCKET), so the cost grows with the text, not with its square.
// Severity: warning — copies are nearly always a mistake, but a form may legitimately repeat a standard
// sentence in two fields. Known false positive: two fields that must hold the same text by the portal's design.
// Known false negative: a paragraph pasted twice with one figure changed (全年开展12次 / 全年开展15次) reads as
// two entries of a list.
import { excerpt } from './text';
import type { DocumentRule, Finding, Paragraph } from './types';

/** Normalised length below which a paragraph is only flagged as part of a copied run. */
const MIN_STANDALONE = 16;
/** Normalised length from which near (not exact) copies are looked for. */
const MIN_NEAR = 20;
const THRESHOLD = 0.9;
/** THRESHOLD in tenths, for the length test without a division (0.9 × 10 is exactly 9 in floating point). */
const THRESHOLD_TENTHS = THRESHOLD * 10;

export interface DuplicateDigest {
  /** The paragraph as written. */
  text: string;
  /** Length of its key (the text without whitespace and zero-width characters; equal keys are exact copies). */
  length: number;
  /** The key, made on first use (keyOf): most paragraphs of a list are never compared, and their key was a
   * copy of each line with spaces (a roster's columns) that nothing read. */
  key: string | undefined;
  /** One 30-bit hash per MinHash band (four), as fields rather than an array: one object per paragraph, not
   * two. All -1 for short paragraphs (a band hash is never negative). */
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  /** A 32-bit hash of the key, for the exact-copy table (equal keys have equal hashes). */
  keyHash: number;
  /** The eight bins' minima, 7 bits of each: bins 0–3 and 4–7 (see agreeingBins). 0 for short paragraphs. */
  binsLow: number;
  binsHigh: number;
  /** Unique shingle hashes, built on first use (only candidates need them). */
  shingles: ShingleSet | undefined;
}

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const HAS_IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/;
/** HAS_IGNORED by UTF-16 code unit, read off the RegExp itself: the digest reads code units, not the RegExp. */
const IGNORED_CODES = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (HAS_IGNORED.test(String.fromCharCode(c))) IGNORED_CODES[c] = 1;

/** The paragraph's key: its text without whitespace and zero-width characters. */
function keyOf(d: DuplicateDigest): string {
  if (d.key === undefined) d.key = d.length === d.text.length ? d.text : d.text.replace(IGNORED, '');
  return d.key;
}

/** Hash of a character bigram: bigrams are the natural shingle for Chinese, whose words are short. */
function bigramHash(a: number, b: number): number {
  const h = Math.imul(a, 0x01000193) ^ b;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

/** Hash of the bigram of `key` at i. */
function shingleHash(key: string, i: number): number {
  return bigramHash(key.charCodeAt(i), key.charCodeAt(i + 1));
}

/** No bigram fell in the bin. */
const EMPTY = 0xffffffff;
/** The eight bins' minima, reused by every digest (the bin a bigram falls in is random: a branch per bin
 * would be mispredicted most of the time, an indexed store is not). */
const binMinima = new Uint32Array(8);

/** Band fields of a paragraph too short for near copies. */
const NO_BAND = -1;

/**
 * A band (its index and its two bins' minima) as one number that fits a small integer (30 bits), so that
 * buckets are found in a typed hash table rather than a Map of strings. Two bands that share a hash are
 * compared like any candidate; exact Jaccard decides, so a collision never makes a finding.
 */
function bandHash(band: number, a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(band + 1, 0x9e3779b9), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/**
 * One-permutation MinHash: each bigram is hashed once (the shingle hash itself), its top three bits choose one
 * of eight bins, and each bin keeps its smallest hash. Two paragraphs agree on a bin with probability close to
 * their Jaccard similarity J, so a band of two bins collides with probability ≈ J², and a pair at J = 0.9
 * shares at least one of the four bands with probability 1 − 0.19⁴ ≈ 99.9 %. (Six separate hash functions per
 * bigram, as before, cost six times the hashing for three bands.) Candidates are confirmed by exact Jaccard
 * below, so a chance collision costs one comparison and never a finding.
 */
function digest(text: string): DuplicateDigest {
  // One pass over the text, skipping what the key leaves out: the key's length and hash, and the bins' minima
  // over its bigrams (a bigram is two characters of the key, whatever was skipped between them).
  const mins = binMinima.fill(EMPTY);
  let h = 0x811c9dc5;
  let length = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (IGNORED_CODES[code] === 1) continue;
    length++;
    h = Math.imul(h ^ code, 0x01000193);
    if (previous >= 0) {
      // bigramHash ends with a multiplication, so its top bits (the bin) depend on every bit of the bigram.
      const x = bigramHash(previous, code);
      const bin = x >>> 29;
      if (x < mins[bin]!) mins[bin] = x;
    }
    previous = code;
  }
  if (length < MIN_NEAR) {
    return { text, length, key: undefined, keyHash: h | 0, binsLow: 0, binsHigh: 0, band0: NO_BAND, band1: NO_BAND, band2: NO_BAND, band3: NO_BAND, shingles: undefined };
  }
  return {
    text,
    length,
    key: undefined,
    keyHash: h | 0,
    binsLow: (mins[0]! & 0x7f) | ((mins[1]! & 0x7f) << 7) | ((mins[2]! & 0x7f) << 14) | ((mins[3]! & 0x7f) << 21),
    binsHigh: (mins[4]! & 0x7f) | ((mins[5]! & 0x7f) << 7) | ((mins[6]! & 0x7f) << 14) | ((mins[7]! & 0x7f) << 21),
    band0: bandHash(0, mins[0]!, mins[1]!),
    band1: bandHash(1, mins[2]!, mins[3]!),
    band2: bandHash(2, mins[4]!, mins[5]!),
    band3: bandHash(3, mins[6]!, mins[7]!),
    shingles: undefined,
  };
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
  const key = keyOf(d);
  const count = Math.max(0, d.length - 1);
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
    const h = shingleHash(key, i);
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

/** Lengths of the longest shared prefix p and of the longest shared suffix q that does not overlap it. */
function sharedEnds(e: string, n: string): { p: number; q: number } {
  const shorter = Math.min(e.length, n.length);
  let p = 0;
  while (p < shorter && e.charCodeAt(p) === n.charCodeAt(p)) p++;
  let q = 0;
  while (q < shorter - p && e.charCodeAt(e.length - 1 - q) === n.charCodeAt(n.length - 1 - q)) q++;
  return { p, q };
}

// What makes two lines of a list different entries rather than a copy: figures and dates (a roster's phone
// numbers, a log's dates, 第N次, amounts) and people's names. Characters of a figure or date: digits, Chinese
// numerals, the units and marks that go with them (DATA), the figures themselves (FIGURE).
const DATA = 1;
const FIGURE = 2;
const DATA_CODES = new Uint8Array(0x10000);
for (const c of '0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两') DATA_CODES[c.charCodeAt(0)] = DATA | FIGURE;
for (const c of '.．:：/-—~～%％年月日号时分秒点第次期届批个项人名件条篇家户元') DATA_CODES[c.charCodeAt(0)] = DATA;
/** Common surnames that are rarely the first character of a word in a report (施, 史, 于, 高… are left out). */
const SURNAMES = new Set('王李张刘陈杨赵吴徐孙胡郭罗郑梁冯邓彭肖董袁蒋蔡叶魏吕丁沈姚卢姜崔钟谭汪廖贾韦邹熊秦邱尹薛闫侯黎龚樊殷翟颜倪覃郝');

const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

/**
 * Whether the differing middles of two lines (between their shared prefix p and suffix q) are a person's name:
 * on both sides a run of Han characters that, with the characters of the prefix just before it, is a name of
 * two or three characters starting with a common surname (张三 → 李四, 张伟 → 张强).
 */
function differsInName(e: string, n: string, p: number, q: number): boolean {
  const eEnd = e.length - q;
  const nEnd = n.length - q;
  for (let back = 0; back <= 2 && back <= p; back++) {
    const from = p - back;
    if (!SURNAMES.has(e[from]!) || !SURNAMES.has(n[from]!)) continue;
    const eName = eEnd - from;
    const nName = nEnd - from;
    if (eName < 2 || eName > 3 || nName < 2 || nName > 3) continue;
    let han = true;
    for (let i = from; i < eEnd && han; i++) han = isHan(e.charCodeAt(i));
    for (let i = from; i < nEnd && han; i++) han = isHan(n.charCodeAt(i));
    if (han) return true;
  }
  return false;
}

/**
 * Two lines that differ only in figures, dates or a name are two entries of a list (a roster, a meeting log,
 * a list of dated actions), not a copy: the entries of such lists are meant to look alike. Read from the text:
 * between the shared prefix and suffix, the two middles are equal once their figure and date characters are
 * taken out (3月5日…共12人 / 4月7日…共15人: a date and a count differ, the words between them do not), and a
 * figure is among what differs; or the middles are a name on both sides. Code units only, no slice: it is asked
 * of most candidate pairs of a list before their shingle sets are built.
 */
export function differsInData(earlier: string, later: string): boolean {
  const { p, q } = sharedEnds(earlier, later);
  return differsInDataAt(earlier, later, p, q);
}

/** differsInData, given the lengths of the shared prefix p and suffix q (sharedEnds). */
function differsInDataAt(earlier: string, later: string, p: number, q: number): boolean {
  const xEnd = earlier.length - q;
  const yEnd = later.length - q;
  if (xEnd === p && yEnd === p) return false;
  if ((hasFigure(earlier, p, xEnd) || hasFigure(later, p, yEnd)) && equalWithoutData(earlier, p, xEnd, later, p, yEnd)) return true;
  return differsInName(earlier, later, p, q);
}

function hasFigure(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if ((DATA_CODES[text.charCodeAt(i)]! & FIGURE) !== 0) return true;
  return false;
}

/** Whether a[aFrom, aEnd) and b[bFrom, bEnd) are equal once every figure and date character is left out. */
function equalWithoutData(a: string, aFrom: number, aEnd: number, b: string, bFrom: number, bEnd: number): boolean {
  let i = aFrom;
  let j = bFrom;
  for (;;) {
    while (i < aEnd && DATA_CODES[a.charCodeAt(i)] !== 0) i++;
    while (j < bEnd && DATA_CODES[b.charCodeAt(j)] !== 0) j++;
    if (i >= aEnd || j >= bEnd) return i >= aEnd && j >= bEnd;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
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
 * then building both sets is no dearer. p and q are the lengths of P and S (sharedEnds of E and N).
 */
function nearCopyJaccard(later: DuplicateDigest, earlier: DuplicateDigest, p: number, q: number): number | undefined {
  const e = keyOf(earlier);
  const n = keyOf(later);
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
  const { p, q } = sharedEnds(keyOf(b), keyOf(a));
  return { fast: nearCopyJaccard(a, b, p, q), full: jaccard(a, b, 0) };
}

/**
 * Of the eight bins, how many two paragraphs agree on (their minima's low 7 bits equal; a chance equality of
 * different minima counts too, 1 in 128, which only lets more pairs through).
 *
 * A pair at Jaccard J ≥ THRESHOLD agrees on at least four: a bin's minimum over both sets differs between them
 * only when it is a shingle that one of them lacks, and each such shingle is the minimum of one bin at most. A
 * pair at J ≥ 0.9 lacks at most a tenth of its union on one side or the other, so up to 40 distinct shingles
 * (lines up to about 40 characters, a roster's or a log's) it has at most four such shingles and at least four
 * bins agree: the pair is never cut. In a longer pair a lacking shingle is its bin's minimum with a chance of
 * about one in the bin's size, so five disagreeing bins of eight are rarer than one in a thousand pairs at the
 * threshold, and rarer still above it. Comparing a pair costs building both shingle sets; most candidates of a
 * list (lines that share a column's words but not their names or figures) agree on two or three bins.
 */
function agreeingBins(a: DuplicateDigest, b: DuplicateDigest): number {
  let n = 0;
  for (let k = 0; k < 28; k += 7) {
    if (((a.binsLow >>> k) & 0x7f) === ((b.binsLow >>> k) & 0x7f)) n++;
    if (((a.binsHigh >>> k) & 0x7f) === ((b.binsHigh >>> k) & 0x7f)) n++;
  }
  return n;
}
const MIN_AGREEING_BINS = 4;

/**
 * How many bins two paragraphs of these key lengths must agree on to be at J ≥ THRESHOLD, exactly: a bin's
 * minima differ only where the two sets differ in a shingle of that bin, so at most |A Δ B| bins disagree. At
 * J ≥ 9/10, |A ∩ B| ≥ 9 |A Δ B|, and |A| + |B| = 2 |A ∩ B| + |A Δ B| ≥ 19 |A Δ B|; a key of length l has at
 * most l − 1 distinct shingles. So two lines of a list, some 25 characters each, must agree on six bins of
 * eight, not four: most of a list's candidates that look alike (a shared date or column) agree on four or five.
 * Longer paragraphs keep MIN_AGREEING_BINS (see agreeingBins).
 */
function binsNeeded(a: number, b: number): number {
  return Math.max(MIN_AGREEING_BINS, 8 - Math.floor((a + b - 2) / 19));
}

/** How many bins two paragraphs must agree on to be compared, by their lengths without whitespace (for tests). */
export function binsNeededFor(later: string, earlier: string): number {
  return binsNeeded(digest(later).length, digest(earlier).length);
}

/** How many bins two paragraphs agree on, as the rule counts them before a comparison (for tests). */
export function binsAgreeing(later: string, earlier: string): number {
  return agreeingBins(digest(later), digest(earlier));
}

interface Copy {
  original: number;
  similarity: number;
}

/**
 * How many paragraphs of one MinHash bucket a paragraph is compared with: the first FIRST_IN_BUCKET (where the
 * original of a copy pasted many times is) and, while the bucket holds at most CROWDED paragraphs, the
 * RECENT_IN_BUCKET latest. A bucket is a band of two bins; on a list of lines that look alike (a meeting log, a
 * roster, a column of headings) a few bands are shared by thousands of lines, and comparing each line with all
 * of them made the check quadratic: 20,000 short lines took a minute. A crowded band says little about a pair
 * (most of its lines are not copies of each other), and a true copy shares each of its four bands with its
 * original with probability about J² (≥ 0.81 at the threshold): it is nearly always found through a band that
 * is not crowded, and an exact copy needs no band at all.
 */
const FIRST_IN_BUCKET = 2;
const RECENT_IN_BUCKET = 6;
const CROWDED = 24;
const MAX_TRIES = 4;
const SINGLE_BAND_TRIES = 1;

/** Near-copy comparisons made since the module was loaded; a test reads it to show the check stays linear. */
let comparisons = 0;
export function duplicateComparisons(): number {
  return comparisons;
}

/**
 * The MinHash buckets of one check: an open-addressing table from band hash to bucket, and per bucket its
 * size, its first FIRST_IN_BUCKET paragraphs and a ring of its RECENT_IN_BUCKET latest, side by side in one
 * typed array (a lookup touches two places in memory, not five: on a megabyte of short lines the tables
 * outgrow the caches). A Map of arrays cost more to allocate and collect than the comparisons it served.
 * Both grow with the buckets made, not with the bands looked up: the lines of a list share most of their
 * bands (a megabyte roster has 141,000 bands in 26,000 buckets, similar short lines 131,000 in 1,200), and
 * tables sized for every band were megabytes of zeros read at random.
 */
const STRIDE = 1 + FIRST_IN_BUCKET + RECENT_IN_BUCKET;
const FIRST_BUCKETS = 1024;

class Buckets {
  mask: number;
  /** Per slot: the band hash, then the bucket's offset in `data` + 1 (0 = empty slot). Kept at most half full. */
  table: Int32Array;
  /** Per bucket: size, first paragraphs, latest paragraphs (a ring). */
  data: Int32Array;
  /** Where the next bucket goes in `data`: STRIDE words per bucket made so far. */
  top = 0;

  constructor(maxBands: number) {
    const buckets = Math.max(1, Math.min(maxBands, FIRST_BUCKETS));
    let size = 16;
    while (size < buckets * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    this.data = new Int32Array(buckets * STRIDE);
  }

  /** The bucket (its offset in `data`) of a band; a new empty one when no paragraph had it. */
  find(band: number): number {
    const table = this.table;
    let slot = band & this.mask;
    for (;;) {
      const at = table[2 * slot + 1]!;
      if (at === 0) break;
      if (table[2 * slot] === band) return at - 1;
      slot = (slot + 1) & this.mask;
    }
    if ((this.top / STRIDE + 1) * 2 > this.mask + 1) {
      this.rehash();
      slot = band & this.mask;
      while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    }
    if (this.top + STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const bucket = this.top;
    this.top += STRIDE;
    this.table[2 * slot] = band;
    this.table[2 * slot + 1] = bucket + 1;
    return bucket;
  }

  /** Doubles the table and puts every bucket back in it (offsets in `data` do not change). */
  private rehash(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s]!;
      table[2 * slot + 1] = old[s + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }

  add(bucket: number, paragraph: number): void {
    const data = this.data;
    const size = data[bucket]!;
    if (size < FIRST_IN_BUCKET) data[bucket + 1 + size] = paragraph;
    data[bucket + 1 + FIRST_IN_BUCKET + (size % RECENT_IN_BUCKET)] = paragraph;
    data[bucket] = size + 1;
  }

  /** Appends the bucket's first and latest paragraphs (each once) to `out` from `at`; returns the new end. */
  collect(bucket: number, out: Int32Array, at: number): number {
    const data = this.data;
    const size = data[bucket]!;
    const head = Math.min(size, FIRST_IN_BUCKET);
    for (let k = 0; k < head; k++) out[at++] = data[bucket + 1 + k]!;
    if (size > CROWDED) return at;
    // The latest that are not among the first: positions max(head, size − RECENT) … size − 1.
    for (let k = Math.max(head, size - RECENT_IN_BUCKET); k < size; k++) out[at++] = data[bucket + 1 + FIRST_IN_BUCKET + (k % RECENT_IN_BUCKET)]!;
    return at;
  }
}

const candidates = new Int32Array(4 * (FIRST_IN_BUCKET + RECENT_IN_BUCKET));
const bandBuckets = new Int32Array(4);
/** Per candidate paragraph: the line that last offered it (stamp) and how many of that line's bands it shares. */
let offeredBy = new Int32Array(0);
let sharedBands = new Int32Array(0);
const distinct = new Int32Array(candidates.length);
const chosen = new Int32Array(MAX_TRIES);

/**
 * At most MAX_TRIES paragraphs a paragraph is compared with, out of its bucket candidates: those that share
 * the most of its four bands (the number of bins two paragraphs agree on estimates their similarity, and a
 * copy at J ≥ 0.9 shares three or four bands on average), the earlier first on a tie; then in text order, so
 * that the first to pass — the original — is the earliest of them. `line` is the paragraph asking (it stamps
 * the per-paragraph counts, so nothing is cleared between lines). Writes them to `candidates[0 …)` and returns
 * how many to try.
 */
function pickCandidates(n: number, line: number): number {
  // Each candidate once, with the number of bands it shares (how often its buckets offered it): counted per
  // paragraph with a stamp, not by sorting the list.
  let m = 0;
  for (let a = 0; a < n; a++) {
    const j = candidates[a]!;
    if (offeredBy[j] === line) sharedBands[j]!++;
    else {
      offeredBy[j] = line;
      sharedBands[j] = 1;
      distinct[m++] = j;
    }
  }
  // Keep the MAX_TRIES that share the most bands (the earlier first on a tie); of those that share a single
  // band, only the earliest, and only when none shares more. A copy at J ≥ 0.9 shares two or more of its four
  // bands with its original in 97 % of cases, while two lines of a list that merely look alike mostly share
  // one: on a roster nearly every line has several such candidates, each a full comparison that fails.
  let kept = 0;
  for (let bands = 4; bands >= 1 && kept < MAX_TRIES; bands--) {
    const limit = bands === 1 ? (kept > 0 ? 0 : SINGLE_BAND_TRIES) : MAX_TRIES - kept;
    // The earliest `limit` paragraphs with this many bands, taken one at a time (a handful of candidates).
    for (let taken = 0; taken < limit; taken++) {
      let best = -1;
      for (let a = 0; a < m; a++) {
        const j = distinct[a]!;
        if (sharedBands[j] === bands && (best < 0 || j < best)) best = j;
      }
      if (best < 0) break;
      sharedBands[best] = 0;
      chosen[kept++] = best;
    }
  }
  // In text order.
  for (let a = 1; a < kept; a++) {
    const v = chosen[a]!;
    let b = a - 1;
    while (b >= 0 && chosen[b]! > v) {
      chosen[b + 1] = chosen[b]!;
      b--;
    }
    chosen[b + 1] = v;
  }
  for (let a = 0; a < kept; a++) candidates[a] = chosen[a]!;
  return kept;
}

function findCopies(digests: readonly DuplicateDigest[]): (Copy | undefined)[] {
  resetArena();
  const copies: (Copy | undefined)[] = new Array(digests.length);
  // Exact copies: the first paragraph of each key, in an open-addressing table by keyHash (paragraph + 1;
  // 0 = empty). A Map of strings hashed every key again.
  let keySlots = 16;
  while (keySlots < digests.length * 2) keySlots <<= 1;
  const keyMask = keySlots - 1;
  const firstOfKey = new Int32Array(keySlots);
  // Key lengths side by side: the length test reads a few dozen candidates per line, and read from the digests
  // they were loads from objects spread over the heap.
  const lengths = new Int32Array(digests.length);
  let bandCount = 0;
  for (let i = 0; i < digests.length; i++) {
    const d = digests[i]!;
    lengths[i] = d.length;
    if (d.band0 !== NO_BAND) bandCount += 4;
  }
  const buckets = new Buckets(bandCount);
  if (offeredBy.length < digests.length || offeredBy.length > 4 * digests.length + 65536) {
    offeredBy = new Int32Array(digests.length);
    sharedBands = new Int32Array(digests.length);
  }
  // Stamps are line numbers of this check: -1 is no line.
  offeredBy.fill(-1, 0, digests.length);
  const shortOnes: number[] = [];
  for (let i = 0; i < digests.length; i++) {
    const length = lengths[i]!;
    if (length === 0) continue;
    const d = digests[i]!;
    let keySlot = d.keyHash & keyMask;
    let same: number | undefined;
    for (let at = firstOfKey[keySlot]!; at !== 0; at = firstOfKey[keySlot]!) {
      const other = digests[at - 1]!;
      if (other.keyHash === d.keyHash && other.length === d.length && keyOf(other) === keyOf(d)) {
        same = at - 1;
        break;
      }
      keySlot = (keySlot + 1) & keyMask;
    }
    const banded = d.band0 !== NO_BAND;
    // Each band's bucket, found (or made) once: read for candidates, then joined.
    if (banded) {
      bandBuckets[0] = buckets.find(d.band0);
      bandBuckets[1] = buckets.find(d.band1);
      bandBuckets[2] = buckets.find(d.band2);
      bandBuckets[3] = buckets.find(d.band3);
    }
    if (length >= MIN_STANDALONE) {
      if (same !== undefined) copies[i] = { original: same, similarity: 1 };
      else if (banded) {
        // The original is the earliest near copy, as it is the first of exact copies: candidates are tried in
        // order and the first that passes ends the search.
        let n = 0;
        for (let b = 0; b < 4; b++) n = buckets.collect(bandBuckets[b]!, candidates, n);
        // Lengths alone rule a pair out: |A ∩ B| / |A ∪ B| ≤ min/max, so a pair needs min ≥ THRESHOLD max
        // (taken in tenths, without a division per candidate: 10 min ≥ 9 max).
        let kept = 0;
        for (let c = 0; c < n; c++) {
          const other = lengths[candidates[c]!]!;
          if (10 * Math.min(other, length) >= THRESHOLD_TENTHS * Math.max(other, length)) candidates[kept++] = candidates[c]!;
        }
        const tries = kept === 0 ? 0 : pickCandidates(kept, i);
        for (let c = 0; c < tries; c++) {
          const j = candidates[c]!;
          const other = digests[j]!;
          if (agreeingBins(d, other) < binsNeeded(length, lengths[j]!)) continue;
          // Two entries of a list are not copies however alike they are; this reads only the two middles and
          // is settled before the shingle sets are built (on a log most candidates that get this far end here).
          // The shared prefix and suffix serve both tests.
          const otherKey = keyOf(other);
          const key = keyOf(d);
          const { p, q } = sharedEnds(otherKey, key);
          if (differsInDataAt(otherKey, key, p, q)) continue;
          comparisons++;
          const similarity = nearCopyJaccard(d, other, p, q) ?? jaccard(d, other, THRESHOLD);
          if (similarity >= THRESHOLD) {
            copies[i] = { original: j, similarity };
            break;
          }
        }
      }
    } else if (same !== undefined) {
      shortOnes.push(i);
    }
    if (same === undefined) firstOfKey[keySlot] = i + 1;
    if (banded) for (let b = 0; b < 4; b++) buckets.add(bandBuckets[b]!, i);
  }
  if (shortOnes.length === 0) return copies;
  // Short lines join a copied run when their neighbour is a copy of their original's neighbour. The nearest
  // non-empty lines before and after each line, found once: scanning for them per line was quadratic on a
  // text of blank lines.
  const prevNonEmpty = new Int32Array(digests.length);
  const nextNonEmpty = new Int32Array(digests.length);
  for (let k = 0, last = -1; k < digests.length; k++) {
    prevNonEmpty[k] = last;
    if (digests[k]!.length > 0) last = k;
  }
  for (let k = digests.length - 1, last = -1; k >= 0; k--) {
    nextNonEmpty[k] = last;
    if (digests[k]!.length > 0) last = k;
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const i of pass === 0 ? shortOnes : [...shortOnes].reverse()) {
      if (copies[i]) continue;
      const key = keyOf(digests[i]!);
      const prev = prevNonEmpty[i]!;
      const next = nextNonEmpty[i]!;
      const prevCopy = prev >= 0 ? copies[prev] : undefined;
      const nextCopy = next >= 0 ? copies[next] : undefined;
      // The original is the line after the previous line's original (or before the next line's), if it is an
      // earlier copy of this line; the earlier of the two when both are.
      let original = -1;
      for (const j of [prevCopy ? nextNonEmpty[prevCopy.original]! : -1, nextCopy ? prevNonEmpty[nextCopy.original]! : -1]) {
        if (j >= 0 && j < i && digests[j]!.length === key.length && keyOf(digests[j]!) === key && (original < 0 || j < original)) original = j;
      }
      if (original >= 0) copies[i] = { original, similarity: 1 };
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
        if (digests[k]!.length === 0) continue;
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
        // An identical copy says so in words; a near copy gives its similarity.
        messageId: `rules.duplicate.${count > 1 ? 'section' : 'paragraph'}${similarity >= 1 ? 'Same' : ''}`,
        params: { count, excerpt: excerpt(original.text), similarity: Math.floor(similarity * 100) },
        fix,
      });
      i = last + 1;
    }
    return out;
  },
};
