// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SnippetsSection } from '@/components/options/SnippetsSection';
import { STARTER_SNIPPETS, createSnippet, getSnippet, listSnippets } from '@/lib/storage';
import { snapshotLocal } from '../storage/helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const list = () => screen.getByRole('list', { name: '片段列表' });

describe('SnippetsSection', () => {
  it('lists the starter snippets on first install', async () => {
    render(<SnippetsSection />);
    expect(await within(list()).findByText(STARTER_SNIPPETS[0]!.title)).toBeTruthy();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(STARTER_SNIPPETS.length);
  });

  it('filters the list by what is typed in the search box', async () => {
    render(<SnippetsSection />);
    await within(list()).findByText(STARTER_SNIPPETS[0]!.title);
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索片段' }), '舆论');
    const titles = within(list()).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(STARTER_SNIPPETS.length);
    for (const title of titles) {
      const snippet = STARTER_SNIPPETS.find((s) => s.title === title)!;
      expect(`${snippet.title}${snippet.body}${snippet.tags.join('')}`).toContain('舆论');
    }
  });

  it('adds a snippet with its variables, tags and section', async () => {
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '新建片段' }));
    const form = screen.getByRole('form', { name: '新建片段' });
    await userEvent.type(within(form).getByLabelText('标题'), '开头段');
    await userEvent.type(within(form).getByLabelText('正文'), '{{{{报告期}}，{{{{单位名称}}认真落实责任制。');
    await userEvent.type(within(form).getByLabelText('标签（用逗号分隔）'), '开头，常用');
    await userEvent.click(within(form).getByLabelText('开头'));
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));

    expect((await screen.findByRole('status')).textContent).toContain('已保存片段“开头段”');
    const saved = (await listSnippets()).find((s) => s.title === '开头段');
    expect(saved).toMatchObject({ variables: ['报告期', '单位名称'], tags: ['开头', '常用'], sectionIds: ['opening'] });
  });

  it('refuses to save into a list a newer version saved, says to update, and changes nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kept = { ...STARTER_SNIPPETS[0]!, id: 's1' };
    const fromNewerBuild = { ...STARTER_SNIPPETS[1]!, id: 's2', version: 2 };
    await fakeBrowser.storage.local.set({ snippets: [kept, fromNewerBuild, { ...kept, id: 's3', title: '' }] });
    const before = await snapshotLocal();
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '新建片段' }));
    const form = screen.getByRole('form', { name: '新建片段' });
    await userEvent.type(within(form).getByLabelText('标题'), '新片段');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('是由更新版本的填报助手保存的');
    expect(screen.queryByText(/已保存片段/)).toBeNull();
    expect(await snapshotLocal()).toBe(before);
  });

  it('asks for a title and saves nothing without one', async () => {
    const before = await snapshotLocal();
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '新建片段' }));
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写片段标题。');
    expect(await snapshotLocal()).toBe(before);
  });

  it('edits a snippet in place', async () => {
    const snippet = await createSnippet({ title: '旧标题', body: '旧正文' });
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '修改片段“旧标题”' }));
    const title = within(screen.getByRole('form', { name: '修改片段' })).getByLabelText('标题');
    await userEvent.clear(title);
    await userEvent.type(title, '新标题');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByRole('status');
    expect((await getSnippet(snippet.id))?.title).toBe('新标题');
  });

  it('deletes a snippet only after confirmation', async () => {
    const snippet = await createSnippet({ title: '待删除', body: '' });
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '删除片段“待删除”' }));
    expect(await getSnippet(snippet.id)).toBeDefined();
    const confirm = screen.getByRole('group', { name: /确定删除片段“待删除”/ });
    await userEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    expect((await screen.findByRole('status')).textContent).toContain('已删除片段“待删除”');
    expect(await getSnippet(snippet.id)).toBeUndefined();
  });

  it('shows the storage-full message when saving hits the quota', async () => {
    render(<SnippetsSection />);
    await userEvent.click(await screen.findByRole('button', { name: '新建片段' }));
    await userEvent.type(screen.getByLabelText('标题'), '片段');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('存储空间已满');
    expect(screen.getByRole('form')).toBeTruthy();
  });

  it('shows a change made in another tab', async () => {
    render(<SnippetsSection />);
    await within(list()).findByText(STARTER_SNIPPETS[0]!.title);
    await createSnippet({ title: '另一个标签页新建的', body: '' });
    expect(await within(list()).findByText('另一个标签页新建的')).toBeTruthy();
  });
});

