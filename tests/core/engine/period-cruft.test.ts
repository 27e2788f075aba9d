// The period and the title under the cruft a 范文 page puts above a report: metadata, breadcrumbs, blurbs, 篇N
// headers, file names and title copies.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { detectPeriod, detectPeriodWithSource } from '../../../lib/core/period';

const body = '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制，现将有关情况报告如下。';

const pages: Array<[string, string[], { year: number; half?: 1 | 2 }, string]> = [
  [
    'metadata with a page date of another year',
    ['首页 > 范文大全 > 工作总结', '发布日期：2024年1月3日', '来源：网友投稿', '浏览次数：2315', '关于2023年意识形态工作责任制落实情况的报告'],
    { year: 2023 },
    '关于2023年意识形态工作责任制落实情况的报告',
  ],
  [
    'a blurb and 篇一 above a half-year title',
    [
      '2024年上半年意识形态工作总结（精选5篇）.docx',
      '更新时间：2024-07-15 09:30:12',
      '以下是小编为大家整理的2024年上半年意识形态工作总结，供大家参考借鉴，希望对您有所帮助。',
      '篇一',
      '2024年上半年意识形态工作总结',
    ],
    { year: 2024, half: 1 },
    '2024年上半年意识形态工作总结',
  ],
  [
    'a breadcrumb, a site banner and a whole-year title',
    [
      'SUCAI198.COM —— 专注党建行政公文写作范文',
      '当前位置：首页 > 工作报告 > 述职报告',
      '作者：佚名　来源：网友投稿　发布时间：2023-02-14',
      '阅读量：1532',
      '欢迎阅读与收藏。',
      '第1篇',
      '县委2022年度意识形态工作责任制落实情况报告',
    ],
    { year: 2022 },
    '县委2022年度意识形态工作责任制落实情况报告',
  ],
  [
    'page title copies without the year above the title that has it',
    ['意识形态工作情况自评报告', '时间:2023-08-14 21:04:17', '意识形态工作情况自评报告(全文共1402字)', '2021年上半年意识形态工作情况自评报告'],
    { year: 2021, half: 1 },
    '2021年上半年意识形态工作情况自评报告',
  ],
];

describe('the period under page cruft', () => {
  it.each(pages)('%s', (_name, head, period) => {
    expect(detectPeriod([...head, body].join('\n'))).toEqual(period);
  });

  it('reads the title line as the title when cruft is above it', () => {
    const found = detectPeriodWithSource(['更新时间：2024年1月3日', '来源：网友投稿', '2023年意识形态工作总结', body].join('\n'));
    expect(found).toEqual({ period: { year: 2023 }, source: 'title' });
  });

  it('does not take the page date for the period', () => {
    expect(detectPeriod(['更新时间：2024年1月3日', '来源：网友投稿', '浏览次数：12', '意识形态工作总结', body].join('\n'))).toBeUndefined();
  });
});

describe('the title under page cruft', () => {
  it.each(pages)('%s', (_name, head, _period, title) => {
    const text = [...head, body].join('\n');
    expect(analyze(text).title?.text).toBe(title);
  });

  it('finds a title below 400 characters of cruft', () => {
    const blurb = '以下是小编为大家整理的意识形态工作总结范文，希望对您有所帮助。'.repeat(7);
    const text = ['首页 > 范文大全 > 工作总结', blurb, blurb, '来源：网友投稿', '2026年上半年意识形态工作责任制落实情况报告', body].join('\n');
    expect(text.indexOf('2026年上半年意识形态')).toBeGreaterThan(400);
    const analysis = analyze(text);
    expect(analysis.title?.text).toBe('2026年上半年意识形态工作责任制落实情况报告');
    expect(analysis.period).toEqual({ year: 2026, half: 1 });
    expect(analysis.template?.id).toBe('ideology-half');
  });

  it('chooses the whole-year template from a title under cruft', () => {
    const text = [
      '首页 > 范文大全 > 工作总结',
      '发布时间：2025-01-06 10:00',
      '来源：网友投稿',
      '下面是为大家整理的半年工作总结、全年工作总结，欢迎阅读参考。',
      '篇一',
      '2024年度意识形态工作责任制落实情况报告',
      '上半年，我局认真落实意识形态工作责任制。',
    ].join('\n');
    const analysis = analyze(text);
    expect(analysis.title?.text).toBe('2024年度意识形态工作责任制落实情况报告');
    expect(analysis.template?.id).toBe('ideology-annual');
  });
});

describe('the page\'s own words as the last resort', () => {
  it('reads the year from the blurb when the report itself names none', () => {
    const text = ['下面是小编为大家整理的2023年度街道意识形态工作总结(五篇)(全文完整),供大家参考。', '街道意识形态工作总结篇1', body].join('\n');
    expect(detectPeriodWithSource(text)).toEqual({ period: { year: 2023 }, source: 'text' });
  });

  it('reads a file name line, never a metadata date', () => {
    expect(detectPeriod(['市政协办公室2025年意识形态工作总结.docx', '意识形态工作总结', body].join('\n'))).toEqual({ year: 2025 });
    expect(detectPeriod(['发布日期：2024年1月3日', '作者：佚名', '意识形态工作总结', body].join('\n'))).toBeUndefined();
  });

  it('prefers the report\'s title to the blurb', () => {
    const text = ['以下是小编为大家整理的2022年意识形态工作总结，欢迎阅读。', '2023年意识形态工作总结', body].join('\n');
    expect(detectPeriod(text)).toEqual({ year: 2023 });
  });
});
