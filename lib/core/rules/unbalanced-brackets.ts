// unbalanced-brackets — an opening （ 《 “ 【 〔 without its closing mark in the same paragraph, or a closing
// mark without its opening one: "(三突出学习型党组织建设" (the ")" was lost), 《党委(党组意识形态…》.
// Why: a lost bracket changes how a heading or a document title reads (GB/T 15834-2011 §4.9, §4.15).
// Half- and full-width parentheses pair with each other here (halfwidth-punctuation reports the width).
// Severity: warning; no fix — where the missing mark belongs is for the writer to say.
// Known false positive: a quotation running over several paragraphs, where each paragraph opens with “ and
// only the last closes it (rare in reports).
import type { Finding, ParagraphRule } from './types';

/** Kind of an opening mark (1–5), or 0. Char codes, not strings: this loop runs over every character. */
function openingKind(code: number): number {
  switch (code) {
    case 0xff08: // （
    case 0x28: // (
      return 1;
    case 0x300a: // 《
      return 2;
    case 0x201c: // “
      return 3;
    case 0x3010: // 【
      return 4;
    case 0x3014: // 〔
      return 5;
    default:
      return 0;
  }
}

function closingKind(code: number): number {
  switch (code) {
    case 0xff09: // ）
    case 0x29: // )
      return 1;
    case 0x300b: // 》
      return 2;
    case 0x201d: // ”
      return 3;
    case 0x3011: // 】
      return 4;
    case 0x3015: // 〕
      return 5;
    default:
      return 0;
  }
}

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

/** The marks this rule reads. A global RegExp's test() jumps natively from one to the next without building a
 * match object — about three times faster than looking at every character in JavaScript. */
const BRACKET = /[()“”《》【】〔〕（）]/g;

export const unbalancedBrackets: ParagraphRule = {
  id: 'unbalanced-brackets',
  category: 'punctuation',
  scope: 'paragraph',
  check(text) {
    const out: Finding[] = [];
    // The open marks as two lists of numbers (kind, position): no object per mark on a line of 100,000 （.
    const kinds: number[] = [];
    const positions: number[] = [];
    // How many marks of each kind are open: a closing mark with none open is reported at once, instead of
    // searching the whole stack for it (quadratic on a line of 100,000 （ followed by as many 》).
    const open = [0, 0, 0, 0, 0, 0];
    BRACKET.lastIndex = 0;
    while (BRACKET.test(text)) {
      const i = BRACKET.lastIndex - 1;
      const code = text.charCodeAt(i);
      const opening = openingKind(code);
      if (opening) {
        kinds.push(opening);
        positions.push(i);
        open[opening]!++;
        continue;
      }
      const closing = closingKind(code);
      if (!closing) continue;
      if (open[closing] === 0) {
        out.push(finding(i, text[i]!, 'rules.brackets.unopened'));
        continue;
      }
      // Everything opened after the matching mark was never closed: 《党委(党组意识形态…》. Each mark leaves the
      // stack once, so the search down to the match is linear over the paragraph.
      let depth = kinds.length - 1;
      while (kinds[depth] !== closing) depth--;
      for (let k = depth + 1; k < kinds.length; k++) {
        open[kinds[k]!]!--;
        out.push(finding(positions[k]!, text[positions[k]!]!, 'rules.brackets.unclosed'));
      }
      open[closing]!--;
      kinds.length = depth;
      positions.length = depth;
    }
    for (const at of positions) out.push(finding(at, text[at]!, 'rules.brackets.unclosed'));
    if (out.length < 2) return out;
    out.sort((a, b) => a.start - b.start);
    // A run of the same mark left open (（（（ or 》》》) is one finding over the run.
    const merged: Finding[] = [out[0]!];
    for (let k = 1; k < out.length; k++) {
      const f = out[k]!;
      const last = merged[merged.length - 1]!;
      if (f.start === last.end && f.messageId === last.messageId && text[f.start] === text[last.start]) last.end = f.end;
      else merged.push(f);
    }
    return merged;
  },
};
