// repeated-title — the report's title printed more than once at the top, as 范文 and 文库 pages carry it: the
// page's title bar (年意识形态工作总结(县市区级局)|2020年意识形态工作要点), a shortened page title, the title
// with （精选5篇） or (全文共1402字) after it, then the article's own title; a title line repeated on the next
// line anywhere; and a menu index in front of the title on the first line (1.2023年意识形态工作总结, 【1】…).
// Why: the extra copies are page furniture, not the report; a reader sees at once that the text was copied.
// Which copy stays: the most complete one (the longest once site suffixes are taken off); of equal ones the first
// that is not a title bar (see keptTitle). Copies that the duplicates rule already reports (the same text, 16
// characters or more) are left to it, so a line is never reported twice.
// Severity: warning — almost always cruft, but a report may legitimately repeat its title (a cover line and a
// heading). Fix: delete the copy with its line break; for a menu index, delete the index.
// The head is read up to the first paragraph of body text (at most 16 non-blank lines); title copies equal to
// the kept title are also looked for in the next 40 lines. Linear: one pass over a bounded number of digests.
// Known false positive: a form whose cover field and first field both hold the report's title.
import { isCruftLine, stripCruftFragments } from './web-cruft';
import type { DocumentRule, Finding, Paragraph } from './types';

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
  /** The text without whitespace: equal ones of 16 or more are reported by duplicates. */
  compact: string;
}

const HEAD_LINES = 16;
const NEAR_LINES = 40;
/** duplicates reports an exact copy of at least this many characters (without whitespace) on its own. */
const DUPLICATES_MIN = 16;
const SENTENCE = /[。，,；;！？!?]/;
const INDEX = /^(?:[0-9]{1,2}[.、．]|【[0-9]{1,2}】|\[[0-9]{1,2}\]|[（(][0-9]{1,2}[)）])[ \u3000]{0,2}/;
/** An outline heading (一、… （一）… 第一部分…) is a section of the report, never a copy of its title. */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分篇])/;
const TRAILING_BRACKET = /[（(][^（()）]{1,16}[)）]$/;
const TITLE_WORDS = /(?:报告|总结|汇报|情况|自查|述职|小结|计划|要点|方案|材料|自评|剖析|体会)$/;
const NOISE = /[\s\u3000，,、。：:；;“”"'‘’（）()《》【】[\]<>〈〉—\-_.．·|｜]/g;
const WHITESPACE = /[\s\u3000]/g;

const BLANK: TitleDigest = { kind: Kind.Blank, key: '', index: 0, bar: false, compact: '' };

export function titleDigest(text: string): TitleDigest {
  const content = text.trim();
  if (content === '') return BLANK;
  const compact = content.length <= 120 ? content.replace(WHITESPACE, '') : '';
  const digest = (kind: Kind, key = '', index = 0, bar = false): TitleDigest => ({ kind, key, index, bar, compact });
  if (content.length > 320) return digest(Kind.Body);
  if (isCruftLine(content)) return digest(Kind.Cruft);
  if (content.length > 120) return digest(Kind.Body);
  let title = content;
  const barAt = title.search(/[|｜]/);
  if (barAt > 0) title = title.slice(0, barAt);
  const index = INDEX.exec(title);
  if (index) title = title.slice(index[0].length);
  title = stripCruftFragments(title).trim();
  if (title.length < 6 || title.length > 60 || SENTENCE.test(title) || HEADING.test(title)) {
    return digest(content.length <= 24 && !SENTENCE.test(content) ? Kind.Short : Kind.Body);
  }
  if (!TITLE_WORDS.test(title.replace(TRAILING_BRACKET, ''))) return digest(title.length <= 24 ? Kind.Short : Kind.Body);
  const key = title.replace(NOISE, '');
  if (key.length < 6) return digest(Kind.Short);
  // Offsets of the index are taken in the paragraph as written (indentation included).
  const lead = text.length - text.trimStart().length;
  return digest(Kind.Title, key, index ? lead + index[0].length : 0, barAt > 0);
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
    const flag = (i: number, kept: number) => {
      if (flagged.has(i)) return;
      const a = digests[i]!;
      const b = digests[kept]!;
      // An exact copy long enough for duplicates is reported there.
      if (a.compact !== '' && a.compact === b.compact && a.compact.length >= DUPLICATES_MIN && i > kept) return;
      flagged.add(i);
      const p: Paragraph = paragraphs[i]!;
      out.push({
        ruleId: 'repeated-title',
        category: 'cruft',
        severity: 'warning',
        start: p.start,
        end: p.end,
        messageId: 'rules.cruft.repeatedTitle',
        params: { text: p.text.trim(), title: paragraphs[kept]!.text.trim() },
        fix: lineFix(i),
      });
    };

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
      // Further copies of it just below the head.
      for (let k = i, lines = 0; k < paragraphs.length && lines < NEAR_LINES; k++) {
        const d = digests[k]!;
        if (d.kind === Kind.Blank) continue;
        lines++;
        if (d.kind === Kind.Title && k !== kept && d.key === key) flag(k, kept);
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
