// unbalanced-brackets — an opening （ 《 “ 【 〔 without its closing mark in the same paragraph, or a closing
// mark without its opening one: "(三突出学习型党组织建设" (the ")" was lost), 《党委(党组意识形态…》.
// Why: a lost bracket changes how a heading or a document title reads (GB/T 15834-2011 §4.9, §4.15).
// Half- and full-width parentheses pair with each other here (halfwidth-punctuation reports the width).
// Severity: warning; no fix — where the missing mark belongs is for the writer to say.
// Known false positive: a quotation running over several paragraphs, where each paragraph opens with “ and
// only the last closes it (rare in reports).
import type { Finding, ParagraphRule } from './types';

const PAIRS: Record<string, string> = { '（': 'paren', '(': 'paren', '《': 'book', '“': 'quote', '【': 'lenticular', '〔': 'tortoise' };
const CLOSING: Record<string, string> = { '）': 'paren', ')': 'paren', '》': 'book', '”': 'quote', '】': 'lenticular', '〕': 'tortoise' };

function finding(start: number, mark: string, messageId: string): Finding {
  return {
    ruleId: 'unbalanced-brackets',
    category: 'punctuation',
    severity: 'warning',
    start,
    end: start + 1,
    messageId,
    params: { mark },
  };
}

export const unbalancedBrackets: ParagraphRule = {
  id: 'unbalanced-brackets',
  category: 'punctuation',
  scope: 'paragraph',
  check(text) {
    const out: Finding[] = [];
    const stack: { kind: string; at: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const opening = PAIRS[c];
      if (opening) {
        stack.push({ kind: opening, at: i });
        continue;
      }
      const closing = CLOSING[c];
      if (!closing) continue;
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth]!.kind !== closing) depth--;
      if (depth < 0) {
        out.push(finding(i, c, 'rules.brackets.unopened'));
        continue;
      }
      // Everything opened after the matching mark was never closed: 《党委(党组意识形态…》
      for (const unclosed of stack.splice(depth).slice(1)) {
        out.push(finding(unclosed.at, text[unclosed.at]!, 'rules.brackets.unclosed'));
      }
    }
    for (const unclosed of stack) out.push(finding(unclosed.at, text[unclosed.at]!, 'rules.brackets.unclosed'));
    return out.sort((a, b) => a.start - b.start);
  },
};
