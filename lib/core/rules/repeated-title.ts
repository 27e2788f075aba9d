// repeated-title — the report's title printed more than once at the top, as 范文 and 文库 pages carry it: the
// page's title bar (年意识形态工作总结(县市区级局)|2020年意识形态工作要点), a shortened page title, the title
// with （精选5篇） or (全文共1402字) after it, then the article's own title; a title line repeated on the next
// line anywhere; the page's summary snippet (the title and the first sentence, cut) between two title copies; a
// title doubled at the start of a paragraph run into its body (统战部上半年工作总结统战部上半年工作总结 现将…, as
// document previews flatten a page); and a menu index in front of the title on the first line
// (1.2023年意识形态工作总结, 【1】…).
// Why: the extra copies are page furniture, not the report; a reader sees at once that the text was copied.
// Which copy stays: the most complete one (the longest once site suffixes are taken off); of equal ones the first
// that is not a title bar (see keptTitle). Copies that the duplicates rule also finds (the same text, 16
// characters or more) are reported here, as cruft; the runner drops duplicates' report of the same line.
// Severity: warning — almost always cruft, but a report may legitimately repeat its title (a cover line and a
// heading). Fix: delete the copy with its line break; for a menu index, delete the index.
// The head is read up to the first paragraph of body text (at most 16 non-blank lines); title copies equal to
// the kept title are also looked for in the next 40 lines. Linear: one pass over a bounded number of digests.
// Known false positive: a form whose cover field and first field both hold the report's title.
import { hasSentenceMark, withoutTitleNote } from './text';
import { isCruftLine, stripCruftFragments } from './web-cruft';
import type { DocumentRule, Finding, LineSlots, Paragraph } from './types';

const enum Kind {
  Blank,
  Cruft,
  Title,
  /** A short line without sentence punctuation that is not a title (a unit's name, 2023年): part of a head. */
  Short,
  Body,
}

export interface TitleDigest {
  kind: Kind;
  /** The title without spaces, punctuation, brackets, menu index and site suffixes; '' unless kind is Title. */
  key: string;
  /** Length of the menu index in front of the title (with the blanks after it), from the line's start. */
  index: number;
  /** The line is a page's title bar (title | other links): of equal titles, the one to drop. */
  bar: boolean;
  /**
   * A title printed twice at the start of a line run into its body (a document preview: 统战部上半年工作总结统战部
   * 上半年工作总结 现将…): the second copy, [start, end) in the paragraph; and the menu index before the first.
   */
  doubled?: { start: number; end: number; index: number };
}

