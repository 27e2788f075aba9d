// How much of a report is copied: the share of its text identical to last period's report (上期重复率) or to a set of
// sample texts (范文相似度), with each copied passage located in the text and in its reference.
//
// Method: the texts are compared on their letters and digits only (punctuation, spaces and line breaks dropped,
// full-width digits and letters folded), so a passage copied with other punctuation still counts. Each
// reference is cut into k-grams (K characters), hashed, and winnowed (the smallest hash of every W consecutive
// k-grams is kept): every common run of at least K + W − 1 characters shares a kept fingerprint with the text.
// The kept fingerprints of a reference set are indexed once (an open-addressing table in typed arrays). A text is
// then hashed at every position; a position whose k-gram is indexed is compared character by character with
// the reference there and the match extended both ways to its full length (so hash collisions cannot count).
// Matched runs never overlap in the text and the scan jumps past each one: linear time in the text's length, with
// at most MAX_CANDIDATES references tried per position. Runs shorter than `minLength` characters (set phrases
// every report shares) are not counted.
// Known limit: a passage reworded word by word (伪原创) is not identical and is not counted; the spin-artefacts
// rule finds that.

export const K = 8;
export const W = 4;
/** Default shortest counted run, in compared characters (letters and digits). */
export const MIN_LENGTH = 16;
const MAX_CANDIDATES = 24;
const BASE = 0x01000193;

export interface Reference {
  id: string;
  title: string;
  text: string;
}

/** A compared form of a text: its letters and digits, and where each sits in the original. */
interface Normalized {
  codes: Uint16Array;
  offsets: Uint32Array;
  length: number;
  /** the original text's length (the end offset of the last character) */
  sourceLength: number;
}

/** Punctuation, symbols and blanks: left out of the comparison. */
function skipped(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2190 && c <= 0x2bff)) return true;
  if (c >= 0x3000 && c <= 0x303f) return true;
  if (c >= 0xfe30 && c <= 0xfe4f) return true;
  if (c >= 0xff00 && c <= 0xff0f) return true;
  if (c >= 0xff1a && c <= 0xff20) return true;
  if (c >= 0xff3b && c <= 0xff40) return true;
  if (c >= 0xff5b && c <= 0xff65) return true;
  return c === 0xb7 || c === 0xd7 || c === 0xfeff;
}

function normalize(text: string): Normalized {
  const codes = new Uint16Array(text.length);
  const offsets = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (skipped(c)) continue;
    if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0; // full-width digits and letters
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    codes[n] = c;
    offsets[n] = i;
    n++;
  }
  return { codes, offsets, length: n, sourceLength: text.length };
}

/** The hash of the k-gram starting at each position (length − K + 1 of them; none when shorter than K). */
function kgramHashes(codes: Uint16Array, length: number): Uint32Array {
  const count = length - K + 1;
  if (count <= 0) return new Uint32Array(0);
  const hashes = new Uint32Array(count);
  let top = 1; // BASE^(K-1)
  for (let i = 1; i < K; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < K; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  hashes[0] = h >>> 0;
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(codes[i - 1]!, top), BASE) + codes[i + K - 1]!) | 0;
    hashes[i] = h >>> 0;
  }
  return hashes;
}

/** Winnowing: the positions of the rightmost smallest hash of every window of W hashes, each once. */
function winnow(hashes: Uint32Array, visit: (position: number) => void): void {
  if (hashes.length === 0) return;
  if (hashes.length < W) {
    let best = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[best]!) best = i;
    visit(best);
    return;
  }
  let last = -1;
  for (let start = 0; start + W <= hashes.length; start++) {
    let best = start;
    for (let i = start + 1; i < start + W; i++) if (hashes[i]! <= hashes[best]!) best = i;
    if (best !== last) {
      visit(best);
      last = best;
    }
  }
}

/** A reference set's fingerprints, indexed once and queried for any number of texts. */
export interface ReferenceIndex {
  references: Reference[];
  /** @internal */ normalized: Normalized[];
  /** @internal */ table: { mask: number; keys: Uint32Array; heads: Int32Array; ref: Uint16Array; pos: Uint32Array; next: Int32Array };
}

