// stale-references — references that do not fit the report period (RuleInput.period):
// - an anniversary celebrated in the wrong year (开展庆祝改革开放40周年活动 in a 2021 report; 2018 is right);
// - guidance that has been superseded (以党的十九大精神为指导 in a report for 2023 or later);
// - a meeting that had not yet taken place (学习贯彻十九届六中全会精神 in a report for 2021H1);
// - mixed periods (a 上半年 report that reports 全年共…, a whole-year report that says 半年来).
// Why: a stale reference shows that last year's report was reused. Data: lib/core/packs/events.json, each event
// dated with its source. Silent without a period: guessing the period from scattered years in the text is not
// sound enough to accuse a report of being stale (the engine detects the period from 报告期, title or text).
// Severity: warning; no fix — the current wording is for the writer to choose.
// Known false positive: a deliberate look back (回顾改革开放40周年…) without 去年/回顾 nearby.
import { eventsPack } from '../packs';
import type { ReportPeriod } from '../types';
import type { Finding, ParagraphRule } from './types';

interface Matcher<T> {
  item: T;
  re: RegExp;
}

const anniversaries = eventsPack.anniversaries.map((a) => ({ item: a, re: new RegExp(a.trigger, 'g') }));
const meetings = eventsPack.meetings.map((m) => ({ item: m, re: new RegExp(m.trigger, 'g') }));
const guidance = eventsPack.guidance.map((g) => ({ item: g, re: new RegExp(g.trigger, 'g') }));
/** Every trigger at once: one scan tells whether a paragraph names any event, so that most paragraphs (a line
 * of a roster or a log) cost one RegExp test rather than one per event. */
const anyEvent = new RegExp([...eventsPack.anniversaries, ...eventsPack.meetings, ...eventsPack.guidance].map((e) => `(?:${e.trigger})`).join('|'));

/** Words before an event that point ahead to it (迎接党的二十大) rather than report it. */
const AHEAD = /迎接|喜迎|献礼|即将|筹备|召开前|前夕/;
/** Words after an anniversary that cite a speech given at it (在庆祝…100周年大会上的重要讲话). */
const CITES_SPEECH = /^[^，。；！？]{0,6}(?:大会上|讲话|贺信|重要讲话)/;
const LOOKS_BACK = /去年|前年|上年|回顾|曾|以来/;
/** The sentence around a match, bounded, for the context words above. */
function windowBefore(text: string, at: number): string {
  const from = Math.max(0, at - 40);
  const slice = text.slice(from, at);
  const stop = Math.max(slice.lastIndexOf('。'), slice.lastIndexOf('；'), slice.lastIndexOf('！'));
  return stop >= 0 ? slice.slice(stop + 1) : slice;
}

function* matches<T>(list: readonly Matcher<T>[], text: string) {
  for (const { item, re } of list) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      yield { item, start: m.index, end: m.index + m[0].length, text: m[0] };
    }
  }
}

/** Last month (1–12) of the period and its year: 2021H1 ends 2021-06, 2021 ends 2021-12. */
function periodEnd(period: ReportPeriod): number {
  return period.year * 12 + (period.half === 1 ? 6 : 12);
}

const periodLabel = (p: ReportPeriod) => `${p.year}${p.half === 1 ? '上半年' : p.half === 2 ? '下半年' : '年'}`;

const H1_REPORTS_WHOLE_YEAR = /全年(?:共|累计|完成|开展|组织|召开|举办|发布|接待|处理|受理)|一年来|本年度共/g;
const YEAR_REPORTS_HALF = /半年来|上半年以来/g;

export const staleReferences: ParagraphRule = {
  id: 'stale-references',
  category: 'stale',
  scope: 'paragraph',
  usesPeriod: true,
  check(text, context) {
    const period = context.period;
    if (!period) return [];
    const mixed = period.half === 1 ? H1_REPORTS_WHOLE_YEAR : period.half === undefined ? YEAR_REPORTS_HALF : undefined;
    const events = anyEvent.test(text);
    let mixedHit = false;
    if (mixed) {
      mixed.lastIndex = 0;
      mixedHit = mixed.test(text);
    }
    if (!events && !mixedHit) return [];
    const out: Finding[] = [];
    const push = (start: number, end: number, messageId: string, params: Record<string, string | number>, entry: string) => {
      if (context.disabledEntries.has(entry)) return;
      out.push({ ruleId: 'stale-references', category: 'stale', severity: 'warning', start, end, messageId, params: { ...params, entry, period: periodLabel(period) } });
    };

    if (events) checkEvents(text, period, push);

    if (mixed && mixedHit) {
      mixed.lastIndex = 0;
      for (let m = mixed.exec(text); m; m = mixed.exec(text)) {
        push(m.index, m.index + m[0].length, 'rules.stale.mixedPeriod', { text: m[0] }, 'mixed-period');
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

type Push = (start: number, end: number, messageId: string, params: Record<string, string | number>, entry: string) => void;

/** Anniversaries, meetings and superseded guidance named in a paragraph, against the period. */
function checkEvents(text: string, period: ReportPeriod, push: Push): void {
  for (const hit of matches(anniversaries, text)) {
    const year = hit.item.year;
    if (year === period.year) continue;
    const before = windowBefore(text, hit.start);
    if (year === period.year + 1 && AHEAD.test(before)) continue;
    if (year < period.year && (CITES_SPEECH.test(text.slice(hit.end, hit.end + 12)) || LOOKS_BACK.test(before) || before.includes(`${year}年`))) continue;
    push(hit.start, hit.end, 'rules.stale.anniversary', { text: hit.text, year }, hit.item.id);
  }

  const end = periodEnd(period);
  for (const hit of matches(meetings, text)) {
    const [y, m] = hit.item.date.split('-').map(Number) as [number, number];
    if (y * 12 + m <= end) continue;
    const before = windowBefore(text, hit.start);
    if (AHEAD.test(before) || /^[^，。；]{0,4}(?:胜利)?召开/.test(text.slice(hit.end, hit.end + 8))) continue;
    push(hit.start, hit.end, 'rules.stale.future', { text: hit.text, date: hit.item.date }, hit.item.id);
  }

  for (const hit of matches(guidance, text)) {
    if (period.year < hit.item.supersededFrom) continue;
    push(hit.start, hit.end, 'rules.stale.superseded', { text: hit.text, by: hit.item.by }, hit.item.id);
  }
}
