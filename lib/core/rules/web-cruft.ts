// web-cruft — lines and fragments carried over from 范文 and document-sharing sites: "- 范文问答", "[朗读]",
// 加入收藏, 共计N个字, 精品文档 仅供参考, 省略N字 正式会员可完整阅读, page markers (第1页 共3页, — 2 —),
// navigation (上一篇, 猜你喜欢), VIP专免 and 下载 prompts, 篇一 / 第1篇 headers and （精选5篇） title suffixes; and
// whole lines of page furniture: metadata (更新时间：2023-05-06, 来源：网友投稿, 作者：…, 浏览次数：123),
// breadcrumbs (首页 > 范文大全 > 工作总结, 当前位置：…), the editor's blurb (以下是小编为大家整理的…，供大家参考),
// a document's file name (….docx).
// Why: they never belong in a report and show at a glance that it was copied. Severity: blocking, like
// placeholders — nothing in a real report looks like these phrases. Fix: remove the fragment, or the whole
// line (with its line break) when nothing else is on it.
// Line entries (`line: true` in the pack) count only where they, alone or in a row with other entries, fill
// the whole trimmed line: 时间, 来源, 作者, 下载 in a report's sentence are never matched; only a line that is
// nothing but "label：value" metadata is.
// Data: lib/core/packs/cruft.json. Known false positive: a report about a website that quotes "加入收藏"; a
// line "作者：张三" on its own in a report that names its author that way.
import { cruftPack } from '../packs';
import { createLiteralFilter, literalMasks, literalTables, requiredLiterals } from './literal-filter';
import { NO_FINDINGS } from './text';
import type { Finding, LineSlots, ParagraphRule } from './types';

const fragmentEntries = cruftPack.entries.filter((e) => !e.line);
const fragmentIds = fragmentEntries.map((e) => e.id);
const combined = new RegExp(fragmentEntries.map((e, i) => `(?<c${i}>${e.pattern})`).join('|'), 'g');

// A prefilter in front of `combined` (see literal-filter.ts): most lines of a report are passed over by table
// reads and never run the alternation.
const fragmentFilter = createLiteralFilter(fragmentEntries.map((e) => e.pattern));
/** Null when some entry's required literals could not be worked out: then every line is scanned. */
export const FRAGMENT_PREFILTER = fragmentFilter && fragmentFilter.pattern;

/** The prefilter's first step alone (its tables): scanFragments confirms the literals where it reads them. */
const mayHoldLiteral = fragmentFilter ? literalTables(fragmentFilter.literals) : undefined;

/** Whether a fragment may be on the line (false: none is). */
function mayHoldFragment(line: string): boolean {
  return !fragmentFilter || mayHoldLiteral!(line);
}

/** A fragment found on a line: [start, end) and its entry. */
interface Span {
  start: number;
  end: number;
  entry: string;
}
const NO_SPANS: readonly Span[] = [];

/** Every fragment of the line, in order: the combined alternation from the line's start to its end. */
function scanCombined(line: string): readonly Span[] {
  let spans: Span[] | undefined;
  combined.lastIndex = 0;
  for (let m = combined.exec(line); m; m = combined.exec(line)) {
    if (m[0].length === 0) {
      combined.lastIndex++;
      continue;
    }
    const groups = m.groups!;
    const entry = fragmentIds.find((_, i) => groups[`c${i}`] !== undefined)!;
    (spans ??= []).push({ start: m.index, end: m.index + m[0].length, entry });
  }
  return spans ?? NO_SPANS;
}

// Which entries a line can match, from the literals it holds (see literalMasks): a report line that passes the
// prefilter mostly holds one frequent literal (级 of （县市区级局）, 篇), and running that entry alone over it is
// far cheaper than the alternation of all of them. Null (every line scanned by the alternation) when some entry's
// literals cannot be worked out.
const fragmentMasks = fragmentEntries.length <= 31 ? literalMasks(fragmentEntries.map((e) => e.pattern)) : null;
const entryPatterns = fragmentEntries.map((e) => new RegExp(e.pattern, 'g'));
/** Up to this many entries are run one by one; more, and the alternation runs. */
const FEW_ENTRIES = 3;
/** No match from here on: past the end of any line (a string is shorter than 2³⁰). Whole numbers only — an
 * Infinity here made the spans' offsets floating-point, and V8 then stored every offset field of the same shape
 * ({ start, end, … }, the outline's lines among them) as a boxed number. */
