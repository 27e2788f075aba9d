// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
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
function setup(
  snippets: Snippet[],
  fields: PanelField[] = [],
  target: string | null = '主要工作情况',
  paragraphs: boolean | undefined = undefined,
) {
  const source: SnippetSource = {
    list: async () => snippets,
    recordUse: vi.fn(async () => undefined),
    rememberValues: vi.fn(async () => undefined),
    ...(paragraphs === undefined ? {} : { paragraphs: async () => paragraphs }),
  };
  const bridge = fakeBridge({
    readFields: () => fields,
    lastFocusedLabel: () => target ?? undefined,
    focusTarget: vi.fn(async () => true),
    replaceFieldText: vi.fn(async () => ({ ok: true })),
  });
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
    expect(screen.getAllByRole('option').map((li) => li.textContent)).toEqual([expect.stringContaining('舆情监测')]);
  });

  it('inserts with 单位名称 taken from the form and counts the use', async () => {
    const fields: PanelField[] = [{ key: 'unit', label: '单位名称', required: true, kind: 'input', text: '市统计局' }];
    const { user, bridge, source } = setup([snippet('a', '开头', '{{单位名称}}高度重视意识形态工作。')], fields);
    await user.click(await screen.findByRole('option', { name: /开头/ }));
    expect(bridge.insert).toHaveBeenCalledWith('市统计局高度重视意识形态工作。', { paragraph: true });
    expect(source.recordUse).toHaveBeenCalledWith('a');
    expect((await screen.findByRole('status')).textContent).toContain('已插入');
  });

  it('asks for a value it does not know instead of inserting the placeholder, and remembers it for the site', async () => {
    const { user, bridge, source } = setup([snippet('a', '开头', '{{报告期}}以来，我单位……')]);
    await user.click(await screen.findByRole('option', { name: /开头/ }));
    expect(bridge.insert).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: '报告期' }), '2026年上半年');
    await user.click(screen.getByRole('button', { name: '插入' }));
    expect(bridge.insert).toHaveBeenCalledWith('2026年上半年以来，我单位……', { paragraph: true });
    expect(source.rememberValues).toHaveBeenCalledWith('a', ORIGIN, { 报告期: '2026年上半年' });
  });

  it('shows the reason when the insertion fails', async () => {
    const { user, bridge } = setup([snippet('a', '开头', '正文')]);
    (bridge.insert as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ ok: false, messageId: 'panel.fieldGone' });
    await user.click(await screen.findByRole('option', { name: /开头/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('已不在页面上');
  });
});

