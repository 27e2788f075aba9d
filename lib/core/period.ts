// Report periods: what the user types on the command line or in the panel (2026H1, 2026年上半年, 2026) and what a
// report says of itself in its title or 报告期 line. The rules use the period to judge stale references.
import type { ReportPeriod } from './types';
import { cruftLineEntries, isCruftLine } from './rules/web-cruft';

const DIGITS = /[０-９]/g;
const ascii = (text: string) => text.replace(DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function validYear(year: number): boolean {
  return year >= 1949 && year <= 2199;
}

/** 2026H1 · 2026h2 · 2026 · 2026年 · 2026年度 · 2026年上半年 · 2026年下半年 · 2026年全年 · 2026-H1; else undefined. */
export function parsePeriod(input: string): ReportPeriod | undefined {
  const text = ascii(input.trim());
  const m = /^(\d{4})\s*(?:[-_ ]?[Hh]([12])|年\s*(?:(上|下)半年|度|全年)?)?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!validYear(year)) return undefined;
  if (m[2]) return { year, half: m[2] === '1' ? 1 : 2 };
  if (m[3]) return { year, half: m[3] === '上' ? 1 : 2 };
  return { year };
}

/** "2026H1", "2026H2" or "2026": the canonical form parsePeriod reads back. */
export function formatPeriod(period: ReportPeriod): string {
  return period.half ? `${period.year}H${period.half}` : String(period.year);
}

const YEAR_HALF_RE = /((?:19|20|21)\d{2})\s*年\s*(?:度)?\s*(上半年|下半年|1\s*[-—至到~]\s*6\s*月|7\s*[-—至到~]\s*12\s*月)?/;
const RANGE_RE = /((?:19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*[-—至到~]+\s*(?:((?:19|20|21)\d{2})\s*年\s*)?(\d{1,2})\s*月/;

/** Where detectPeriod found the period: a 报告期 line, the first line (the title), or the next two lines. */
export type DetectedPeriodSource = 'line' | 'title' | 'text';

/**
 * The period a report states about itself: a 报告期 line if there is one, else the first title-like line or the
 * opening lines (关于2021年…工作情况报告, 2026年上半年…). Only the first 2,000 characters are read. Lines that
 * web-cruft removes whole (更新时间：2024年1月3日, 首页 > 范文大全, 篇一, a blurb) are skipped: a page's date
 * is not the report's period, and the title stands below them. Only when those lines say nothing are the
 * page's blurb and file name read (以下是…2023年度…工作总结, ….docx).
 */
export function detectPeriod(text: string): ReportPeriod | undefined {
  return detectPeriodWithSource(text)?.period;
}

/** detectPeriod, and which line it read the period from (the panel tells the user). */
export function detectPeriodWithSource(text: string): { period: ReportPeriod; source: DetectedPeriodSource } | undefined {
  const head = ascii(text.slice(0, 2000));
  const all = head.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const lines = all.filter((l) => !isCruftLine(l));
  const periodLine = lines.find((l) => /^(?:报告期|报告时间|时间范围|填报期间)/.test(l));
  const candidates = periodLine ? [periodLine, ...lines.slice(0, 3)] : lines.slice(0, 3);
  // Last, the page's own words about the report (a blurb, a file name: 以下是…2023年度…工作总结, ….docx),
  // but never its metadata (更新时间：2024年1月3日 dates the page, not the report).
  for (const line of all.slice(0, 8)) {
    const entries = cruftLineEntries(line);
    if (entries && !entries.some((id) => id.startsWith('meta-') || id === 'breadcrumb' || id === 'site-banner')) candidates.push(line);
  }
  for (const [index, line] of candidates.entries()) {
    const source: DetectedPeriodSource = periodLine && index === 0 ? 'line' : line === lines[0] && index <= 1 ? 'title' : 'text';
    const found = (period: ReportPeriod) => ({ period, source });
    const range = RANGE_RE.exec(line);
    if (range) {
      const year = Number(range[1]);
      const from = Number(range[2]);
      const to = Number(range[4]);
      if (!validYear(year)) continue;
      if (from === 1 && to === 6) return found({ year, half: 1 });
      if (from === 7 && to === 12) return found({ year, half: 2 });
      return found({ year });
    }
    const m = YEAR_HALF_RE.exec(line);
    if (m) {
      const year = Number(m[1]);
      if (!validYear(year)) continue;
      const half = m[2];
      if (!half) return found({ year });
      return found({ year, half: half.startsWith('上') || half.startsWith('1') ? 1 : 2 });
    }
  }
  return undefined;
}
