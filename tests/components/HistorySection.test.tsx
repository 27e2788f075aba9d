// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistorySection } from '@/components/options/HistorySection';
import type { ReportRecord } from '@/lib/storage';

const A = 'https://a.gov.cn';
const record = (id: string, text: string, extra: Partial<ReportRecord> = {}): ReportRecord => ({
  id,
  origin: A,
  path: '/report',
  period: { year: 2025, half: 2 },
  submittedAt: Date.UTC(2026, 0, 5, 8, 0),
  source: 'guard',
  fields: [
    { key: 'title', label: '报告标题', text: '2025年下半年工作总结' },
    { key: 'main', label: '主要工作情况', text },
  ],
  ...extra,
});

function setup(initial: ReportRecord[]) {
  let records = initial;
  const list = vi.fn(async () => records);
  const remove = vi.fn(async (id: string) => {
    records = records.filter((r) => r.id !== id);
  });
  const setKept = vi.fn(async (id: string, kept: boolean) => {
    records = records.map((r) => (r.id === id ? { ...r, kept } : r));
  });
  const save = vi.fn((_text: string, _name: string) => undefined);
  render(<HistorySection list={list} remove={remove} setKept={setKept} retentionDays={async () => 30} save={save} />);
  return { remove, setKept, save, user: userEvent.setup() };
}

describe('HistorySection', () => {
  it('says so when there is no record, with the retention', async () => {
    setup([]);
    expect(await screen.findByText('还没有报告记录。')).toBeTruthy();
    expect(screen.getByText(/保存 30 天/)).toBeTruthy();
  });

  it('lists each record with its form, period and size, and opens the full text', async () => {
    const long = `${'一'.repeat(150)}结尾处`;
    const { user } = setup([record('r1', long)]);
    const item = await screen.findByRole('listitem', { name: `${A}/report 2025年下半年` });
    expect(item.textContent).toContain('2 栏');
    expect(item.textContent).not.toContain('结尾处');
    await user.click(within(item).getByRole('button', { name: '查看全文' }));
    expect(item.textContent).toContain('结尾处');
    expect(item.textContent).toContain('主要工作情况');
  });

  it('keeps, exports and deletes a record', async () => {
    const { user, setKept, save, remove } = setup([record('r1', '正文'), record('r2', '另一份', { period: undefined, source: 'user' })]);
    const first = await screen.findByRole('listitem', { name: `${A}/report 2025年下半年` });
    await user.click(within(first).getByRole('button', { name: '保留' }));
    expect(setKept).toHaveBeenCalledWith('r1', true);
    expect(await within(first).findByText(/已保留/)).toBeTruthy();
    await user.click(within(first).getByRole('button', { name: '导出' }));
    const [text] = save.mock.calls[0]!;
    expect(JSON.parse(text).records.map((r: ReportRecord) => r.id)).toEqual(['r1']);
    await user.click(screen.getByRole('button', { name: '全部导出（JSON）' }));
    expect(JSON.parse(save.mock.calls[1]![0]).records).toHaveLength(2);
    const second = screen.getByRole('listitem', { name: `${A}/report 报告期未识别` });
    expect(second.textContent).toContain('手动标记为已提交');
    await user.click(within(second).getByRole('button', { name: '删除' }));
    expect(remove).toHaveBeenCalledWith('r2');
    expect(await screen.findAllByRole('listitem')).toHaveLength(1);
  });
});
