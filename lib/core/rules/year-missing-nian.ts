// year-missing-nian — a year written without its 年: 2023意识形态工作总结, 2024上半年, 2022度 (2023年…).
// Why: a slip of typing or of a template's field; the year reads as a bare number.
// Only where what follows is plainly about a period of that year (上半年, 下半年, 全年, 度, 第N季度, 以来,
// 意识形态, 党建, 工作总结/计划/报告/要点 …), so that counts (2023名党员, 2023人次), editions and cohorts
// (2023版, 2024届, 2023级), and names with a bare year (2022冬奥会, 2035远景目标, 2030前碳达峰) stay silent.
// Severity: warning. Fix: 年 after the year.
// Known false positive: a count of exactly 19xx/20xx things followed by one of those words (2000工作人员).
import { NO_FINDINGS } from './text';
import type { Finding, ParagraphRule } from './types';

const YEAR = /(?:19|20)[0-9]{2}(?=上半年|下半年|全年|度|第?[一二三四1-4]季度|以来|意识形态|党建|党风廉政|工作(?:总结|计划|报告|要点|情况|安排|打算|思路|述职|自查)|述职|述责)/g;
const DIGIT = /[0-9]/;
/** What may not stand before the year: a longer number, a code or an ordinal (第2023期). */
const NOT_BEFORE = /[0-9０-９A-Za-z.．\-/_第]/;

export const yearMissingNian: ParagraphRule = {
  id: 'year-missing-nian',
  category: 'typo',
  scope: 'paragraph',
  needs: '0123456789',
  check(text) {
    if (!DIGIT.test(text)) return NO_FINDINGS;
    let out: Finding[] | undefined;
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
      const start = m.index;
      if (start > 0 && NOT_BEFORE.test(text[start - 1]!)) continue;
      const end = start + 4;
      (out ??= []).push({
        ruleId: 'year-missing-nian',
        category: 'typo',
        severity: 'warning',
        start,
        end,
        messageId: 'rules.yearNian.message',
        params: { year: m[0] },
        fix: { start, end, text: `${m[0]}年` },
      });
    }
    return out ?? NO_FINDINGS;
  },
};
