// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SetAsideNotice } from '@/components/options/SetAsideNotice';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DEFAULT_SETTINGS, createSnippet, listSetAside, listSnippets } from '@/lib/storage';
import { snapshotLocal } from '../storage/helpers';
import { makeSnippet } from '../support/snippet';

const snippet = (id: string, title: string) => makeSnippet(id, title, { body: '正文' });
const good = snippet('s1', '开头');
const emptyTitle = { ...snippet('s2', ''), body: '空标题片段的正文' };
const badTags = { ...snippet('s3', '标签有误'), tags: 'x' };
const newer = { ...snippet('s4', '新版片段'), version: 2 };

const exported = async () => {
  const blob = vi.mocked(URL.createObjectURL).mock.calls.at(-1)![0] as Blob;
  return JSON.parse(await blob.text()) as { entries: Array<{ value: unknown }> };
};

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tianbao/set-aside');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('SetAsideNotice', () => {
  it('shows nothing when every stored entry is usable', async () => {
    await createSnippet({ title: '正常片段', body: '正文' });
    const { container } = render(<SetAsideNotice />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });

  it('says how many entries cannot be used, in which item and why', async () => {
    await fakeBrowser.storage.local.set({ snippets: [good, emptyTitle, badTags] });
    render(<SetAsideNotice />);
    expect(await screen.findByRole('heading', { name: '有 2 项已保存的内容暂时不能使用' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '片段：2 项' })).toBeTruthy();
    expect(screen.getByText('s2：内容不符合要求（位置：1.title）')).toBeTruthy();
    expect(screen.getByText('标签有误：内容不符合要求（位置：2.tags）')).toBeTruthy();
  });

  it('exports the entries verbatim as a JSON download', async () => {
    await fakeBrowser.storage.local.set({ snippets: [good, emptyTitle, badTags] });
    render(<SetAsideNotice now={() => new Date(2026, 11, 7, 10)} />);
    await userEvent.click(await screen.findByRole('button', { name: '导出“片段”中暂时不能使用的内容' }));
    expect((await exported()).entries.map((entry) => entry.value)).toEqual([emptyTitle, badTags]);
    expect((await screen.findByRole('status')).textContent).toContain('tianbao-set-aside-2026-12-07-snippets.json');
  });

  it('deletes them only after the user confirms', async () => {
    await fakeBrowser.storage.local.set({ snippets: [good, emptyTitle, badTags] });
    render(<SetAsideNotice />);
    await userEvent.click(await screen.findByRole('button', { name: '删除“片段”中不符合要求的内容' }));
    expect(screen.getByRole('dialog').textContent).toContain('确定删除“片段”中 2 项不符合要求的内容吗');
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    expect((await listSetAside()).entries).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: '删除“片段”中不符合要求的内容' }));
    await userEvent.click(screen.getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '片段：2 项' })).toBeNull());
    expect((await listSetAside()).entries).toEqual([]);
    expect(await listSnippets()).toEqual([good]);
  });

  it('tells the user to update when an entry comes from a newer version, and offers no delete', async () => {
    await fakeBrowser.storage.local.set({ snippets: [good, newer, emptyTitle], snippets$: { v: 1 } });
    const before = await snapshotLocal();
    render(<SetAsideNotice />);
    expect(await screen.findByText('新版片段：由更新版本的填报助手保存，请更新填报助手后使用')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /删除/ })).toBeNull();
    expect(await snapshotLocal()).toBe(before);
  });

  it('names a whole item a newer version saved and the version it carries', async () => {
    await fakeBrowser.storage.local.set({ templates: [], templates$: { v: 3 } });
    render(<SetAsideNotice />);
    expect((await screen.findByRole('note')).textContent).toBe(
      '“自定义模板”由更新版本的填报助手保存（第 3 版）。当前版本只能显示其中能识别的部分，不能修改。请将填报助手更新到最新版本。',
    );
  });

  it('names a setting in words, not by its stored key', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'fr' } });
    render(<SetAsideNotice />);
    expect(await screen.findByText('界面语言：内容不符合要求（位置：language）')).toBeTruthy();
  });

  it('appears on the options page above the sections once storage holds such entries', async () => {
    render(<OptionsApp sections={[{ id: 'x', titleId: 'storage.snippets.title', render: () => <p>片段区</p> }]} />);
    await fakeBrowser.storage.local.set({ snippets: [good, emptyTitle] });
    expect(await screen.findByRole('heading', { name: '有 1 项已保存的内容暂时不能使用' })).toBeTruthy();
  });
});
