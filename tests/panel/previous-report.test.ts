import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplyFixOptions, PageBridge, PanelField } from '@/lib/panel/bridge';
import type { Finding } from '@/lib/core/types';
import type { ReportRecord } from '@/lib/storage';
import { applyPrevious, formIsEmpty, planFromPrevious } from '@/lib/panel/previous-report';
import { CARRIED_RULE, carriedFindings, clearCarried, historyFindings, holdsSubmit, setCopyCheck } from '@/lib/panel/history-findings';
import { blockingFindings } from '@/lib/guard/findings';
import { copyWarnings, measureReportCopies, previousRecordOf } from '@/lib/panel/copies';
import { corpusReferences } from '@/lib/core/references/corpus';

const ORIGIN = 'https://tb.example.gov.cn';

const RECORD: ReportRecord = {
  id: 'r1',
  origin: ORIGIN,
  path: '/report',
  period: { year: 2025, half: 2 },
  submittedAt: 1,
  source: 'guard',
  fields: [
    { key: 'title', label: '报告标题', text: '2025年下半年意识形态工作总结' },
    { key: 'old-key', label: '主要工作情况', text: '下半年召开党组会议3次，参训干部12人，满意度85%。2025年9月开展专题党课。' },
    { key: 'gone', label: '已删除的栏目', text: '这一栏本期没有' },
  ],
};

/** A form of several fields whose applyFix behaves as the DOM bridge's (whole fix, or nothing when the text moved). */
function formBridge(fields: Array<Omit<PanelField, 'required' | 'kind'> & { kind?: string }>) {
  const values = new Map(fields.map((f) => [f.key, f.text]));
  const read = (): PanelField[] => fields.map((f) => ({ key: f.key, label: f.label, required: false, kind: f.kind ?? 'textarea', text: values.get(f.key)! }));
  const applyFix = vi.fn(async (finding: Finding, options: ApplyFixOptions = {}) => {
    const before = values.get(finding.fieldKey ?? '');
    if (before === undefined || !finding.fix) return { ok: false, messageId: 'panel.fieldGone' };
    if (options.expectedText !== undefined && options.expectedText !== before) return { ok: false, messageId: 'checks.fixStale' };
    const after = before.slice(0, finding.fix.start) + finding.fix.text + before.slice(finding.fix.end);
    values.set(finding.fieldKey!, after);
    return { ok: true, before, after };
  });
  const bridge: PageBridge = {
    readFields: read,
    lastFocusedLabel: () => undefined,
    insert: vi.fn(async () => ({ ok: true })),
    reveal: vi.fn(() => true),
    applyFix,
    pageTitle: () => '',
    onChange: () => () => undefined,
  };
  return { bridge, read, set: (key: string, text: string) => values.set(key, text) };
}

afterEach(() => {
  clearCarried();
  setCopyCheck(undefined);
});

describe('从上期报告开始', () => {
  const form = () =>
    formBridge([
      { key: 'title', label: '报告标题', text: '' },
      { key: 'main', label: '主要工作情况：', text: '' },
      { key: 'unit', label: '填报单位', text: '', kind: 'input' },
    ]);

  it('maps each recorded field by key, else by label, and rewrites the period words', () => {
    const { read } = form();
    expect(formIsEmpty(read())).toBe(true);
    const plan = planFromPrevious(RECORD, read());
    expect(plan.to).toEqual({ year: 2026, half: 1 });
    expect(plan.targets.map((t) => [t.key, t.text])).toEqual([
      ['title', '2026年上半年意识形态工作总结'],
      ['main', '上半年召开党组会议3次，参训干部12人，满意度85%。2025年9月开展专题党课。'],
    ]);
    expect(plan.unmatched).toEqual(['已删除的栏目']);
  });

  it('fills the form in one change, and the carried figures are warnings the guard lists until edited', async () => {
    const { bridge, read, set } = form();
    const outcome = await applyPrevious(bridge, planFromPrevious(RECORD, read()));
    expect(outcome).toMatchObject({ ok: true, filled: ['报告标题', '主要工作情况：'], carried: 4 });
    expect(outcome.ok && outcome.change?.fields.map((f) => f.key)).toEqual(['title', 'main']);

    const flagged = carriedFindings(read());
    expect(flagged.map((f) => read().find((x) => x.key === f.fieldKey)!.text.slice(f.start, f.end))).toEqual(['3次', '12人', '85%', '2025年9月']);
    expect(flagged.every((f) => f.ruleId === CARRIED_RULE && f.category === 'stale' && f.severity === 'warning' && holdsSubmit(f))).toBe(true);
    const guard = blockingFindings({ fields: read(), pageTitle: '' });
    expect(guard.filter((f) => f.ruleId === CARRIED_RULE)).toHaveLength(4);

    // The user types before the figures (they move) and changes two of them.
    set('main', `本期新写一句。${read()[1]!.text.replace('3次', '5次').replace('2025年9月', '2026年3月')}`);
    const left = carriedFindings(read());
    expect(left.map((f) => read()[1]!.text.slice(f.start, f.end))).toEqual(['12人', '85%']);
    set('main', '全部重写了。');
    expect(historyFindings(read())).toEqual([]);
  });

  it('writes nothing when a field was typed into since the plan', async () => {
    const { bridge, read, set } = form();
    const plan = planFromPrevious(RECORD, read());
    set('main', '刚输入的');
    expect(await applyPrevious(bridge, plan)).toEqual({ ok: false, reason: 'changed', field: '主要工作情况：' });
    expect(read()[0]!.text).toBe('');
  });

  it('goes to the form period when the form names one', () => {
    const { read } = form();
    const plan = planFromPrevious(RECORD, read(), { year: 2026 });
    expect(plan.targets[0]!.text).toBe('2026年意识形态工作总结');
  });
});

