import { describe, expect, it } from 'vitest';
import {
  buildEditedTemplate,
  cleanSample,
  deriveCleanTemplate,
  deriveFromSample,
  detectUnitNames,
  phraseTitle,
  SNIPPET_TITLE,
  type CleanDerived,
  type Derived,
} from '../../../lib/core/derive';
import { analyze } from '../../../lib/core/analyze';
import { parseTemplate } from '../../../lib/core/template';
import { renderSnippet, variablesOf } from '../../../lib/core/snippets/render';
import { formValues } from '../../../lib/panel/form-values';
import type { PanelField } from '../../../lib/panel/bridge';
import { report, reportE } from './corpus';

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

// --- The options page's derive: cleaned, with variables, titles at phrase boundaries, every paragraph placed.

const clean = (text: string): CleanDerived => {
  const result = deriveCleanTemplate(text);
  if ('error' in result) throw new Error(result.error);
  return result;
};

/** Report E once, signed: a title naming the unit and the period, the unit again in the signature. */
const signedE = () =>
  ['中共青山县委宣传部2023年上半年意识形态工作责任制落实情况报告', reportE(), '中共青山县委宣传部', '2023年7月10日'].join('\n');

const nonEmptyLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length;

describe('deriveCleanTemplate: the sample is checked and its fixable findings applied', () => {
  it('turns 取得了必须成绩 into 取得了一定成绩, and says so', () => {
    const result = clean(report('E'));
    expect(result.snippets.some((s) => s.body.includes('必须成绩'))).toBe(false);
    expect(result.snippets.some((s) => s.body.includes('取得了一定成绩'))).toBe(true);
    expect(result.changes).toContainEqual(expect.objectContaining({ ruleId: 'spin-artefacts', before: '必须成绩', after: '一定成绩' }));
  });

  it('leaves no half-width comma in titles, scaffolds or snippets, and counts the commas it replaced', () => {
    const result = clean(report('E'));
    const texts = [
      ...result.template.sections.flatMap((s) => [s.title, s.scaffold]),
      ...result.snippets.flatMap((s) => [s.title, s.body]),
    ];
    expect(texts.filter((t) => t.includes(','))).toEqual([]);
    const commas = result.changes.find((c) => c.before === ',' && c.after === '，');
    expect(commas?.count).toBe((report('E').match(/,/g) ?? []).length - (result.changes.find((c) => c.ruleId.includes('duplicate'))?.before.match(/,/g) ?? []).length);
  });

  it('counts every applied fix once in the list of changes', () => {
    for (const id of ['A', 'B', 'C', 'D', 'E'] as const) {
      const result = clean(report(id));
      expect(result.changes.reduce((sum, c) => sum + c.count, 0)).toBe(result.applied);
      expect(result.applied).toBeGreaterThan(0);
    }
  });

  it('leaves nothing fixable behind', () => {
    for (const id of ['A', 'B', 'C', 'D', 'E'] as const) {
      const cleaned = cleanSample(report(id)).text;
      expect(analyze(cleaned, { templateId: 'none' }).findings.filter((f) => f.fix)).toEqual([]);
    }
  });

  it('removes the site cruft and the pasted second copy as listed deletions', () => {
    const result = clean(report('B'));
    expect(result.changes).toContainEqual(expect.objectContaining({ ruleId: 'web-cruft', before: '[朗读]', after: '' }));
    const copy = result.changes.find((c) => c.after === '' && c.before.startsWith('一、提高思想认识'));
    expect(copy?.before.length).toBeGreaterThan(500);
    expect(result.text.split('一、提高思想认识')).toHaveLength(2);
  });

  it('shows an inserted mark with the words around it', () => {
    const mark = clean(report('E')).changes.find((c) => c.ruleId === 'outline-mark')!;
    expect(`${mark.left}${mark.before}${mark.right}`).toMatch(/[(（]三突/);
    expect(`${mark.left}${mark.after}${mark.right}`).toMatch(/[(（]三）突/);
  });

  it('lists the blocking findings it cannot fix (placeholders), grouped with their count', () => {
    const { unfixed } = clean(report('A'));
    const xxx = unfixed.find((u) => u.ruleId === 'placeholders' && u.text === 'xxx');
    expect(xxx?.count).toBe((cleanSample(report('A')).text.match(/xxx/g) ?? []).length);
    expect(unfixed.every((u) => u.severity === 'blocking')).toBe(true);
  });

  it('changes nothing in a clean sample', () => {
    const result = cleanSample('一、主要工作\n今年以来，我局认真落实意识形态工作责任制，专题研究部署三次。\n二、存在的问题\n理论学习的深度还不够。');
    expect(result.changes).toEqual([]);
    expect(result.applied).toBe(0);
  });
});

describe('deriveCleanTemplate: the unit name and the period become variables', () => {
  it('reads the unit from the title and the signature, the period from the title, and replaces each', () => {
    const result = clean(signedE());
    expect(result.variables).toContainEqual({ name: '单位名称', value: '中共青山县委宣传部', source: 'title', count: 2 });
    expect(result.variables).toContainEqual({ name: '报告期', value: '2023年上半年', source: 'period', count: 1 });
    expect(result.text).not.toContain('青山县');
    expect(result.text.startsWith('{{单位名称}}{{报告期}}意识形态工作')).toBe(true);
    expect(result.template.name).toBe('意识形态工作责任制落实情况报告');
  });

  it('uses the variable names that snippets and the form fill in', () => {
    const result = clean(['报告单位：通辽市商务局', reportE()].join('\n'));
    const names = new Set(result.snippets.flatMap((s) => variablesOf(s.body)));
    expect([...names]).toEqual(['单位名称']);
    const body = result.snippets.find((s) => s.body.includes('{{单位名称}}'))!.body;
    expect(renderSnippet(body, formValues([{ label: '单位名称', text: '青山县商务局' } as PanelField])).text).toContain('开辟青山县商务局门户网站');
  });

  it('replaces only exact repeats: 商务局 inside 通辽市商务局 stays, and so does the shorter 商务局 of the text', () => {
    const result = clean(['商务局2023年上半年意识形态工作情况报告', reportE()].join('\n'));
    expect(result.variables.find((v) => v.name === '单位名称')?.value).toBe('商务局');
    expect(result.text).toContain('通辽市商务局门户网站');
    const signed = clean(signedE());
    expect(signed.text).toContain('尽管商务局在意识形态领域');
  });

  it('replaces a whole year’s period but not a date or a span in that year', () => {
    const text = ['青山县文化馆2022年度意识形态工作总结', '一、主要工作', '2022年3月，我馆召开专题会议研究部署全年意识形态工作任务。', '2022年，我馆共举办讲座十二场，覆盖群众三千余人次。'].join('\n');
    const result = clean(text);
    expect(result.text).toContain('2022年3月');
    expect(result.text).toContain('{{报告期}}，我馆共举办讲座');
    expect(result.variables.filter((v) => v.name === '报告期').reduce((sum, v) => sum + v.count, 0)).toBe(2);
  });

  it('keeps a paragraph with a variable as a snippet (only other {{…}} are placeholders)', () => {
    const result = clean(['报告单位：通辽市商务局', reportE()].join('\n'));
    expect(result.snippets.some((s) => s.body.includes('{{单位名称}}'))).toBe(true);
    const other = deriveFromSample('一、主要工作\n今年以来，{{某某单位}}认真落实意识形态工作责任制，取得了一定成效。');
    expect('error' in other ? [] : other.snippets).toEqual([]);
  });

  it('finds no unit where the sample names none (a body without title or signature)', () => {
    expect(clean(report('A')).variables.filter((v) => v.name === '单位名称')).toEqual([]);
    expect(detectUnitNames('今年以来，我局认真落实意识形态工作责任制。\n特此报告。')).toEqual([]);
  });
});

describe('titles end at a phrase boundary', () => {
  it('keeps the whole first clause rather than cutting 工作 in two', () => {
    expect(phraseTitle('尽管商务局在意识形态领域工作中做了很多工作，取得了一定成绩，但也存在一些困难和问题。')).toBe(
      '尽管商务局在意识形态领域工作中做了很多工作',
    );
  });

  it('ends at the last phrase mark before the limit', () => {
    expect(phraseTitle('下步工作中，我们将以党的十九大精神为指导，努力克服自身不足')).toBe('下步工作中，我们将以党的十九大精神为指导');
    expect(phraseTitle('下一步工作中，我们将以党的二十大精神为指导，努力克服自身不足')).toBe('下一步工作中');
    expect(phraseTitle('坚持学习制度，将学理论、学业务、党建专题知识讲座有机结合起来')).toBe('坚持学习制度，将学理论、学业务');
  });

  it('marks a clause cut at the hard maximum with …, outside a number, a variable or a quoted name', () => {
    const long = '我们始终坚持把意识形态工作摆在全局工作的突出位置并切实加强对宣传思想工作的全面领导和统筹协调';
    const cut = phraseTitle(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(SNIPPET_TITLE.hard + 1);
    const named = phraseTitle('组织全体干部职工认真学习领会《中国共产党宣传工作条例及其配套制度实施细则汇编》的精神');
    expect(named).toBe('组织全体干部职工认真学习领会…');
    expect(phraseTitle('我们始终坚持把意识形态工作摆在全局工作的突出位置并且由{{单位名称}}统筹推进各项任务落实')).toBe(
      '我们始终坚持把意识形态工作摆在全局工作的突出位置并且由…',
    );
    expect(phraseTitle('全年共组织干部职工参加各类专题培训和集中学习研讨活动累计达到了2023场次以上的规模')).toBe(
      '全年共组织干部职工参加各类专题培训和集中学习研讨活动累计达到了…',
    );
  });

  it('titles every snippet and section of the corpus at a boundary, never inside a word', () => {
    const boundary = /^[，、；：。！？,;:!?]?$/;
    for (const id of ['A', 'B', 'C', 'D', 'E'] as const) {
      const result = clean(report(id));
      for (const snippet of result.snippets) {
        if (snippet.title.endsWith('…')) continue;
        const at = snippet.body.indexOf(snippet.title);
        expect(at, snippet.title).toBeGreaterThanOrEqual(0);
        expect(snippet.body.slice(at + snippet.title.length, at + snippet.title.length + 1), snippet.title).toMatch(boundary);
      }
      for (const section of result.outline) {
        const line = result.text.split('\n').find((l) => l.trim().startsWith(`${section.marker}${section.title}`));
        expect(line, section.title).toBeDefined();
        expect(line!.trim().slice(section.marker.length + section.title.length, section.marker.length + section.title.length + 1)).toMatch(boundary);
      }
    }
  });
});

describe('every paragraph is accounted for', () => {
  it('places or reports each non-empty paragraph of each corpus report, raw and cleaned', () => {
    for (const id of ['A', 'B', 'C', 'D', 'E'] as const) {
      const raw = derive(report(id));
      expect(raw.paragraphs).toHaveLength(nonEmptyLines(report(id)));
      const cleaned = clean(report(id));
      const placed = cleaned.paragraphs.filter((p) => p.place !== 'unplaced');
      expect(placed.length + cleaned.unplaced.length).toBe(nonEmptyLines(cleaned.text));
    }
  });

  it('refers each snippet to exactly one paragraph, and each example paragraph to its snippet', () => {
    const result = clean(signedE());
    const examples = result.paragraphs.filter((p) => p.place === 'example');
    expect(examples.map((p) => p.snippet)).toEqual(result.snippets.map((_, i) => i));
    for (const p of examples) expect(result.snippets[p.snippet!]!.start).toBe(p.start);
  });

  it('tells the title, headings, sub-headings and signature apart', () => {
    const result = clean(signedE());
    const places = result.paragraphs.map((p) => p.place);
    expect(places[0]).toBe('title');
    expect(places.slice(-2)).toEqual(['meta', 'meta']);
    expect(places.filter((p) => p === 'section')).toHaveLength(3);
    const b = clean(report('B'));
    expect(b.paragraphs.filter((p) => p.place === 'topic')).toHaveLength(0);
    const withTopics = clean('一、主要工作\n（一）加强组织领导\n今年以来，我局认真落实意识形态工作责任制，专题研究部署三次。\n（二）强化理论学习\n全年组织中心组集中学习十二次，开展专题研讨四次。');
    expect(withTopics.paragraphs.map((p) => p.place)).toEqual(['section', 'topic', 'example', 'topic', 'example']);
  });

  it('reports the paragraphs it could not place, with their first words', () => {
    const text = ['一、主要工作', '现将有关情况报告如下：', '今年以来，我局认真落实意识形态工作责任制，专题研究部署三次。', '特此报告。'].join('\n');
    const result = clean(text);
    expect(result.unplaced.map((p) => p.preview)).toEqual(['现将有关情况报告如下：', '特此报告。']);
    expect(result.paragraphs.filter((p) => p.place !== 'unplaced').length + result.unplaced.length).toBe(4);
  });
});

describe('buildEditedTemplate', () => {
  it('takes the edited section and sub-heading titles into the titles and scaffolds', () => {
    const result = clean(signedE());
    const outline = result.outline.map((s) => ({ ...s, topics: s.topics.map((t) => ({ ...t })) }));
    outline[0]!.title = '主要工作开展情况';
    outline[0]!.topics[0]!.title = '压实意识形态工作责任';
    const built = buildEditedTemplate(result, outline, '意识形态半年报告');
    if ('error' in built) throw new Error(built.error);
    expect(built.template.name).toBe('意识形态半年报告');
    expect(built.template.sections[0]!.title).toBe('主要工作开展情况');
    expect(built.template.sections[0]!.scaffold.split('\n').slice(0, 2)).toEqual(['一、主要工作开展情况', '（一）压实意识形态工作责任']);
    expect(parseTemplate(built.template).ok).toBe(true);
  });

  it('refuses an empty title', () => {
    const result = clean(signedE());
    const outline = result.outline.map((s, i) => (i === 1 ? { ...s, title: '  ' } : s));
    expect('error' in buildEditedTemplate(result, outline, 'x')).toBe(true);
  });
});
