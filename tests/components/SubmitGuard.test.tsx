// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubmitGuard } from '@/components/panel/SubmitGuard';
import { SubmitGuardSwitches, type SiteSwitches } from '@/components/panel/SubmitGuardSwitches';
import { createGuardStore } from '@/lib/guard/panel-guard';
import type { Finding } from '@/lib/core/types';

const FIELD = { key: 'name:work', label: '主要工作情况', required: true, kind: 'textarea', text: '召开专题会议xx次。' };
const finding = (start: number, end: number): Finding => ({
  ruleId: 'placeholders',
  category: 'placeholder',
  severity: 'blocking',
  start,
  end,
  messageId: 'rules.placeholder.message',
  params: { text: 'xx' },
  fieldKey: 'name:work',
});

function showRequest(findings: Finding[]) {
  const store = createGuardStore();
  const decide = vi.fn();
  render(<SubmitGuard store={store} />);
  act(() => store.setState({ request: { findings, fields: [FIELD] }, decide }));
  return { store, decide, user: userEvent.setup() };
}

describe('SubmitGuard', () => {
  it('shows nothing while no submit is held', () => {
    render(<SubmitGuard store={createGuardStore()} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('lists each blocking finding with its field and the text it points at', () => {
    showRequest([finding(6, 8)]);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('提交前检查发现 1 处需修改的问题');
    expect(dialog.textContent).toContain('位于“主要工作情况”');
    expect(dialog.textContent).toContain('“xx”');
  });

  it('puts the keyboard on 返回修改', () => {
    showRequest([finding(6, 8)]);
    expect(document.activeElement?.textContent).toBe('返回修改');
  });

  it('返回修改 decides cancel', async () => {
    const { decide, user } = showRequest([finding(6, 8)]);
    await user.click(screen.getByRole('button', { name: '返回修改' }));
    expect(decide).toHaveBeenCalledWith('cancel');
  });

  it('仍然提交 decides submit', async () => {
    const { decide, user } = showRequest([finding(6, 8)]);
    await user.click(screen.getByRole('button', { name: '仍然提交' }));
    expect(decide).toHaveBeenCalledWith('submit');
  });

  it('lists up to fifty findings in its scrolling list and says how many more there are', () => {
    showRequest(Array.from({ length: 53 }, (_, i) => finding(i, i + 1)));
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByRole('alertdialog').textContent).toContain('另有 3 处');
  });
});

describe('SubmitGuardSwitches', () => {
  const switches = (over: Partial<SiteSwitches> = {}): SiteSwitches => ({
    load: async () => ({ submitGuard: true, draftAutosave: true }),
    set: vi.fn(async () => undefined),
    ...over,
  });

  it('shows the site switches as loaded', async () => {
    render(<SubmitGuardSwitches switches={switches({ load: async () => ({ submitGuard: false, draftAutosave: true }) })} />);
    expect((await screen.findByRole('checkbox', { name: '提交前检查' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: '自动保存草稿' }) as HTMLInputElement).checked).toBe(true);
  });

  it('switches the submit guard off for the site', async () => {
    const control = switches();
    render(<SubmitGuardSwitches switches={control} />);
    await userEvent.setup().click(await screen.findByRole('checkbox', { name: '提交前检查' }));
    expect(control.set).toHaveBeenCalledWith({ submitGuard: false });
  });

  it('puts the switch back and says so when saving fails', async () => {
    render(<SubmitGuardSwitches switches={switches({ set: async () => Promise.reject(new Error('quota')) })} />);
    const box = (await screen.findByRole('checkbox', { name: '自动保存草稿' })) as HTMLInputElement;
    await userEvent.setup().click(box);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(box.checked).toBe(true);
  });
});
