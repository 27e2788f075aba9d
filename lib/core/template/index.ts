// The built-in templates, validated when this module loads (a broken built-in fails every test at once), and
// the choice of a template for a report that does not name one.
import * as v from 'valibot';
import type { ReportPeriod } from '../types';
import { TemplateSchema, type Template } from './schema';
import { ideologyAnnual, ideologyHalf, ideologySelfCheck } from './builtin/ideology';
import { workSummary } from './builtin/work-summary';

export * from './schema';

export const builtinTemplates: readonly Template[] = [ideologyHalf, ideologyAnnual, ideologySelfCheck, workSummary].map(
  (data) => v.parse(TemplateSchema, data),
);

export function getTemplate(id: string, extra: readonly Template[] = []): Template | undefined {
  return extra.find((t) => t.id === id) ?? builtinTemplates.find((t) => t.id === id);
}

export function templateIds(): string[] {
  return builtinTemplates.map((t) => t.id);
}

/** A half-year report, as titles say it (半年来 in a sentence does not count). */
const HALF_YEAR = /上半年|下半年|半年度|半年工作|半年总结|1[-—－~至到]6月|一至六月|7[-—－~至到]12月|七至十二月/;
/** A whole-year report. */
const WHOLE_YEAR = /年度|全年|1[-—－~至到]12月|一至十二月/;
/** A self-check report, as a title names it. */
const SELF_CHECK_TITLE = /自查|自评/;
/** A self-check report, as its text says it anywhere in its head (现将自查情况汇报如下). */
const SELF_CHECK_TEXT = /自查报告|自查情况|自评报告|自评情况|自查自纠情况/;
/** A line that reads as a report's title: short, naming a report, no sentence end. */
const TITLE_WORDS = /报告|总结|汇报|自查|自评|情况/;
/**
 * A line of 文库/范文 page furniture, not the report's own title (首页 > 工作总结, 2023年上半年工作总结范文（精选5篇）,
 * 下载, 来源, a .docx name): its year words are the page's, read only when nothing else says the period.
 */
const CRUFT_LINE = /范文|精选|[0-9０-９一二三四五六七八九十]篇|篇[0-9０-９一二三四五六七八九十]|全文|下载|来源|发布|更新时间|浏览|阅读|点击|首页|[>›»]|\.docx?|VIP|文库|网友|投稿|小编|供大家|收藏|分享|相关/i;
const TITLE_MAX = 80;

type Span = 'half' | 'annual';

/** In a title, 半年 alone says it (2026年半年意识形态工作总结); 半年来 is a sentence's. */
const HALF_YEAR_TITLE = /半年(?!来)/;

/** Either, for a text: whichever it says first (全年共召开4次，上半年2次 is a whole-year report). */
const EITHER = new RegExp(`(${HALF_YEAR.source})|(${WHOLE_YEAR.source})`);

function periodWords(source: string, isTitle: boolean): Span | undefined {
  if (!isTitle) {
    // At one position the half-year words are tried first: 半年度 holds 年度.
    const m = EITHER.exec(source);
    return m ? (m[1] !== undefined ? 'half' : 'annual') : undefined;
  }
  // A title says one period: 半年度 holds 年度, so the half-year words are looked for first.
  if (HALF_YEAR.test(source) || HALF_YEAR_TITLE.test(source)) return 'half';
  if (WHOLE_YEAR.test(source)) return 'annual';
  return undefined;
}

/**
 * The built-in template for a report, from what names it. In order: 意识形态 or not; 自查 (in a title, or 自查报告 /
 * 自查情况 in the text); a known period (the form's 报告期, the user's setting) decides half year or whole year
 * outright; else the words of the title (`title`: the page's and the report's title), then of title-like lines at
 * the head of the text that are not page furniture, then of the text, then of page-furniture lines; else a
 * whole-year report. A 2026年度 title whose text begins with 上半年 is a whole-year report, and so is a 年度 report
 * under a breadcrumb or a list of other pages (半年工作总结范文) above its title.
 */
export function selectTemplate(head: string, period?: ReportPeriod, title = ''): Template {
  const pick = (id: string) => builtinTemplates.find((t) => t.id === id)!;
  const all = `${title} ${head}`;
  if (!all.includes('意识形态')) return pick('work-summary');
  const lines = head.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const titleLike = (line: string) => line.length <= TITLE_MAX && !line.includes('。') && TITLE_WORDS.test(line);
  const titles = [title, ...lines.filter(titleLike)].filter((line) => line !== '' && !CRUFT_LINE.test(line));
  const cruft = [title, ...lines].filter((line) => line !== '' && CRUFT_LINE.test(line));
  const body = lines.filter((line) => !titleLike(line) && !CRUFT_LINE.test(line)).join('\n');
  if (titles.some((line) => SELF_CHECK_TITLE.test(line)) || SELF_CHECK_TEXT.test(`${titles.join('\n')}\n${body}`)) return pick('ideology-self-check');
  if (period) return pick(period.half ? 'ideology-half' : 'ideology-annual');
  for (const source of [...titles, body, ...cruft]) {
    const span = periodWords(source, source !== body);
    if (span) return pick(span === 'half' ? 'ideology-half' : 'ideology-annual');
  }
  return pick('ideology-annual');
}
