// stale-references — references that do not fit the report period (RuleInput.period):
// - an anniversary celebrated in the wrong year (开展庆祝改革开放40周年活动 in a 2021 report; 2018 is right);
// - guidance that has been superseded (以党的十九大精神为指导, 十九大和十九届历次全会精神 in a report for 2023 or
//   later; 以"三个代表"重要思想为指导 or 深入贯彻落实科学发展观 without the current theory from 2018);
// - a meeting that had not yet taken place (学习贯彻十九届六中全会精神 in a report for 2021H1), a meeting called
//   the latest (最近召开的 / 刚刚闭幕的 / 最新) when a later one had met before the period ended, and a list of
//   plenums as guidance (党的十九大和十九届四中全会精神) that stops before a plenum held before the period began;
// - a central campaign (集中教育: 两学一做, 不忘初心、牢记使命主题教育, 党史学习教育, 主题教育, 党纪学习教育 …)
//   reported as carried out (开展 / 推进 / 以…为契机 / 在…中 / 把…作为) in a period after it ended, or before
//   it began; 推进…常态化制度化 counts only after the pack's `routineTo` (两学一做: until 2019);
// - mixed periods (a 上半年 report that reports 全年共… or work done in 7–12月, a whole-year report that says 半年来).
// Why: a stale reference shows that last year's report was reused. Data: lib/core/packs/events.json, each event
// dated with its source. Silent without a period: guessing the period from scattered years in the text is not
// sound enough to accuse a report of being stale (the engine detects the period from 报告期, title or text).
// A campaign named while its results are kept up (巩固…成果, 常态化长效化, 回顾, 以来, 先后开展 a list of past
// campaigns) is not stale, nor is a month in a plan (计划, 将, 下半年, 7月底前).
// Severity: warning; no fix — the current wording is for the writer to choose.
// Known false positive: a deliberate look back (回顾改革开放40周年…) without 去年/回顾 nearby; a 上半年 report
// written in July that tells what was done in early July (7月1日 / 七一 are let through); a 2022 report that
// still calls keeping up 党史学习教育 "深入开展" without 常态化 or 成果.
import { createLiteralFilter } from './literal-filter';
import { eventsPack } from '../packs';
import { NO_FINDINGS } from './text';
import type { FindingParams, ReportPeriod } from '../types';
import type { Finding, ParagraphRule } from './types';

interface Matcher<T> {
  item: T;
  re: RegExp;
}

type Meeting = (typeof eventsPack.meetings)[number];

const monthOf = (ym: string) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y * 12 + m;
};
/** The name a message quotes for an entry: its trigger's first alternative. */
const nameOf = (trigger: string) => trigger.split('|')[0]!;

const anniversaries = eventsPack.anniversaries.map((a) => ({ item: a, re: new RegExp(a.trigger, 'g') }));
const meetings = eventsPack.meetings.map((m) => ({ item: m, re: new RegExp(m.trigger, 'g'), at: monthOf(m.date) }));
const guidance = eventsPack.guidance.map((g) => ({
  item: g,
  re: new RegExp(g.trigger, 'g'),
  unless: g.unless ? new RegExp(g.unless) : undefined,
}));
const campaigns = eventsPack.campaigns.map((c) => ({
  item: c,
  re: new RegExp(c.trigger, 'g'),
  spans: c.active.map((s) => ({ from: monthOf(s.from), to: monthOf(s.to) })),
  routineTo: c.routineTo === undefined ? undefined : monthOf(c.routineTo),
  label: c.active.map((s) => `${s.from}–${s.to}`).join(', '),
}));
/** One alternation of a list's triggers: whether any of them is in the paragraph, in one test. */
const anyOf = (list: readonly Matcher<unknown>[]) => new RegExp(list.map((m) => `(?:${m.re.source})`).join('|'));

const ANY_ANNIVERSARY = anyOf(anniversaries);
const ANY_MEETING = anyOf(meetings);
const ANY_GUIDANCE = anyOf(guidance);
const ANY_CAMPAIGN = anyOf(campaigns);
const triggers = [...eventsPack.anniversaries, ...eventsPack.meetings, ...eventsPack.guidance, ...eventsPack.campaigns].map((e) => e.trigger);
/** Every trigger at once: one scan tells whether a paragraph names any event, so that most paragraphs (a line
 * of a roster or a log) cost one RegExp test rather than one per event. */
