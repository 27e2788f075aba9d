// repeated-word — a word typed twice in a row: 开展开展, 意识意识形态, 市委市委宣传部, 社区党党总支.
// Why: a slip of copy-and-paste that spell checkers miss in Chinese. Two- to four-character units repeated
// back to back (ABAB) are flagged except counted repetition (一项一项, 一步一步); single characters only for
// a short table of characters that never double in this genre (党党, 的的 but not 的的确确).
// Severity: warning; no fix — 市委市委宣传部 is 市委、市委宣传部, not 市委宣传部.
// Known false positive: colloquial verb doubling (研究研究, 讨论讨论) in a quotation of speech.
import { isHan } from './text';
import type { Finding, ParagraphRule } from './types';

const SINGLE = /(?<!共产)党党|的的(?!确)|了了(?!之)|和和(?!美)/g;

function finding(start: number, end: number, word: string): Finding {
  return {
    ruleId: 'repeated-word', category: 'typo', severity: 'warning', start, end,
    messageId: 'rules.repeated.message', params: { word },
  };
}

export const repeatedWord: ParagraphRule = {
  id: 'repeated-word',
  category: 'typo',
  scope: 'paragraph',
  check(text) {
    const out: Finding[] = [];
    const n = text.length;
    // ABAB with a unit of 4, 3 or 2 Han characters, compared code unit by code unit (a back-reference RegExp
    // does the same work several times slower). The first unit's first character is compared before the
    // rest, which rules out nearly every position at once.
    for (let i = 0; i + 4 <= n; i++) {
      const first = text.charCodeAt(i);
      if (!isHan(first)) continue;
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
        const unit = text.slice(i, i + len);
        if (unit.startsWith('一') || unit[0] === unit[1]) break;
        out.push(finding(i, i + 2 * len, unit));
        i += 2 * len - 1;
        break;
      }
    }
    SINGLE.lastIndex = 0;
    for (let m = SINGLE.exec(text); m; m = SINGLE.exec(text)) out.push(finding(m.index, m.index + 2, m[0][0]!));
    return out.length < 2 ? out : out.sort((a, b) => a.start - b.start);
  },
};