const NONE = 0x3fffffff;
const nextStart = new Int32Array(fragmentEntries.length);
const nextEnd = new Int32Array(fragmentEntries.length);
const selected = new Int32Array(FEW_ENTRIES);

/**
 * The fragments of the line, as scanCombined finds them, running only the entries whose literals the line
 * holds. The alternation takes, from a position on, the leftmost match, and of two at the same place the
 * earlier entry's; each entry's own leftmost match from that position is the one it would give there (a match
 * at a position does not depend on where the search started), so the earliest of the entries' matches, the
 * earlier entry on a tie, is the alternation's. No entry matches the empty string (each needs a literal).
 */
function scanFragments(line: string): readonly Span[] {
  if (!fragmentMasks) return scanCombined(line);
  const mask = fragmentMasks(line);
  if (mask === 0) return NO_SPANS;
  let count = 0;
  for (let k = 0; k < fragmentEntries.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    if (count === FEW_ENTRIES) return scanCombined(line);
    selected[count++] = k;
  }
  let spans: Span[] | undefined;
  for (let n = 0; n < count; n++) nextStart[selected[n]!] = -1;
  for (let pos = 0; ; ) {
    let best = -1;
    let bestStart = NONE;
    for (let n = 0; n < count; n++) {
      const k = selected[n]!;
      if (nextStart[k]! < pos) {
        const re = entryPatterns[k]!;
        re.lastIndex = pos;
        const m = re.exec(line);
        nextStart[k] = m ? m.index : NONE;
        nextEnd[k] = m ? m.index + m[0].length : 0;
      }
      if (nextStart[k]! < bestStart) {
        bestStart = nextStart[k]!;
        best = k;
      }
    }
    if (best < 0) break;
    (spans ??= []).push({ start: bestStart, end: nextEnd[best]!, entry: fragmentIds[best]! });
    pos = nextEnd[best]!;
  }
  return spans ?? NO_SPANS;
}

/** The fragments of a line both ways, the alternation's and scanFragments' (for tests). */
export function fragmentsBothWays(line: string): { combined: readonly Span[]; selected: readonly Span[] } {
  return { combined: scanCombined(line), selected: scanFragments(line) };
}

/** What may remain on a line for the line itself to count as cruft: spaces, dashes, bullets, bars. */
const LINE_LEFTOVER = /^[\s\-—－·•|｜:：>》]*$/;

// Whole-line reading: entries (line entries first, then fragments) matched one after another from the line's
// start, separated by blanks, bars, bullets and punctuation; the line is cruft when they reach its end and one
// of them may stand alone (a bare date or 来源：机关党委 is metadata only beside 发布时间：… or a site's address).
// Entries with a `hint` are tried only on lines that contain one of the hints (one native scan): the others
// need no leading wildcard, so on most lines the sticky match fails at once.
const itemEntries = [...cruftPack.entries.filter((e) => e.line), ...fragmentEntries];
const itemIds = itemEntries.map((e) => e.id);
const notAlone = new Set(itemEntries.filter((e) => e.notAlone).map((e) => e.id));
const itemRegExp = (withHinted: boolean) =>
  new RegExp(itemEntries.map((e, i) => (withHinted || !e.hint ? `(?<i${i}>${e.pattern})` : '')).filter(Boolean).join('|'), 'y');
const ITEM_PLAIN = itemRegExp(false);
const ITEM_ALL = itemRegExp(true);
/**
 * False for a line that holds none of the literals some entry's every match holds (see literal-filter.ts): no
 * entry can match on it, so it is no cruft line. Most lines of a roster are settled so, without a table lookup.
 */
