// A section counts as written only with real content (issue 10 item 3): a heading alone, or a scaffold whose
// {{…}} blanks are still there, is 'empty' and a blocking finding — not ✓.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';

const ANNUAL = { templateId: 'ideology-annual' };
const WORK = '一、主要工作情况\n党组召开会议专题研究意识形态工作3次，压实主体责任，加强阵地管理。';
const PLANS = '三、下一步工作打算\n继续加强理论学习，健全工作机制。';

const problems = (body: string) => [WORK, `二、存在的问题${body ? `\n${body}` : ''}`, PLANS].join('\n');
const statusOf = (text: string) => analyze(text, ANNUAL).coverage!.sections.find((s) => s.title.includes('存在的问题'))!.status;
const emptyFindings = (text: string) => analyze(text, ANNUAL).findings.filter((f) => f.ruleId === 'coverage-section-empty');

describe('a section is not written', () => {
  it.each([
    ['with its heading alone', ''],
    ['with a scaffold whose blanks are left', '一是{{问题一}}；二是{{问题二}}。'],
    ['with list markers and blanks only', '一是{{问题一}}；\n二是{{问题二}}；\n三是{{问题三}}。'],
  ])('%s', (_name, body) => {
    const text = problems(body);
    expect(statusOf(text)).toBe('empty');
    const [finding] = emptyFindings(text);
    expect(finding).toMatchObject({ severity: 'blocking', params: { section: expect.stringContaining('存在的问题') } });
    expect(text.slice(finding!.start, finding!.end)).toContain('存在的问题');
  });
});

describe('a section is written', () => {
  it.each([
    ['with a sentence', '理论学习的系统性还不够强，阵地管理仍有薄弱环节。'],
    ['with short real items', '一是学习不深；二是宣传不够。'],
  ])('%s', (_name, body) => {
    const text = problems(body);
    expect(statusOf(text)).toBe('found');
    expect(emptyFindings(text)).toEqual([]);
  });
});

describe('the form wins over the template', () => {
  it('calls a section by the label of the field that holds it, in findings and in coverage', () => {
    const fields = [
      { key: 'work', label: '主要工作情况', sectionId: 'main-work', text: '党组召开会议专题研究意识形态工作3次，压实主体责任。' },
      { key: 'problems', label: '存在的问题', sectionId: 'problems', text: '理论学习的系统性还不够强。' },
      { key: 'plans', label: '下一步工作打算', sectionId: 'next-steps', text: '' },
    ];
    const analysis = analyze(fields, { templateId: 'ideology-half' });
    const plans = analysis.coverage!.sections.find((s) => s.id === 'next-steps')!;
    expect(plans.title).toBe('下一步工作打算');
    const mentions = [...analysis.findings.map((f) => f.params?.section), ...analysis.suggestions.map((s) => s.sectionTitle)].filter(Boolean);
    expect(mentions).toContain('下一步工作打算');
    expect(mentions).not.toContain('下半年工作打算');
  });
});
