// number-forms — GB/T 15835-2011 forms of years: a zero in a Chinese-numeral year is 〇, not O, 0, ○ or 零
// (二O二一年 → 二〇二一年, §5.1.2); a year is not shortened (21年上半年 → 2021年上半年, §5.2.1).
// A two-digit year is flagged only where it is plainly a date (followed by 上半年/下半年/度/N月/第N季度), so
// durations such as 修路8年 or 工作12年 stay silent.
// Severity: info. Fix: 〇 for the wrong zero; for a short year, 20NN (19NN for 70–99).
// Known false positive: "12年度" meaning "twelve years" in an unusual construction.
import { isAsciiDigit } from './text';
import type { Finding, ParagraphRule } from './types';

// Both checks look back from each 年, found with indexOf: far cheaper than running a RegExp at every position.
// What they look back at is read by code units; a slice is made only for a finding (a log has a date on
// every line, and four slices and a concatenation per 年 were most of this rule's garbage).
const YEAR_DIGITS = '一二三四五六七八九〇零OoＯ0０○';
const WRONG_ZERO = /[零OoＯ0０○]/g;
const DATE_AFTER = /^(?:[上下]半年|度|[0-9]{1,2}月|第[一二三四1-4]季度)/;
const YEAR_DIGIT_CODES = new Set([...YEAR_DIGITS].map((c) => c.charCodeAt(0)));
const isYearDigit = (code: number) => YEAR_DIGIT_CODES.has(code);
/** Whether text[from, from + 4) is four characters of a year written in Chinese numerals (二〇二一, 二O二一). */
function chineseYearAt(text: string, from: number): boolean {
  if (from < 0) return false;
  for (let i = from; i < from + 4; i++) if (!isYearDigit(text.charCodeAt(i))) return false;
  return true;
}
/** 0-9, ０-９ or a dot: what may not stand before a two-digit year (it would be part of a longer number). */
const isNumberPart = (code: number) => isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19) || code === 0x2e;

export const numberForms: ParagraphRule = {
  id: 'number-forms',
  category: 'numbers',
  scope: 'paragraph',
  needs: '年',
  check(text) {
    const out: Finding[] = [];
    for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
      if (chineseYearAt(text, at - 4) && !chineseYearAt(text, at - 5)) {
        const year = text.slice(at - 4, at);
        if (/[一二三四五六七八九]/.test(year) && /[零OoＯ0０○]/.test(year)) {
          const right = year.replace(WRONG_ZERO, '〇');
          out.push({
            ruleId: 'number-forms', category: 'numbers', severity: 'info', start: at - 4, end: at,
            messageId: 'rules.numbers.zero', params: { wrong: year, right }, fix: { start: at - 4, end: at, text: right },
          });
        }
        continue;
      }
      if (at >= 2 && isAsciiDigit(text.charCodeAt(at - 2)) && isAsciiDigit(text.charCodeAt(at - 1)) && !(at >= 3 && isNumberPart(text.charCodeAt(at - 3))) && DATE_AFTER.test(text.slice(at + 1, at + 6))) {
        const two = text.slice(at - 2, at);
        const right = `${Number(two) >= 70 ? '19' : '20'}${two}`;
        out.push({
          ruleId: 'number-forms', category: 'numbers', severity: 'info', start: at - 2, end: at,
          messageId: 'rules.numbers.shortYear', params: { wrong: two, right }, fix: { start: at - 2, end: at, text: right },
        });
      }
    }
    return out;
  },
};