const mayBeItemLine: (line: string) => boolean = (() => {
  const all: string[] = [];
  for (const e of itemEntries) {
    const literals = requiredLiterals(e.pattern);
    if (!literals) return () => true;
    all.push(...literals);
  }
  return literalTables(all);
})();
const HINTS = new RegExp(itemEntries.filter((e) => e.hint).map((e) => `(?:${e.hint})`).join('|'));
const SEPARATOR = /[\s\-—－·•|｜:：>》/，,。.；;！!]{0,8}/y;
/** Longer lines are report text (a blurb is one or two sentences). */
const MAX_LINE = 320;
const NO_DISABLED: ReadonlySet<string> = new Set();

function skipSeparators(line: string, at: number): number {
  SEPARATOR.lastIndex = at;
  SEPARATOR.test(line);
  return SEPARATOR.lastIndex;
}

/**
 * The entries that together fill the whole line (blanks and separators aside), in order; undefined when the
 * line holds anything else, is blank, or longer than MAX_LINE. Entries in `disabled` do not count.
 */
export function cruftLineEntries(line: string, disabled: ReadonlySet<string> = NO_DISABLED): string[] | undefined {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) <= 0x20 || line.charCodeAt(end - 1) === 0x3000)) end--;
  let pos = skipSeparators(line, 0);
  if (pos >= end || end - pos > MAX_LINE) return undefined;
  const ids: string[] = [];
  const item = HINTS.test(line) ? ITEM_ALL : ITEM_PLAIN;
  let alone = false;
  while (pos < end && ids.length < 8) {
    item.lastIndex = pos;
    const m = item.exec(line);
    if (!m || m[0].length === 0) return undefined;
    const groups = m.groups!;
    const id = itemIds.find((_, i) => groups[`i${i}`] !== undefined)!;
    if (disabled.has(id)) return undefined;
    ids.push(id);
    if (!notAlone.has(id)) alone = true;
    pos = skipSeparators(line, pos + m[0].length);
  }
  return pos >= end && alone ? ids : undefined;
}

// The outline, the title rule and this rule each ask about the same lines. The answers (with every entry on)
// are kept in the line's slots when the caller has them (the outline's reading of the line, which analyze()
// hands the rules): the outline asks first, the rules find the answer there, without a lookup by text (on a
// roster, three lookups per line in a large table cost more than the reading). Behind the slots, a bounded
// table by text keeps the answers between analyses and for callers without slots: the guard, the panel and
// the CLI analyse the same lines again and again, and reading a paragraph for page cruft costs more than
// finding it in the table. Only lines that pass the prefilters are kept. The bound holds every such line of a
// long form (100k characters of a dated list are 3,300 lines); the keys are the lines themselves (slices of
// the analysed text, not copies, so a kept line keeps its text alive). It was 65,536, enough for a megabyte:
// once a process had analysed a few long texts, every lookup went to a table of 65,536 lines spread over the
// heap, and the analysis of 100k similar lines took 10 % longer than in a process that had read only it.
const MEMO_SIZE = 8192;

/** Answers about lines by text: the latest one asked (this rule and the title rule ask about a paragraph one
 * right after the other), then the bounded table. */
class LineMemo<T> {
  private table = new Map<string, T>();
  private lastLine: string | undefined;
  private lastValue: T | undefined;
  constructor(private readonly compute: (line: string) => T) {}

  get(line: string): T {
    if (line === this.lastLine) return this.lastValue!;
    let value = this.table.get(line);
    if (value === undefined) {
      value = this.compute(line);
      if (this.table.size >= MEMO_SIZE) this.table = new Map();
      this.table.set(line, value);
    }
    this.lastLine = line;
    this.lastValue = value;
    return value;
  }
}

const entriesMemo = new LineMemo<string[] | null>((line) => cruftLineEntries(line) ?? null);
const fragmentsMemo = new LineMemo<readonly Span[]>(scanFragments);

