// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CheckReportSection } from '@/components/options/CheckReportSection';

const REPORT = [
  '2026年上半年意识形态工作责任制落实情况报告',
  '一、主要工作情况',
  '党组召开专题会议xx次研究意识形态工作。',
].join('\n');

describe('CheckReportSection (检查报告, printable from the options page)', () => {
  it('checks a pasted report and shows readiness, coverage and the findings with their line, then prints', async () => {
    const print = vi.fn();
    render(<CheckReportSection print={print} />);
    expect((screen.getByRole('button', { name: '打印检查报告' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByLabelText('报告全文'));
    await userEvent.paste(REPORT);
    await userEvent.click(screen.getByRole('button', { name: '检查' }));
    const report = screen.getByTestId('check-report');
    expect(report.textContent).toContain('《2026年上半年意识形态工作责任制落实情况报告》检查报告');
    expect(report.textContent).toMatch(/结论：还差 \d+ 项/);
    // The left placeholder is listed with its line (3) and its severity.
    // The readiness list names it; the findings list gives it with its line (3) and its severity.
    const mentions = within(report).getAllByRole('listitem').filter((li) => li.textContent?.includes('“xx”'));
    expect(mentions.length).toBe(2);
    expect(mentions[1]!.textContent).toMatch(/^1\. 第3行［需修改］“xx”是待填写的占位内容/);
    await userEvent.click(screen.getByRole('button', { name: '打印检查报告' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('asks for the text when nothing was pasted, and prints nothing', async () => {
    const print = vi.fn();
    render(<CheckReportSection print={print} />);
    await userEvent.click(screen.getByRole('button', { name: '检查' }));
    expect(screen.getByRole('alert').textContent).toBe('请先粘贴报告全文。');
    expect(screen.queryByTestId('check-report')).toBeNull();
  });
});
