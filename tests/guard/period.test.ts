// The submit guard judges a submit with the report period the user set for the site, as the 检查 tab does:
// both build their settings from the stored profile through lib/panel/report.ts.
import { describe, expect, it } from 'vitest';
import { blockingFindings, guardAnalysis } from '@/lib/guard/findings';
import type { PanelField } from '@/lib/panel/bridge';
import { siteReportSettings } from '@/lib/panel/report';
import { getSiteProfile, updateSiteProfile } from '@/lib/storage';

const ORIGIN = 'https://tb.example.gov.cn';
const TITLE = '意识形态工作责任制落实情况报告';
// A whole-year phrase: stale in a 上半年 report.
const form = (period: string): PanelField[] => [
  { key: 'name:period', label: '报告期', required: true, kind: 'select', text: period },
  { key: 'name:work', label: '主要工作情况', required: true, kind: 'textarea', text: '全年共开展专题学习12次，参会人员xx名。' },
];

const storedSettings = async () => siteReportSettings(await getSiteProfile(ORIGIN));

describe('guard report period', () => {
  it('analyses with the period stored for the site, over the form’s 报告期 field', async () => {
    await updateSiteProfile(ORIGIN, { reportPeriod: { year: 2026, half: 1 } });
    const analysis = guardAnalysis({ fields: form('2025年'), pageTitle: TITLE, settings: await storedSettings() })!;
    expect([analysis.period, analysis.periodSource]).toEqual([{ year: 2026, half: 1 }, 'given']);
    expect(analysis.findings.map((f) => f.ruleId)).toContain('stale-references');
  });

  it('falls back to the form’s 报告期 field when the site has no stored period', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true });
    const analysis = guardAnalysis({ fields: form('2025年'), pageTitle: TITLE, settings: await storedSettings() })!;
    expect(analysis.period).toEqual({ year: 2025 });
    expect(analysis.findings.map((f) => f.ruleId)).not.toContain('stale-references');
  });

  it('holds the submit for blocking findings only: a stale reference is a warning and does not hold it', async () => {
    await updateSiteProfile(ORIGIN, { reportPeriod: { year: 2026, half: 1 } });
    const held = blockingFindings({ fields: form('2025年'), pageTitle: TITLE, settings: await storedSettings() });
    expect(held.map((f) => f.ruleId)).toContain('placeholders');
    expect(held.map((f) => f.ruleId)).not.toContain('stale-references');
  });
});
