// Period rewrite: last period's report made into a starting text for the new period (从上期报告开始).
//
// What it rewrites: the words that name the old report period itself — 2025年下半年 → 2026年上半年,
// 2025年度 → 2026年度, 2025年 → 2026年 (when the year moves), 1-6月 ↔ 7-12月, and the bare 上半年 ↔ 下半年 when the
// halves differ. 今年, 本年度, 全年 and 半年来 stay as they are: they name "the current period" in either text.
// What it never rewrites but marks 需核实 (carried): every figure, date and count the old text states — 召开3次,
// 12人, 85%, 2025年9月, 三次 — because last period's numbers are the classic stale leftover; other recent years
// (2024年 in a 2025 report: a comparison that may have moved); 去年/明年 when the year moves (they now name
// another year); quarters; the half words when one of the periods is a whole year (no safe mapping).
// The caller shows the carried spans as warnings until the user edits them.
// Known limit: a bare 上半年 that names another period than the report's own (下半年工作打算 in an H1 report)
// is swapped like the rest; the rewrite list shows each change so that the user can see it.
// One pass over the text with one global RegExp: linear time.
import type { ReportPeriod } from './types';

export type CarriedKind = 'figure' | 'date' | 'relative' | 'period';

/** A span of the rewritten text that came from last period and must be checked (需核实). */
export interface CarriedSpan {
  start: number;
  end: number;
  kind: CarriedKind;
  text: string;
}

/** One period word changed: [start, end) in the rewritten text, and the old words. */
export interface PeriodRewrite {
  start: number;
  end: number;
  from: string;
  to: string;
}

export interface PeriodRewriteResult {
  text: string;
  rewrites: PeriodRewrite[];
  carried: CarriedSpan[];
}

/** The period before `period`: 2026H1 → 2025H2, 2025H2 → 2025H1, 2026 → 2025. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (!period.half) return { year: period.year - 1 };
  return period.half === 1 ? { year: period.year - 1, half: 2 } : { year: period.year, half: 1 };
}

/** The period after `period`: 2025H2 → 2026H1, 2026H1 → 2026H2, 2025 → 2026. */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  if (!period.half) return { year: period.year + 1 };
  return period.half === 1 ? { year: period.year, half: 2 } : { year: period.year + 1, half: 1 };
}

const D = '[0-9０-９]';
const HALF_NAME = { 1: '上半年', 2: '下半年' } as const;
// Measure words after an Arabic number that belong to the figure (3次, 12人, 5000余元, 2.5万元).
const UNIT = '(?:余|多)?(?:万|亿|千)?(?:人次|场次|篇次|课时|学时|小时|个百分点|百分点|次|场|期|人|名|篇|条|项|个|件|家|所|批|份|本|册|部|幅|天|元|户|起|处|台|套|版|轮|组|支|类|种|余|岁|年)?';
// Chinese numerals before a counting word (三次, 两场, 十余人). 一 alone is left out (一次, 一个 are set phrases),
// and 个/项 (三个代表, 四个意识) too.
const CN_COUNT = '[两二三四五六七八九十百千]{1,4}(?:余|多)?(?:次|场|期|人|名|篇|条|批|轮|家|场次|人次)';

// Alternatives in priority order (an earlier one wins at the same position).
const TOKEN = new RegExp(
  [
    // 1: year + month range: (2025年)1-6月 / 7至12月
    `(?<range>(?:(?<ry>${D}{4})\\s?年\\s?)?(?<rf>[1１一]|[7７七])\\s?[-—–~～至到]\\s?(?<rt>[6６六]|1[2２]|１[2２]|十二)\\s?月份?)`,
    // 2: a full date: 2025年9月(12日), 2025.9.12, 2025-09-12
    `(?<date>${D}{4}\\s?年\\s?${D}{1,2}\\s?月(?:\\s?${D}{1,2}\\s?[日号])?|${D}{4}[./-]${D}{1,2}[./-]${D}{1,2})`,
    // 3: a year and a half: 2025年(度)上半年
    `(?<yh>(?<yhy>${D}{4})\\s?年\\s?度?\\s?(?<yhh>上半年|下半年))`,
    // 4: a year: 2025年度 / 2025年
    `(?<yw>(?<ywy>${D}{4})\\s?年(?<ywd>度)?)`,
    // 5: month and day, month alone: 9月12日, 9月份, 十月
    `(?<md>${D}{1,2}\\s?月(?:\\s?${D}{1,2}\\s?[日号]|份)?|(?:十[一二]?|[一二三四五六七八九])月(?:份|${D}{1,2}日)?)`,
    // 6: quarters
    `(?<q>(?:第?[一二三四1-4１-４]季度))`,
    // 7: percentages
    `(?<pct>${D}{1,4}(?:[.．]${D}{1,3})?\\s?[%％]|百分之[零一二三四五六七八九十百点]{1,6})`,
    // 8: relative years and bare halves
    `(?<rel>去年|上年度|上一年|明年|下一年|今年|本年度)`,
    `(?<half>上半年|下半年)`,
    // 9: any other Arabic number, with its unit
    `(?<num>${D}{1,9}(?:[.．]${D}{1,4})?${UNIT})`,
    // 10: counts in Chinese numerals
    `(?<cn>${CN_COUNT})`,
  ].join('|'),
  'g',
);