export function indexReferences(references: Reference[]): ReferenceIndex {
  const normalized = references.map((r) => normalize(r.text));
  const entries: number[] = []; // pairs (ref, pos) and their hash, flattened
  const hashesOf: number[] = [];
  normalized.forEach((norm, refIndex) => {
    const hashes = kgramHashes(norm.codes, norm.length);
    winnow(hashes, (position) => {
      entries.push(refIndex, position);
      hashesOf.push(hashes[position]!);
    });
  });
  const count = hashesOf.length;
  let capacity = 16;
  while (capacity < count * 2) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Uint32Array(capacity);
  const heads = new Int32Array(capacity).fill(-1);
  const ref = new Uint16Array(count);
  const pos = new Uint32Array(count);
  const next = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const hash = hashesOf[e]!;
    let slot = mix(hash) & mask;
    while (heads[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask;
    keys[slot] = hash;
    ref[e] = entries[2 * e]!;
    pos[e] = entries[2 * e + 1]!;
    next[e] = heads[slot]!;
    heads[slot] = e;
  }
  return { references, normalized, table: { mask, keys, heads, ref, pos, next } };
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One copied passage: [start, end) in the text, and where it stands in reference `ref` (index and id). */
export interface CopiedPassage {
  start: number;
  end: number;
  ref: number;
  refId: string;
  refStart: number;
  refEnd: number;
  /** compared characters (letters and digits) in the passage */
  length: number;
}

export interface SimilarityResult {
  /** copied compared characters ÷ all compared characters of the text, 0–1 (0 for a text with none) */
  share: number;
  copied: number;
  total: number;
  passages: CopiedPassage[];
  /** per reference that contributed: its index, id and the share of the text copied from it */
  byReference: Array<{ ref: number; refId: string; share: number }>;
}

export interface SimilarityOptions {
  /** shortest counted run in compared characters (default MIN_LENGTH; never below K + W − 1) */
  minLength?: number;
}

/** The share of `text` identical to the indexed references, and the copied passages located. */
export function compareWithIndex(text: string, index: ReferenceIndex, options: SimilarityOptions = {}): SimilarityResult {
  const minLength = Math.max(options.minLength ?? MIN_LENGTH, K + W - 1);
  const norm = normalize(text);
  const hashes = kgramHashes(norm.codes, norm.length);
  const { mask, keys, heads, ref, pos, next } = index.table;
  const passages: CopiedPassage[] = [];
  const perRef = new Map<number, number>();
  let copied = 0;
  let coveredEnd = 0; // compared positions before this are matched already
  const a = norm.codes;
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i]!;
    let slot = mix(hash) & mask;
    while (heads[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask;
    let e = heads[slot]!;
    if (e === -1) continue;
    let bestLength = 0;
    let bestStart = 0;
    let bestRef = 0;
    let bestRefStart = 0;
    for (let tried = 0; e !== -1 && tried < MAX_CANDIDATES; e = next[e]!, tried++) {
      const r = ref[e]!;
      const p = pos[e]!;
      const b = index.normalized[r]!.codes;
      const bLength = index.normalized[r]!.length;
      // the k-gram itself, compared (a hash may collide)
      let f = 0;
      while (f < K && a[i + f] === b[p + f]) f++;
      if (f < K) continue;
      while (i + f < norm.length && p + f < bLength && a[i + f] === b[p + f]) f++;
      let back = 0;
      while (i - back > coveredEnd && p - back > 0 && a[i - back - 1] === b[p - back - 1]) back++;
      if (f + back > bestLength) {
        bestLength = f + back;
        bestStart = i - back;
        bestRef = r;
        bestRefStart = p - back;
      }
    }
    if (bestLength < minLength) continue;
    const refNorm = index.normalized[bestRef]!;
    const end = bestStart + bestLength;
    passages.push({
      start: norm.offsets[bestStart]!,
      end: norm.offsets[end - 1]! + 1,
      ref: bestRef,
      refId: index.references[bestRef]!.id,
      refStart: refNorm.offsets[bestRefStart]!,
      refEnd: refNorm.offsets[bestRefStart + bestLength - 1]! + 1,
      length: bestLength,
    });
    copied += bestLength;
    perRef.set(bestRef, (perRef.get(bestRef) ?? 0) + bestLength);
    coveredEnd = end;
    i = end - 1; // the loop's i++ moves to the first position after the passage
  }
  const total = norm.length;
  const share = total === 0 ? 0 : copied / total;
  const byReference = [...perRef]
    .sort((x, y) => y[1] - x[1])
    .map(([r, n]) => ({ ref: r, refId: index.references[r]!.id, share: n / total }));
  return { share, copied, total, passages, byReference };
}

/** 上期重复率: the share of `text` identical to one earlier text. */
export function compareTexts(text: string, previous: string, options?: SimilarityOptions): SimilarityResult {
  return compareWithIndex(text, indexReferences([{ id: 'previous', title: '', text: previous }]), options);
}

/** A percentage for display: 0.4567 → "45.7%" (one decimal, 100% only when everything is copied). */
export function formatShare(share: number): string {
  const pct = Math.floor(share * 1000) / 10;
  return `${pct.toFixed(1)}%`;
}
