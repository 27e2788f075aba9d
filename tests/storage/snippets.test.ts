import { describe, expect, it } from 'vitest';
import {
  StorageNotFoundError,
  createSnippet,
  deleteSnippet,
  extractVariables,
  getSnippet,
  listRecentSnippets,
  listSnippets,
  recordSnippetUse,
  setSnippetSiteValues,
  updateSnippet,
} from '../../lib/storage';
import { ORIGIN } from './helpers';

describe('extractVariables', () => {
  it.each([
    ['two variables in order', '{{报告期}}，{{单位名称}}高度重视', ['报告期', '单位名称']],
    ['a repeated variable once', '{{单位名称}}……{{单位名称}}', ['单位名称']],
    ['spaces inside the braces', '{{ 今天 }}', ['今天']],
    ['no variables', '高度重视，专题研究部署。', []],
    ['single braces, which are not variables', '{单位名称}', []],
  ])('finds %s', (_label, body, expected) => {
    expect(extractVariables(body)).toEqual(expected);
  });
});

describe('snippet CRUD', () => {
  it('creates a snippet with derived variables and zero use', async () => {
    const snippet = await createSnippet({ title: ' 开头 ', body: '{{报告期}}，{{单位名称}}……', tags: ['开头', '开头', ' '] }, 1000);
    expect(snippet).toMatchObject({
      title: '开头',
      variables: ['报告期', '单位名称'],
      tags: ['开头'],
      useCount: 0,
      lastUsedAt: null,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(await getSnippet(snippet.id)).toEqual(snippet);
  });

  it('stores Windows line ends as \\n paragraphs', async () => {
    const snippet = await createSnippet({ title: '两段', body: '第一段\r\n第二段' });
    expect(snippet.body).toBe('第一段\n第二段');
  });

  it('keeps the starter snippets when the first snippet is added', async () => {
    const starters = await listSnippets();
    await createSnippet({ title: '新片段', body: '' });
    expect(await listSnippets()).toHaveLength(starters.length + 1);
  });

  it('updates the body and re-derives the variables', async () => {
    const snippet = await createSnippet({ title: '片段', body: '{{单位名称}}' }, 1);
    const updated = await updateSnippet(snippet.id, { body: '{{报告期}}工作' }, 2);
    expect([updated.variables, updated.updatedAt, updated.createdAt]).toEqual([['报告期'], 2, 1]);
  });

  it('throws StorageNotFoundError when updating an unknown id', async () => {
    await expect(updateSnippet('missing', { title: 'x' })).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it('deletes a snippet and reports whether it existed', async () => {
    const snippet = await createSnippet({ title: '将删除', body: '' });
    expect(await deleteSnippet(snippet.id)).toBe(true);
    expect(await deleteSnippet(snippet.id)).toBe(false);
    expect(await getSnippet(snippet.id)).toBeUndefined();
  });

  it('an emptied list stays empty instead of bringing the starters back', async () => {
    for (const snippet of await listSnippets()) await deleteSnippet(snippet.id);
    expect(await listSnippets()).toEqual([]);
  });
});

describe('use tracking', () => {
  it('recordSnippetUse counts the use and stamps the time', async () => {
    const snippet = await createSnippet({ title: '常用', body: '' });
    await recordSnippetUse(snippet.id, 50);
    const used = await recordSnippetUse(snippet.id, 60);
    expect([used.useCount, used.lastUsedAt]).toEqual([2, 60]);
  });

  it('counts every one of parallel uses', async () => {
    const snippet = await createSnippet({ title: '常用', body: '' });
    await Promise.all(Array.from({ length: 10 }, () => recordSnippetUse(snippet.id)));
    expect((await getSnippet(snippet.id))?.useCount).toBe(10);
  });

  it('lists recently used snippets newest first and leaves out unused ones', async () => {
    const a = await createSnippet({ title: 'A', body: '' });
    const b = await createSnippet({ title: 'B', body: '' });
    await createSnippet({ title: 'C', body: '' });
    await recordSnippetUse(a.id, 10);
    await recordSnippetUse(b.id, 20);
    expect((await listRecentSnippets()).map((s) => s.title)).toEqual(['B', 'A']);
  });

  it('remembers variable values per site, merged with earlier ones', async () => {
    const snippet = await createSnippet({ title: '开头', body: '{{报告期}}{{单位名称}}' });
    await setSnippetSiteValues(snippet.id, ORIGIN, { 单位名称: '某某局' });
    const updated = await setSnippetSiteValues(snippet.id, ORIGIN, { 报告期: '2026年上半年' });
    expect(updated.siteValues[ORIGIN]).toEqual({ 单位名称: '某某局', 报告期: '2026年上半年' });
  });
});
