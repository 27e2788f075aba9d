// Report history (报告记录, issue 13 item 1): a record of each report that went through — the guard saw the
// portal's submit go through (lib/background/drafts.ts, from the page's drafts), or the user marked the form
// 已提交 in the panel. A record holds the site, the form (the page's path), the report period, the time and each
// field's label and text. 从上期报告开始 and 上期重复率 read it back for the same form's next period.
// Records follow the drafts' retention (Settings.draftRetentionDays) unless the user keeps them (`kept`) or the
// record is its form's newest (the one the next period starts from), and they are part of the backup.
import * as v from 'valibot';
import { StorageValidationError } from './errors';
import { readItem, reportHistoryItem } from './items';
import { LIMITS, ReportRecordSchema, type ReportHistory, type ReportRecord, type ReportRecordField } from './schemas';
import { getSettings } from './settings';
import { normaliseOrigin } from './siteProfiles';
import { updateItem } from './write';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How much the history may hold. A half-yearly report runs to 10–30 000 characters; a record holds at most
 * recordChars (a form pasted whole twice over). totalChars 1 000 000 is some forty real reports, as UTF-8 about
 * 3 MB, under a third of the 10 MB storage.local quota beside the drafts' own budget. When a new record does not
 * fit, the oldest records not kept go first; kept records are never removed to make room: the new record is then
 * refused ('full') and the options page says so.
 */
export const HISTORY_BUDGET = {
  recordChars: 200_000,
  totalChars: 1_000_000,
  records: LIMITS.reportRecords,
} as const;

export type ReportRecordOutcome = 'saved' | 'unchanged' | 'empty' | 'tooLong' | 'full';

export interface ReportRecordInput {
  origin: string;
  /** The page's address; only its path is kept (the form). */
  pageUrl: string;
  fields: ReadonlyArray<{ key: string; label: string; text: string }>;
  source: ReportRecord['source'];
  period?: ReportRecord['period'];
  now?: number;
}

export const recordChars = (record: Pick<ReportRecord, 'fields'>) => record.fields.reduce((n, f) => n + f.text.length, 0);

/** The form a page is: its path, without query or fragment ('/' when the address is not one). */
export function formPath(pageUrl: string): string {
  try {
    return new URL(pageUrl).pathname.slice(0, LIMITS.pageUrlLength);
  } catch {
    return '/';
  }
}

const HALF_RE = /((?:19|20|21)\d{2})\s*年\s*度?\s*(上半年|下半年)/;
const YEAR_RE = /((?:19|20|21)\d{2})\s*年\s*(?:度|全年)/;
const FW_DIGIT = /[０-９]/g;

/**
 * The period a submitted report names, read cheaply (the background does not load the engine): a field
 * labelled 报告期/报告时间 first, then the first 600 characters of the fields: 2025年下半年 → 2025H2,
 * 2025年度 → 2025. Undefined when none is named.
 */
