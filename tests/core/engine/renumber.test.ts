import { describe, expect, it } from 'vitest';
import { analyze, type StructureSuggestion } from '../../../lib/core/analyze';
import { renumberingEdits } from '../../../lib/core/coverage';
import { applyEdit, mergeEdits } from '../../../lib/core/edits';
import { markerNumberEdit } from '../../../lib/core/outline/markers';
import { parseOutline } from '../../../lib/core/outline/parse';
import { parseTemplate, type Template, type TemplateInput } from '../../../lib/core/template';
import { toJson } from '../../../lib/cli/main';
import { reportE } from './corpus';

const ANNUAL = { templateId: 'ideology-annual' };

/** The text after inserting the suggestion and applying its renumbering, as the panel does in one edit. */
const applied = (text: string, s: StructureSuggestion) =>
  applyEdit(text, mergeEdits(text, [{ start: s.offset, end: s.offset, text: s.text }, ...(s.renumber ?? [])])!);

/** What each renumbering edit replaces, and with what. */
const changes = (text: string, s: StructureSuggestion) => (s.renumber ?? []).map((e) => [text.slice(e.start, e.end), e.text]);

const numberingFindings = (text: string, options = ANNUAL) =>
  analyze(text, options).findings.filter((f) => /^outline-(repeat|gap|restart|duplicate)$/.test(f.ruleId));

// 一、二、三、 with 存在的问题 (the template's second section) missing: it goes between 一、 and 二、.
const WORK = '一、主要工作情况\n党组召开会议专题研究意识形态工作3次。';
const PLANS = '二、下一步工作打算\n继续加强理论学习。';
const REMARKS = '三、意见建议\n建议上级加强培训。';
const THREE = [WORK, PLANS, REMARKS].join('\n');

