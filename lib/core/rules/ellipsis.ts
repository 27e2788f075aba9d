// ellipsis — an ellipsis written as ... / 。。。 / … / ……… instead of …… (GB/T 15834-2011 §4.11: two
// U+2026, six dots in all), and …… together with 等 / 等等 (§4.11.3 note: use one or the other).
// Ellipses that stand for missing words (《……》, 广大...员) are placeholders and left to that rule.
// Severity: info — cosmetic, fixed in one click. Fix: replace with ……; for 等…… remove the ellipsis.
// Known false positive: a run of dots in a table of contents pasted as text (目录……3).
import { ELLIPSIS_CHARS, ellipsisRuns, isChinese, isFillerEllipsis } from './text';
import type { Finding, ParagraphRule } from './types';

export const ellipsis: ParagraphRule = {
  id: 'ellipsis',
  category: 'punctuation',
  scope: 'paragraph',
  needs: ELLIPSIS_CHARS,
  check(text) {
    const out: Finding[] = [];
    for (const run of ellipsisRuns(text)) {
      if (isFillerEllipsis(text, run)) continue;
      const before = run.start > 0 ? text.charCodeAt(run.start - 1) : -1;
      const after = run.end < text.length ? text.charCodeAt(run.end) : -1;
      const chinese = isChinese(before) || isChinese(after) || text[run.start] === '…' || text[run.start] === '。';
      if (!chinese) continue;
      const base = { ruleId: 'ellipsis', category: 'punctuation', severity: 'info' as const, start: run.start, end: run.end };
      if (text[run.start - 1] === '等' || text.startsWith('等', run.end)) {
        out.push({ ...base, messageId: 'rules.ellipsis.withDeng', params: { text: text.slice(run.start, run.end) }, fix: { start: run.start, end: run.end, text: '' } });
      } else if (!run.standard) {
        out.push({ ...base, messageId: 'rules.ellipsis.form', params: { text: text.slice(run.start, run.end) }, fix: { start: run.start, end: run.end, text: '……' } });
      }
    }
    return out;
  },
};
