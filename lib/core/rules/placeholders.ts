// placeholders — text left to be filled in: xx / XX / xxx, X次, 20XX年, **局, *年*月*日, __ / ＿＿, 某某,
// Tianbao's own variables left in by a scaffold or snippet ({{问题一}}),
// empty 【】（）《》, （此处填写…）, □□, and …… used as filler (《……》, 广大...员, 一是……二是……).
// Why: a submitted report with 副主任xx or 召开X次 is the most embarrassing defect of all, so these are
// blocking — the user sees them before the portal's submit goes through and decides.
// Data: lib/core/packs/placeholders.json. No fix: only the user knows the missing value.
// Known false positive: a product or model name such as "XXL" or "XX型"; a legitimate omission "……" between
// two Han characters inside a quotation.
import { placeholdersPack } from '../packs';
import { ellipsisRuns, isFillerEllipsis } from './text';
import type { Finding, ParagraphRule } from './types';

// One RegExp per entry: in V8 nine simple scans are several times faster than one alternation of all nine.
const patterns = placeholdersPack.entries.map((e) => ({ id: e.id, re: new RegExp(e.pattern, 'g') }));
/**
 * A character every pack pattern needs (an x, *, _, 某, an opening bracket, a brace or a box): a paragraph without one
 * — most lines of a roster or a log — skips the nine scans. tests/core/rules/fast-paths.test.ts checks that
 * no pattern matches where this does not.
 */
export const PLACEHOLDER_CHAR = /[xXｘＸ×*＊_＿某【（(《“〔[□■△▲○{｛]/;

function finding(start: number, end: number, entry: string, text: string): Finding {
  return {
    ruleId: 'placeholders',
    category: 'placeholder',
    severity: 'blocking',
    start,
    end,
    messageId: 'rules.placeholder.message',
    params: { entry, text: text.slice(start, end) },
  };
}

/** 年 月 日: the units between the parts of a date left blank. */
const isDateUnit = (code: number) => code === 0x5e74 || code === 0x6708 || code === 0x65e5;

interface Hit {
  start: number;
  end: number;
  entry: string;
}

export const placeholders: ParagraphRule = {
  id: 'placeholders',
  category: 'placeholder',
  scope: 'paragraph',
  check(text, context) {
    const hits: Hit[] = [];
    const disabled = context.disabledEntries.size > 0 ? context.disabledEntries : undefined;
    if (PLACEHOLDER_CHAR.test(text)) for (const { id, re } of patterns) {
      if (disabled?.has(id)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        else hits.push({ start: m.index, end: m.index + m[0].length, entry: id });
      }
    }
    if (!disabled?.has('filler-ellipsis')) {
      for (const run of ellipsisRuns(text)) {
        if (isFillerEllipsis(text, run)) hits.push({ start: run.start, end: run.end, entry: 'filler-ellipsis' });
      }
    }
    if (hits.length === 0) return [];
    // Entries may overlap (20XX is also an x-run): keep the earliest, longest one. Placeholders that touch
    // (xx____, 【】（ ）) or make up one date (20XX年X月X日, ____年____月) are one blank to fill in, and one
    // finding: a form of nothing but placeholders would otherwise give one finding every few characters.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Finding[] = [];
    let current = hits[0]!;
    let date = false;
    for (let i = 1; i <= hits.length; i++) {
      const hit = hits[i];
      if (hit) {
        const throughUnit = hit.start === current.end + 1 && isDateUnit(text.charCodeAt(current.end));
        if (hit.start <= current.end || throughUnit) {
          if (hit.end > current.end && (hit.start === current.end || throughUnit)) {
            current = { start: current.start, end: hit.end, entry: current.entry };
            if (throughUnit) date = true;
          }
          continue;
        }
      }
      // A date's last unit belongs to it: 20XX年X月X日, not 20XX年X月X.
      const end = date && isDateUnit(text.charCodeAt(current.end)) ? current.end + 1 : current.end;
      out.push(finding(current.start, end, current.entry, text));
      if (hit) current = hit;
      date = false;
    }
    return out;
  },
};
