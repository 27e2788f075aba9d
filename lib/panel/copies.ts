// 上期重复率 and 范文相似度 of the form being filled (issue 13 item 4): the report fields read as one text and
// compared with last period's record of the same form and with the shipped sample texts; each copied passage
// mapped back to the field it sits in, so that 定位 can show it. A share over the site's threshold becomes a
// warning the guard lists (lib/panel/history-findings.ts).
import { corpusReferences } from '../core/references/corpus';
import { compareTexts, compareWithIndex, formatShare, indexReferences, type Reference, type ReferenceIndex, type SimilarityResult } from '../core/similarity';
import type { Finding, ReportPeriod } from '../core/types';
import type { ReferenceText, ReportRecord } from '../storage/schemas';
import { listReferenceTexts, watchReferenceTexts } from '../storage/references';
import { formPath, listReportHistory, watchReportHistory } from '../storage/reportHistory';
import { getSiteProfile, watchSiteProfiles } from '../storage/siteProfiles';
import { COPIED_RULE, setCopyCheck } from './history-findings';
import { isReportField, periodFromForm } from './report';
import type { PanelField } from './bridge';

export interface LocatedPassage {
  fieldKey: string;
  /** offsets in the field's text */
  start: number;
  end: number;
  text: string;
  /** where it comes from: the record's field label, or the sample's title */
  source: string;
}

export interface CopyMeasure {
  share: number;
  passages: LocatedPassage[];
}

export interface ReportCopies {
  previous?: CopyMeasure & { record: ReportRecord };
  references: CopyMeasure & { count: number };
}

let indexed: { user: readonly ReferenceText[]; index: ReferenceIndex } | undefined;
/** The shipped sample texts and the user's own (我的范文), indexed once per list. */
export function sampleIndex(user: readonly ReferenceText[] = []): ReferenceIndex {
  if (indexed?.user !== user) {
    const references: Reference[] = [...corpusReferences, ...user.map((r) => ({ id: r.id, title: r.title, text: r.text }))];
    indexed = { user, index: indexReferences(references) };
  }
  return indexed.index;
}

/** The fields as one text, and where each starts in it. */
function joined(fields: ReadonlyArray<{ key: string; text: string }>) {
  const starts: Array<{ key: string; start: number; end: number }> = [];
  let text = '';
  for (const field of fields) {
    if (text !== '') text += '\n';
    starts.push({ key: field.key, start: text.length, end: text.length + field.text.length });
    text += field.text;
  }
  return { text, starts };
}

function locate(result: SimilarityResult, text: string, starts: ReturnType<typeof joined>['starts'], source: (ref: number, refStart: number) => string): CopyMeasure {
  const passages: LocatedPassage[] = [];
  for (const p of result.passages) {
    const field = starts.find((f) => p.start >= f.start && p.start < f.end) ?? starts[starts.length - 1];
    if (!field) continue;
    const end = Math.min(p.end, field.end);
    passages.push({ fieldKey: field.key, start: p.start - field.start, end: end - field.start, text: text.slice(p.start, end), source: source(p.ref, p.refStart) });
  }
  return { share: result.share, passages };
}

/** The record of this form to compare with: the newest of the same origin and form whose period is not the form's own. */
export function previousRecordOf(
  records: readonly ReportRecord[],
  origin: string,
  pageUrl: string,
  period?: ReportPeriod,
): ReportRecord | undefined {
  const path = formPath(pageUrl);
  const samePeriod = (r: ReportRecord) => !!period && !!r.period && r.period.year === period.year && (r.period.half ?? 0) === (period.half ?? 0);
  return records
    .filter((r) => r.origin === origin && r.path === path && !samePeriod(r))
    .sort((a, b) => b.submittedAt - a.submittedAt)[0];
}

export function measureReportCopies(
  fields: ReadonlyArray<{ key: string; text: string }>,
  previous?: ReportRecord,
  user: readonly ReferenceText[] = [],
): ReportCopies {
  const { text, starts } = joined(fields);
  const index = sampleIndex(user);
  const references = compareWithIndex(text, index);
  const out: ReportCopies = {
    references: { ...locate(references, text, starts, (ref) => index.references[ref]?.title ?? ''), count: index.references.length },
  };
  if (previous) {
    const old = joined(previous.fields);
    const result = compareTexts(text, old.text);
    const labelAt = (refStart: number) => {
      const field = old.starts.find((f) => refStart >= f.start && refStart < f.end);
      const source = previous.fields.find((f) => f.key === field?.key);
      return source?.label || source?.key || '';
    };
    out.previous = { ...locate(result, text, starts, (_ref, refStart) => labelAt(refStart)), record: previous };
  }
  return out;
}

/** The warnings a share at or over `threshold` percent raises (none when the threshold is 0 or unset). */
export function copyWarnings(copies: ReportCopies, threshold: number | undefined): Finding[] {
  if (!threshold) return [];
  const out: Finding[] = [];
  const warn = (measure: CopyMeasure, which: 'previous' | 'references') => {
    const first = measure.passages[0];
    if (measure.share * 100 < threshold || !first) return;
    out.push({
      ruleId: COPIED_RULE,
      category: 'duplicate',
      severity: 'warning',
      start: first.start,
      end: first.end,
      fieldKey: first.fieldKey,
      messageId: `history.copied.${which}`,
      params: { share: formatShare(measure.share), threshold },
    });
  };
  if (copies.previous) warn(copies.previous, 'previous');
  warn(copies.references, 'references');
  return out;
}

/**
 * Keeps the guard's copied-share warning current for the panel page's portal: the report history and the site's
 * threshold are read now and on every change, and the share is measured on the fields each check passes
 * (lib/panel/history-findings.ts). Returns the stop function.
 */
export function startCopyGuard(origin: string, pageUrl: () => string): () => void {
  let records: ReportRecord[] = [];
  let user: ReferenceText[] = [];
  let threshold = 0;
  const register = () =>
    setCopyCheck(
      threshold > 0
        ? (fields) => {
            const report = fields.filter((f) => f.kind === undefined || isReportField(f as PanelField));
            if (report.every((f) => f.text.trim() === '')) return [];
            const period = periodFromForm(fields.map((f) => ({ key: f.key, label: f.label ?? '', text: f.text, kind: f.kind ?? 'textarea', required: false })));
            return copyWarnings(measureReportCopies(report, previousRecordOf(records, origin, pageUrl(), period), user), threshold);
          }
        : undefined,
    );
  const loadRecords = () =>
    void listReportHistory().then((next) => {
      records = next;
      register();
    }, () => undefined);
  loadRecords();
  const loadUser = () =>
    void listReferenceTexts().then((next) => {
      user = next;
      register();
    }, () => undefined);
  loadUser();
  const stopUser = watchReferenceTexts(loadUser);
  void getSiteProfile(origin).then((profile) => {
    threshold = profile.copyThreshold ?? 0;
    register();
  }, () => undefined);
  const stopHistory = watchReportHistory(loadRecords);
  const stopProfiles = watchSiteProfiles((profiles) => {
    const next = profiles[origin]?.copyThreshold ?? 0;
    if (next !== threshold) {
      threshold = next;
      register();
    }
  });
  return () => {
    stopHistory();
    stopProfiles();
    stopUser();
    setCopyCheck(undefined);
  };
}
