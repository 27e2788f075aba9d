// doubled-punctuation — two sentence marks in a row: ，， 。。 、、 ；； or a mixed pair such as ，。 、， ；。
// Why: GB/T 15834-2011 uses one mark at one place; doubles come from editing (a clause deleted between two
// commas) and read as sloppy. Three or more 。 are an ellipsis and left to the ellipsis rule.
// Severity: warning. Fix: for two identical marks, delete the second; a mixed pair has no fix (which one is
// meant depends on the sentence).
// Known false positive: none known in report text; ！！ and ？！ are not flagged (emphasis, rhetorical).
import type { Finding, ParagraphRule } from './types';

/** ，。、；：,; — compared inline: a Set lookup per character was this rule's whole cost. */
function isMark(code: number): boolean {
  return (
    code === 0xff0c || code === 0x3002 || code === 0x3001 || code === 0xff1b || code === 0xff1a || code === 0x2c || code === 0x3b
  );
}

/** Two marks in a row anywhere: without one (nearly every paragraph) there is nothing to walk. */
const PAIR = /[，。、；：,;][，。、；：,;]/;

export const doubledPunctuation: ParagraphRule = {
  id: 'doubled-punctuation',
  category: 'punctuation',
  scope: 'paragraph',
  needs: '，。、；：,;',
  check(text) {
    const out: Finding[] = [];
    if (!PAIR.test(text)) return out;
    for (let i = 1; i < text.length; i++) {
      if (!isMark(text.charCodeAt(i)) || !isMark(text.charCodeAt(i - 1))) continue;
      const a = text[i - 1]!;
      const b = text[i]!;
      const same = a === b;
      // A run of one mark (，，，，) is one slip: one finding, whose fix keeps the first mark. A line of
      // nothing but commas would otherwise give a finding every two characters.
      let end = i + 1;
      if (same) while (end < text.length && text.charCodeAt(end) === text.charCodeAt(i)) end++;
      // 。。。 is an ellipsis written with periods.
      if (a === '。' && same && (end - i >= 2 || text[i - 2] === '。')) {
        i = end - 1;
        continue;
      }
      out.push({
        ruleId: 'doubled-punctuation',
        category: 'punctuation',
        severity: 'warning',
        start: i - 1,
        end,
        messageId: same ? 'rules.doubled.same' : 'rules.doubled.mixed',
        params: { marks: text.slice(i - 1, end) },
        ...(same ? { fix: { start: i, end, text: '' } } : {}),
      });
      i = end;
    }
    return out;
  },
};
