import { describe, expect, it } from 'vitest';
import { detectPeriod, formatPeriod, parsePeriod } from '../../../lib/core/period';
import { report } from './corpus';

describe('parsePeriod', () => {
  describe('accepts', () => {
    const cases: Array<[string, { year: number; half?: 1 | 2 }]> = [
      ['2026H1', { year: 2026, half: 1 }],
      ['2026h2', { year: 2026, half: 2 }],
      ['2026', { year: 2026 }],
      ['2026年', { year: 2026 }],
      ['2026年度', { year: 2026 }],
      ['2026年上半年', { year: 2026, half: 1 }],
      ['2026年下半年', { year: 2026, half: 2 }],
      ['２０２６年上半年', { year: 2026, half: 1 }],
    ];
    for (const [input, expected] of cases) it(input, () => expect(parsePeriod(input)).toEqual(expected));
  });

  describe('rejects', () => {
    for (const input of ['', '26H1', '2026H3', 'next year', '1800', '2026年第三季度']) {
      it(JSON.stringify(input), () => expect(parsePeriod(input)).toBeUndefined());
    }
  });

  it('formats back to the form it reads', () => {
    expect(parsePeriod(formatPeriod({ year: 2026, half: 2 }))).toEqual({ year: 2026, half: 2 });
  });
});

describe('detectPeriod', () => {
  it('reads the year from report B\'s title line', () => {
    expect(detectPeriod(report('B'))).toEqual({ year: 2021 });
  });

  it('reads the half year from a title', () => {
    expect(detectPeriod('关于2026年上半年意识形态工作责任制落实情况的报告\n正文')).toEqual({ year: 2026, half: 1 });
  });

  it('reads a 报告期 line with a date range', () => {
    expect(detectPeriod('意识形态工作报告\n报告期：2026年1月1日至2026年6月30日\n正文')).toEqual({ year: 2026, half: 1 });
  });

  it('finds nothing where no year is given (report A says only 今年上半年)', () => {
    expect(detectPeriod(report('A'))).toBeUndefined();
  });
});
