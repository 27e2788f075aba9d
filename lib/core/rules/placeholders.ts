// placeholders — text left to be filled in: xx / XX / xxx, X次, 20XX年, **局, *年*月*日, __ / ＿＿, 某某,
// empty 【】（）《》, （此处填写…）, □□, and …… used as filler (《……》, 广大...员, 一是……二是……).
// Why: a submitted report with 副主任xx or 召开X次 is the most embarrassing defect of all, so these are
// blocking — the user sees them before the portal's submit goes through and decides.
// Data: lib/core/packs/placeholders.json. No fix: only the user knows the missing value.
// Known false positive: a product or model name such as "XXL" or "XX型"; a legitimate omission "……" between
// two Han characters inside a quotation.
import { placeholdersPack } from '../packs';
import { ellipsisRuns, isFillerEllipsis } from './text';
import type { Finding, ParagraphRule } from './types';

const entryIds = placeholdersPack.entries.map((e) => e.id);
const combined = new RegExp(placeholdersPack.entries.map((e, i) => `(?<p${i}>${e.pattern})`).join('|'), 'g');

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

export const placeholders: ParagraphRule = {
  id: 'placeholders',
  category: 'placeholder',
  scope: 'paragraph',
  check(text, context) {
    const out: Finding[] = [];
    combined.lastIndex = 0;
    for (let m = combined.exec(text); m; m = combined.exec(text)) {
      if (m[0].length === 0) {
        combined.lastIndex++;
        continue;
      }
      const groups = m.groups!;
      const index = entryIds.findIndex((_, i) => groups[`p${i}`] !== undefined);
      const entry = entryIds[index]!;
      if (!context.disabledEntries.has(entry)) out.push(finding(m.index, m.index + m[0].length, entry, text));
    }
    if (!context.disabledEntries.has('filler-ellipsis')) {
      for (const run of ellipsisRuns(text)) {
        if (isFillerEllipsis(text, run)) out.push(finding(run.start, run.end, 'filler-ellipsis', text));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
