// The unit's name and the report period in a sample become {{单位名称}} and {{报告期}}: a template or snippet that
// keeps "中共XX县委宣传部" or "2023年上半年" would put another unit's name, or last year, into the next report.
// The names are the ones snippets are filled with (lib/core/snippets/render.ts) and the panel reads from the
// form's own 单位名称 / 报告期 fields (lib/panel/form-values.ts).
//
// Conservative by design: a unit name is taken only where a report states it (the organisation leading the
// title, a 报告单位/填报单位 line, the signature above the closing date), and only exact repeats of it are
// replaced; a shorter form (县委宣传部 for 中共XX县委宣传部) or 我部 stays as written. The period is the one the
// report states about itself (lib/core/period.ts), replaced only in its own spellings (2023年上半年, 2023年度,
// and for a whole-year report 2023年 not followed by a month or 以来).
import { detectPeriodWithSource } from '../period';
import type { ReportPeriod } from '../types';

export const UNIT_VARIABLE = '单位名称';
export const PERIOD_VARIABLE = '报告期';
/** The variables a derived template may carry; any other {{…}} in a sample is a placeholder left unfilled. */
export const DERIVE_VARIABLES: readonly string[] = [UNIT_VARIABLE, PERIOD_VARIABLE];

export type VariableSource = 'title' | 'line' | 'signature' | 'period';

export interface FoundVariable {
  name: string;
  /** The text replaced, as the sample had it. */
  value: string;
  source: VariableSource;
  /** Occurrences replaced. */
  count: number;
}

/** Characters an organisation's name ends with (…宣传部, …商务局, …委员会, …中心, …社区 …). */
const ORG_END = /(?:[委部局厅办院所校府司团区道镇乡村站队处科室馆会联署庭行社园场组]|中心)$/;
/** What a name may not contain: sentence punctuation, or a break between words. */
const NOT_IN_NAME = /[，,。；;：:！？!?、\s“”"《》]/;
/** The organisation that leads a title: what stands before 关于 or the year. Bounded. */
const TITLE_LEAD = /^(.{3,30}?)(?:关于|(?:19|20|21)\d{2}\s*年)/;
const UNIT_LINE = /^(?:报告单位|填报单位|报送单位|单位名称|单位)[ \u3000]{0,4}[：:][ \u3000]{0,4}(.{2,40}?)[。.]?$/;
const DATE_LINE = /^(?:(?:19|20|21)\d{2}|[〇○零一二三四五六七八九]{4})\s{0,2}年\s{0,2}[\d〇○零一二三四五六七八九十]{1,3}\s{0,2}月\s{0,2}[\d〇○零一二三四五六七八九十]{1,3}\s{0,2}日$/;
/** A seal note after a signature: （盖章） */
const SEAL = /[（(]\s{0,2}(?:盖章|公章|章)\s{0,2}[）)]$/;

const isOrgName = (name: string) => name.length >= 3 && name.length <= 30 && ORG_END.test(name) && !NOT_IN_NAME.test(name);

export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line.trim());
}

/** A 报告单位：… line's value, when it names an organisation. */
export function unitLineValue(line: string): string | undefined {
  const m = UNIT_LINE.exec(line.trim());
  const value = m?.[1]?.trim().replace(SEAL, '').trim();
  return value && isOrgName(value) ? value : undefined;
}

/** The unit names the sample states, longest first, each with where it was read. */
export function detectUnitNames(text: string): Array<{ value: string; source: VariableSource }> {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const found = new Map<string, VariableSource>();
  const add = (value: string | undefined, source: VariableSource) => {
    if (value && isOrgName(value) && !found.has(value)) found.set(value, source);
  };
  // The title: the first line that is not a unit line, when it reads as one (it names a report kind).
  const title = lines.find((l) => !UNIT_LINE.test(l));
  if (title && title.length <= 80 && /(?:报告|总结|汇报|情况|自查|述职|小结)/.test(title)) {
    add(TITLE_LEAD.exec(title)?.[1]?.trim().replace(/^关于/, ''), 'title');
  }
  for (const line of lines.slice(0, 8)) add(unitLineValue(line), 'line');
  for (const line of lines.slice(-8)) add(unitLineValue(line), 'line');
  // A signature: a short line next to the closing date, among the last lines.
  const tail = lines.slice(-4);
  for (let i = 0; i < tail.length; i++) {
    const line = tail[i]!.replace(SEAL, '').trim();
    const nextToDate = (i > 0 && isDateLine(tail[i - 1]!)) || (i + 1 < tail.length && isDateLine(tail[i + 1]!));
    if (nextToDate) add(line, 'signature');
  }
  return [...found].map(([value, source]) => ({ value, source })).sort((a, b) => b.value.length - a.value.length);
}

/** The spellings of `period` that stand for it in the text, most specific first. */
function periodForms(period: ReportPeriod): RegExp[] {
  const y = period.year;
  if (period.half) {
    const half = period.half === 1 ? '上' : '下';
    return [new RegExp(`${y}[ \u3000]{0,2}年度?[ \u3000]{0,2}${half}半年`, 'g')];
  }
  // A whole year: 2023年度, then 2023年 that is not a date (2023年3月), a half, a span (2023年以来) or part of a
  // longer number.
  return [
    new RegExp(`(?<![0-9])${y}[ \u3000]{0,2}年度`, 'g'),
    new RegExp(`(?<![0-9])${y}[ \u3000]{0,2}年(?![ \u3000]{0,2}(?:[0-9０-９一二三四五六七八九十]|[上下]半年|以来|以前|以后|底|初|末|前|后|起|至|到|[-—~～]|度))`, 'g'),
  ];
}

/** An occurrence of a unit name right after 省/市/县/区… is part of a longer, more specific name: left alone. */
const LONGER_NAME_BEFORE = /[省市县区州盟旗镇乡村]$/;

function replaceName(text: string, name: string, by: string): { text: string; count: number } {
  let count = 0;
  let out = '';
  let at = 0;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    if (LONGER_NAME_BEFORE.test(text.slice(Math.max(0, i - 1), i))) continue;
    out += text.slice(at, i) + by;
    at = i + name.length;
    count += 1;
  }
  return { text: out + text.slice(at), count };
}

/**
 * `text` with its unit names and period replaced by {{单位名称}} and {{报告期}}, and what was replaced. A text
 * with neither comes back unchanged.
 */
export function substituteVariables(text: string): { text: string; variables: FoundVariable[] } {
  const variables: FoundVariable[] = [];
  let current = text;
  for (const { value, source } of detectUnitNames(text)) {
    const replaced = replaceName(current, value, `{{${UNIT_VARIABLE}}}`);
    if (replaced.count === 0) continue;
    current = replaced.text;
    variables.push({ name: UNIT_VARIABLE, value, source, count: replaced.count });
  }
  const period = detectPeriodWithSource(current);
  if (period) {
    for (const form of periodForms(period.period)) {
      const seen = new Map<string, number>();
      current = current.replace(form, (match) => {
        seen.set(match, (seen.get(match) ?? 0) + 1);
        return `{{${PERIOD_VARIABLE}}}`;
      });
      for (const [value, count] of seen) variables.push({ name: PERIOD_VARIABLE, value, source: 'period', count });
    }
  }
  return { text: current, variables };
}
