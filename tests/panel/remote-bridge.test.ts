import { describe, expect, it, vi } from 'vitest';
import { createRemoteBridge } from '@/lib/panel/remote-bridge';
import type { PageSnapshot, PanelRequest } from '@/lib/protocol';

const snapshot = (version: number, text = ''): PageSnapshot => ({
  version,
  url: 'https://portal.example/report',
  pageTitle: '意识形态工作责任制落实情况报告',
  fields: [{ key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text }],
  target: '主要工作情况',
});

describe('the remote bridge', () => {
  it('reads fields, title and target from the latest snapshot, and tells listeners of a new one', () => {
    const bridge = createRemoteBridge(() => undefined, snapshot(1, '甲'));
    const heard = vi.fn();
    bridge.onChange(heard);
    expect(bridge.readFields()[0]!.text).toBe('甲');
    bridge.update(snapshot(2, '乙'));
    expect(bridge.readFields()[0]!.text).toBe('乙');
    expect(bridge.lastFocusedLabel()).toBe('主要工作情况');
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('sends an insertion as a request and resolves with the page side\'s answer', async () => {
    const sent: Array<[number, PanelRequest]> = [];
    const bridge = createRemoteBridge((id, request) => sent.push([id, request]), snapshot(1));
    const outcome = bridge.insert('片段');
    expect(sent).toEqual([[1, { kind: 'insert', text: '片段' }]]);
    bridge.settle(1, { ok: true });
    expect(await outcome).toEqual({ ok: true });
  });

  it('reads the fields afresh from the page on request, and keeps that snapshot as the latest', async () => {
    const sent: Array<[number, PanelRequest]> = [];
    const bridge = createRemoteBridge((id, request) => sent.push([id, request]), snapshot(1, '甲'));
    const fresh = bridge.freshFields!();
    expect(sent).toEqual([[1, { kind: 'snapshot' }]]);
    bridge.settle(1, snapshot(5, '丙'));
    expect((await fresh)[0]!.text).toBe('丙');
    expect(bridge.readFields()[0]!.text).toBe('丙');
  });

  it('fails open requests with a message when the channel closes', async () => {
    const bridge = createRemoteBridge(() => undefined, snapshot(1));
    const outcome = bridge.insert('片段');
    bridge.close();
    expect(await outcome).toEqual({ ok: false, messageId: 'panel.pageNoAnswer' });
  });

  it('treats a malformed answer as a failure, not a success', async () => {
    const bridge = createRemoteBridge(() => undefined, snapshot(1));
    const outcome = bridge.applyFix({ ruleId: 'x', category: 'c', severity: 'warning', start: 0, end: 1, messageId: 'm', fieldKey: 'main' } as never);
    bridge.settle(1, true);
    expect((await outcome).ok).toBe(false);
  });
});
