import { describe, expect, it } from 'vitest';
import { buildSnippetIndex, type Searchable } from '@/lib/core/snippets/search';

const item = (id: string, title: string, body = '', tags: string[] = [], useCount = 0): Searchable => ({
  id,
  title,
  body,
  tags,
  useCount,
  lastUsedAt: null,
});

const index = buildSnippetIndex([
  item('a', '意识形态工作责任制落实', '把意识形态工作摆上重要议事日程', ['主要工作情况']),
  item('b', '理论学习中心组学习', '坚持第一议题制度', ['主要工作情况'], 5),
  item('c', '存在的问题：学习不够深入', '理论学习的深度和广度还不够', ['存在的问题']),
  item('d', '重要节点舆情监测', '加强重要节点网络舆情监测', ['主要工作情况']),
]);
const ids = (query: string) => index.search(query).map((s) => s.id);

describe('buildSnippetIndex', () => {
  it('finds by Chinese characters in the title', () => {
    expect(ids('中心组')).toEqual(['b']);
  });

  it('finds by full pinyin, ignoring case and spaces', () => {
    expect(ids('Yishi Xingtai')).toEqual(['a']);
  });

  it('finds by pinyin initials of the title', () => {
    expect(ids('ysxt')).toEqual(['a']);
  });

  it('reads polyphonic characters by phrase: 重要 is zhongyao', () => {
    expect(ids('zhongyaojiedian')).toEqual(['d']);
  });

  it('finds by tag pinyin initials', () => {
    expect(ids('czdwt')).toEqual(['c']);
  });

  it('ranks a title match above a body-only match', () => {
    expect(ids('理论学习')).toEqual(['b', 'c']);
  });

  it('lists every snippet, most used first, for an empty query', () => {
    expect(ids('  ')[0]).toBe('b');
    expect(ids('')).toHaveLength(4);
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(ids('qqqq')).toEqual([]);
  });
});

describe('initials inside a title', () => {
  it('finds a title by the initials of a phrase in its middle', () => {
    const idx = buildSnippetIndex([item('x', '高度重视，专题研究部署')]);
    expect(idx.search('ztyjbs').map((s) => s.id)).toEqual(['x']);
  });
});