describe('SnippetsView without a target field', () => {
  it('asks the user to click into a field first, before asking for any variable', async () => {
    const { user, bridge } = setup([snippet('a', '开头', '{{报告期}}以来')], [], null);
    expect(await screen.findByText(/先在页面上点一下要填写的文本框/)).toBeTruthy();
    await user.click(screen.getByRole('option', { name: /开头/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('请先在页面上点一下');
    expect(screen.queryByRole('textbox', { name: '报告期' })).toBeNull();
    expect(bridge.insert).not.toHaveBeenCalled();
  });
});

const DAY = 24 * 60 * 60 * 1000;

describe('SnippetsView from the keyboard', () => {
  it('type → ↓ → Enter inserts the active snippet, then gives the keyboard back to the field', async () => {
    const { user, bridge } = setup([snippet('a', '理论学习', '坚持第一议题制度。'), snippet('b', '舆情监测', '加强网上舆情监测。')]);
    const search = await screen.findByRole('searchbox', { name: '搜索片段' });
    await user.type(search, 'yq');
    expect(search.getAttribute('aria-activedescendant')).toBeNull();
    await user.keyboard('{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toContain('舆情监测');
    expect(search.getAttribute('aria-activedescendant')).toBe(active.id);
    expect(search.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    await user.keyboard('{Enter}');
    expect(bridge.insert).toHaveBeenCalledWith('加强网上舆情监测。', { paragraph: true });
    await waitFor(() => expect(bridge.focusTarget).toHaveBeenCalled());
  });

  it('↑/↓ move through the list and stop at its ends', async () => {
    const { user } = setup([snippet('a', '甲', '一'), snippet('b', '乙', '二'), snippet('c', '丙', '三')]);
    await user.click(await screen.findByRole('searchbox'));
    const selected = () => screen.getByRole('option', { selected: true }).textContent;
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    const order = screen.getAllByRole('option').map((o) => o.textContent);
    expect(selected()).toBe(order[2]);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(selected()).toBe(order[0]);
  });

  it('Esc in the search box asks the page to focus the field again, and inserts nothing', async () => {
    const { user, bridge } = setup([snippet('a', '甲', '一')]);
    await user.click(await screen.findByRole('searchbox'));
    await user.keyboard('{ArrowDown}{Escape}');
    expect(bridge.focusTarget).toHaveBeenCalledTimes(1);
    expect(bridge.insert).not.toHaveBeenCalled();
  });

  it('follows 设置 → 片段插入时另起一段 when it is off', async () => {
    const { user, bridge } = setup([snippet('a', '甲', '一')], [], '主要工作情况', false);
    await user.click(await screen.findByRole('searchbox'));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(bridge.insert).toHaveBeenCalledWith('一', { paragraph: false }));
  });
});

describe('SnippetsView variable form', () => {
  const body = '{{报告期}}以来，{{单位名称}}认真落实意识形态工作责任制。';

  it('focuses its first box; Enter confirms', async () => {
    const { user, bridge } = setup([snippet('a', '开头', body)]);
    await user.click(await screen.findByRole('searchbox'));
    await user.keyboard('{ArrowDown}{Enter}');
    const first = await screen.findByRole('textbox', { name: '报告期' });
    expect(document.activeElement).toBe(first);
    await user.keyboard('2026年上半年');
    await user.click(screen.getByRole('textbox', { name: '单位名称' }));
    await user.keyboard('市统计局{Enter}');
    expect(bridge.insert).toHaveBeenCalledWith('2026年上半年以来，市统计局认真落实意识形态工作责任制。', { paragraph: true });
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('Esc cancels, as does 取消, and the search box has the keyboard again', async () => {
    const { user, bridge } = setup([snippet('a', '开头', body)]);
    const search = await screen.findByRole('searchbox');
    await user.click(search);
    await user.keyboard('{ArrowDown}{Enter}');
    await screen.findByRole('textbox', { name: '报告期' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: '报告期' })).toBeNull();
    expect(document.activeElement).toBe(search);
    expect(bridge.focusTarget).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: '取消' }));
    expect(screen.queryByRole('textbox', { name: '报告期' })).toBeNull();
    expect(bridge.insert).not.toHaveBeenCalled();
  });

  it('offers to put the value into the form’s empty 单位名称 field as well, and does so', async () => {
    const fields: PanelField[] = [
      { key: 'unit', label: '填报单位：', required: true, kind: 'input', text: '' },
      { key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text: '' },
    ];
    const { user, bridge } = setup([snippet('a', '开头', '{{单位名称}}高度重视。')], fields);
    await user.click(await screen.findByRole('option', { name: /开头/ }));
    const box = screen.getByRole('checkbox', { name: '同时填入表单的“填报单位”栏' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await user.type(screen.getByRole('textbox', { name: '单位名称' }), '市统计局{Enter}');
    await waitFor(() => expect(bridge.insert).toHaveBeenCalledWith('市统计局高度重视。', { paragraph: true }));
    expect(bridge.replaceFieldText).toHaveBeenCalledWith('unit', '市统计局');
    // The form's field is written first: the insertion then puts the focus back in the field being written.
    const fillOrder = (bridge.replaceFieldText as ReturnType<typeof vi.fn>).mock.invocationCallOrder[0]!;
    expect(fillOrder).toBeLessThan((bridge.insert as ReturnType<typeof vi.fn>).mock.invocationCallOrder[0]!);
  });

  it('leaves the form alone when the box is unticked, and offers nothing without an empty matching field', async () => {
    const fields: PanelField[] = [{ key: 'unit', label: '单位', required: true, kind: 'input', text: '' }];
    const { user, bridge } = setup([snippet('a', '开头', '{{单位名称}}高度重视。'), snippet('b', '期间', '{{报告期}}以来')], fields);
    await user.click(await screen.findByRole('option', { name: /开头/ }));
    await user.click(screen.getByRole('checkbox', { name: '同时填入表单的“单位”栏' }));
    await user.type(screen.getByRole('textbox', { name: '单位名称' }), '市统计局{Enter}');
    await waitFor(() => expect(bridge.insert).toHaveBeenCalled());
    expect(bridge.replaceFieldText).not.toHaveBeenCalled();
    await user.click(screen.getByRole('option', { name: /期间/ }));
    await screen.findByRole('textbox', { name: '报告期' });
    expect(screen.queryByRole('checkbox', { name: /同时填入/ })).toBeNull();
  });
});

describe('SnippetsView preview', () => {
  it('shows the active snippet whole, variables filled from the form and unfilled ones marked', async () => {
    const long = `{{单位名称}}在{{报告期}}内${'认真贯彻落实意识形态工作责任制，'.repeat(6)}结尾一句。`;
    const fields: PanelField[] = [{ key: 'unit', label: '单位名称', required: true, kind: 'input', text: '市统计局' }];
    const { user } = setup([snippet('a', '开头', long)], fields);
    const option = await screen.findByRole('option', { name: /开头/ });
    expect(option.textContent).not.toContain('结尾一句');
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(option.textContent).toContain('结尾一句。');
    expect(option.textContent).toContain('市统计局在【报告期】内');
    expect(option.querySelector('mark')!.textContent).toBe('【报告期】');
  });

  it('显示全文 expands every snippet', async () => {
    const { user } = setup([snippet('a', '甲', `${'长'.repeat(80)}尾`), snippet('b', '乙', `${'短'.repeat(70)}末`)]);
    await user.click(await screen.findByRole('checkbox', { name: '显示全文' }));
    const texts = screen.getAllByRole('option').map((o) => o.textContent);
    expect(texts.some((text) => text!.includes('尾'))).toBe(true);
    expect(texts.some((text) => text!.includes('末'))).toBe(true);
  });
});

describe('SnippetsView order', () => {
  it('puts recent and frequent snippets first with nothing typed, then the rest by title', async () => {
    const now = Date.now();
    setup([
      snippet('a', '乙·从未使用', '一'),
      snippet('b', '常用但已久', '二', { useCount: 20, lastUsedAt: now - 90 * DAY }),
      snippet('c', '昨天用过', '三', { useCount: 2, lastUsedAt: now - DAY }),
      snippet('d', '甲·从未使用', '四'),
    ]);
    await screen.findAllByRole('option');
    const titles = screen.getAllByRole('option').map((o) => o.querySelector('.tb-item-title')!.textContent);
    expect(titles).toEqual(['昨天用过', '常用但已久', '甲·从未使用', '乙·从未使用']);
  });
});
