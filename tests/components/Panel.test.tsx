// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import { createPanelStore } from '@/lib/panel/store';
import type { PanelField } from '@/lib/panel/bridge';
import { fakeBridge } from './panel-doubles';

function setup(fields: PanelField[] = []) {
  const store = createPanelStore('http://127.0.0.1:1');
  const actions: PanelActions = { enableSite: vi.fn(), persistLayout: vi.fn() };
  const bridge = fakeBridge({ readFields: () => fields });
  render(<Panel store={store} bridge={bridge} actions={actions} />);
  return { store, actions, bridge, user: userEvent.setup() };
}

const FIELDS: PanelField[] = [
  { key: 'unit', label: '单位名称', required: true, kind: 'input', text: '' },
  { key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text: '一、主要工作情况' },
];

describe('Panel', () => {
  it('shows its four sections as tabs, in Chinese by default', () => {
    setup();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['结构', '检查', '片段', '字段']);
  });

  it('switches to the fields tab and lists each field with its required mark', async () => {
    const { user } = setup(FIELDS);
    await user.click(screen.getByRole('tab', { name: '字段' }));
    expect(screen.getByRole('tab', { name: '字段' }).getAttribute('aria-selected')).toBe('true');
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('单位名称');
    expect(items[0]!.textContent).toContain('必填');
    expect(items[0]!.textContent).toContain('未填写');
    expect(items[1]!.textContent).toContain('已填写 8 字');
  });

  it('collapses to a slim tab and remembers that for the site', async () => {
    const { user, actions, store } = setup();
    await user.click(screen.getByRole('button', { name: '收起侧栏' }));
    expect(store.getState().collapsed).toBe(true);
    expect(screen.queryByTestId('tianbao-panel')).toBeNull();
    expect(screen.getByRole('button', { name: /填报助手/ })).toBeTruthy();
    expect(actions.persistLayout).toHaveBeenLastCalledWith({ width: 360, collapsed: true });
  });

  it('expands again from the slim tab', async () => {
    const { user, store } = setup();
    await user.click(screen.getByRole('button', { name: '收起侧栏' }));
    await user.click(screen.getByRole('button', { name: /填报助手/ }));
    expect(store.getState().collapsed).toBe(false);
    expect(screen.getByTestId('tianbao-panel')).toBeTruthy();
  });

  it('resizes from the keyboard and never beyond 640 px', async () => {
    const { user, actions, store } = setup();
    screen.getByRole('separator').focus();
    for (let i = 0; i < 40; i++) await user.keyboard('{ArrowLeft}');
    expect(store.getState().width).toBe(640);
    expect(actions.persistLayout).toHaveBeenLastCalledWith({ width: 640, collapsed: false });
  });

  it('never narrower than 280 px', async () => {
    const { user, store } = setup();
    screen.getByRole('separator').focus();
    for (let i = 0; i < 20; i++) await user.keyboard('{ArrowRight}');
    expect(store.getState().width).toBe(280);
  });

  it('offers 在此网站始终启用 until the site is enabled', async () => {
    const { user, actions, store } = setup();
    await user.click(screen.getByRole('button', { name: '在此网站始终启用' }));
    expect(actions.enableSite).toHaveBeenCalledTimes(1);
    store.getState().setSiteEnabled(true);
    expect(await screen.findByText(/已在此网站始终启用/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '在此网站始终启用' })).toBeNull();
  });

  it('shows a notice as an alert and lets the user dismiss it', async () => {
    const { user, store } = setup();
    store.getState().setNotice({ messageId: 'panel.saveFailed', tone: 'error' });
    expect((await screen.findByRole('alert')).textContent).toContain('侧栏设置未能保存');
    await user.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