describe('structure suggestions renumber the headings after them', () => {
  it('turns 二、三、 into 三、四、 when the missing section belongs second', () => {
    const [s, ...rest] = analyze(THREE, ANNUAL).suggestions;
    expect(rest).toEqual([]);
    expect(s!.scaffold.startsWith('二、存在的问题\n')).toBe(true);
    expect(changes(THREE, s!)).toEqual([['二', '三'], ['三', '四']]);
  });

  it('leaves a report whose numbering reads 一、二、三、四、 with nothing left to flag', () => {
    const [s] = analyze(THREE, ANNUAL).suggestions;
    const after = applied(THREE, s!);
    expect(after).toContain('\n二、存在的问题\n');
    expect(after).toContain('\n三、下一步工作打算\n');
    expect(after).toContain('\n四、意见建议\n');
    expect(numberingFindings(after)).toEqual([]);
    expect(analyze(after, ANNUAL).suggestions).toEqual([]);
  });

  it('renumbers a corpus report whose 下步打算 was numbered 二、 without a 存在的问题 section', () => {
    const lines = reportE().split('\n');
    const text = [...lines.slice(0, 7), lines[9]!.replace('三、', '二、'), lines[10]!].join('\n');
    const [s] = analyze(text, ANNUAL).suggestions;
    expect(changes(text, s!)).toEqual([['二', '三']]);
    expect(applied(text, s!)).toMatch(/\n二、存在的问题\n[^]*\n三、下步打算\n/);
  });

  it('leaves the （一）（二） headings nested under the renumbered sections as they are', () => {
    const text = [
      '一、主要工作情况', '（一）压实责任。召开党组会议专题研究3次。', '（二）抓好学习。',
      '二、下一步工作打算', '（一）继续加强学习。', '（二）加强阵地管理。',
      '三、意见建议', '（一）加强培训。',
    ].join('\n');
    const [s] = analyze(text, ANNUAL).suggestions;
    expect(changes(text, s!)).toEqual([['二', '三'], ['三', '四']]);
    const after = applied(text, s!);
    expect(after).toContain('三、下一步工作打算\n（一）继续加强学习。\n（二）加强阵地管理。\n四、意见建议\n（一）加强培训。');
    expect(numberingFindings(after)).toEqual([]);
  });

  it('stops at a heading that does not follow in sequence (三、 then 五、)', () => {
    const text = [THREE, '五、附件\n略。'].join('\n');
    const [s] = analyze(text, ANNUAL).suggestions;
    expect(changes(text, s!)).toEqual([['二', '三'], ['三', '四']]);
    expect(applied(text, s!)).toContain('\n五、附件');
  });

  it('stops at a restart (a pasted copy numbered 一、 again)', () => {
    const text = [THREE, WORK].join('\n');
    const [s] = analyze(text, ANNUAL).suggestions;
    expect(changes(text, s!)).toEqual([['二', '三'], ['三', '四']]);
    expect(applied(text, s!).endsWith(`\n${WORK}`)).toBe(true);
  });

  it('renumbers the first section too when the missing one goes before it', () => {
    const text = '一、存在的问题\n学习还不够深入。\n二、下一步工作打算\n继续加强学习。';
    const [s] = analyze(text, ANNUAL).suggestions;
    expect(s!.offset).toBe(0);
    expect(s!.scaffold.startsWith('一、主要工作情况')).toBe(true);
    expect(changes(text, s!)).toEqual([['一', '二'], ['二', '三']]);
    expect(applied(text, s!)).toMatch(/^一、主要工作情况\n[^]*\n二、存在的问题\n学习还不够深入。\n三、下一步工作打算\n/);
  });

  it('renumbers a run of （一） sections in a report whose top level is （一）', () => {
    const template: TemplateInput = {
      schemaVersion: 1,
      id: 'office-brief',
      version: 1,
      name: '情况简报',
      kinds: ['情况简报'],
      sections: [
        { id: 'work', title: '工作开展情况', required: true, absorbsUnmatched: true, scaffold: '（一）工作开展情况\n{{情况}}。' },
        { id: 'problems', title: '存在的问题', required: true, scaffold: '（二）存在的问题\n{{问题}}。' },
        { id: 'plans', title: '下一步打算', required: true, scaffold: '（三）下一步打算\n{{打算}}。' },
      ],
    };
    const parsedTemplate = parseTemplate(template);
    if (!parsedTemplate.ok) throw new Error('template');
    const options = { templateId: 'office-brief', templates: [parsedTemplate.template] as Template[] };
    const text = '(一)工作开展情况\n完成了年度任务。\n(二)下一步打算\n继续努力。\n(三)其他事项\n无。';
    const [s] = analyze(text, options).suggestions;
    expect(s!.scaffold.startsWith('（二）存在的问题')).toBe(true);
    expect(changes(text, s!)).toEqual([['二', '三'], ['三', '四']]);
    expect(applied(text, s!)).toContain('\n(三)下一步打算\n继续努力。\n(四)其他事项');
    expect(numberingFindings(applied(text, s!), options)).toEqual([]);
  });

  describe('a report needing no renumbering gets no edits', () => {
    it('when the heading after the insertion already carries the next number', () => {
      const lines = reportE().split('\n');
      const text = [...lines.slice(0, 7), ...lines.slice(9)].join('\n');
      const [s] = analyze(text, ANNUAL).suggestions;
      expect(s!.scaffold.startsWith('二、')).toBe(true);
      expect(s!.renumber).toBeUndefined();
    });

    it('when the section goes at the end', () => {
      const text = [WORK, '二、存在的问题\n学习不深。'].join('\n');
      const [s] = analyze(text, ANNUAL).suggestions;
      expect(s!.offset).toBe(text.length);
      expect(s!.renumber).toBeUndefined();
    });

    it('when the scaffold fills an empty field (it carries no heading)', () => {
      const fields = [
        { key: 'work', sectionId: 'main-work', text: '一、主要工作情况\n召开党组会议专题研究3次。\n二、存在的问题\n学习不深。' },
        { key: 'plans', sectionId: 'next-steps', text: '' },
      ];
      const [s] = analyze(fields, ANNUAL).suggestions;
      expect(s).toMatchObject({ fieldKey: 'plans', offset: 0 });
      expect(s!.renumber).toBeUndefined();
    });
  });

  describe('several suggestions for one text', () => {
    // Four required sections; the report has the first and the last, so two go between them.
    const input: TemplateInput = {
      schemaVersion: 1,
      id: 'four-parts',
      version: 1,
      name: '四段式报告',
      kinds: ['四段式报告'],
      sections: ['甲', '乙', '丙', '丁'].map((name, i) => ({
        id: `part-${i + 1}`,
        title: `${name}部分`,
        required: true,
        scaffold: `${'一二三四'[i]}、${name}部分\n{{${name}}}。`,
      })),
    };
    const result = parseTemplate(input);
    if (!result.ok) throw new Error('template');
    const options = { templateId: 'four-parts', templates: [result.template] };
    const text = '一、甲部分\n内容一。\n二、丁部分\n内容四。';

    it('gives each its own renumbering against the current text', () => {
      const [b, c] = analyze(text, options).suggestions;
      expect([b!.scaffold.split('\n')[0], c!.scaffold.split('\n')[0]]).toEqual(['二、乙部分', '三、丙部分']);
      expect(changes(text, b!)).toEqual([['二', '三']]);
      expect(changes(text, c!)).toEqual([['二', '四']]);
    });

    it('ends with 一、二、三、四、 whichever is inserted first, analysing again after each', () => {
      for (const firstIndex of [0, 1]) {
        let current = text;
        current = applied(current, analyze(current, options).suggestions[firstIndex]!);
        const [next, ...none] = analyze(current, options).suggestions;
        expect(none).toEqual([]);
        current = applied(current, next!);
        expect(current.split('\n').filter((line) => /^[一二三四五]、/.test(line))).toEqual(['一、甲部分', '二、乙部分', '三、丙部分', '四、丁部分']);
        expect(numberingFindings(current, options)).toEqual([]);
      }
    });
  });

  describe('a report split over fields', () => {
    it('gives the edits relative to the field the suggestion goes into', () => {
      const fields = [
        { key: 'unit', label: '单位概况', text: '本单位共有党员56名。' },
        { key: 'body', label: '报告正文', text: THREE },
      ];
      const [s] = analyze(fields, ANNUAL).suggestions;
      expect(s!.fieldKey).toBe('body');
      expect(changes(THREE, s!)).toEqual([['二', '三'], ['三', '四']]);
      expect(applied(THREE, s!)).toContain('\n三、下一步工作打算\n继续加强理论学习。\n四、意见建议');
    });

    it('does not reach into the next field', () => {
      const fields = [
        { key: 'body', label: '报告正文', text: [WORK, PLANS].join('\n') },
        { key: 'remarks', label: '其他', text: REMARKS },
      ];
      const [s] = analyze(fields, ANNUAL).suggestions;
      expect(s!.fieldKey).toBe('body');
      expect(changes(fields[0]!.text, s!)).toEqual([['二', '三']]);
      expect(s!.renumber!.every((e) => e.end <= fields[0]!.text.length)).toBe(true);
    });
  });

  it('is part of the suggestions in the CLI --json output, with the existing keys unchanged', () => {
    const json = JSON.parse(toJson(analyze(THREE, ANNUAL), 'zh_CN')) as {
      coverage: { suggestions: Array<Record<string, unknown>> };
    };
    const [s] = json.coverage.suggestions;
    expect(Object.keys(s!)).toEqual(['sectionId', 'sectionTitle', 'reason', 'scaffold', 'offset', 'text', 'renumber']);
    expect(s!.renumber).toEqual([
      { start: THREE.indexOf('二、'), end: THREE.indexOf('二、') + 1, text: '三' },
      { start: THREE.indexOf('三、'), end: THREE.indexOf('三、') + 1, text: '四' },
    ]);
  });
});

