// mojibake — characters lost in copying: U+FFFD (�), 锟斤拷 / 烫烫烫 (GBK/UTF-8 mix-ups), lone UTF-16
// surrogates, and an ASCII "?" right after a Han character where no question is asked (《育主体?, 予以公示?) —
// what a GBK page shows for a character it could not encode.
// Why: the reader sees garbage or a question mark in a statement. Severity: warning; no fix, because the lost
// character is unknown. A "?" after a real question (是否…?) is left to halfwidth-punctuation.
// Known false positive: a rhetorical question without any question word (这难道… is caught; 这还用说? is not).
import { isHan, looksLikeQuestion } from './text';
import type { Finding, ParagraphRule } from './types';

const GARBLE = /\uFFFD{1,64}|(?:锟斤拷){1,32}|烫{3,64}|屯{3,64}/g;

/** Every UTF-16 surrogate: a lone one is reported, and a pair (an emoji, a rare character) needs its walk. */
const SURROGATES = String.fromCharCode(...Array.from({ length: 0x800 }, (_, i) => 0xd800 + i));

type WellFormed = (text: string) => boolean;
/** String.prototype.isWellFormed (Chrome 111, Firefox 119, Node 20) finds lone surrogates natively. */
const isWellFormed: WellFormed =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : () => false;

function finding(start: number, end: number, kind: string): Finding {
  return {
    ruleId: 'mojibake',
    category: 'cruft',
    severity: 'warning',
    start,
    end,
    messageId: `rules.mojibake.${kind}`,
    params: {},
  };
}

export const mojibake: ParagraphRule = {
  id: 'mojibake',
  category: 'cruft',
  scope: 'paragraph',
  // GARBLE's first characters, the question mark and the surrogates.
  needs: '\uFFFD锟烫屯?' + SURROGATES,
  check(text) {
    const out: Finding[] = [];
    GARBLE.lastIndex = 0;
    for (let m = GARBLE.exec(text); m; m = GARBLE.exec(text)) out.push(finding(m.index, m.index + m[0].length, 'garbled'));
    // The walk below looks for lone surrogates and "?": most paragraphs have neither, and two native scans say so.
    if (text.indexOf('?') < 0 && isWellFormed(text)) return out;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
        else out.push(finding(i, i + 1, 'surrogate'));
      } else if (code >= 0xdc00 && code <= 0xdfff) {
        out.push(finding(i, i + 1, 'surrogate'));
      } else if (code === 0x3f /* ? */ && i > 0 && isHan(text.charCodeAt(i - 1))) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
        const nextIsBoundary = next === -1 || next === 0x20 || next === 0x3000 || isHan(next);
        if (nextIsBoundary && !looksLikeQuestion(text, i)) out.push(finding(i, i + 1, 'questionMark'));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
