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
import type { Finding, ParagraphRule } from './types';

const fragmentEntries = cruftPack.entries.filter((e) => !e.line);
const fragmentIds = fragmentEntries.map((e) => e.id);
const combined = new RegExp(fragmentEntries.map((e, i) => `(?<c${i}>${e.pattern})`).join('|'), 'g');

// A prefilter in front of `combined`: every fragment match holds at least one of a small set of literals (范文问答,
// [朗读], 篇, 页, …), worked out from the patterns at load time, so most lines of a report are passed over by one
// scan for plain literals and never run the alternation. An entry whose pattern this reading does not cover (a
// negated class, \s, a wide range, nothing required) turns the prefilter off: the answer never changes.
type Required = { chars: Set<string>; nullable: boolean } | { chars: null; nullable: boolean };
/** Characters that are on most lines: a required set with one of them is a poor filter. */
const COMMON = new Set([...' \u3000\t0123456789，。、：:；;,.（）()-—']);
/** Words of report text that the patterns hold (网络安全, 成为…): a poor filter too. */
const FREQUENT_WORDS = new Set(['网络', '成为', '升级', '下载', '学习', '会员']);
/** Frequent characters of report text: of a literal's characters, a rarer one is the better filter. */
const FREQUENT = new Set([
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图统接知较将组见计别手期根论运农指几区强放决被干做必战先回则任取据处给即保治北造规热领海口东导器压志世金增争济阶思术极交受联认共权收证改清己再采转更单风切打教速带安场身车例真务具万每目至达走积示议声报完类离华名确才科张信节话整空元况今集温传许步群广石记需段研界拉律且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型眼按格养易置派层片始却专状育照参细引听该价严飞',
]);

