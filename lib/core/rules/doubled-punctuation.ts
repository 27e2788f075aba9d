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
  check(text) {
    const out: Finding[] = [];
    if (!PAIR.test(text)) return out;
    for (let i = 1; i < text.length; i++) {
      if (!isMark(text.charCodeAt(i)) || !isMark(text.charCodeAt(i - 1))) continue;
      const a = text[i - 1]!;
      const b = text[i]!;
      // 。。。 is an ellipsis written with periods.
      if (a === '。' && b === '。' && (text[i + 1] === '。' || text[i - 2] === '。')) continue;
      const same = a === b;
      out.push({
        ruleId: 'doubled-punctuation',
        category: 'punctuation',
        severity: 'warning',
        start: i - 1,
        end: i + 1,
        messageId: same ? 'rules.doubled.same' : 'rules.doubled.mixed',
        params: { marks: a + b },
        ...(same ? { fix: { start: i, end: i + 1, text: '' } } : {}),
      });
      i++;
    }
    return out;
  },
};