describe('上期重复率 and 范文相似度 in the panel', () => {
  it('locates the copied passages in their fields and warns over the threshold', () => {
    const sample = corpusReferences[1]!.text.slice(0, 400);
    const fields = [
      { key: 'title', text: '2026年上半年意识形态工作总结' },
      { key: 'main', text: `本期新写的开头，和以前都不一样的一句话。\n${RECORD.fields[1]!.text}\n${sample}` },
    ];
    const copies = measureReportCopies(fields, RECORD);
    expect(copies.previous!.share).toBeGreaterThan(0.05);
    const p = copies.previous!.passages.find((x) => x.fieldKey === 'main')!;
    expect(fields[1]!.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.source).toBe('主要工作情况');
    const r = copies.references.passages[0]!;
    expect(r.source).toBe(corpusReferences[1]!.title);
    expect(fields[1]!.text.slice(r.start, r.end)).toBe(r.text);

    expect(copyWarnings(copies, 0)).toEqual([]);
    const warnings = copyWarnings(copies, 5);
    expect(warnings.map((w) => w.messageId).sort()).toEqual(['history.copied.previous', 'history.copied.references']);
    setCopyCheck(() => warnings);
    expect(blockingFindings({ fields: fields.map((f) => ({ ...f, label: f.key, required: false, kind: 'textarea' })), pageTitle: '' }).some((f) => f.ruleId === 'copied-share')).toBe(true);
    expect(copyWarnings(copies, 95)).toEqual([]);
  });

  it('compares with the newest record of the same form from another period', () => {
    const other = { ...RECORD, id: 'r2', period: { year: 2026, half: 1 as const }, submittedAt: 5 };
    const elsewhere = { ...RECORD, id: 'r3', path: '/other', submittedAt: 9 };
    expect(previousRecordOf([RECORD, other, elsewhere], ORIGIN, `${ORIGIN}/report?x=1`, { year: 2026, half: 1 })?.id).toBe('r1');
    expect(previousRecordOf([RECORD, other], ORIGIN, `${ORIGIN}/report`)?.id).toBe('r2');
  });
});

describe('the copy guard', () => {
  it('measures the fields each check passes, against the site threshold and the form record', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { recordReport, updateSiteProfile } = await import('@/lib/storage');
    const { startCopyGuard } = await import('@/lib/panel/copies');
    fakeBrowser.reset();
    await recordReport({ origin: ORIGIN, pageUrl: `${ORIGIN}/report`, fields: RECORD.fields, source: 'guard', period: RECORD.period! });
    const stop = startCopyGuard(ORIGIN, () => `${ORIGIN}/report`);
    const fields = [{ key: 'main', label: '主要工作情况', required: false, kind: 'textarea', text: RECORD.fields[1]!.text }];
    await vi.waitFor(() => expect(historyFindings(fields)).toEqual([]));
    await updateSiteProfile(ORIGIN, { copyThreshold: 50 });
    await vi.waitFor(() => expect(historyFindings(fields).map((f) => f.messageId)).toContain('history.copied.previous'));
    expect(blockingFindings({ fields, pageTitle: '' }).some((f) => f.ruleId === 'copied-share')).toBe(true);
    // A different text is not a copy.
    expect(historyFindings([{ ...fields[0]!, text: '完全不同的一段新内容，和上期没有一句相同的话。' }])).toEqual([]);
    stop();
    expect(historyFindings(fields)).toEqual([]);
  });
});

describe("the user's sample texts in 范文相似度", () => {
  it('are compared beside the shipped ones, passages named by their titles', () => {
    const mine = { id: 'mine', title: '上级下发的范文', text: '坚持把意识形态工作作为党的建设的重要内容，纳入重要议事日程，纳入领导班子和领导干部目标管理。', addedAt: 0 };
    const fields = [{ key: 'main', text: `开头是自己写的一句。${mine.text}` }];
    const without = measureReportCopies(fields);
    const withMine = measureReportCopies(fields, undefined, [mine]);
    expect(withMine.references.count).toBe(without.references.count + 1);
    expect(withMine.references.share).toBeGreaterThan(without.references.share);
    expect(withMine.references.passages.map((p) => p.source)).toContain('上级下发的范文');
  });
});