export function requiredLiterals(pattern: string): Set<string> | null {
  let i = 0;
  const codeAt = (hex: string) => String.fromCharCode(parseInt(hex, 16));
  // A set of literals is a better filter the fewer and the longer they are: a single character costs by how
  // often it is seen in reports, two or more together cost one.
  const score = (set: Set<string>) =>
    [...set].reduce((sum, c) => sum + 1 + (c.length > 1 ? (FREQUENT_WORDS.has(c) ? 10 : 0) : COMMON.has(c) ? 100 : FREQUENT.has(c) ? 10 : 0), 0);
  function escape(inClass: boolean): string | null {
    const c = pattern[i + 1]!;
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) {
      i += 6;
      return codeAt(pattern.slice(i - 4, i));
    }
    i += 2;
    if (/[A-Za-z0-9]/.test(c)) return inClass || c !== 'b' ? null : '';
    return c;
  }
  function charClass(): Set<string> | null {
    i++;
    const set = new Set<string>();
    let ok = pattern[i] !== '^';
    if (!ok) i++;
    while (i < pattern.length && pattern[i] !== ']') {
      let c: string | null;
      if (pattern[i] === '\\') c = escape(true);
      else c = pattern[i++]!;
      if (c === null) ok = false;
      if (c !== null && pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
        i++;
        const to = pattern[i] === '\\' ? escape(true) : pattern[i++]!;
        if (to === null || to.charCodeAt(0) - c.charCodeAt(0) > 128) ok = false;
        else for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) set.add(String.fromCharCode(k));
      } else if (c !== null) set.add(c);
    }
    i++;
    return ok ? set : null;
  }
  function quantified(atom: Required): Required {
    const q = pattern[i];
    if (q === '?' || q === '*') {
      i++;
      atom = { ...atom, nullable: true };
    } else if (q === '+') i++;
    else if (q === '{') {
      const m = /^\{([0-9]+)(?:,[0-9]*)?\}/.exec(pattern.slice(i));
      if (m) {
        i += m[0].length;
        if (m[1] === '0') atom = { ...atom, nullable: true };
      }
    }
    if (pattern[i] === '?') i++; // lazy
    return atom;
  }
  function alternation(): Required {
    let union: Set<string> | null = new Set();
    let nullable = false;
    for (;;) {
      const alt = sequence();
      nullable ||= alt.nullable;
      if (alt.chars === null || union === null) union = null;
      else for (const c of alt.chars) union.add(c);
      if (pattern[i] !== '|') break;
      i++;
    }
    return union ? { chars: union, nullable } : { chars: null, nullable };
  }
  function sequence(): Required {
    let best: Set<string> | null = null;
    let nullable = true;
    // Characters matched one after another with nothing between them (范文问答) are required together: the run
    // is a rarer literal than any of its characters. A short class in a run ([告结]（) makes one literal per
    // character; so does a lookbehind of one short class just before the match.
    let run: string[] = [];
    const consider = (set: Set<string>) => {
      if (!best || score(set) < score(best)) best = set;
    };
    const flush = () => {
      if (run.length > 0 && run[0] !== '') consider(new Set(run));
      run = [];
    };
    const extend = (chars: Set<string>) => {
      const base = run.length === 0 ? [''] : run;
      if (base.length * chars.size > 64) {
        flush();
        run = [...chars];
      } else run = base.flatMap((r) => [...chars].map((c) => r + c));
    };
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom: Required;
      const c = pattern[i]!;
      if (c === '(') {
        const behind = /^\(\?<=(\[[^\]^\\-]{1,8}\])\)/.exec(pattern.slice(i));
        if (behind) {
          i += behind[0].length;
          flush();
          extend(new Set([...behind[1]!.slice(1, -1)]));
          continue;
        }
        const look = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(i));
        const plain = /^\((?:\?:|\?<[A-Za-z0-9_]+>)?/.exec(pattern.slice(i))!;
        i += look ? look[0].length : plain[0].length;
        const inner = alternation();
        i++; // ')'
        atom = look ? { chars: null, nullable: true } : inner;
        if (look) {
          quantified(atom);
          flush();
          continue;
        }
      } else if (c === '[') {
        const set = charClass();
        atom = set ? { chars: set, nullable: false } : { chars: null, nullable: false };
      } else if (c === '^' || c === '$') {
        i++;
        flush();
        continue;
      } else if (c === '.') {
        i++;
        atom = { chars: null, nullable: false };
      } else if (c === '\\') {
        const e = escape(false);
        if (e === '') {
          flush();
          continue;
        }
        atom = e === null ? { chars: null, nullable: false } : { chars: new Set([e]), nullable: false };
      } else {
        i++;
        atom = { chars: new Set([c]), nullable: false };
      }
      const at = i;
      atom = quantified(atom);
      if (atom.chars && i === at && c !== '(' && atom.chars.size <= 8 && [...atom.chars].every((x) => x.length === 1)) {
        extend(atom.chars);
        nullable = false;
        continue;
      }
      flush();
      if (atom.nullable) continue;
      nullable = false;
      if (atom.chars) consider(atom.chars);
    }
    flush();
    return best ? { chars: best, nullable } : { chars: null, nullable };
  }
  const found = alternation();
  return i === pattern.length && !found.nullable ? found.chars : null;
}

/** The literals one of which every fragment match holds; null when some entry's could not be worked out. */
function prefilterLiterals(): string[] | null {
  const all = new Set<string>();
  for (const e of fragmentEntries) {
    const literals = requiredLiterals(e.pattern);
    if (!literals) return null;
    for (const c of literals) all.add(c);
  }
  return [...all];
}

