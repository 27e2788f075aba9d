// stray-dot — a half-width full stop between two Chinese characters inside a phrase: 党管.意识形态 (党管意识形态),
// 分管领导和.兼职工作人员. A dot counts as stray when a set phrase holds across it (set-phrases.json) or when the
// character before it is a function word that never ends a sentence (和 与 及 的 把 对 …).
// Why: text copied from a preview or a 范文 page keeps marks that stood for removed words or page furniture; in
// the middle of a phrase the dot is plainly debris, and the portal prints it as typed.
// Not reported: a dot that may end a sentence (精神.第一时间 wants 。, not a deletion), ellipses (..), numbers
// and abbreviations (no Han character on both sides), and a dot standing for a cut-out name before 精神, 主义,
// 思想, 系列 or 重要讲话 (学习.精神: official-names' business, and deleting the dot would not mend it).
// Severity: warning. Fix: delete the dot.
// Known false positive: a dot that really ends a sentence after 的 or 和 in a garbled, unfinished sentence.
import { phraseAcross } from './set-phrase-typos';
import { isHan, NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

/** Characters that never end a Chinese sentence: a dot right after one is inside the sentence. */
const NEVER_LAST = new Set([...'和与及或的之把被对向从在将以为由给跟并且其各每该']);
/** What follows a dot that stands for a removed name (学习.精神, 特色.主义, 党的.精神及.系列重要讲话). */
const CUT_NAME = /^(?:精神|主义|思想|系列|重要讲话)/;

export const strayDot: ParagraphRule = {
  id: 'stray-dot',
  category: 'typo',
  scope: 'paragraph',
  needs: '.',
  check(text) {
    let out: Finding[] | undefined;
    for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
      if (at === 0 || !isHan(text.charCodeAt(at - 1)) || !isHan(text.charCodeAt(at + 1))) continue;
      if (CUT_NAME.test(text.slice(at + 1, at + 5))) continue;
      const phrase = phraseAcross(text, at);
      if (phrase === undefined && !NEVER_LAST.has(text[at - 1]!)) continue;
      (out ??= []).push({
        ruleId: 'stray-dot',
        category: 'typo',
        severity: 'warning',
        start: at - 1,
        end: at + 2,
        messageId: phrase ? 'rules.strayDot.phrase' : 'rules.strayDot.message',
        params: phrase ? { phrase } : { wrong: text.slice(at - 1, at + 2) },
        fix: { start: at, end: at + 1, text: '' },
      });
    }
    return out ?? NO_FINDINGS;
  },
};