const HEAD_LINES = 16;
const NEAR_LINES = 40;
const INDEX = /^(?:[0-9]{1,2}[.、．]|【[0-9]{1,2}】|\[[0-9]{1,2}\]|[（(][0-9]{1,2}[)）])[ \u3000]{0,2}/;
/** An outline heading (一、… （一）… 第一部分…) is a section of the report, never a copy of its title. */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分篇])/;
const NOISE = /[\s\u3000，,、。：:；;“”"'‘’（）()《》【】[\]<>〈〉—\-_.．·|｜]/g;
/** The last two characters of a title word (报告, 总结, …), for finding where a doubled title ends. */
const TITLE_ENDS = new Set(['报告', '总结', '汇报', '情况', '自查', '述职', '小结', '计划', '要点', '方案', '材料', '自评', '剖析', '体会']);
/** TITLE_ENDS by the code units of their last character, then of the pair: a position is settled by one load. */
const TITLE_END_LAST = new Uint8Array(0x10000);
for (const w of TITLE_ENDS) TITLE_END_LAST[w.charCodeAt(1)] = 1;
const TITLE_END_PAIRS = new Set([...TITLE_ENDS].map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
/** INDEX at a given position (sticky): no slice of the paragraph is made. */
const INDEX_AT = new RegExp(INDEX.source.slice(1), 'y');

// Digests without a title are shared (never changed once made): most lines of a long text are body lines.
const BLANK: TitleDigest = { kind: Kind.Blank, key: '', index: 0, bar: false };
const PLAIN: readonly TitleDigest[] = [Kind.Blank, Kind.Cruft, Kind.Title, Kind.Short, Kind.Body].map((kind) =>
  kind === Kind.Blank ? BLANK : { kind, key: '', index: 0, bar: false },
);

function digest(kind: Kind, key = '', index = 0, bar = false): TitleDigest {
  return key === '' && index === 0 && !bar ? PLAIN[kind]! : { kind, key, index, bar };
}

/** `slots`: the line's slots, where web-cruft's answers for it may already be (see LineSlots). */
export function titleDigest(text: string, slots?: LineSlots): TitleDigest {
  const content = text.trim();
  if (content === '') return BLANK;
  if (content.length > 320) return withDoubled(text, digest(Kind.Body));
  if (isCruftLine(content, slots)) return digest(Kind.Cruft);
  if (content.length > 120) return withDoubled(text, digest(Kind.Body));
  // Every line of a text is read here, most of them a roster's or a log's: the tests below read code units
  // first and run a RegExp only where one can match (a call per test per line was most of this digest's cost).
  let title = content;
  const barAt = barIndex(title);
  if (barAt > 0) title = title.slice(0, barAt);
  const index = mayStartIndex(title.charCodeAt(0)) ? INDEX.exec(title) : null;
  if (index) title = title.slice(index[0].length);
  title = stripCruftFragments(title, slots).trim();
  if (title.length < 6 || title.length > 60 || hasSentenceMark(title) || (mayStartHeading(title.charCodeAt(0)) && HEADING.test(title))) {
    return content.length <= 24 && !hasSentenceMark(content) ? digest(Kind.Short) : withDoubled(text, digest(Kind.Body));
  }
  if (!endsWithTitleWord(withoutTitleNote(title))) {
    return title.length <= 24 ? digest(Kind.Short) : withDoubled(text, digest(Kind.Body));
  }
  const key = title.replace(NOISE, '');
  if (key.length < 6) return digest(Kind.Short);
  // Offsets of the index are taken in the paragraph as written (indentation included).
  const lead = text.length - text.trimStart().length;
  return digest(Kind.Title, key, index ? lead + index[0].length : 0, barAt > 0);
}

/** Where a title bar's first | or ｜ is, or -1. */
function barIndex(text: string): number {
  const a = text.indexOf('|');
  const b = text.indexOf('｜');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Per code unit: INDEX_START (what an INDEX match starts with: a digit, 【, [, （, ( ) and HEADING_START (what a
 * HEADING match starts with: a numeral, （, (, 第). */
const CODES = new Uint8Array(0x10000);
const INDEX_START = 1;
const HEADING_START = 2;
for (const c of '0123456789【[（(') CODES[c.charCodeAt(0)]! |= INDEX_START;
for (const c of '一二三四五六七八九十（(第') CODES[c.charCodeAt(0)]! |= HEADING_START;

/** INDEX and HEADING with their bit in CODES (tests/core/rules/fast-paths.test.ts checks the table). */
export const TITLE_LINE_STARTS = { table: CODES, tests: [{ re: INDEX, bit: INDEX_START }, { re: HEADING, bit: HEADING_START }] };

function mayStartIndex(code: number): boolean {
  return (CODES[code]! & INDEX_START) !== 0;
}

function mayStartHeading(code: number): boolean {
  return (CODES[code]! & HEADING_START) !== 0;
}

/** Whether the text ends with a title word (报告, 总结, …: TITLE_ENDS). */
function endsWithTitleWord(text: string): boolean {
  const n = text.length;
  if (n < 2) return false;
  const last = text.charCodeAt(n - 1);
  return TITLE_END_LAST[last] === 1 && TITLE_END_PAIRS.has(text.charCodeAt(n - 2) * 0x10000 + last);
}

/**
 * The body paragraph with the title doubled at its start, if it is: a prefix of 6–60 characters that ends with a
 * title word and is followed at once by itself (after an optional menu index). At most 60 positions are tried,
 * each with one two-character lookup, and a comparison only where a title word ends.
 */
function withDoubled(text: string, digest: TitleDigest): TitleDigest {
  let from = 0;
  while (from < text.length && (text.charCodeAt(from) <= 0x20 || text.charCodeAt(from) === 0x3000)) from++;
  INDEX_AT.lastIndex = from;
  const index = mayStartIndex(text.charCodeAt(from)) ? INDEX_AT.exec(text) : null;
  const start = from + (index ? index[0].length : 0);
  const limit = Math.min(start + 60, text.length >> 1);
  for (let end = start + 6; end <= limit; end++) {
    const last = text.charCodeAt(end - 1);
    if (TITLE_END_LAST[last] === 0 || !TITLE_END_PAIRS.has(text.charCodeAt(end - 2) * 0x10000 + last)) continue;
    const length = end - start;
    if (text.startsWith(text.slice(start, end), end) && !hasSentenceMark(text.slice(start, end))) {
      return { ...digest, doubled: { start: end, end: end + length, index: index ? start - from : 0 } };
    }
  }
  return digest;
}

/** Two title keys name the same title: equal, or one holds the other, which is at least 60 % of its length. */
function sameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 6 && short.length * 10 >= long.length * 6 && long.includes(short);
}

/**
 * Of the title lines at the head of a report, the one that stays (its position in `titles`): starting from the
 * first, a copy of the same title that is more complete (a longer key), or as complete and not a title bar,
 * takes its place. The first copy stays among equal ones, so that web-cruft's fixes on it (its （精选5篇）, its
 * menu index) and the deletion of the later copies never overlap. The analysis picks its title the same way.
 */
export function keptTitle(titles: readonly TitleDigest[]): number {
  let kept = 0;
  for (let h = 1; h < titles.length; h++) {
    const d = titles[h]!;
    const k = titles[kept]!;
    if (!sameTitle(d.key, k.key)) continue;
    if (d.key.length > k.key.length || (d.key.length === k.key.length && k.bar && !d.bar)) kept = h;
  }
  return kept;
}

export const repeatedTitle: DocumentRule<TitleDigest> = {
  id: 'repeated-title',
  category: 'cruft',
  scope: 'document',
  prepare: titleDigest,
  check(paragraphs, digests, text) {
    const out: Finding[] = [];
    const flagged = new Set<number>();
    const lineFix = (i: number) => {
      const p = paragraphs[i]!;
      return i + 1 < paragraphs.length
        ? { start: p.start, end: paragraphs[i + 1]!.start, text: '' }
        : { start: i > 0 ? paragraphs[i - 1]!.end : p.start, end: text.length, text: '' };
    };
    // Each line is flagged once, as a repeated title or as a listing snippet, with the fix that removes it.
    const push = (i: number, messageId: string, params: Record<string, string>) => {
      if (flagged.has(i)) return;
      flagged.add(i);
      const p: Paragraph = paragraphs[i]!;
      out.push({ ruleId: 'repeated-title', category: 'cruft', severity: 'warning', start: p.start, end: p.end, messageId, params, fix: lineFix(i) });
    };
    const flag = (i: number, kept: number) =>
      push(i, 'rules.cruft.repeatedTitle', { text: paragraphs[i]!.text.trim(), title: paragraphs[kept]!.text.trim() });
    const snippet = (k: number) => push(k, 'rules.cruft.snippet', { text: paragraphs[k]!.text.trim().slice(0, 24) });

    // The head: title lines before the first paragraph of body text.
    const head: number[] = [];
    let seen = 0;
    let i = 0;
    for (; i < paragraphs.length && seen < HEAD_LINES; i++) {
      const d = digests[i]!;
      if (d.kind === Kind.Blank) continue;
      seen++;
      if (d.kind === Kind.Body) break;
      if (d.kind === Kind.Title) head.push(i);
    }
    if (head.length > 0) {
      const kept = head[keptTitle(head.map((h) => digests[h]!))]!;
      const key = digests[kept]!.key;
      for (const h of head) if (h !== kept && sameTitle(digests[h]!.key, key)) flag(h, kept);
      // Further copies of it just below the head. Before the first such copy, a paragraph that starts with the
      // title and goes on into the body is the page's summary snippet (the title and the first sentence, cut).
      const titleText = paragraphs[kept]!.text.trim();
      let snippets: number[] = [];
      for (let k = i, lines = 0; k < paragraphs.length && lines < NEAR_LINES; k++) {
        if (k <= kept) continue;
        const d = digests[k]!;
        if (d.kind === Kind.Blank) continue;
        lines++;
        if (d.kind === Kind.Title && d.key === key) {
          flag(k, kept);
          for (const s of snippets) snippet(s);
          snippets = [];
        } else if (d.kind === Kind.Body && !flagged.has(k)) {
          const t = paragraphs[k]!.text.trimStart();
          if (t.startsWith(titleText) && /^[ \u3000]/.test(t.slice(titleText.length))) snippets.push(k);
        }
      }
      // A menu index in front of the title that stays.
      const keptDigest = digests[kept]!;
      if (keptDigest.index > 0 && head[0] === kept) {
        const p = paragraphs[kept]!;
        out.push({
          ruleId: 'repeated-title',
          category: 'cruft',
          severity: 'warning',
          start: p.start,
          end: p.start + keptDigest.index,
          messageId: 'rules.cruft.menuIndex',
          params: { text: p.text.slice(0, keptDigest.index).trim() },
          fix: { start: p.start, end: p.start + keptDigest.index, text: '' },
        });
      }
    }

    // A title doubled at the start of a body paragraph (a preview run together), and the index before it.
    for (let k = 0; k < paragraphs.length; k++) {
      const doubled = digests[k]!.doubled;
      if (!doubled) continue;
      const p = paragraphs[k]!;
      const lead = p.text.length - p.text.trimStart().length;
      if (doubled.index > 0) {
        out.push({
          ruleId: 'repeated-title',
          category: 'cruft',
          severity: 'warning',
          start: p.start + lead,
          end: p.start + lead + doubled.index,
          messageId: 'rules.cruft.menuIndex',
          params: { text: p.text.slice(lead, lead + doubled.index).trim() },
          fix: { start: p.start + lead, end: p.start + lead + doubled.index, text: '' },
        });
      }
      const copy = p.text.slice(doubled.start, doubled.end);
      out.push({
        ruleId: 'repeated-title',
        category: 'cruft',
        severity: 'warning',
        start: p.start + doubled.start,
        end: p.start + doubled.end,
        messageId: 'rules.cruft.doubledTitle',
        params: { text: copy.trim() },
        fix: { start: p.start + doubled.start, end: p.start + doubled.end, text: '' },
      });
    }

    // Anywhere: a title line repeated on the next non-blank, non-cruft line.
    let previous = -1;
    for (let k = 0; k < paragraphs.length; k++) {
      const d = digests[k]!;
      if (d.kind === Kind.Blank || d.kind === Kind.Cruft) continue;
      if (d.kind === Kind.Title && previous >= 0 && digests[previous]!.key === d.key) flag(k, previous);
      previous = d.kind === Kind.Title ? previous >= 0 && digests[previous]!.key === d.key ? previous : k : -1;
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