function unicodeEscape(text: string): string {
  return [...text].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

const literals = prefilterLiterals();
/** Null when some entry's required literals could not be worked out: then every line is scanned. */
export const FRAGMENT_PREFILTER = literals && new RegExp(literals.map(unicodeEscape).join('|'));
/**
 * A first, cheaper stage, read once per character from tables (a RegExp of CJK characters is a range search
 * per position, several times slower on a short line): the one-character literals (字, 页, 篇 …), and the first
 * two characters of the longer ones, hashed (会员 must not wake on 会议).
 */
const pairHash = (a: number, b: number) => (Math.imul(a, 31) ^ b) & 0xffff;
const FRAGMENT_TABLES: { single: Uint8Array; pairFirst: Uint8Array; pairs: Uint8Array } | null = (() => {
  if (!literals) return null;
  const single = new Uint8Array(0x10000);
  const pairFirst = new Uint8Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  for (const text of literals) {
    const a = text.charCodeAt(0);
    if (text.length === 1) single[a] = 1;
    else {
      pairFirst[a] = 1;
      pairs[pairHash(a, text.charCodeAt(1))] = 1;
    }
  }
  return { single, pairFirst, pairs };
})();

function mayHoldLiteral(line: string, tables: NonNullable<typeof FRAGMENT_TABLES>): boolean {
  const { single, pairFirst, pairs } = tables;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (single[code] !== 0) return true;
    if (pairFirst[code] !== 0 && i + 1 < line.length && pairs[pairHash(code, line.charCodeAt(i + 1))] !== 0) return true;
  }
  return false;
}

/** Whether a fragment may be on the line (false: none is). */
function mayHoldFragment(line: string): boolean {
  return !FRAGMENT_PREFILTER || (mayHoldLiteral(line, FRAGMENT_TABLES!) && FRAGMENT_PREFILTER.test(line));
}

/** A fragment found on a line: [start, end) and its entry. */
interface Span {
  start: number;
  end: number;
  entry: string;
}
const NO_SPANS: readonly Span[] = [];

function scanFragments(line: string): readonly Span[] {
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

// The outline, the title rule and this rule each ask about the same lines on a first analysis: the answers with
// every entry on are kept for the latest lines (bounded tables, emptied when full). Fragments are kept only for
// lines that pass the prefilter; the rest are answered by it.
const MEMO_SIZE = 4096;
let memo = new Map<string, string[] | null>();
let fragmentMemo = new Map<string, readonly Span[]>();

function memoFragments(line: string): readonly Span[] {
  if (!mayHoldFragment(line)) return NO_SPANS;
  const known = fragmentMemo.get(line);
  if (known !== undefined) return known;
  const found = scanFragments(line);
  if (fragmentMemo.size >= MEMO_SIZE) fragmentMemo = new Map();
  fragmentMemo.set(line, found);
  return found;
}

function memoLineEntries(line: string): string[] | undefined {
  if (line.length > MAX_LINE + 16) return undefined;
  const known = memo.get(line);
  if (known !== undefined) return known ?? undefined;
  const found = cruftLineEntries(line);
  if (memo.size >= MEMO_SIZE) memo = new Map();
  memo.set(line, found ?? null);
  return found;
}

/** Whether web-cruft removes the whole line (the period and the title are looked for under such lines). */
export function isCruftLine(line: string): boolean {
  return memoLineEntries(line) !== undefined;
}

/** The line without the fragments web-cruft removes from it (（精选5篇）, [朗读], 篇一：…), for reading titles. */
export function stripCruftFragments(line: string): string {
  const spans = memoFragments(line);
  if (spans.length === 0) return line;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += line.slice(last, s.start);
    last = s.end;
  }
  return out + line.slice(last);
}

export const webCruft: ParagraphRule = {
  id: 'web-cruft',
  category: 'cruft',
  scope: 'paragraph',
  check(text, context) {
    const base = { ruleId: 'web-cruft', category: 'cruft', severity: 'blocking' as const };
    let whole = memoLineEntries(text);
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
    const found = memoFragments(text);
    if (found.length === 0) return [];
    const spans = context.disabledEntries.size > 0 ? found.filter((s) => !context.disabledEntries.has(s.entry)) : found;
    if (spans.length === 0) return [];
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