const FW_DIGIT = /[０-９]/g;
const toAscii = (s: string) => s.replace(FW_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A number that numbers a heading or list item (1. 1、 （1） (1)), not a figure. */
function isHeadingNumber(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if ((before === '（' || before === '(') && (after === '）' || after === ')')) return true;
  return (after === '.' || after === '．' || after === '、') && atLineStart(text, start);
}

/** Only blanks (at most 8) between the line's start and `index`. */
function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= index - 9; i--) {
    if (i < 0 || text[i] === '\n') return true;
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '　') return false;
  }
  return false;
}

/**
 * Rewrite `text`, written for period `from`, for period `to`. Returns the new text, each period word changed
 * (spans in the new text) and every figure, date and count carried over (spans in the new text).
 */
export function rewritePeriod(text: string, from: ReportPeriod, to: ReportPeriod): PeriodRewriteResult {
  const yearMoves = from.year !== to.year;
  const halvesSwap = !!from.half && !!to.half && from.half !== to.half;
  const out: string[] = [];
  const rewrites: PeriodRewrite[] = [];
  const carried: CarriedSpan[] = [];
  let copied = 0; // index in `text` up to which `out` holds the text
  let outLength = 0;

  const copyTo = (index: number) => {
    if (index > copied) {
      out.push(text.slice(copied, index));
      outLength += index - copied;
      copied = index;
    }
  };
  const replace = (start: number, end: number, replacement: string) => {
    copyTo(start);
    const old = text.slice(start, end);
    out.push(replacement);
    if (replacement !== old) rewrites.push({ start: outLength, end: outLength + replacement.length, from: old, to: replacement });
    outLength += replacement.length;
    copied = end;
  };
  const carry = (start: number, end: number, kind: CarriedKind) => {
    copyTo(start);
    carried.push({ start: outLength, end: outLength + (end - start), kind, text: text.slice(start, end) });
    copyTo(end);
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g.range) {
      const year = g.ry ? Number(toAscii(g.ry)) : undefined;
      const firstHalf = /[1１一]/.test(g.rf!);
      const secondHalfEnd = !/[6６六]/.test(g.rt!);
      const isHalfRange = firstHalf ? !secondHalfEnd : secondHalfEnd;
      const half: 1 | 2 = firstHalf ? 1 : 2;
      const ofFrom = isHalfRange && from.half === half && (year === undefined || year === from.year);
      if (ofFrom && to.half) {
        const months = to.half === 1 ? '1—6月' : '7—12月';
        const plain = to.half === 1 ? '1-6月' : '7-12月';
        const usesDash = /-/.test(m[0]);
        replace(start, end, `${year !== undefined ? `${to.year}年` : ''}${usesDash ? plain : months}`);
      } else carry(start, end, 'date');
    } else if (g.date || g.md || g.q) {
      carry(start, end, 'date');
    } else if (g.yh) {
      const year = Number(toAscii(g.yhy!));
      const half: 1 | 2 = g.yhh === '上半年' ? 1 : 2;
      if (year === from.year && half === from.half) {
        replace(start, end, to.half ? `${to.year}年${HALF_NAME[to.half]}` : `${to.year}年`);
      } else if (year === from.year && !from.half && !yearMoves) {
        // A half of the same year in a whole-year text written again for the same year: leave it.
        continue;
      } else if (year >= from.year - 2 && year <= from.year) carry(start, end, 'period');
    } else if (g.yw) {
      const year = Number(toAscii(g.ywy!));
      if (year === from.year && yearMoves) replace(start, end, `${to.year}年${g.ywd ?? ''}`);
      else if (year !== from.year && year >= from.year - 2 && year < from.year) carry(start, end, 'date');
    } else if (g.rel) {
      if ((g.rel === '今年' || g.rel === '本年度')) continue;
      if (yearMoves) carry(start, end, 'relative');
    } else if (g.half) {
      if (halvesSwap) replace(start, end, g.half === '上半年' ? '下半年' : '上半年');
      else if (!from.half || !to.half) {
        if (from.half !== to.half) carry(start, end, 'period');
      }
    } else if (g.pct) {
      carry(start, end, 'figure');
    } else if (g.num) {
      if (isHeadingNumber(text, start, start + m[0].length) || /[A-Za-z]/.test(text[end] ?? '') || /[A-Za-z]/.test(text[start - 1] ?? '')) continue;
      carry(start, end, 'figure');
    } else if (g.cn) {
      if (text[start - 1] === '第') continue;
      carry(start, end, 'figure');
    }
  }
  copyTo(text.length);
  return { text: out.join(''), rewrites, carried };
}
