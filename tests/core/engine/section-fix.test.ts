// The missing-section finding's one-click fix does what the Structure tab's suggestion does: it inserts the
// scaffold and renumbers the headings after it, as one {start, end, text} replacement.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type StructureSuggestion } from '../../../lib/core/analyze';
import { applyEdit, mergeEdits } from '../../../lib/core/edits';
import type { Finding } from '../../../lib/core/types';
import { toJson } from '../../../lib/cli/main';
import { reportE } from './corpus';

const ANNUAL = { templateId: 'ideology-annual' };

// 一、二、三、 with 存在的问题 (the template's second section) missing: it goes between 一、 and 二、.
const WORK = '一、主要工作情况\n党组召开会议专题研究意识形态工作3次。';
const PLANS = '二、下一步工作打算\n继续加强理论学习。';
const REMARKS = '三、意见建议\n建议上级加强培训。';
const THREE = [WORK, PLANS, REMARKS].join('\n');

const missing = (analysis: Analysis): Finding[] => analysis.findings.filter((f) => f.ruleId === 'coverage-section-missing');

const numbered = (text: string) => text.split('\n').filter((line) => /^[一二三四五六]、/.test(line));

/** The text after the Structure tab inserts the suggestion with its renumbering. */
const viaSuggestion = (text: string, s: StructureSuggestion) =>
  applyEdit(text, mergeEdits(text, [{ start: s.offset, end: s.offset, text: s.text }, ...(s.renumber ?? [])])!);

describe('the missing-section finding’s fix', () => {
  it('inserts the scaffold and renumbers the headings after it', () => {
    const [finding] = missing(analyze(THREE, ANNUAL));
    const after = applyEdit(THREE, finding!.fix!);
    expect(numbered(after)).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算', '四、意见建议']);
    expect(after).toContain('\n三、下一步工作打算\n继续加强理论学习。\n四、意见建议\n建议上级加强培训。');
    expect(after.startsWith(`${WORK}\n二、存在的问题\n`)).toBe(true);
  });

  it('leaves nothing for the numbering checks or the coverage to flag', () => {
    const [finding] = missing(analyze(THREE, ANNUAL));
    const again = analyze(applyEdit(THREE, finding!.fix!), ANNUAL);
    expect(again.findings.filter((f) => /^outline-(repeat|gap|restart|duplicate)$/.test(f.ruleId))).toEqual([]);
    expect(missing(again)).toEqual([]);
  });

  it('is one replacement from the insertion point to the last renumbered marker', () => {
    const analysis = analyze(THREE, ANNUAL);
    const [finding] = missing(analysis);
    const [s] = analysis.suggestions;
    expect(Object.keys(finding!.fix!)).toEqual(['start', 'end', 'text']);
    expect(finding!.fix!.start).toBe(s!.offset);
    expect(finding!.fix!.end).toBe(THREE.indexOf('三、') + 1);
    expect(applyEdit(THREE, finding!.fix!)).toBe(viaSuggestion(THREE, s!));
  });

  it('keeps the finding itself at the insertion point', () => {
    const analysis = analyze(THREE, ANNUAL);
    const [finding] = missing(analysis);
    expect(finding).toMatchObject({ start: WORK.length, end: WORK.length, severity: 'blocking', params: { section: '存在的问题' } });
  });

  it('renumbers the first heading too when the section goes before it', () => {
    const text = '一、存在的问题\n学习还不够深入。\n二、下一步工作打算\n继续加强学习。';
    const [finding] = missing(analyze(text, ANNUAL));
    expect(finding!.fix!.start).toBe(0);
    expect(numbered(applyEdit(text, finding!.fix!))).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算']);
  });

  describe('a report needing no renumbering gets the plain insertion', () => {
    it('when the heading after the insertion already carries the next number', () => {
      const lines = reportE().split('\n');
      const text = [...lines.slice(0, 7), ...lines.slice(9)].join('\n');
      const analysis = analyze(text, ANNUAL);
      const [finding] = missing(analysis);
      const [s] = analysis.suggestions;
      expect(s!.renumber).toBeUndefined();
      expect(finding!.fix).toEqual({ start: s!.offset, end: s!.offset, text: s!.text });
      expect(applyEdit(text, finding!.fix!)).toBe(text.slice(0, s!.offset) + s!.text + text.slice(s!.offset));
    });

    it('when the section goes at the end', () => {
      const text = [WORK, '二、存在的问题\n学习不深。'].join('\n');
      const [finding] = missing(analyze(text, ANNUAL));
      expect(finding!.fix!.start).toBe(text.length);
      expect(finding!.fix!.end).toBe(text.length);
      expect(applyEdit(text, finding!.fix!).startsWith(`${text}\n三、下一步工作打算`)).toBe(true);
    });
  });

  describe('in a report split over fields', () => {
    it('is relative to the field it goes into, as the suggestion is', () => {
      const fields = [
        { key: 'unit', label: '单位概况', text: '本单位共有党员56名。' },
        { key: 'body', label: '报告正文', text: THREE },
      ];
      const analysis = analyze(fields, ANNUAL);
      const [finding] = missing(analysis);
      const [s] = analysis.suggestions;
      expect(finding).toMatchObject({ fieldKey: 'body', start: s!.offset, end: s!.offset });
      expect(finding!.fix!.end).toBe(THREE.indexOf('三、') + 1);
      expect(applyEdit(THREE, finding!.fix!)).toBe(viaSuggestion(THREE, s!));
    });

    it('does not reach into the next field', () => {
      const fields = [
        { key: 'body', label: '报告正文', text: [WORK, PLANS].join('\n') },
        { key: 'remarks', label: '其他', text: REMARKS },
      ];
      const [finding] = missing(analyze(fields, ANNUAL));
      expect(finding!.fieldKey).toBe('body');
      expect(finding!.fix!.end).toBeLessThanOrEqual(fields[0]!.text.length);
      expect(numbered(applyEdit(fields[0]!.text, finding!.fix!))).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算']);
    });
  });

  it('keeps its shape in the CLI --json output', () => {
    const json = JSON.parse(toJson(analyze(THREE, ANNUAL), 'zh_CN')) as { findings: Array<Record<string, unknown>> };
    const finding = json.findings.find((f) => f.ruleId === 'coverage-section-missing')!;
    expect(Object.keys(finding)).toEqual(['ruleId', 'category', 'severity', 'start', 'end', 'message', 'fix']);
    expect(Object.keys(finding.fix as object)).toEqual(['start', 'end', 'text']);
    expect(applyEdit(THREE, finding.fix as { start: number; end: number; text: string })).toContain('\n四、意见建议\n');
  });
});
