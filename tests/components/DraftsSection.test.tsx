// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DraftsSection } from '@/components/options/DraftsSection';
import type { DraftEntry } from '@/lib/storage';

const entry = (origin: string, fieldKey: string, text: string): DraftEntry => ({
  origin,
  fieldKey,
  fieldLabel: fieldKey.replace('name:', ''),
  text,
  savedAt: Date.UTC(2026, 5, 30, 8, 0),
  pageUrl: `${origin}/r`,
});

function setup(initial: DraftEntry[], remove = vi.fn(async (_origin: string, _keys?: string[]) => undefined)) {
  let drafts = initial;
  const list = vi.fn(async () => drafts);
  const removeAndForget = vi.fn(async (origin: string, keys?: string[]) => {
    await remove(origin, keys);
    drafts = drafts.filter((d) => d.origin !== origin || (keys !== undefined && !keys.includes(d.fieldKey)));
  });
  render(<DraftsSection list={list} remove={removeAndForget} retentionDays={async () => 14} />);
  return { remove: removeAndForget, user: userEvent.setup() };
}

const A = 'https://a.gov.cn';
const B = 'https://b.gov.cn';

describe('DraftsSection', () => {
  it('says so when there are no drafts', async () => {
    setup([]);
    expect(await screen.findByText('没有保存的草稿。')).toBeTruthy();
  });

  it('states the retention period from the settings', async () => {
    setup([]);
    expect(await screen.findByText(/保留 14 天/)).toBeTruthy();
  });

  it('groups drafts by site', async () => {
    setup([entry(A, 'name:work', '甲'), entry(B, 'name:plans', '乙'), entry(A, 'name:note', '丙')]);
    const site = await screen.findByRole('group', { name: A });
    expect(within(site).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: B })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows the full text on request', async () => {
    const long = `${'一'.repeat(120)}尾`;
    const { user } = setup([entry(A, 'name:work', long)]);
    const item = await screen.findByRole('listitem', { name: 'work' });
    expect(item.textContent).not.toContain('尾');
    await user.click(within(item).getByRole('button', { name: '查看全文' }));
    expect(item.textContent).toContain('尾');
  });

  it('shows the text typed before a page reload too, in full on request', async () => {
    const before = `${'二'.repeat(120)}刷新前的结尾`;
    const draft = { ...entry(A, 'name:work', '重新开始'), earlier: { text: before, savedAt: Date.UTC(2026, 5, 29, 8, 0) } };
    const { user } = setup([draft]);
    const item = await screen.findByRole('listitem', { name: 'work' });
    expect(item.textContent).toContain('重新开始');
    expect(item.textContent).toContain('页面刷新前填写的内容');
    expect(item.textContent).toContain('共 126 字');
    expect(item.textContent).not.toContain('刷新前的结尾');
    await user.click(within(item).getByRole('button', { name: '查看全文' }));
    expect(item.textContent).toContain('刷新前的结尾');
  });

  it('shows no earlier-text line for a draft without one', async () => {
    setup([entry(A, 'name:work', '甲')]);
    const item = await screen.findByRole('listitem', { name: 'work' });
    expect(item.textContent).toContain('甲');
    expect(item.textContent).not.toContain('页面刷新前填写的内容');
  });

  it('deletes one draft', async () => {
    const { remove, user } = setup([entry(A, 'name:work', '甲'), entry(A, 'name:note', '丙')]);
    const item = await screen.findByRole('listitem', { name: 'work' });
    await user.click(within(item).getByRole('button', { name: '删除' }));
    expect(remove).toHaveBeenCalledWith(A, ['name:work']);
    await vi.waitFor(() => expect(screen.queryByRole('listitem', { name: 'work' })).toBeNull());
  });

  it('deletes all drafts of one site', async () => {
    const { remove, user } = setup([entry(A, 'name:work', '甲'), entry(B, 'name:plans', '乙')]);
    const site = await screen.findByRole('group', { name: A });
    await user.click(within(site).getByRole('button', { name: '删除该网站的全部草稿' }));
    expect(remove).toHaveBeenCalledWith(A);
  });

  it('deletes everything only after a confirmation', async () => {
    const { remove, user } = setup([entry(A, 'name:work', '甲'), entry(B, 'name:plans', '乙')]);
    await user.click(await screen.findByRole('button', { name: '删除全部草稿' }));
    expect(remove).not.toHaveBeenCalled();
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('全部 2 份草稿');
    await user.click(within(confirm).getByRole('button', { name: '确定删除' }));
    await vi.waitFor(() => expect(screen.getByText('没有保存的草稿。')).toBeTruthy());
    expect(remove).toHaveBeenCalledTimes(2);
  });

  it('says so when deleting fails, and keeps the list', async () => {
    const { user } = setup([entry(A, 'name:work', '甲')], vi.fn(async (_origin: string, _keys?: string[]) => Promise.reject(new Error('quota'))));
    const item = await screen.findByRole('listitem', { name: 'work' });
    await user.click(within(item).getByRole('button', { name: '删除' }));
    expect((await screen.findByRole('alert')).textContent).toContain('草稿未能删除');
    expect(screen.getByRole('listitem', { name: 'work' })).toBeTruthy();
  });

  describe('submitted drafts and refused saves (issue 9)', () => {
    it('lists a submitted draft with its submit mark, and shows and copies its full text', async () => {
      const sent = { ...entry(A, 'name:work', `${'报'.repeat(150)}尾`), submittedAt: Date.UTC(2026, 5, 30, 9, 0) };
      const { user } = setup([sent]);
      const item = await screen.findByRole('listitem', { name: 'work' });
      expect(item.textContent).toContain('随表单提交');
      await user.click(within(item).getByRole('button', { name: '查看全文' }));
      expect(item.textContent).toContain('尾');
      await user.click(within(item).getByRole('button', { name: '复制全文' }));
      // user-event's clipboard stands in for the browser's.
      expect(await navigator.clipboard.readText()).toBe(sent.text);
      expect((await screen.findByRole('status')).textContent).toContain('已复制');
      await user.click(within(item).getByRole('button', { name: '删除' }));
      expect(screen.queryByRole('listitem', { name: 'work' })).toBeNull();
    });

    it('says which fields were not saved and why', async () => {
      setup([
        { ...entry(A, 'name:work', '旧稿'), unsaved: { reason: 'tooLong', at: 5, length: 120_000 } },
        { ...entry(A, 'name:plans', ''), unsaved: { reason: 'siteFull', at: 6, length: 9 } },
      ]);
      const work = await screen.findByRole('listitem', { name: 'work' });
      expect(within(work).getByRole('alert').textContent).toContain('120000 字，超过草稿上限');
      const plans = screen.getByRole('listitem', { name: 'plans' });
      expect(within(plans).getByRole('alert').textContent).toContain('本网站的草稿已满');
      expect(within(plans).queryByRole('button', { name: '复制全文' })).toBeNull();
    });

    it('shows how much of its budget each site uses', async () => {
      setup([entry(A, 'name:work', '一二三'), entry(A, 'name:plans', '四五')]);
      const site = await screen.findByRole('group', { name: A });
      expect(site.textContent).toContain('已用 5 字，上限 1000000 字');
    });
  });
});
