// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RulesSection } from '@/components/options/RulesSection';
import { defaultRuleSettings, type UserRuleSettings } from '@/lib/core/rules/settings';

const SITE = 'https://oa.example.gov.cn';

function setup(config: UserRuleSettings = defaultRuleSettings(), sites: string[] = []) {
  const onChange = vi.fn<(next: UserRuleSettings) => void>();
  render(<RulesSection config={config} onChange={onChange} sites={sites} />);
  return onChange;
}

const lastChange = (onChange: ReturnType<typeof setup>) => onChange.mock.calls.at(-1)![0];

describe('RulesSection', () => {
  it('switches a rule off everywhere', async () => {
    const onChange = setup();
    await userEvent.click(screen.getByRole('checkbox', { name: '半角标点' }));
    expect(lastChange(onChange).disabledRules).toEqual(['halfwidth-punctuation']);
  });

  it('switches a rule back on', async () => {
    const onChange = setup({ ...defaultRuleSettings(), disabledRules: ['ellipsis'] });
    const box = screen.getByRole('checkbox', { name: '省略号写法' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await userEvent.click(box);
    expect(lastChange(onChange).disabledRules).toEqual([]);
  });

  it('switches a rule off on one site only', async () => {
    const onChange = setup(defaultRuleSettings(), [SITE]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '适用范围' }), SITE);
    await userEvent.click(screen.getByRole('checkbox', { name: '字词重复' }));
    const next = lastChange(onChange);
    expect(next.disabledRules).toEqual([]);
    expect(next.sites[SITE]).toEqual({ disabledRules: ['repeated-word'], disabledEntries: [] });
  });

  it('shows a rule switched off everywhere as off, and not switchable, on a site', async () => {
    setup({ ...defaultRuleSettings(), disabledRules: ['mojibake'] }, [SITE]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '适用范围' }), SITE);
    const box = screen.getByRole('checkbox', { name: '乱码与丢字' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
  });

  it('switches a single entry off', async () => {
    const onChange = setup();
    const item = screen.getByRole('checkbox', { name: '伪原创替换痕迹' }).closest('li')!;
    await userEvent.click(within(item).getByText(/逐条设置/));
    await userEvent.click(within(item).getByRole('checkbox', { name: /“异常是”是“特别是”/ }));
    expect(lastChange(onChange).disabledEntries).toEqual(['yichang-teshi']);
  });

  it('adds a valid wrong → right entry and clears the form', async () => {
    const onChange = setup();
    await userEvent.type(screen.getByRole('textbox', { name: '错误写法' }), '网信办');
    await userEvent.type(screen.getByRole('textbox', { name: '正确写法' }), '网络安全和信息化委员会办公室');
    await userEvent.click(screen.getByRole('button', { name: '添加词条' }));
    expect(lastChange(onChange).userEntries).toEqual([
      { id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' },
    ]);
    expect((screen.getByRole('textbox', { name: '错误写法' }) as HTMLInputElement).value).toBe('');
  });

  it('refuses an entry whose two sides are the same and says why', async () => {
    const onChange = setup();
    await userEvent.type(screen.getByRole('textbox', { name: '错误写法' }), '主题教育');
    await userEvent.type(screen.getByRole('textbox', { name: '正确写法' }), '主题教育');
    await userEvent.click(screen.getByRole('button', { name: '添加词条' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('错误写法和正确写法相同，无需添加。');
  });

  it('refuses a one-character wrong wording', async () => {
    const onChange = setup();
    await userEvent.type(screen.getByRole('textbox', { name: '错误写法' }), '进');
    await userEvent.type(screen.getByRole('textbox', { name: '正确写法' }), '积');
    await userEvent.click(screen.getByRole('button', { name: '添加词条' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('至少要两个字');
  });

  it('deletes one of the user’s entries', async () => {
    const config: UserRuleSettings = {
      ...defaultRuleSettings(),
      userEntries: [
        { id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' },
        { id: 'user-2', wrong: '宣传部', right: '县委宣传部' },
      ],
    };
    const onChange = setup(config);
    const row = screen.getByText('“网信办”改为“网络安全和信息化委员会办公室”').closest('li')!;
    await userEvent.click(within(row).getByRole('button', { name: '删除' }));
    expect(lastChange(onChange).userEntries.map((e) => e.id)).toEqual(['user-2']);
  });
});
