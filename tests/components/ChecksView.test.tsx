// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksView } from '@/components/panel/ChecksView';
import { analysisOfMainField, fakeBridge as bridge } from './panel-doubles';

// A line as users paste it from a 范文 site: a placeholder and a wrong meeting name.
const TEXT = '一、主要工作情况\n深入学习贯彻党的十九五中全会精神，副主任xx负责意识形态工作。';

const analysisOf = (text: string) => analysisOfMainField(text, { templateId: 'none' });

const rowQuoting = (excerpt: string) =>
  screen.getAllByRole('listitem').find((li) => li.textContent?.includes(`“${excerpt}”`))!;

describe('ChecksView', () => {
  it('lists blocking findings first, each quoting the text it is about', () => {
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={bridge()} />);
    const first = screen.getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('需修改');
    expect(rowQuoting('xx')).toBeTruthy();
  });

  it('locates a finding in its field', async () => {
    const b = bridge();
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    await userEvent.click(within(rowQuoting('xx')).getByRole('button', { name: '定位' }));
    const start = TEXT.indexOf('xx');
    expect(b.reveal).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main', start, end: start + 2 }));
  });

  it('applies a one-click fix that the rule offers', async () => {
    const b = bridge();
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;
    const fixButton = within(row).getByRole('button', { name: /改为/ });
    await userEvent.click(fixButton);
    expect(b.applyFix).toHaveBeenCalledWith(expect.objectContaining({ fix: expect.objectContaining({ text: expect.stringContaining('十九届五中全会') }) }));
  });

  it('tells the user when a fix could not be applied', async () => {
    const b = bridge();
    (b.applyFix as ReturnType<typeof vi.fn>).mockResolvedValue({ ok: false, messageId: 'checks.fixStale' });
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;
    await userEvent.click(within(row).getByRole('button', { name: /改为/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('已过期');
  });

  it('says so when there is nothing to fix', () => {
    render(<ChecksView analysis={analysisOf('一、主要工作情况\n深入学习贯彻党的二十届四中全会精神。')} bridge={bridge()} />);
    expect(screen.getByText('未发现问题。')).toBeTruthy();
  });
});

describe('ChecksView groups', () => {
  // Five half-width commas between Chinese characters: one rule, many findings.
  const MANY = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,取得成效。';

  it('shows many findings of one rule as a single row with their count', () => {
    render(<ChecksView analysis={analysisOf(MANY)} bridge={bridge()} />);
    const group = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('同类问题共'))!;
    expect(group.textContent).toMatch(/同类问题共 \d+ 处/);
  });

  it('fixes a whole group from the last finding to the first, so earlier offsets stay valid', async () => {
    const b = bridge();
    render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    const starts = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls.map(([f]) => (f as { start: number }).start);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(starts).toEqual([...starts].sort((x, y) => y - x));
    expect((await screen.findByRole('status')).textContent).toContain('已改正');
  });

  it('expands a group to list each finding', async () => {
    render(<ChecksView analysis={analysisOf(MANY)} bridge={bridge()} />);
    const before = screen.getAllByRole('listitem').length;
    await userEvent.click(screen.getByRole('button', { name: '逐条查看' }));
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(before + 3);
  });
});
