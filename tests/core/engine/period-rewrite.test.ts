import { describe, expect, it } from 'vitest';
import { nextPeriod, previousPeriod, rewritePeriod } from '../../../lib/core/period-rewrite';
import type { ReportPeriod } from '../../../lib/core/types';
import { readFileSync } from 'node:fs';

const H2_2025: ReportPeriod = { year: 2025, half: 2 };
const H1_2026: ReportPeriod = { year: 2026, half: 1 };
const H1_2025: ReportPeriod = { year: 2025, half: 1 };
const Y2025: ReportPeriod = { year: 2025 };
const Y2026: ReportPeriod = { year: 2026 };

// [old text, from, to, new text, the carried spans' texts in order]
const table: Array<[string, ReportPeriod, ReportPeriod, string, string[]]> = [
  // the period itself
  ['2025年下半年意识形态工作总结', H2_2025, H1_2026, '2026年上半年意识形态工作总结', []],
  ['关于2025年上半年工作情况的报告', H1_2025, H2_2025, '关于2025年下半年工作情况的报告', []],
  ['２０２５年下半年，我局……', H2_2025, H1_2026, '2026年上半年，我局……', []],
  ['2025年度意识形态工作责任制落实情况', Y2025, Y2026, '2026年度意识形态工作责任制落实情况', []],
  ['2025年以来，我办坚持……', Y2025, Y2026, '2026年以来，我办坚持……', []],
  ['2025年，全县上下……', H2_2025, H1_2026, '2026年，全县上下……', []],
  ['2025年工作要点', H1_2025, H2_2025, '2025年工作要点', []],
  ['报告期：2025年7—12月', H2_2025, H1_2026, '报告期：2026年1—6月', []],
  ['1-6月共开展活动', H1_2025, H2_2025, '7-12月共开展活动', []],
  // bare halves and relative words
  ['今年上半年，在县委的正确领导下', H1_2025, H2_2025, '今年下半年，在县委的正确领导下', []],
  ['今年下半年以来', H2_2025, H1_2026, '今年上半年以来', []],
  ['下半年工作打算', H1_2025, H2_2025, '上半年工作打算', []],
  ['今年以来，社区意识形态工作开展顺利', H2_2025, H1_2026, '今年以来，社区意识形态工作开展顺利', []],
  ['本年度共召开专题会议', H2_2025, H1_2026, '本年度共召开专题会议', []],
  ['与去年同期相比', H2_2025, H1_2026, '与去年同期相比', ['去年']],
  ['与去年同期相比', H1_2025, H2_2025, '与去年同期相比', []],
  ['明年将继续推进', Y2025, Y2026, '明年将继续推进', ['明年']],
  ['半年来共投稿', H1_2025, H2_2025, '半年来共投稿', []],
  ['上半年完成全年任务的60%', H1_2025, Y2025, '上半年完成全年任务的60%', ['上半年', '60%']],
  // figures, dates and counts carried over, never rewritten
  ['召开党组会议3次', H2_2025, H1_2026, '召开党组会议3次', ['3次']],
  ['参训干部12人', H2_2025, H1_2026, '参训干部12人', ['12人']],
  ['2025年9月召开专题会议', H2_2025, H1_2026, '2025年9月召开专题会议', ['2025年9月']],
  ['2025年7月15日组织集中学习', H2_2025, H1_2026, '2025年7月15日组织集中学习', ['2025年7月15日']],
  ['群众满意度达85%', H2_2025, H1_2026, '群众满意度达85%', ['85%']],
  ['满意率达到９５．５％', H2_2025, H1_2026, '满意率达到９５．５％', ['９５．５％']],
  ['9月12日开展专题党课', H2_2025, H1_2026, '9月12日开展专题党课', ['9月12日']],
  ['十月份组织了观影活动', H2_2025, H1_2026, '十月份组织了观影活动', ['十月份']],
  ['共投稿15篇，刊用8篇', H1_2025, H2_2025, '共投稿15篇，刊用8篇', ['15篇', '8篇']],
  ['中心组学习三次', H2_2025, H1_2026, '中心组学习三次', ['三次']],
  ['投入经费2.5万元', H2_2025, H1_2026, '投入经费2.5万元', ['2.5万元']],
  ['第三季度开展排查', H2_2025, H1_2026, '第三季度开展排查', ['第三季度']],
  ['比2024年增加两场', H2_2025, H1_2026, '比2024年增加两场', ['2024年', '两场']],
  ['2024年下半年的整改事项', H2_2025, H1_2026, '2024年下半年的整改事项', ['2024年下半年']],
  ['2025年上半年、下半年各一次', H2_2025, H1_2026, '2025年上半年、上半年各一次', ['2025年上半年']],
  // words that are no figures
  ['牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”', H2_2025, H1_2026, '牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”', []],
  ['党的二十届三中全会精神', H2_2025, H1_2026, '党的二十届三中全会精神', []],
  ['第二次集中学习', H2_2025, H1_2026, '第二次集中学习', []],
  ['1．加强组织领导\n（2）强化学习', H2_2025, H1_2026, '1．加强组织领导\n（2）强化学习', []],
  ['一、主要工作情况\n（一）明确职责', H2_2025, H1_2026, '一、主要工作情况\n（一）明确职责', []],
  ['开展5G网络宣传', H2_2025, H1_2026, '开展5G网络宣传', []],
  ['2035年远景目标', H2_2025, H1_2026, '2035年远景目标', []],
];

