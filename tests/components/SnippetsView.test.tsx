// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SnippetsView, type SnippetSource } from '@/components/panel/SnippetsView';
import type { PanelField } from '@/lib/panel/bridge';
import { fakeBridge } from './panel-doubles';
import type { Snippet } from '@/lib/storage';
import { makeSnippet } from '../support/snippet';

const snippet = (id: string, title: string, body: string, extra: Partial<Snippet> = {}): Snippet =>
  makeSnippet(id, title, { body, createdAt: 0, updatedAt: 0, ...extra });

const ORIGIN = 'https://tb.example.gov.cn';

/** target: the label of the field with the caret; null = no field had the caret. */
function setup(snippets: Snippet[], fields: PanelField[] = [], target: string | null = '主要工作情况') {
  const source: SnippetSource = {
    list: async () => snippets,
    recordUse: vi.fn(async () => undefined),
    rememberValues: vi.fn(async () => undefined),
  };
  const bridge = fakeBridge({ readFields: () => fields, lastFocusedLabel: () => target ?? undefined });
  render(<SnippetsView bridge={bridge} origin={ORIGIN} source={source} />);
  return { source, bridge, user: userEvent.setup() };
}

describe('SnippetsView', () => {
  it('says where the snippet will go', async () => {
    setup([snippet('a', '理论学习', '坚持第一议题制度')]);
    expect(await screen.findByText('将插入到：主要工作情况')).toBeTruthy();
  });

  it('filters by pinyin initials as the user types', async () => {
    const { user } = setup([snippet('a', '理论学习', '甲'), snippet('b', '舆情监测', '乙')]);
    await user.type(await screen.findByRole('searchbox'), 'yqjc');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('舆情监测')]);
  });

  it('inserts with 单位名称 taken from the form and counts the use', async () => {
    const fields: PanelField[] = [{ key: 'unit', label: '单位名称', required: true, kind: 'input', text: '市统计局' }];
    const { user, bridge, source } = setup([snippet('a', '开头', '{{单位名称}}高度重视意识形态工作。')], fields);
    await user.click(await screen.findByRole('button', { name: '插入' }));
    expect(bridge.insert).toHaveBeenCalledWith('市统计局高度重视意识形态工作。');
    expect(source.recordUse).toHaveBeenCalledWith('a');
    expect((await screen.findByRole('status')).textContent).toContain('已插入');
  });

  it('asks for a value it does not know instead of inserting the placeholder, and remembers it for the site', async () => {
    const { user, bridge, source } = setup([snippet('a', '开头', '{{报告期}}以来，我单位……')]);
    await user.click(await screen.findByRole('button', { name: '插入' }));
    expect(bridge.insert).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: '报告期' }), '2026年上半年');
    await user.click(screen.getAllByRole('button', { name: '插入' })[0]!);
    expect(bridge.insert).toHaveBeenCalledWith('2026年上半年以来，我单位……');
    expect(source.rememberValues).toHaveBeenCalledWith('a', ORIGIN, { 报告期: '2026年上半年' });
  });

  it('shows the reason when the insertion fails', async () => {
    const { user, bridge } = setup([snippet('a', '开头', '正文')]);
    (bridge.insert as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ ok: false, messageId: 'panel.fieldGone' });
    await user.click(await screen.findByRole('button', { name: '插入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('已不在页面上');
  });
});

describe('SnippetsView without a target field', () => {
  it('asks the user to click into a field first, before asking for any variable', async () => {
    const { user, bridge } = setup([snippet('a', '开头', '{{报告期}}以来')], [], null);
    expect(await screen.findByText(/先在页面上点一下要填写的文本框/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '插入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请先在页面上点一下');
    expect(screen.queryByRole('textbox', { name: '报告期' })).toBeNull();
    expect(bridge.insert).not.toHaveBeenCalled();
  });
});