const anyEvent = new RegExp(triggers.map((t) => `(?:${t})`).join('|'));
/** In front of it, the literals every trigger holds one of, read from tables (see literal-filter.ts). */
const eventFilter = createLiteralFilter(triggers);
const mayNameEvent = (text: string) => (!eventFilter || eventFilter.mayMatch(text)) && anyEvent.test(text);

/** Words before an event that point ahead to it (迎接党的二十大) rather than report it. */
const AHEAD = /迎接|喜迎|献礼|即将|筹备|召开前|前夕/;
/** Words after an anniversary that cite a speech given at it (在庆祝…100周年大会上的重要讲话). */
const CITES_SPEECH = /^[^，。；！？]{0,6}(?:大会上|讲话|贺信|重要讲话)/;
/** A look back. 以来 counts after a past event (十九大以来), not in 今年以来 / 半年以来, which open this period's work. */
const LOOKS_BACK = /去年|前年|上年|回顾|曾|(?<!今年|半年|年初|本年)以来/;
/** A look back for superseded guidance: 以来 is left out, since 十九大以来…十九大精神 is as stale as without it. */
const LOOKS_BACK_GUIDANCE = /去年|前年|上年|回顾|曾/;
/** The sentence around a match, bounded, for the context words above. */
function windowBefore(text: string, at: number, size = 40): string {
  const from = Math.max(0, at - size);
  const slice = text.slice(from, at);
  const stop = Math.max(slice.lastIndexOf('。'), slice.lastIndexOf('；'), slice.lastIndexOf('！'), slice.lastIndexOf('？'));
  return stop >= 0 ? slice.slice(stop + 1) : slice;
}

/** The clause before a position: back to the last ，。；：！？ (at most `size` characters). */
function clauseBefore(text: string, at: number, size = 24): string {
  const slice = text.slice(Math.max(0, at - size), at);
  const m = /[，,。；;：:！？!?][^，,。；;：:！？!?]{0,40}$/.exec(slice);
  return m ? slice.slice(m.index + 1) : slice;
}

/** The clause after a position: up to the next ，。；：！？ (at most `size` characters). */
function clauseAfter(text: string, at: number, size = 24): string {
  const slice = text.slice(at, at + size);
  const m = /[，,。；;：:！？!?]/.exec(slice);
  return m ? slice.slice(0, m.index) : slice;
}

/** The sentence after a position: up to the next 。；！？ (at most `size` characters). */
function sentenceAfter(text: string, at: number, size: number): string {
  const slice = text.slice(at, at + size);
  const m = /[。；;！？!?]/.exec(slice);
  return m ? slice.slice(0, m.index) : slice;
}

interface Hit<M extends Matcher<unknown>> {
  matcher: M;
  item: M['item'];
  start: number;
  end: number;
  text: string;
}

/**
 * Every match of every matcher of a list, matcher by matcher. A paragraph that names an event (a log line with
 * 党史学习教育) was scanned with each of some forty triggers; the list's alternation is tested first, so only
 * the kinds of event it names are scanned.
 */
