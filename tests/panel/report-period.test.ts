// The report period in lib/panel/report.ts: the one the user set for the site wins over the form's 报告期 field
// and over what the engine detects in the text, and reaches the analyzer options.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '@/lib/core/analyze';
import type { PanelField } from '@/lib/panel/bridge';
import { analyzerOptions, periodOf, prepareReport, siteReportSettings } from '@/lib/panel/report';
import { defaultSiteProfile } from '@/lib/storage/siteProfiles';

const H1_2026 = { year: 2026, half: 1 } as const;
const main = (text: string): PanelField => ({ key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text });
const periodField = (text: string): PanelField => ({ key: 'period', label: '报告期', required: true, kind: 'select', text });

describe('prepareReport period', () => {
  it('uses the period the user set, marked manual', () => {
    const prepared = prepareReport([main('全年共开展专题学习12次。')], '', { period: H1_2026 });
    expect([prepared.period, prepared.periodSource]).toEqual([H1_2026, 'manual']);
  });

  it('prefers the period the user set over the form’s 报告期 field', () => {
    const prepared = prepareReport([periodField('2025年下半年'), main('正文')], '', { period: H1_2026 });
    expect(prepared.period).toEqual(H1_2026);
  });

  it('reads the form’s 报告期 field when the user set none', () => {
    const prepared = prepareReport([periodField('2025年下半年'), main('正文')], '');
    expect([prepared.period, prepared.periodSource]).toEqual([{ year: 2025, half: 2 }, 'form']);
  });

  it('leaves the period to the engine when neither the user nor the form gives one', () => {
    const prepared = prepareReport([main('正文')], '');
    expect(prepared.period).toBeUndefined();
    expect(prepared.periodSource).toBeUndefined();
  });
});

describe('analyzerOptions period', () => {
  it('passes the period the user set to the analyzer, and a new period makes a new key', () => {
    const set = analyzerOptions(prepareReport([main('正文')], '', { period: H1_2026 }));
    const other = analyzerOptions(prepareReport([main('正文')], '', { period: { year: 2026 } }));
    expect(set.options.period).toEqual(H1_2026);
    expect(set.key).not.toBe(other.key);
  });

  it('overrides the period the report states in its title', () => {
    const fields = [main('2024年上半年意识形态工作总结\n全年共开展专题学习12次。')];
    const prepared = prepareReport(fields, '', { period: H1_2026 });
    const analysis = createAnalyzer(analyzerOptions(prepared).options).update(prepared.reportFields);
    expect([analysis.period, analysis.periodSource]).toEqual([H1_2026, 'given']);
    expect(periodOf(prepared, analysis)).toEqual({ period: H1_2026, source: 'manual' });
  });

  it('without a set period, reports where the engine found one', () => {
    const fields = [main('2024年上半年意识形态工作总结\n全年共开展专题学习12次。')];
    const prepared = prepareReport(fields, '');
    const analysis = createAnalyzer(analyzerOptions(prepared).options).update(prepared.reportFields);
    expect(periodOf(prepared, analysis)).toEqual({ period: { year: 2024, half: 1 }, source: 'title' });
  });

  it('reports no period when none is set, in the form or in the text', () => {
    const prepared = prepareReport([main('全年共开展专题学习12次。')], '');
    const analysis = createAnalyzer(analyzerOptions(prepared).options).update(prepared.reportFields);
    expect(periodOf(prepared, analysis)).toBeUndefined();
    expect(analysis.findings.map((f) => f.ruleId)).not.toContain('stale-references');
  });
});

describe('siteReportSettings', () => {
  it('carries the stored period, template and mapping of the site', () => {
    const site = { ...defaultSiteProfile(), templateId: 'ideology-half', fieldSectionMap: { main: 'main-work' }, reportPeriod: H1_2026 };
    expect(siteReportSettings(site)).toEqual({ templateId: 'ideology-half', fieldSections: { main: 'main-work' }, period: H1_2026 });
  });

  it('sets no period for a site without one', () => {
    expect('period' in siteReportSettings(defaultSiteProfile())).toBe(false);
  });
});
