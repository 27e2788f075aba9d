import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markPageSubmitted, pruneOldDrafts, saveDrafts } from '../../lib/background/drafts';
import {
  HISTORY_BUDGET,
  LIMITS,
  deleteReportRecord,
  exportBackup,
  exportReportHistory,
  findPreviousReport,
  formPath,
  getReportRecord,
  inspectBackup,
  listReportHistory,
  periodOfFields,
  pruneReportHistory,
  recordReport,
  restoreBackup,
  setReportRecordKept,
  updateSettings,
} from '../../lib/storage';
import { DAY, ORIGIN, OTHER_ORIGIN } from './helpers';

const PAGE = `${ORIGIN}/report/form?id=7`;
const fields = (main: string) => [
  { key: 'title', label: '报告标题', text: '2025年下半年意识形态工作总结' },
  { key: 'main', label: '主要工作情况', text: main },
  { key: 'empty', label: '其他', text: '  ' },
];

describe('report history', () => {
  it('records a submitted report: site, form path, period from the text, time, each field', async () => {
    const { outcome, record } = await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('召开会议3次。'), source: 'user', now: 1000 });
    expect(outcome).toBe('saved');
    expect(record).toMatchObject({ origin: ORIGIN, path: '/report/form', period: { year: 2025, half: 2 }, submittedAt: 1000, source: 'user' });
    expect(record!.fields.map((f) => f.key)).toEqual(['title', 'main']);
    expect(await listReportHistory()).toEqual([record]);
    expect(await getReportRecord(record!.id)).toEqual(record);
  });

  it('does not record an empty form, nor the same texts twice', async () => {
    expect((await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: [{ key: 'a', label: 'A', text: '' }], source: 'user' })).outcome).toBe('empty');
    await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('正文'), source: 'guard', now: 1 });
    expect((await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('正文'), source: 'user', now: 2 })).outcome).toBe('unchanged');
    expect((await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('改过的正文'), source: 'user', now: 3 })).outcome).toBe('saved');
    expect(await listReportHistory()).toHaveLength(2);
  });

  it('finds the previous report of the same form: the period asked for, else the newest', async () => {
    const h1 = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: [{ key: 'm', label: '正文', text: '2025年上半年工作总结' }], source: 'user', now: 10 })).record!;
    const h2 = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: [{ key: 'm', label: '正文', text: '2025年下半年工作总结' }], source: 'user', now: 20 })).record!;
    await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/other`, fields: [{ key: 'm', label: '正文', text: '另一张表' }], source: 'user', now: 30 });
    await recordReport({ origin: OTHER_ORIGIN, pageUrl: `${OTHER_ORIGIN}/report/form`, fields: [{ key: 'm', label: '正文', text: '别的网站' }], source: 'user', now: 40 });
    expect((await findPreviousReport(ORIGIN, `${ORIGIN}/report/form#x`))?.id).toBe(h2.id);
    expect((await findPreviousReport(ORIGIN, PAGE, { year: 2025, half: 1 }))?.id).toBe(h1.id);
    expect(await findPreviousReport(ORIGIN, `${ORIGIN}/new`)).toBeUndefined();
  });

  it('follows the drafts retention unless kept', async () => {
    await updateSettings({ draftRetentionDays: 30 });
    const old = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('旧的'), source: 'user', now: 0 })).record!;
    // The same form's newer record, itself past the retention: the newest of a form stays (it is the 上期报告).
    const lastOfForm = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('上期的'), source: 'user', now: 5 * DAY })).record!;
    const kept = (await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/b`, fields: fields('留着的'), source: 'user', now: 0 })).record!;
    const fresh = (await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/c`, fields: fields('新的'), source: 'user', now: 40 * DAY })).record!;
    expect(await setReportRecordKept(kept.id, true)).toBe(true);
    expect(await pruneReportHistory(41 * DAY)).toBe(1);
    const ids = (await listReportHistory()).map((r) => r.id);
    expect(ids).toEqual([fresh.id, lastOfForm.id, kept.id]);
    expect(ids).not.toContain(old.id);
    expect(await setReportRecordKept(kept.id, false)).toBe(true);
    expect((await getReportRecord(kept.id))?.kept).toBeUndefined();
    expect(await deleteReportRecord(fresh.id)).toBe(true);
    expect(await deleteReportRecord(fresh.id)).toBe(false);
  });

  it('stays within its budget: the oldest records not kept go, kept ones never', async () => {
    const big = '字'.repeat(HISTORY_BUDGET.recordChars / 2);
    const first = (await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/0`, fields: [{ key: 'm', label: 'm', text: big }], source: 'user', now: 0 })).record!;
    await setReportRecordKept(first.id, true);
    const perRecord = HISTORY_BUDGET.totalChars / (HISTORY_BUDGET.recordChars / 2);
    for (let i = 1; i <= perRecord + 2; i++) {
      const { outcome } = await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/${i}`, fields: [{ key: 'm', label: 'm', text: big + i }], source: 'user', now: i });
      expect(outcome).toBe('saved');
    }
    const history = await listReportHistory();
    expect(history.reduce((n, r) => n + r.fields[0]!.text.length, 0)).toBeLessThanOrEqual(HISTORY_BUDGET.totalChars);
    expect(history.map((r) => r.id)).toContain(first.id);
    expect(history[0]!.path).toBe(`/${perRecord + 2}`);
    // one record over the per-record cap is refused
    const tooLong = await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: [{ key: 'm', label: 'm', text: 'x'.repeat(HISTORY_BUDGET.recordChars + 1) }], source: 'user' });
    expect(tooLong.outcome).toBe('tooLong');
    expect(LIMITS.reportRecords).toBe(HISTORY_BUDGET.records);
  });

  it('a submit the guard saw go through records the page drafts', async () => {
    const page = `${ORIGIN}/report/form`;
    await saveDrafts(ORIGIN, page, [
      { fieldKey: 'title', fieldLabel: '报告标题', text: '2025年下半年工作总结' },
      { fieldKey: 'main', fieldLabel: '主要工作情况', text: '共开展活动12次。' },
    ], 100);
    await saveDrafts(ORIGIN, `${ORIGIN}/other`, [{ fieldKey: 'x', fieldLabel: '别的', text: '别的页面' }], 100);
    expect(await markPageSubmitted(ORIGIN, page, 200)).toBe(2);
    const [record] = await listReportHistory();
    expect(record).toMatchObject({ origin: ORIGIN, path: '/report/form', source: 'guard', submittedAt: 200, period: { year: 2025, half: 2 } });
    expect(record!.fields.map((f) => [f.label, f.text]).sort()).toEqual([['主要工作情况', '共开展活动12次。'], ['报告标题', '2025年下半年工作总结']]);
    // the background's start-up prune runs the history's retention too: a later submit of the same form makes
    // this record an old one, which then goes; the newest stays as the next period's 上期报告
    await saveDrafts(ORIGIN, page, [{ fieldKey: 'main', fieldLabel: '主要工作情况', text: '共开展活动15次。' }], 300);
    expect(await markPageSubmitted(ORIGIN, page, 400)).toBe(2);
    await pruneOldDrafts(400 + 400 * DAY);
    expect((await listReportHistory()).map((r) => r.submittedAt)).toEqual([400]);
  });

  it('is in the backup, restored validated; a backup from before it leaves the records alone', async () => {
    const record = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('备份里的'), source: 'user', now: 5 })).record!;
    const text = await exportBackup();
    const file = JSON.parse(text);
    expect(file.items.reportHistory.value).toEqual([record]);
    await deleteReportRecord(record.id);
    expect((await restoreBackup(text)).ok).toBe(true);
    expect(await listReportHistory()).toEqual([record]);

    const bad = structuredClone(file);
    bad.items.reportHistory.value[0].submittedAt = 'yesterday';
    expect(inspectBackup(JSON.stringify(bad))).toMatchObject({ ok: false, messageId: 'storage.restore.invalid' });

    const older = structuredClone(file);
    delete older.items.reportHistory;
    await deleteReportRecord(record.id);
    const kept = (await recordReport({ origin: ORIGIN, pageUrl: PAGE, fields: fields('恢复前就有的'), source: 'user', now: 6 })).record!;
    expect((await restoreBackup(JSON.stringify(older))).ok).toBe(true);
    expect(await listReportHistory()).toEqual([kept]);
  });

  it('exports the records as JSON', () => {
    const json = JSON.parse(exportReportHistory([], new Date(0)));
    expect(json).toEqual({ format: 'tianbao-report-history', version: 1, exportedAt: '1970-01-01T00:00:00.000Z', records: [] });
  });

  it('reads the period and the form cheaply', () => {
    expect(periodOfFields([{ label: '报告期', text: '2026年上半年' }, { label: '正文', text: '2025年度…' }])).toEqual({ year: 2026, half: 1 });
    expect(periodOfFields([{ label: '正文', text: '２０２５年度意识形态工作' }])).toEqual({ year: 2025 });
    expect(periodOfFields([{ label: '正文', text: '今年以来' }])).toBeUndefined();
    expect(formPath('https://a.gov.cn/x/y?q=1#z')).toBe('/x/y');
    expect(fakeBrowser).toBeDefined();
  });
});
