import { describe, expect, it } from 'vitest';
import { blockingFindings, distinctProblems } from '@/lib/guard/findings';
import type { PanelField } from '@/lib/panel/bridge';

const form = (main: string, problems = '理论学习的系统性还不够强。', plans = '继续加强阵地管理，压实主体责任。'): PanelField[] => [
  { key: 'name:unit', label: '单位名称', required: true, kind: 'input', text: '某某市财政局' },
  { key: 'name:period', label: '报告期', required: true, kind: 'select', text: '2026年上半年' },
  { key: 'name:work', label: '主要工作情况', required: true, kind: 'textarea', text: main },
  { key: 'name:problems', label: '存在的问题', required: true, kind: 'textarea', text: problems },
  { key: 'name:plans', label: '下一步工作打算', required: true, kind: 'textarea', text: plans },
];
const CLEAN = '认真落实意识形态工作责任制，召开党组会议专题研究部署意识形态工作4次。';
const TITLE = '意识形态工作责任制落实情况报告';

describe('blockingFindings', () => {
  describe('holds', () => {
    it('a placeholder left in the text, in the field it sits in', () => {
      const findings = blockingFindings({ fields: form(`${CLEAN}参会人员xx名。`), pageTitle: TITLE });
      expect(findings.map((f) => f.ruleId)).toContain('placeholders');
      const placeholder = findings.find((f) => f.ruleId === 'placeholders')!;
      expect(placeholder.fieldKey).toBe('name:work');
      expect(form(`${CLEAN}参会人员xx名。`)[2]!.text.slice(placeholder.start, placeholder.end)).toBe('xx');
    });

    it('the empty required fields of an empty form, and nothing else', () => {
      const findings = blockingFindings({ fields: form('', '', ''), pageTitle: TITLE });
      expect(findings.map((f) => [f.ruleId, f.fieldKey])).toEqual([
        ['form-required-empty', 'name:work'],
        ['form-required-empty', 'name:problems'],
        ['form-required-empty', 'name:plans'],
      ]);
    });

    it('web cruft pasted from a 范文 site', () => {
      const findings = blockingFindings({ fields: form(`${CLEAN}[朗读]`), pageTitle: TITLE });
      expect(findings.map((f) => f.ruleId)).toContain('web-cruft');
    });
  });

  describe('passes', () => {
    it('clean text in fields that are the report sections by their labels', () => {
      expect(blockingFindings({ fields: form(CLEAN), pageTitle: TITLE })).toEqual([]);
    });

    it('an empty form whose fields are all optional (nothing typed, nothing required)', () => {
      const optional = form('', '', '').map((field) => ({ ...field, required: false, text: '' }));
      expect(blockingFindings({ fields: optional, pageTitle: TITLE })).toEqual([]);
    });

    it('a placeholder when the user switched the rule off', () => {
      const findings = blockingFindings({
        fields: form(`${CLEAN}参会人员xx名。`),
        pageTitle: TITLE,
        settings: { rules: { disabledRules: ['placeholders'] } },
      });
      expect(findings.map((f) => f.ruleId)).not.toContain('placeholders');
    });
  });
});

describe('distinctProblems', () => {
  const f = (ruleId: string, start: number, end: number, fieldKey = 'main') =>
    ({ ruleId, category: 'c', severity: 'blocking', start, end, messageId: 'm', fieldKey }) as const;

  it('counts a place once when two rules see overlapping text', () => {
    expect(distinctProblems([f('placeholders', 4, 6), f('coverage-figure', 4, 7)]).map((x) => x.ruleId)).toEqual(['placeholders']);
  });

  it("keeps the same rule's separate places, other fields and places that only touch", () => {
    const kept = distinctProblems([f('placeholders', 4, 6), f('placeholders', 10, 12), f('coverage-figure', 6, 8), f('placeholders', 4, 6, 'problems')]);
    expect(kept).toHaveLength(4);
  });
});
