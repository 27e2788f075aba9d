// halfwidth-punctuation — half-width , ; : ! ? ( ) in Chinese text, to be full-width ，；：！？（）
// (GB/T 15834-2011 §4: Chinese text uses full-width marks).
// A mark counts as in Chinese text when a Han character or Chinese punctuation sits on either side, and it is
// not between two digits (1,000 / 10:30) nor after a Latin letter unless a Han character follows (http://
// stays, 大写xxx,宣传 is converted). Brackets are paired first: a pair
// is converted when what it encloses or what stands before it is Chinese. "?" is converted only where the
// clause asks a question; otherwise it is most likely a lost character (see mojibake).
// Severity: info — cosmetic and fixable in one click; portals print it as typed, though, so it is reported.
// Known false positive: ASCII code or an English quotation embedded in Chinese text ("print(a,b)" stays,
// "中文(English)" is converted).
import { isAsciiDigit, isAsciiLetter, isChinese, isHan, looksLikeQuestion } from './text';
import type { Finding, ParagraphRule } from './types';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };
/** One shared params object per mark: thousands of findings on a long text need not carry a copy each. */
const PARAMS: Record<string, { wrong: string; right: string }> = Object.fromEntries(
  Object.entries(FULL).map(([wrong, right]) => [wrong, Object.freeze({ wrong, right })]),
);

function finding(start: number, mark: string): Finding {
  const full = FULL[mark]!;
  return {
    ruleId: 'halfwidth-punctuation',
    category: 'punctuation',
    severity: 'info',
    start,
    end: start + 1,
    messageId: 'rules.halfwidth.message',
    params: PARAMS[mark]!,
    fix: { start, end: start + 1, text: full },
  };
}

const codeAt = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : -1);

/** True when the character at i sits in Chinese text: Chinese on either side, not digit,digit nor letter before. */
function inChineseContext(text: string, i: number): boolean {
  const before = codeAt(text, i - 1);
  const after = codeAt(text, i + 1);
  if (isAsciiDigit(before) && isAsciiDigit(after)) return false;
  // After a Latin word the mark is Latin punctuation (http://, Hello, world) unless Chinese follows (xxx,宣传).
  if (isAsciiLetter(before)) return isHan(after);
  return isChinese(before) || isHan(after);
}

/** , ; : ! ? ( ): test() on a global RegExp jumps natively to the next one without building a match object. */
const MARK = /[,;:!?()]/g;

export const halfwidthPunctuation: ParagraphRule = {
  id: 'halfwidth-punctuation',
  category: 'punctuation',
  scope: 'paragraph',
  needs: ',;:!?()',
  check(text) {
    const out: Finding[] = [];
    const open: number[] = [];
    let sorted = true;
    MARK.lastIndex = 0;
    while (MARK.test(text)) {
      const i = MARK.lastIndex - 1;
      const c = text[i]!;
      switch (c) {
        case ',':
        case ';':
        case ':':
        case '!':
          if (inChineseContext(text, i)) out.push(finding(i, c));
          break;
        case '?':
          if (inChineseContext(text, i) && looksLikeQuestion(text, i)) out.push(finding(i, c));
          break;
        case '(':
          open.push(i);
          break;
        case ')': {
          const o = open.pop();
          const start = o ?? i;
          // Chinese inside the pair, or Chinese right before it: 意见(试行) / (一) / 《条例》(2016年)
          let chinese = isChinese(codeAt(text, start - 1)) || isChinese(codeAt(text, i + 1));
          for (let k = start + 1; k < i && !chinese; k++) chinese = isHan(text.charCodeAt(k));
          if (chinese) {
            if (o !== undefined) {
              sorted = sorted && (out.length === 0 || out[out.length - 1]!.start < o);
              out.push(finding(o, '('));
            }
            out.push(finding(i, ')'));
          }
          break;
        }
      }
    }
    // Unclosed "(" followed by Chinese: (三突出… — converted; unbalanced-brackets reports the missing ")".
    for (const o of open) {
      if (isHan(codeAt(text, o + 1)) || isChinese(codeAt(text, o - 1))) {
        out.push(finding(o, '('));
        sorted = false;
      }
    }
    return sorted ? out : out.sort((a, b) => a.start - b.start);
  },
};
