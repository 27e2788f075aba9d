import { describe, expect, it } from 'vitest';
import { renderSnippet, variablesOf } from '@/lib/core/snippets/render';

describe('renderSnippet', () => {
  it('fills variables from the given values', () => {
    expect(renderSnippet('{{单位名称}}{{报告期}}意识形态工作', { 单位名称: '市统计局', 报告期: '2026年上半年' }).text).toBe(
      '市统计局2026年上半年意识形态工作',
    );
  });

  it('fills {{今天}} with the Chinese date', () => {
    expect(renderSnippet('报告日期：{{今天}}', {}, new Date(2026, 10, 28)).text).toBe('报告日期：2026年11月28日');
  });

  it('reports variables it has no value for and leaves them visible', () => {
    const result = renderSnippet('{{单位名称}}召开会议', { 单位名称: ' ' });
    expect(result.missing).toEqual(['单位名称']);
    expect(result.text).toBe('{{单位名称}}召开会议');
  });

  it('leaves text without variables alone, braces included', () => {
    expect(renderSnippet('一是{加强}领导', {}).text).toBe('一是{加强}领导');
  });
});

describe('variablesOf', () => {
  it('lists each variable once, in order of appearance', () => {
    expect(variablesOf('{{甲}}{{乙}}{{甲}}')).toEqual(['甲', '乙']);
  });
});
