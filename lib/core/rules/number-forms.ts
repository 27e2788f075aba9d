// number-forms — GB/T 15835-2011 forms of years: a zero in a Chinese-numeral year is 〇, not O, 0, ○ or 零
// (二O二一年 → 二〇二一年, §5.1.2); a year is not shortened (21年上半年 → 2021年上半年, §5.2.1).
// A two-digit year is flagged only where it is plainly a date (followed by 上半年/下半年/度/N月/第N季度), so
// durations such as 修路8年 or 工作12年 stay silent.
// Severity: info. Fix: 〇 for the wrong zero; for a short year, 20NN (19NN for 70–99).
// Known false positive: "12年度" meaning "twelve years" in an unusual construction.
import type { Finding, ParagraphRule } from './types';

const CHINESE_YEAR = /[一二三四五六七八九〇零OoＯ0０○]{4}(?=年)/g;
const WRONG_ZERO = /[零OoＯ0０○]/g;
const SHORT_YEAR = /(?<![0-9０-９.])([0-9]{2})年(?=[上下]半年|度|[0-9]{1,2}月|第[一二三四1-4]季度)/g;

export const numberForms: ParagraphRule = {
  id: 'number-forms',
  category: 'numbers',
  scope: 'paragraph',
  check(text) {
    const out: Finding[] = [];
    CHINESE_YEAR.lastIndex = 0;
    for (let m = CHINESE_YEAR.exec(text); m; m = CHINESE_YEAR.exec(text)) {
      const year = m[0];
      if (!/[一二三四五六七八九]/.test(year) || !/[零OoＯ0０○]/.test(year)) continue;
      const right = year.replace(WRONG_ZERO, '〇');
      const end = m.index + year.length;
      out.push({
        ruleId: 'number-forms', category: 'numbers', severity: 'info', start: m.index, end,
        messageId: 'rules.numbers.zero', params: { wrong: year, right }, fix: { start: m.index, end, text: right },
      });
    }
    SHORT_YEAR.lastIndex = 0;
    for (let m = SHORT_YEAR.exec(text); m; m = SHORT_YEAR.exec(text)) {
      const two = Number(m[1]);
      const right = `${two >= 70 ? '19' : '20'}${m[1]}`;
      const end = m.index + 2;
      out.push({
        ruleId: 'number-forms', category: 'numbers', severity: 'info', start: m.index, end,
        messageId: 'rules.numbers.shortYear', params: { wrong: m[1]!, right }, fix: { start: m.index, end, text: right },
      });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
