import { describe, expect, it, vi } from 'vitest';
import { createGuardStore, createPanelGuard } from '@/lib/guard/panel-guard';
import type { PanelField } from '@/lib/panel/bridge';

const FIELDS: PanelField[] = [
  { key: 'name:work', label: '主要工作情况', required: true, kind: 'textarea', text: '召开专题会议xx次，研究部署意识形态工作。' },
];

function setup(fields = FIELDS) {
  const store = createGuardStore();
  const bridge = { readFields: vi.fn(() => fields), reveal: vi.fn(() => true), pageTitle: () => '工作总结' };
  const show = vi.fn();
  const guard = createPanelGuard({ bridge, store, show });
  return { store, bridge, show, guard };
}

describe('panel guard', () => {
  it('counts the blocking findings of the fields as they are now', () => {
    const { guard, bridge } = setup();
    expect(guard.check().blocking).toBeGreaterThan(0);
    expect(bridge.readFields).toHaveBeenCalledTimes(1);
  });

  it('shows the findings and brings the panel into view when asked', () => {
    const { guard, store, show } = setup();
    guard.check();
    void guard.ask();
    expect(store.getState().request?.findings.length).toBeGreaterThan(0);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('返回修改 resolves cancel, closes the dialog and reveals the first finding', async () => {
    const { guard, store, bridge } = setup();
    guard.check();
    const decision = guard.ask();
    const first = store.getState().request!.findings[0];
    store.getState().decide('cancel');
    await expect(decision).resolves.toBe('cancel');
    expect(store.getState().request).toBeUndefined();
    expect(bridge.reveal).toHaveBeenCalledWith(first);
  });

  it('仍然提交 resolves submit without moving the caret', async () => {
    const { guard, store, bridge } = setup();
    guard.check();
    const decision = guard.ask();
    store.getState().decide('submit');
    await expect(decision).resolves.toBe('submit');
    expect(bridge.reveal).not.toHaveBeenCalled();
  });

  it('a newer submit ends the open dialog as cancelled, without revealing', async () => {
    const { guard, store, bridge } = setup();
    guard.check();
    const first = guard.ask();
    guard.check();
    const second = guard.ask();
    await expect(first).resolves.toBe('cancel');
    expect(bridge.reveal).not.toHaveBeenCalled();
    store.getState().decide('submit');
    await expect(second).resolves.toBe('submit');
  });
});