describe('renumberingEdits', () => {
  const NESTED = [
    '一、主要工作情况', '（一）压实责任。', '1.成立领导小组。', '2.制定责任清单。', '（二）强化阵地管理。', '（三）加强队伍建设。',
    '二、存在的问题', '（一）学习不深。', '（二）阵地有短板。',
  ].join('\n');

  it('renumbers a nested （一） run up to the end of its section', () => {
    const parsed = parseOutline(NESTED);
    const offset = NESTED.indexOf('\n（二）强化');
    const edits = renumberingEdits(parsed, { offset, kind: 'h2', value: 2 });
    expect(edits.map((e) => [NESTED.slice(e.start, e.end), e.text])).toEqual([['二', '三'], ['三', '四']]);
  });

  it('skips the 1. 2. headings nested inside the run', () => {
    const parsed = parseOutline(NESTED);
    const offset = NESTED.indexOf('\n（一）压实');
    const edits = renumberingEdits(parsed, { offset, kind: 'h2', value: 1 });
    expect(edits.map((e) => NESTED.slice(e.start, e.end))).toEqual(['一', '二', '三']);
    expect(edits.every((e) => e.end <= NESTED.indexOf('二、存在'))).toBe(true);
  });

  it('renumbers a run of 1. headings and keeps how each is written', () => {
    const text = '（一）压实责任。\n1.成立领导小组。\n２．制定责任清单。\n3、明确分工。';
    const offset = text.indexOf('\n1.');
    const edits = renumberingEdits(parseOutline(text), { offset, kind: 'h3', value: 1 });
    expect(applyEdit(text, mergeEdits(text, [{ start: offset, end: offset, text: '\n1.新增一条。' }, ...edits])!)).toBe(
      '（一）压实责任。\n1.新增一条。\n2.成立领导小组。\n３．制定责任清单。\n4、明确分工。',
    );
  });

  it('does not count the inline 一是…二是… enumeration as headings', () => {
    const text = '一、主要工作情况\n一是加强学习；二是强化管理。\n二、存在的问题\n不足。';
    const offset = text.indexOf('\n二、');
    const edits = renumberingEdits(parseOutline(text), { offset, kind: 'h1', value: 2 });
    expect(edits.map((e) => [text.slice(e.start, e.end), e.text])).toEqual([['二', '三']]);
  });

  it('stops at a new report’s title line, even where the next number would follow', () => {
    const text = '一、主要工作情况\n二、存在的问题\n关于2026年上半年意识形态工作责任制落实情况的报告\n三、下一步工作打算';
    const offset = text.indexOf('\n二、');
    const edits = renumberingEdits(parseOutline(text), { offset, kind: 'h1', value: 2 });
    expect(edits).toHaveLength(1);
  });

  it('stops at the end of the range it is given', () => {
    const text = '一、主要工作情况\n二、存在的问题\n三、下一步工作打算';
    const offset = text.indexOf('\n二、');
    const edits = renumberingEdits(parseOutline(text), { offset, kind: 'h1', value: 2, start: 0, end: text.indexOf('\n三、') });
    expect(edits.map((e) => text.slice(e.start, e.end))).toEqual(['二']);
  });

  it('makes no edit for the inline enumeration itself', () => {
    expect(renumberingEdits(parseOutline('一是学习；二是管理。'), { offset: 0, kind: 'item', value: 1 })).toEqual([]);
  });
});

