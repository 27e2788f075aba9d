// @vitest-environment happy-dom
// 拆分到各栏 in the panel: the offer, the preview of what goes where, the move through the bridge (targets first,
// the source last), and what the user is told when a field changed, vanished or refused.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SplitOffer } from '@/components/panel/SplitOffer';
import { undoChange, type PanelChange } from '@/lib/panel/undo';
import type { PanelField } from '@/lib/panel/bridge';
import { analysisOfForm, formBridge } from './panel-doubles';

const LABELS = { main: '主要工作情况', problems: '存在的问题', plans: '下一步工作打算' };
const PASTED = [
  '一、主要工作情况',
  '（一）压实主体责任。全年召开党组会议专题研究4次。',
  '二、存在的不足',
  '一是学习不够深入；二是阵地管理有短板。',
  '三、下一步工作打算',
  '持续深化理论武装，加强阵地管理。',
].join('\n');
const KEPT = PASTED.split('\n').slice(0, 2).join('\n');

function setup(values: Record<string, string> = { main: PASTED, problems: '', plans: '' }) {
  const page = formBridge(values, LABELS);
  const fields: PanelField[] = page.bridge.readFields();
  const analysis = analysisOfForm(fields, { templateId: 'work-summary' });
  const changes: PanelChange[] = [];
  render(<SplitOffer analysis={analysis} bridge={page.bridge} record={(change) => changes.push(change)} />);
  return { ...page, changes };
}

const region = () => screen.getByRole('region', { name: '拆分到各栏' });
const openPreview = () => userEvent.click(within(region()).getByRole('button', { name: '拆分到各栏' }));

describe('SplitOffer', () => {
  it('names the sections that have fields of their own and where each would go', () => {
    setup();
    const text = region().textContent!;
    expect(text).toContain('“主要工作情况”中有 2 个部分在表单中有自己的栏目');
    expect(text).toContain('二、存在的不足 → “存在的问题”');
    expect(text).toContain('三、下一步工作打算 → “下一步工作打算”');
  });

  it('shows what each field receives and what the source loses before anything changes', async () => {
    const { bridge } = setup({ main: PASTED, problems: '另外，调研不够。', plans: '' });
    await openPreview();
    const text = region().textContent!;
    expect(text).toContain('追加到“存在的问题”已有内容之后');
    expect(text).toContain('一是学习不够深入；二是阵地管理有短板。');
    expect(text).toContain('填入“下一步工作打算”');
    expect(text).toContain('“主要工作情况”删去这 2 个部分');
    // The heading lines are not among what moves.
    expect(within(region()).getAllByRole('blockquote').map((q) => q.textContent).join('')).not.toContain('二、存在的不足');
    expect(bridge.applyFix).not.toHaveBeenCalled();
    await userEvent.click(within(region()).getByRole('button', { name: '取消' }));
    expect(bridge.applyFix).not.toHaveBeenCalled();
  });

  it('moves them on 确认拆分: targets first, the source last, as one change 撤销 takes back', async () => {
    const { bridge, values, changes } = setup();
    await openPreview();
    await userEvent.click(within(region()).getByRole('button', { name: '确认拆分' }));
    expect(values.get('problems')).toBe('一是学习不够深入；二是阵地管理有短板。');
    expect(values.get('plans')).toBe('持续深化理论武装，加强阵地管理。');
    expect(values.get('main')).toBe(KEPT);
    const order = (bridge.applyFix as unknown as { mock: { calls: Array<[{ fieldKey: string }]> } }).mock.calls.map(([f]) => f.fieldKey);
    expect(order).toEqual(['problems', 'plans', 'main']);
    expect(screen.getByRole('status').textContent).toContain('已拆分到 “存在的问题”、“下一步工作打算”');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.kind).toBe('split');
    expect(changes[0]!.fields.map((field) => field.key).sort()).toEqual(['main', 'plans', 'problems']);

    expect(await undoChange(bridge, changes[0]!)).toMatchObject({ ok: true });
    expect(values.get('main')).toBe(PASTED);
    expect(values.get('problems')).toBe('');
    expect(values.get('plans')).toBe('');
  });

  it('changes nothing and says which field changed since the check', async () => {
    const { bridge, values } = setup();
    values.set('plans', '刚刚写的打算。');
    await openPreview();
    await userEvent.click(within(region()).getByRole('button', { name: '确认拆分' }));
    expect(screen.getByRole('alert').textContent).toContain('“下一步工作打算”在检查之后又有改动，未作任何改动');
    expect(bridge.applyFix).not.toHaveBeenCalled();
  });

  it('changes nothing and says so when a target field has left the page', async () => {
    const { bridge, values } = setup();
    values.delete('problems');
    await openPreview();
    await userEvent.click(within(region()).getByRole('button', { name: '确认拆分' }));
    expect(screen.getByRole('alert').textContent).toContain('“存在的问题”已不在页面上，未作任何改动');
    expect(bridge.applyFix).not.toHaveBeenCalled();
  });

  it('leaves the source intact when a write fails, says which, and lets 撤销 take back what went in', async () => {
    const { values, fail, changes } = setup();
    fail('plans');
    await openPreview();
    await userEvent.click(within(region()).getByRole('button', { name: '确认拆分' }));
    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toContain('未能写入“下一步工作打算”');
    expect(alert).toContain('“主要工作情况”未作改动');
    expect(alert).toContain('已写入“存在的问题”的内容可点“撤销”取回');
    expect(values.get('main')).toBe(PASTED);
    expect(changes[0]!.fields.map((field) => field.key)).toEqual(['problems']);
  });

  it('offers nothing when no section has a field of its own', async () => {
    setup({ main: KEPT, problems: '学习不够。', plans: '' });
    expect(screen.queryByRole('region', { name: '拆分到各栏' })).toBeNull();
  });

  it('goes away on 不拆分', async () => {
    setup();
    await userEvent.click(within(region()).getByRole('button', { name: '不拆分' }));
    expect(screen.queryByRole('region', { name: '拆分到各栏' })).toBeNull();
  });
});