function memoLineEntries(line: string, slots: LineSlots | undefined): string[] | undefined {
  if (line.length > MAX_LINE + 16) return undefined;
  if (slots !== undefined && slots.cruftKey === line) return slots.cruftEntries;
  const mayBe = mayBeItemLine(line);
  const found = mayBe ? (entriesMemo.get(line) ?? undefined) : undefined;
  if (slots !== undefined) {
    slots.cruftKey = line;
    slots.cruftEntries = found;
    // Every fragment entry is an item entry too, so a line without an item literal holds no fragment either:
    // the fragments' answer is kept as well, and the next to ask for them reads no character of the line.
    if (!mayBe) {
      slots.fragmentKey = line;
      slots.fragments = NO_SPANS;
    }
  }
  return found;
}

function memoFragments(line: string, slots: LineSlots | undefined): readonly Span[] {
  // The slots first: most lines were settled there by an earlier question (memoLineEntries' or this one's), and
  // the prefilter reads every character.
  if (slots !== undefined && slots.fragmentKey === line) return slots.fragments as readonly Span[];
  const found = mayHoldFragment(line) ? fragmentsMemo.get(line) : NO_SPANS;
  if (slots !== undefined) {
    slots.fragmentKey = line;
    slots.fragments = found;
  }
  return found;
}

/** Whether web-cruft removes the whole line (the period and the title are looked for under such lines).
 * `slots`: the line's slots, where the answer is kept for the next to ask (see LineSlots). */
export function isCruftLine(line: string, slots?: LineSlots): boolean {
  return memoLineEntries(line, slots) !== undefined;
}

/** The line without the fragments web-cruft removes from it (（精选5篇）, [朗读], 篇一：…), for reading titles. */
export function stripCruftFragments(line: string, slots?: LineSlots): string {
  const spans = memoFragments(line, slots);
  if (spans.length === 0) return line;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += line.slice(last, s.start);
    last = s.end;
  }
  return out + line.slice(last);
}

/** The fields every finding of the rule shares (spread into each: one object, not one per line checked). */
const base = { ruleId: 'web-cruft', category: 'cruft', severity: 'blocking' as const };

export const webCruft: ParagraphRule = {
  id: 'web-cruft',
  category: 'cruft',
  scope: 'paragraph',
  check(text, context, line) {
    let whole = memoLineEntries(text, line);
    if (whole && context.disabledEntries.size > 0 && whole.some((id) => context.disabledEntries.has(id))) {
      whole = cruftLineEntries(text, context.disabledEntries);
    }
    if (whole) {
      // The whole line is cruft: one finding, and the fix removes the line with its line break.
      return [
        {
          ...base,
          start: 0,
          end: text.length,
          messageId: 'rules.cruft.line',
          params: { entry: whole[0]!, text: text.trim() },
          fix: { start: 0, end: text.length + 1, text: '' },
        },
      ];
    }
    const found = memoFragments(text, line);
    if (found.length === 0) return NO_FINDINGS;
    const spans = context.disabledEntries.size > 0 ? found.filter((s) => !context.disabledEntries.has(s.entry)) : found;
    if (spans.length === 0) return NO_FINDINGS;
    let leftover = '';
    let last = 0;
    for (const s of spans) {
      leftover += text.slice(last, s.start);
      last = s.end;
    }
    leftover += text.slice(last);
    if (LINE_LEFTOVER.test(leftover)) {
      return [
        {
          ...base,
          start: 0,
          end: text.length,
          messageId: 'rules.cruft.line',
          params: { entry: spans[0]!.entry, text: text.trim() },
          fix: { start: 0, end: text.length + 1, text: '' },
        },
      ];
    }
    return spans.map(
      (s): Finding => ({
        ...base,
        start: s.start,
        end: s.end,
        messageId: 'rules.cruft.fragment',
        params: { entry: s.entry, text: text.slice(s.start, s.end) },
        fix: { start: s.start, end: s.end, text: '' },
      }),
    );
  },
};