describe('markerNumberEdit', () => {
  const cases: Array<[string, Parameters<typeof markerNumberEdit>[1], number, string]> = [
    ['二、', 'h1', 3, '三、'],
    ['九、', 'h1', 10, '十、'],
    ['十、', 'h1', 11, '十一、'],
    ['（二）', 'h2', 3, '（三）'],
    ['(二)', 'h2', 3, '(三)'],
    ['9.', 'h3', 10, '10.'],
    ['２．', 'h3', 3, '３．'],
    ['2、', 'h3', 3, '3、'],
    ['（2）', 'h4', 3, '（3）'],
    ['②', 'circled', 3, '③'],
  ];
  for (const [marker, kind, value, expected] of cases) {
    it(`renumbers ${marker} to ${expected}`, () => {
      expect(applyEdit(marker, markerNumberEdit(marker, kind, value)!)).toBe(expected);
    });
  }

  it('refuses a number the marker cannot carry', () => {
    expect(markerNumberEdit('⑳', 'circled', 21)).toBeUndefined();
    expect(markerNumberEdit('99.', 'h3', 100)).toBeUndefined();
    expect(markerNumberEdit('二是', 'item', 3)).toBeUndefined();
  });
});

describe('mergeEdits', () => {
  it('makes one replacement from an insertion and the edits after it', () => {
    const text = '甲二乙三丙';
    const fix = mergeEdits(text, [{ start: 1, end: 2, text: '三' }, { start: 1, end: 1, text: '新' }, { start: 3, end: 4, text: '四' }])!;
    expect(fix).toEqual({ start: 1, end: 4, text: '新三乙四' });
    expect(applyEdit(text, fix)).toBe('甲新三乙四丙');
  });

  it('refuses overlapping edits', () => {
    expect(mergeEdits('abcdef', [{ start: 1, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }])).toBeUndefined();
  });

  it('refuses an edit outside the text', () => {
    expect(mergeEdits('abc', [{ start: 2, end: 5, text: 'x' }])).toBeUndefined();
    expect(mergeEdits('abc', [{ start: -1, end: 0, text: 'x' }])).toBeUndefined();
  });

  it('has nothing to merge without edits', () => {
    expect(mergeEdits('abc', [])).toBeUndefined();
  });
});