describe('rewritePeriod', () => {
  it('has a table of at least 30 phrases', () => expect(table.length).toBeGreaterThanOrEqual(30));
  for (const [input, from, to, expected, carried] of table) {
    it(`${input} (${from.year}${from.half ?? ''} → ${to.year}${to.half ?? ''})`, () => {
      const result = rewritePeriod(input, from, to);
      expect(result.text).toBe(expected);
      expect(result.carried.map((c) => c.text)).toEqual(carried);
      // every span points at its own text in the new text
      for (const c of result.carried) expect(result.text.slice(c.start, c.end)).toBe(c.text);
      for (const r of result.rewrites) expect(result.text.slice(r.start, r.end)).toBe(r.to);
    });
  }

  it('lists each rewrite with the old words', () => {
    const result = rewritePeriod('2025年下半年，下半年共召开会议4次。', H2_2025, H1_2026);
    expect(result.text).toBe('2026年上半年，上半年共召开会议4次。');
    expect(result.rewrites.map((r) => [r.from, r.to])).toEqual([['2025年下半年', '2026年上半年'], ['下半年', '上半年']]);
    expect(result.carried.map((c) => [c.text, c.kind])).toEqual([['4次', 'figure']]);
  });

  it('keeps offsets right on a whole corpus report', () => {
    const corpus = readFileSync(new URL('../../fixtures/corpus/cleaned.txt', import.meta.url), 'utf8');
    const result = rewritePeriod(corpus, { year: 2021, half: 1 }, { year: 2021, half: 2 });
    expect(result.text.length).toBe(corpus.length);
    expect(result.carried.length).toBeGreaterThan(10);
    for (const c of result.carried) expect(result.text.slice(c.start, c.end)).toBe(c.text);
    // 今年 stays
    expect(result.text.split('今年').length).toBe(corpus.split('今年').length);
  });

  it('is linear on a long text', () => {
    const text = '2025年下半年召开会议3次，参加12人，满意度85%。'.repeat(5000);
    const t = performance.now();
    const result = rewritePeriod(text, H2_2025, H1_2026);
    expect(performance.now() - t).toBeLessThan(500);
    expect(result.carried.length).toBe(15000);
  });
});

describe('previousPeriod / nextPeriod', () => {
  it('steps by halves and years', () => {
    expect(previousPeriod(H1_2026)).toEqual(H2_2025);
    expect(previousPeriod(H2_2025)).toEqual(H1_2025);
    expect(previousPeriod(Y2026)).toEqual(Y2025);
    expect(nextPeriod(H2_2025)).toEqual(H1_2026);
    expect(nextPeriod(H1_2025)).toEqual(H2_2025);
    expect(nextPeriod(Y2025)).toEqual(Y2026);
  });
});
