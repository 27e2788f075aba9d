// repeated-word — a word typed twice in a row: 开展开展, 意识意识形态, 市委市委宣传部, 社区党党总支.
// Why: a slip of copy-and-paste that spell checkers miss in Chinese. Two- to four-character units repeated
// back to back (ABAB) are flagged except counted repetition (一项一项, 一步一步); single characters only for
// a short table of characters that never double in this genre (党党, 的的 but not 的的确确).
// Severity: warning; no fix — 市委市委宣传部 is 市委、市委宣传部, not 市委宣传部.
// Known false positive: colloquial verb doubling (研究研究, 讨论讨论) in a quotation of speech.
import { isHan, NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

const SINGLE = /(?<!共产)党党|的的(?!确)|了了(?!之)|和和(?!美)/g;

function finding(start: number, end: number, word: string): Finding {
  return {
    ruleId: 'repeated-word', category: 'typo', severity: 'warning', start, end,
    messageId: 'rules.repeated.message', params: { word },
  };
}

/**
 * The end of an ABAB repeat starting at i (units of 4, then 3, then 2 Han characters), or -1. A unit starting
 * with 一 (一项一项) or made of one character twice (AA, left to SINGLE) ends the search at i.
 */
function repeatAt(text: string, i: number, n: number): number {
  const first = text.charCodeAt(i);
  for (let len = 4; len >= 2; len--) {
    if (i + 2 * len > n || text.charCodeAt(i + len) !== first) continue;
    let same = true;
    for (let k = 1; k < len; k++) {
      const code = text.charCodeAt(i + k);
      if (!isHan(code) || code !== text.charCodeAt(i + len + k)) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (first === 0x4e00 /* 一 */ || text.charCodeAt(i + 1) === first) return -1;
    return i + 2 * len;
  }
  return -1;
}

export const repeatedWord: ParagraphRule = {
  id: 'repeated-word',
  category: 'typo',
  scope: 'paragraph',
  check(text) {
    let out: Finding[] = NO_FINDINGS;
    const n = text.length;
    // ABAB with a unit of 4, 3 or 2 Han characters, compared code unit by code unit (a back-reference RegExp
    // does the same work several times slower). A window of five code units slides along the text, one read
    // per position; only where the first unit's first character comes back 2, 3 or 4 places later (rare) are
    // the units compared.
    let c0 = n > 0 ? text.charCodeAt(0) : 0;
    let c1 = n > 1 ? text.charCodeAt(1) : 0;
    let c2 = n > 2 ? text.charCodeAt(2) : 0;
    let c3 = n > 3 ? text.charCodeAt(3) : 0;
    for (let i = 0; i + 4 <= n; i++) {
      const c4 = i + 4 < n ? text.charCodeAt(i + 4) : -1;
      if ((c0 === c2 || c0 === c3 || c0 === c4) && isHan(c0)) {
        let end = repeatAt(text, i, n);
        if (end > 0) {
          // 开展开展开展: the unit repeated again is the same slip, one finding (a line of nothing but repeats
          // would otherwise give one finding every four characters).
          const unit = (end - i) / 2;
          while (end + unit <= n && text.startsWith(text.slice(i, i + unit), end)) end += unit;
          if (out === NO_FINDINGS) out = [];
          out.push(finding(i, end, text.slice(i, i + unit)));
          i = end - 1;
          c0 = text.charCodeAt(i + 1);
          c1 = i + 2 < n ? text.charCodeAt(i + 2) : -1;
          c2 = i + 3 < n ? text.charCodeAt(i + 3) : -1;
          c3 = i + 4 < n ? text.charCodeAt(i + 4) : -1;
          continue;
        }
      }
      c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
    }
    SINGLE.lastIndex = 0;
    let single: Finding | undefined;
    for (let m = SINGLE.exec(text); m; m = SINGLE.exec(text)) {
      // 的的的的 is one slip: a match that starts where the last one ended, with the same character, extends it.
      if (single && single.end === m.index && text.charCodeAt(m.index) === text.charCodeAt(single.start)) single.end = m.index + 2;
      else {
        if (out === NO_FINDINGS) out = [];
        out.push((single = finding(m.index, m.index + 2, m[0][0]!)));
      }
    }
    return out.length < 2 ? out : out.sort((a, b) => a.start - b.start);
  },
};
