// repeated-word — a word typed twice in a row: 开展开展, 意识意识形态, 市委市委宣传部, 社区党党总支.
// Why: a slip of copy-and-paste that spell checkers miss in Chinese. Two- to four-character units repeated
// back to back (ABAB) are flagged except counted repetition (一项一项, 一步一步); single characters only for
// a short table of characters that never double in this genre (党党, 的的 but not 的的确确).
// Severity: warning; no fix — 市委市委宣传部 is 市委、市委宣传部, not 市委宣传部.
// Known false positive: colloquial verb doubling (研究研究, 讨论讨论) in a quotation of speech.
import type { Finding, ParagraphRule } from './types';

const ABAB = /([\u4e00-\u9fff]{2,4})\1/g;
const SINGLE = /(?<!共产)党党|的的(?!确)|了了(?!之)|和和(?!美)/g;

export const repeatedWord: ParagraphRule = {
  id: 'repeated-word',
  category: 'typo',
  scope: 'paragraph',
  check(text) {
    const out: Finding[] = [];
    const push = (start: number, end: number, word: string) =>
      out.push({
        ruleId: 'repeated-word', category: 'typo', severity: 'warning', start, end,
        messageId: 'rules.repeated.message', params: { word },
      });
    ABAB.lastIndex = 0;
    for (let m = ABAB.exec(text); m; m = ABAB.exec(text)) {
      const unit = m[1]!;
      if (unit.startsWith('一') || /^(.)\1/.test(unit)) continue;
      push(m.index, m.index + m[0].length, unit);
    }
    SINGLE.lastIndex = 0;
    for (let m = SINGLE.exec(text); m; m = SINGLE.exec(text)) push(m.index, m.index + 2, m[0][0]!);
    return out.sort((a, b) => a.start - b.start);
  },
};
