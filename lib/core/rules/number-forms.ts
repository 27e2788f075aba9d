// number-forms — GB/T 15835-2011 forms of years: a zero in a Chinese-numeral year is 〇, not O, 0, ○ or 零
// (二O二一年 → 二〇二一年, §5.1.2); a year is not shortened (21年上半年 → 2021年上半年, §5.2.1).
// A two-digit year is flagged only where it is plainly a date (followed by 上半年/下半年/度/N月/第N季度), so
// durations such as 修路8年 or 工作12年 stay silent.
// Severity: info. Fix: 〇 for the wrong zero; for a short year, 20NN (19NN for 70–99).
// Known false positive: "12年度" meaning "twelve years" in an unusual construction.
import type { Finding, ParagraphRule } from './types';

// Both checks look back from each 年, found with indexOf: far cheaper than running a RegExp at every position.
const CHINESE_YEAR = /^[一二三四五六七八九〇零OoＯ0０○]{4}$/;
const WRONG_ZERO = /[零OoＯ0０○]/g;
const SHORT_YEAR = /^[0-9]{2}$/;
const DATE_AFTER = /^(?:[上下]半年|度|[0-9]{1,2}月|第[一二三四1-4]季度)/;

export const numberForms: ParagraphRule = {
  id: 'number-forms',
  category: 'numbers',
  scope: 'paragraph',
  needs: '年',
  check(text) {
    const out: Finding[] = [];
    for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
      const year = text.slice(Math.max(0, at - 4), at);
      const before = at - 5 >= 0 ? text[at - 5]! : '';
      if (year.length === 4 && CHINESE_YEAR.test(year) && !CHINESE_YEAR.test(before + year.slice(0, 3))) {
        if (/[一二三四五六七八九]/.test(year) && /[零OoＯ0０○]/.test(year)) {
          const right = year.replace(WRONG_ZERO, '〇');
          out.push({
            ruleId: 'number-forms', category: 'numbers', severity: 'info', start: at - 4, end: at,
            messageId: 'rules.numbers.zero', params: { wrong: year, right }, fix: { start: at - 4, end: at, text: right },
          });
        }
        continue;
      }
      const two = text.slice(Math.max(0, at - 2), at);
      const prev = at - 3 >= 0 ? text[at - 3]! : '';
      if (two.length === 2 && SHORT_YEAR.test(two) && !/[0-9０-９.]/.test(prev) && DATE_AFTER.test(text.slice(at + 1, at + 6))) {
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