function matches<M extends Matcher<unknown>>(list: readonly M[], any: RegExp, text: string): Hit<M>[] {
  if (!any.test(text)) return [];
  const out: Hit<M>[] = [];
  for (let k = 0; k < list.length; k++) {
    const matcher = list[k]!;
    const { re } = matcher;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ matcher, item: matcher.item as M['item'], start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out;
}

/** First and last month of the period: 2021H1 is 2021-01..2021-06, 2021 is 2021-01..2021-12. */
function periodStart(period: ReportPeriod): number {
  return period.year * 12 + (period.half === 2 ? 7 : 1);
}
function periodEnd(period: ReportPeriod): number {
  return period.year * 12 + (period.half === 1 ? 6 : 12);
}

/** The period as each language names it: 2026年上半年 / 2026, first half (a per-language message parameter). */
const periodLabel = (p: ReportPeriod) => ({
  zh_CN: `${p.year}年${p.half === 1 ? '上半年' : p.half === 2 ? '下半年' : ''}`,
  en: `${p.year}${p.half === 1 ? ', first half' : p.half === 2 ? ', second half' : ''}`,
});

const H1_REPORTS_WHOLE_YEAR = /全年(?:共|累计|完成|开展|组织|召开|举办|发布|接待|处理|受理)|一年来|本年度共/g;
const YEAR_REPORTS_HALF = /半年来|上半年以来/g;

export const staleReferences: ParagraphRule = {
  id: 'stale-references',
  category: 'stale',
  scope: 'paragraph',
  usesPeriod: true,
  check(text, context) {
    const period = context.period;
    if (!period) return NO_FINDINGS;
    const mixed = period.half === 1 ? H1_REPORTS_WHOLE_YEAR : period.half === undefined ? YEAR_REPORTS_HALF : undefined;
    const events = mayNameEvent(text) || text.includes('全会精神');
    let mixedHit = false;
    if (mixed) {
      mixed.lastIndex = 0;
      mixedHit = mixed.test(text);
    }
    const months = period.half === 1 && text.includes('月') && LATE_MONTH.test(text);
    if (!events && !mixedHit && !months) return NO_FINDINGS;
    pushPeriod = period;
    pushDisabled = context.disabledEntries;
    pushLabel = undefined;
    pushed = undefined;

    if (events) checkEvents(text, period, push);

    if (mixed && mixedHit) {
      mixed.lastIndex = 0;
      for (let m = mixed.exec(text); m; m = mixed.exec(text)) {
        push(m.index, m.index + m[0].length, 'rules.stale.mixedPeriod', { text: m[0] }, 'mixed-period');
      }
    }
    if (months) checkMonths(text, period, push);
    const out = pushed as Finding[] | undefined; // set by push() in the calls above
    pushed = undefined;
    return out === undefined ? NO_FINDINGS : out.sort((a, b) => a.start - b.start);
  },
};

/**
 * The paragraph being checked, for `push`. One function for every paragraph, not a closure made per paragraph:
 * most paragraphs that get past the tests above (a log's dated lines) have no finding, and each made the
 * closure, the list and the period's label for nothing. The list and the label are made with the first finding.
 */
let pushPeriod: ReportPeriod = { year: 0 };
let pushDisabled: ReadonlySet<string> = new Set();
let pushLabel: ReturnType<typeof periodLabel> | undefined;
let pushed: Finding[] | undefined;

const push: Push = (start, end, messageId, params, entry) => {
  if (pushDisabled.has(entry)) return;
  params.entry = entry;
  params.period = pushLabel ??= periodLabel(pushPeriod);
  (pushed ??= []).push({ ruleId: 'stale-references', category: 'stale', severity: 'warning', start, end, messageId, params });
};

/** Adds a finding; `params` is a fresh object of the caller's, completed in place with the entry and the period. */
type Push = (start: number, end: number, messageId: string, params: FindingParams, entry: string) => void;

/** Words right before a meeting that call it the latest one (最近召开的党的十九届五中全会). */
const CALLED_LATEST = /(?:最新的?|最近(?:召开|闭幕|举行)的|刚刚(?:胜利)?(?:召开|闭幕|结束|举行)的|新近召开的|日前召开的)(?:党的|中共)?$/;

/** Anniversaries, meetings, superseded guidance and campaigns named in a paragraph, against the period. */
function checkEvents(text: string, period: ReportPeriod, push: Push): void {
  for (const hit of matches(anniversaries, ANY_ANNIVERSARY, text)) {
    const year = hit.item.year;
    if (year === period.year) continue;
    const before = windowBefore(text, hit.start);
    if (year === period.year + 1 && AHEAD.test(before)) continue;
    if (year < period.year && (CITES_SPEECH.test(text.slice(hit.end, hit.end + 12)) || LOOKS_BACK.test(before) || before.includes(`${year}年`))) continue;
    push(hit.start, hit.end, 'rules.stale.anniversary', { text: hit.text, year }, hit.item.id);
  }

  // Guidance first: a meeting inside a superseded formulation (最近召开的党的十九大精神) is one finding, not two.
  const taken: { start: number; end: number }[] = [];
  for (const hit of matches(guidance, ANY_GUIDANCE, text)) {
    if (period.year < hit.item.supersededFrom) continue;
    if (hit.matcher.unless?.test(hit.text)) continue;
    if (LOOKS_BACK_GUIDANCE.test(windowBefore(text, hit.start, 16))) continue;
    taken.push(hit);
    push(hit.start, hit.end, 'rules.stale.superseded', { text: hit.text, by: hit.item.by }, hit.item.id);
  }

  taken.sort((a, b) => a.start - b.start);
  const start = periodStart(period);
  const end = periodEnd(period);
  for (const hit of matches(meetings, ANY_MEETING, text)) {
    if (overlapsTaken(taken, hit.start, hit.end)) continue;
    const at = hit.matcher.at;
    if (at > end) {
      const before = windowBefore(text, hit.start);
      if (AHEAD.test(before) || /^[^，。；]{0,4}(?:胜利)?召开/.test(text.slice(hit.end, hit.end + 8))) continue;
      push(hit.start, hit.end, 'rules.stale.future', { text: hit.text, date: hit.item.date }, hit.item.id);
      continue;
    }
    if (!CALLED_LATEST.test(text.slice(Math.max(0, hit.start - 12), hit.start)) && !/^的?最新精神/.test(text.slice(hit.end, hit.end + 6))) continue;
    const later = latestAfter(hit.item, at, end);
    if (later) push(hit.start, hit.end, 'rules.stale.notLatest', { text: hit.text, latest: nameOf(later.trigger), date: later.date }, hit.item.id);
  }

  if (text.includes('全会精神')) checkPlenumLists(text, start, taken, push);
  checkCampaigns(text, start, end, push);
}

const TERMS: Record<string, number> = { 十八: 18, 十九: 19, 二十: 20 };
/** The plenums of each term by number, from the meetings table (ids cpc-19-4; the congress is plenum 1). */
const plenums = meetings.flatMap((m) => {
  const id = /^cpc-(\d+)(?:-(\d))?$/.exec(m.item.id);
  return id ? [{ term: Number(id[1]), n: id[2] ? Number(id[2]) : 1, at: m.at, item: m.item }] : [];
});
/** A congress with the plenums after it, or two plenums or more: the formula of the current guidance. */
const PLENUM_LIST = /(十八|十九|二十)(大(?:会议|报告)?(?:和|及|以及|、)(?:党的)?(?:十八|十九|二十)届|届)((?:[一二三四五六七]中[、和及]?){1,7})全会精神/g;

/**
 * 党的十九大和十九届四中全会精神 in a report for 2021H1: the list stops at a plenum although a later one of the
 * same term (the fifth, 2020-10) had met before the period began. A single plenum alone is left alone: it is
 * often cited for its subject (二十届三中全会 for reform) long after.
 */
function checkPlenumLists(text: string, start: number, taken: readonly { start: number; end: number }[], push: Push): void {
  PLENUM_LIST.lastIndex = 0;
  for (let m = PLENUM_LIST.exec(text); m; m = PLENUM_LIST.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    if (overlapsTaken(taken, from, to)) continue;
    const term = TERMS[m[1]!]!;
    const listed = [...m[3]!.matchAll(/[一二三四五六七]/g)].map((d) => '一二三四五六七'.indexOf(d[0]) + 1);
    if (!m[2]!.startsWith('大') && listed.length < 2) continue;
    const last = Math.max(...listed);
    let later: (typeof plenums)[number] | undefined;
    for (const p of plenums) if (p.term === term && p.n > last && p.at < start && (!later || p.n > later.n)) later = p;
    if (!later || LOOKS_BACK.test(windowBefore(text, from, 16))) continue;
    const at = from + (text.startsWith('党的', from - 2) ? -2 : 0);
    push(at, to, 'rules.stale.laterPlenum', { text: text.slice(at, to), latest: nameOf(later.item.trigger), date: later.item.date }, 'later-plenum');
  }
}

/** Whether [start, end) overlaps a guidance finding (sorted by start; they hardly nest, so a few neighbours do). */
function overlapsTaken(taken: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo - 1; j >= 0 && j >= lo - 4; j--) if (taken[j]!.end > start) return true;
  return false;
}