describe('SnippetsSection snippet packs', () => {
  const packFile = (content: unknown, name = 'pack.json') =>
    new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });
  const pack = (snippets: unknown[]) => ({ format: 'tianbao-snippet-pack', version: 1, snippets });
  const importInput = () => screen.getByLabelText('导入片段包') as HTMLInputElement;

  it('exports the selected snippets, or all of them, as a pack file that imports back', async () => {
    const download = vi.fn();
    render(<SnippetsSection download={download} />);
    const first = STARTER_SNIPPETS[0]!;
    await within(list()).findByText(first.title);
    await userEvent.click(screen.getByRole('checkbox', { name: `选择片段“${first.title}”` }));
    await userEvent.click(screen.getByRole('button', { name: '导出所选片段（1 个）' }));
    const [name, text] = download.mock.calls[0] as [string, string];
    expect(name).toMatch(/^tianbao-snippets-\d{8}\.json$/);
    const exported = JSON.parse(text);
    expect(exported.format).toBe('tianbao-snippet-pack');
    expect(exported.snippets).toEqual([
      { title: first.title, body: first.body, folder: first.folder, tags: [...first.tags], sectionIds: [...first.sectionIds] },
    ]);
    // No use counts or values remembered for sites travel in a pack.
    expect(text).not.toContain('useCount');
    expect(text).not.toContain('siteValues');
    await userEvent.click(screen.getByRole('button', { name: '导出全部片段' }));
    expect(JSON.parse(download.mock.calls[1]![1] as string).snippets).toHaveLength(STARTER_SNIPPETS.length);
    expect((await screen.findByRole('status')).textContent).toContain(`已导出 ${STARTER_SNIPPETS.length} 个片段`);
  });

  it.each([
    ['not JSON', '{这不是 JSON', '不是 JSON 文件'],
    ['a full backup', { format: 'tianbao-backup', version: 1, items: {} }, '不是片段包'],
    ['a snippet without a title', pack([{ title: '', body: '正文' }]), '内容有误（snippets.0.title）'],
    ['a body that is not text', pack([{ title: '甲', body: 42 }]), '内容有误（snippets.0.body）'],
    ['a newer pack version', { ...pack([]), version: 2 }, '内容有误'],
    ['an empty pack', pack([]), '没有片段'],
  ])('refuses %s with a clear message and changes nothing', async (_, content, words) => {
    render(<SnippetsSection />);
    await within(list()).findByText(STARTER_SNIPPETS[0]!.title);
    const before = await snapshotLocal();
    await userEvent.upload(importInput(), packFile(content));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(words);
    expect(alert.textContent).toContain('没有导入任何片段');
    expect(screen.queryByRole('button', { name: '合并到现有片段' })).toBeNull();
    expect(await snapshotLocal()).toBe(before);
  });

  it('merges a pack, skipping and naming the snippets already there', async () => {
    render(<SnippetsSection />);
    const first = STARTER_SNIPPETS[0]!;
    await within(list()).findByText(first.title);
    await userEvent.upload(
      importInput(),
      packFile(pack([{ title: first.title, body: first.body }, { title: '新片段', body: '{{单位名称}}认真落实。', tags: ['落实'] }])),
    );
    expect((await screen.findByRole('group', { name: /中有 2 个片段/ })).textContent).toContain('替换');
    await userEvent.click(screen.getByRole('button', { name: '合并到现有片段' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('已导入 1 个片段');
    expect(status.textContent).toContain(`已跳过：“${first.title}”`);
    const all = await listSnippets();
    expect(all).toHaveLength(STARTER_SNIPPETS.length + 1);
    const added = all.find((s) => s.title === '新片段')!;
    expect(added.variables).toEqual(['单位名称']);
    expect(added.tags).toEqual(['落实']);
    expect(await within(list()).findByText('新片段')).toBeTruthy();
  });

  it('replaces the user’s own snippets when asked to', async () => {
    render(<SnippetsSection />);
    await within(list()).findByText(STARTER_SNIPPETS[0]!.title);
    await userEvent.upload(importInput(), packFile(pack([{ title: '唯一片段', body: '正文。' }, { title: '唯一片段', body: '正文。' }])));
    await userEvent.click(await screen.findByRole('button', { name: '替换我自己的片段' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('已导入 1 个片段');
    expect(status.textContent).toContain(`原有的 ${STARTER_SNIPPETS.length} 个片段已删除`);
    expect(status.textContent).toContain('有 1 个片段');
    expect((await listSnippets()).map((s) => s.title)).toEqual(['唯一片段']);
  });

  it('changes nothing when the user cancels the import', async () => {
    render(<SnippetsSection />);
    await within(list()).findByText(STARTER_SNIPPETS[0]!.title);
    const before = await snapshotLocal();
    await userEvent.upload(importInput(), packFile(pack([{ title: '甲', body: '乙' }])));
    await userEvent.click(await screen.findByRole('button', { name: '取消' }));
    expect(screen.queryByRole('group', { name: /中有 1 个片段/ })).toBeNull();
    expect(await snapshotLocal()).toBe(before);
  });
});
