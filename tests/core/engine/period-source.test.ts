import { describe, expect, it } from 'vitest';
import { detectPeriodWithSource } from '@/lib/core/period';
import { analyze } from '@/lib/core/analyze';

describe('detectPeriodWithSource', () => {
  it.each([
    ['a 报告期 line', '工作总结\n报告期：2025年7月—12月\n正文', { year: 2025, half: 2 }, 'line'],
    ['the title', '2026年上半年意识形态工作总结\n正文', { year: 2026, half: 1 }, 'title'],
    ['the opening lines', '工作总结\n今年以来，2024年度工作稳步推进。', { year: 2024 }, 'text'],
  ])('names %s as the source', (_name, text, period, source) => {
    expect(detectPeriodWithSource(text)).toEqual({ period, source });
  });

  it('finds nothing in a text that states no period', () => {
    expect(detectPeriodWithSource('全年共开展专题学习12次。')).toBeUndefined();
  });
});

describe('Analysis.periodSource', () => {
  it('is "given" for a period passed in the options', () => {
    expect(analyze('2024年工作总结', { period: { year: 2026 }, templateId: 'none' }).periodSource).toBe('given');
  });

  it('is absent when there is no period', () => {
    expect('periodSource' in analyze('正文', { templateId: 'none' })).toBe(false);
  });
});