/** The last meeting after `at` that had met by `end`: for a congress only a later congress counts. */
function latestAfter(meeting: Meeting, at: number, end: number): Meeting | undefined {
  let best: (typeof meetings)[number] | undefined;
  for (const m of meetings) {
    if (m.at <= at || m.at > end) continue;
    if (meeting.kind === 'congress' && m.item.kind !== 'congress') continue;
    if (!best || m.at > best.at) best = m;
  }
  return best?.item;
}

/** Words before a campaign's name that report it as being carried out. */
const CARRIED_BEFORE = /开展|推进|抓好|抓实|抓牢|启动|部署|深化|组织|结合|围绕|依托|借助|落实|贯彻|参加|参与|掀起|推动|做实/;
/** …or words after it: 党史学习教育扎实开展, 以…为契机, 在…中. */
const CARRIED_AFTER = /^[”"」]?(?:活动|工作)?(?:扎实|深入|有序|全面|持续|稳步|广泛)?(?:开展|推进|进行)/;
const OCCASION_AFTER = /^[^，。；]{0,6}?为(?:契机|抓手|载体|主线|引领|重点|动力)/;
const DURING_AFTER = /^[”"」]?(?:活动)?(?:中|期间|过程中)/;
/** A campaign's speech, meeting or document cited (学习贯彻…党史学习教育动员大会精神), not the campaign run. */
const CITED_AFTER = /^[”"」]?(?:的)?(?:重要讲话|重要论述|重要指示|讲话|动员大会|工作会议|总结|通知|方案|意见)/;
/** Contexts in which a past campaign is rightly named: its results kept, a look back, a list of the past. */
const LOOKS_BACK_AT = /巩固|拓展|成果|回顾|(?<!今年|半年|年初|本年)以来|去年|前年|上年|往年|曾|先后|相继|历次|此前|以往|过去|总结|经验|回头看|延伸/;
/** …and keeping it up as routine, which is this period's work until the pack's `routineTo`. */
const ROUTINE = /常态化|长效化|制度化|长效机制|经常性/;
/** 把/将…作为…: the campaign made this period's main task. */
const MADE_TASK = /^[^，。；]{0,8}?作为/;

function checkCampaigns(text: string, start: number, end: number, push: Push): void {
  const hits = matches(campaigns, ANY_CAMPAIGN, text).sort((a, b) => a.start - b.start);
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const spans = hit.matcher.spans;
    if (spans.some((s) => s.from <= end && s.to >= start)) continue;
    const ended = spans.some((s) => s.to < start);
    const before = clauseBefore(text, hit.start);
    const after = clauseAfter(text, hit.end);
    if (!ended) {
      // Before the campaign began: only names nobody used earlier, and not when it is announced ahead.
      if (!hit.item.future || AHEAD.test(windowBefore(text, hit.start)) || /[将拟]|计划|准备/.test(before)) continue;
      push(hit.start, hit.end, 'rules.stale.campaignFuture', { text: hit.text, active: hit.matcher.label }, hit.item.id);
      continue;
    }
    const carried =
      CARRIED_BEFORE.test(before) ||
      CARRIED_AFTER.test(after) ||
      (before.includes('以') && OCCASION_AFTER.test(after)) ||
      (/[把将]/.test(before) && MADE_TASK.test(after)) ||
      (/在[“"「]?$/.test(before) && DURING_AFTER.test(after));
    if (!carried || /关于[“"「]?$/.test(before) || CITED_AFTER.test(after)) continue;
    const around = windowBefore(text, hit.start) + after;
    if (LOOKS_BACK_AT.test(around)) continue;
    const routineTo = hit.matcher.routineTo;
    if (ROUTINE.test(around) && (routineTo === undefined || start <= routineTo)) continue;
    // Two different campaigns in one clause are a list of the past (先后开展了…、…), not this period's work.
    const clauseFrom = hit.start - before.length;
    const clauseTo = hit.end + after.length;
    if (listedWithOthers(hits, i, clauseFrom, clauseTo)) continue;
    push(hit.start, hit.end, 'rules.stale.campaign', { text: hit.text, active: hit.matcher.label }, hit.item.id);
  }
}

/** Whether another campaign stands in the clause [from, to) of hits[i] (hits sorted by start; clauses are short). */
function listedWithOthers(hits: readonly { item: unknown; start: number; end: number }[], i: number, from: number, to: number): boolean {
  const item = hits[i]!.item;
  for (let j = i - 1; j >= 0 && hits[j]!.start >= from - 60; j--) if (hits[j]!.item !== item && hits[j]!.start >= from) return true;
  for (let j = i + 1; j < hits.length && hits[j]!.start < to; j++) if (hits[j]!.item !== item && hits[j]!.end <= to) return true;
  return false;
}

/** A month of the second half (7–12, in figures or in Chinese) as a time: 9月份, 十月中旬, 11月3日, 8月以来. */
const LATE_MONTH = /(?:1[0-2]|[7-9]|十[一二]?|[七八九])月/;
const LATE_MONTH_G = /(?<![0-9０-９〇零一二三四五六七八九十])(?:1[0-2]|[7-9]|十[一二]?|[七八九])月(?:份)?/g;
/** What follows a month used as a time: its part (初, 下旬, 底), a day, 以来, or a comma. */
const AS_TIME = /^(?:初|上旬|中旬|下旬|底|末|中|以来|[0-9]{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]|[，,、])/;
/** A deadline or a start (9月底前, 10月起), which is a plan, not work done. */
const DEADLINE = /^(?:初|上旬|中旬|下旬|底|末|中)?(?:[0-9]{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号])?(?:前|之前|以前|起|开始|启动实施)/;
const PLANNED = /计划|[拟将]|预计|预定|准备|下半年|下一步|下步|今后|明年|力争|争取|确保|定于|打算|安排在|届时|要在|每年|每月/;
/** Marks of work done: 了, 已, 累计, 共计, 共12次, 圆满, 顺利, 先后, 以来. */
const DONE = /(?<![为除])了(?!解)|已|累计|共计|共[0-9一二三四五六七八九十两]|圆满|顺利|先后|成功|以来/;
/** A paragraph that plans (下半年, 下一步, 计划, 打算): its months are not work done. */
const PLAN_PARAGRAPH = /下半年|下一步|下步|明年|计划|打算|将于|拟于|拟在/;
/** A first-half month used as a time (1月中旬, 3月份，): the paragraph tells its work month by month. */
const EARLY_MONTH = /(?<![0-9０-９〇零一二三四五六七八九十])(?:[1-6]|[一二三四五六])月(?:份)?(?:初|上旬|中旬|下旬|底|末|中|[0-9]{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]|[，,、])/;

/** A 上半年 report that tells of work done in the second half of the same year (a whole-year text relabelled). */
function checkMonths(text: string, period: ReportPeriod, push: Push): void {
  if (PLAN_PARAGRAPH.test(text)) return;
  // Work told as done earlier in the paragraph (累计开展12次, 1月中旬组织…) makes a later month told alike done too.
  const doneAt = text.search(DONE);
  const earlyAt = text.search(EARLY_MONTH);
  LATE_MONTH_G.lastIndex = 0;
  for (let m = LATE_MONTH_G.exec(text); m; m = LATE_MONTH_G.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 10);
    if (!AS_TIME.test(after) || DEADLINE.test(after)) continue;
    // 7月1日 / 七月一日 is the Party's birthday, marked at the end of June as often as after it.
    if (/^(?:7|七)月(?:份)?$/.test(m[0]) && /^(?:1|一)[日号]/.test(after)) continue;
    const lead = text.slice(Math.max(0, start - 8), start);
    const year = /(\d{4})年$/.exec(lead);
    if (year && Number(year[1]) !== period.year) continue;
    if (/(?:去|前|上|明|后|往|每)年(?:度)?$|[至到~～\-—－]$|截[至止](?:到)?$/.test(lead)) continue;
    const sentence = windowBefore(text, start) + clauseAfter(text, end, 40);
    if (PLANNED.test(sentence)) continue;
    const toldDone = (doneAt >= 0 && doneAt < start) || (earlyAt >= 0 && earlyAt < start) || DONE.test(sentenceAfter(text, end, 40));
    if (!toldDone) continue;
    push(start, end, 'rules.stale.lateMonth', { text: m[0] }, 'late-month');
  }
}