export function periodOfFields(fields: ReadonlyArray<{ label: string; text: string }>): ReportRecord['period'] {
  const periodField = fields.find((f) => /报告期|报告时间|填报期间|时间范围/.test(f.label));
  const head = [periodField?.text ?? '', ...fields.map((f) => f.text)].join('\n').slice(0, 600).replace(FW_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const half = HALF_RE.exec(head);
  const year = YEAR_RE.exec(head);
  if (half && (!year || half.index <= year.index)) return { year: Number(half[1]), half: half[2] === '上半年' ? 1 : 2 };
  if (year) return { year: Number(year[1]) };
  return undefined;
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const sameFields = (a: readonly ReportRecordField[], b: readonly ReportRecordField[]) =>
  a.length === b.length && a.every((f, i) => f.key === b[i]!.key && f.text === b[i]!.text);

/**
 * Records a submitted report. Fields with no text are left out; a report with none records nothing ('empty').
 * The same form submitted again with the same texts is not a second record ('unchanged'). Over the budget the
 * oldest records not kept go first (see HISTORY_BUDGET). Returns the outcome and the record.
 */
export async function recordReport(input: ReportRecordInput): Promise<{ outcome: ReportRecordOutcome; record?: ReportRecord }> {
  const origin = normaliseOrigin(input.origin);
  const now = input.now ?? Date.now();
  const fields: ReportRecordField[] = input.fields
    .filter((f) => typeof f.text === 'string' && f.text.trim() !== '')
    .slice(0, LIMITS.fieldsPerRecord)
    .map((f) => ({ key: f.key, label: String(f.label ?? '').slice(0, LIMITS.fieldLabelLength), text: f.text }));
  if (fields.length === 0) return { outcome: 'empty' };
  const period = input.period ?? periodOfFields(fields);
  const record: ReportRecord = {
    id: newId(),
    origin,
    path: formPath(input.pageUrl),
    ...(period ? { period } : {}),
    submittedAt: now,
    source: input.source,
    fields,
  };
  const size = recordChars(record);
  if (size > HISTORY_BUDGET.recordChars) return { outcome: 'tooLong' };
  const parsed = v.safeParse(ReportRecordSchema, record);
  if (!parsed.success) throw new StorageValidationError('reportHistory', 'record');
  let result: { outcome: ReportRecordOutcome; record?: ReportRecord } = { outcome: 'saved', record };
  await updateItem(reportHistoryItem, (history) => {
    const latest = history
      .filter((r) => r.origin === origin && r.path === record.path)
      .sort((a, b) => b.submittedAt - a.submittedAt)[0];
    if (latest && sameFields(latest.fields, fields)) {
      result = { outcome: 'unchanged', record: latest };
      return history;
    }
    const next = [...history];
    let total = next.reduce((n, r) => n + recordChars(r), 0);
    // Oldest first: the records that may go to make room.
    const removable = next.filter((r) => !r.kept).sort((a, b) => a.submittedAt - b.submittedAt);
    while ((total + size > HISTORY_BUDGET.totalChars || next.length >= HISTORY_BUDGET.records) && removable.length > 0) {
      const gone = removable.shift()!;
      next.splice(next.indexOf(gone), 1);
      total -= recordChars(gone);
    }
    if (total + size > HISTORY_BUDGET.totalChars || next.length >= HISTORY_BUDGET.records) {
      result = { outcome: 'full' };
      return history;
    }
    result = { outcome: 'saved', record };
    next.push(record);
    return next;
  });
  return result;
}

/** Every record, newest first. */
export async function listReportHistory(): Promise<ReportRecord[]> {
  const history = await readItem(reportHistoryItem);
  return history.sort((a, b) => b.submittedAt - a.submittedAt);
}

export async function getReportRecord(id: string): Promise<ReportRecord | undefined> {
  return (await readItem(reportHistoryItem)).find((r) => r.id === id);
}

const samePeriod = (a: ReportRecord['period'], b: ReportRecord['period']) =>
  !!a && !!b && a.year === b.year && (a.half ?? 0) === (b.half ?? 0);

/**
 * The record to start the form's next report from: same origin and form (path); the one of `period` when
 * given and there is one, else the newest.
 */
export async function findPreviousReport(
  origin: string,
  pageUrl: string,
  period?: ReportRecord['period'],
): Promise<ReportRecord | undefined> {
  const key = normaliseOrigin(origin);
  const path = formPath(pageUrl);
  const same = (await listReportHistory()).filter((r) => r.origin === key && r.path === path);
  return (period && same.find((r) => samePeriod(r.period, period))) || same[0];
}

export async function deleteReportRecord(id: string): Promise<boolean> {
  let removed = false;
  await updateItem(reportHistoryItem, (history) => {
    const next = history.filter((r) => r.id !== id);
    removed = next.length !== history.length;
    return removed ? next : history;
  });
  return removed;
}

/** Keep (or stop keeping) a record past the drafts' retention. */
export async function setReportRecordKept(id: string, kept: boolean): Promise<boolean> {
  let found = false;
  await updateItem(reportHistoryItem, (history) => {
    const index = history.findIndex((r) => r.id === id);
    found = index !== -1;
    if (!found || !!history[index]!.kept === kept) return history;
    const next = [...history];
    const { kept: _old, ...rest } = history[index]!;
    next[index] = kept ? { ...rest, kept: true } : rest;
    return next;
  });
  return found;
}

/**
 * Removes the records not kept that are older than the drafts' retention; returns how many went. The newest
 * record of each form stays whatever its age: it is the 上期报告 the next period starts from, half a year later,
 * long after the drafts' 30 days, and a user who never pressed 保留 would otherwise find nothing to start from.
 */
export async function pruneReportHistory(now = Date.now()): Promise<number> {
  const { draftRetentionDays } = await getSettings();
  const cutoff = now - draftRetentionDays * DAY_MS;
  let removed = 0;
  await updateItem(reportHistoryItem, (history) => {
    const newest = new Map<string, ReportRecord>();
    for (const r of history) {
      const form = `${r.origin}\n${r.path}`;
      const seen = newest.get(form);
      if (!seen || r.submittedAt > seen.submittedAt) newest.set(form, r);
    }
    const latest = new Set(newest.values());
    const next = history.filter((r) => r.kept || r.submittedAt >= cutoff || latest.has(r));
    removed = history.length - next.length;
    return removed > 0 ? next : history;
  });
  return removed;
}

export const REPORT_HISTORY_FORMAT = 'tianbao-report-history';

/** The records as a JSON file for the user (报告记录 → 导出); not a backup: restore reads the backup file. */
export function exportReportHistory(records: readonly ReportRecord[], now = new Date()): string {
  return JSON.stringify({ format: REPORT_HISTORY_FORMAT, version: 1, exportedAt: now.toISOString(), records }, null, 2);
}

export function watchReportHistory(callback: (history: ReportHistory) => void): () => void {
  return reportHistoryItem.item.watch(() => {
    void readItem(reportHistoryItem).then(callback);
  });
}
