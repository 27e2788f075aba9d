import { describe, expect, it } from 'vitest';
import { deriveFromSample, type Derived } from '../../../lib/core/derive';
import { parseTemplate } from '../../../lib/core/template';
import { report } from './corpus';

const derive = (text: string): Derived => {
  const result = deriveFromSample(text);
  if ('error' in result) throw new Error(result.error);
  return result;
};

describe('deriveFromSample', () => {
  it('turns report B into a draft with its five sections, once each', () => {
    const { template } = derive(report('B'));
    expect(template.sections.map((s) => s.title)).toEqual([
      '提高思想认识,加强组织领导', '统筹协调,积极开展意识形态工作', '加强督查考核,严格责任追究', '存在的不足', '下一步工作计划',
    ]);
  });

  it('names the closing sections as the built-in templates do', () => {
    const { template } = derive(report('B'));
    expect(template.sections.slice(3).map((s) => s.id)).toEqual(['problems', 'next-steps']);
  });

  it('takes the name from the title line without its cruft', () => {
    expect(derive(report('B')).template.name).toBe('关于2021年学校意识形态工作情况报告');
  });

  it('produces a draft that passes template validation', () => {
    expect(parseTemplate(derive(report('E')).template).ok).toBe(true);
  });

  it('uses the section and its sub-headings as the scaffold', () => {
    const main = derive(report('E')).template.sections[0]!;
    expect(main.scaffold.split('\n')[0]).toBe('一、主要工作情景');
    expect(main.scaffold.split('\n')).toHaveLength(6);
  });

  it('leaves out the pasted second copy', () => {
    const { snippets, skipped } = derive(report('B'));
    const bodies = snippets.map((s) => s.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(skipped.duplicates).toBeGreaterThan(0);
  });

  it('leaves out paragraphs with placeholders (__社区, 中国xx网)', () => {
    const a = derive(report('A'));
    expect(a.snippets.some((s) => /xx|__/.test(s.body))).toBe(false);
    expect(a.skipped.placeholders).toBeGreaterThan(0);
    expect(derive(report('B')).snippets.some((s) => s.body.includes('__'))).toBe(false);
  });

  it('leaves out web cruft lines', () => {
    const a = derive(report('A'));
    expect(a.skipped.cruft).toBe(2);
    expect(a.snippets.some((s) => s.body.includes('范文问答'))).toBe(false);
  });

  it('tags each snippet with the section it came from', () => {
    const { snippets } = derive(report('B'));
    const problems = snippets.filter((s) => s.sectionId === 'problems');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.body.startsWith('今年以来,社区的宣传思想工作')).toBe(true);
  });

  it('titles a snippet that starts with a sub-heading by that heading', () => {
    const { snippets } = derive(report('E'));
    expect(snippets.map((s) => s.title)).toContain('明确职责,凝聚意识形态工作是主体职责的思想共识');
  });
});
