import { expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';

const body = '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。';

ruleTable(
  'repeated-title',
  [
    // The page's title, then the article's own title.
    { text: `2023年意识形态工作总结\n2023年意识形态工作总结\n${body}`, span: '2023年意识形态工作总结', fix: '' },
    // A page title with a site suffix, cruft between, the article's title below.
    {
      text: `意识形态工作情况自评报告\n时间:2023-08-14 21:04:17\n意识形态工作情况自评报告(全文共1402字)\n2021年上半年意识形态工作情况自评报告\n${body}`,
      span: '意识形态工作情况自评报告(全文共1402字)',
      fix: '',
    },
    {
      text: `意识形态工作情况自评报告\n时间:2023-08-14 21:04:17\n2021年上半年意识形态工作情况自评报告\n${body}`,
      span: '意识形态工作情况自评报告',
      fix: '',
    },
    // A title bar with the site's menu after a bar, shortened at its start.
    {
      text: `年意识形态工作总结(县市区级局)|2020年意识形态工作要点\n\n时间:2021-10-22 11:54:22 浏览量:\n\n2020 年意识形态工作总结(县市区级局)\n${body}`,
      span: '年意识形态工作总结(县市区级局)|2020年意识形态工作要点',
      fix: '',
    },
    // Three times, with 篇一 between; the first (with its （精选3篇）) stays.
    {
      text: `党支部工作总结（精选3篇）\n篇一\n党支部工作总结\n党支部工作总结\n${body}`,
      span: '党支部工作总结',
      fix: '',
    },
    // A menu index on the first copy: the later copy goes, the index too.
    { text: `1.2023年意识形态工作总结\n2023年意识形态工作总结\n${body}`, span: '2023年意识形态工作总结', fix: '' },
    { text: `统战部 2021 年上半年工作总结统战部 2021 年上半年工作总结 现将市委统战部上半年工作总结汇报如下：`, span: '统战部 2021 年上半年工作总结', fix: '' },
    // Repeated just below a preview paragraph.
    {
      text: `关于党组织标准化建设的工作总结\n公文搜 2021-07-09 11:23:16 组织\n关于党组织标准化建设的工作总结 为扎实推进基层党组织标准化建设，XX市坚持精准立标。\n关于党组织标准化建设的工作总结\n${body}`,
      span: '关于党组织标准化建设的工作总结',
      fix: '',
    },
    // A menu index in front of the title on the first line.
    { text: `1.2023年意识形态工作总结\n${body}`, span: '1.', fix: '' },
    { text: `1.2023年意识形态工作总结\n2023年意识形态工作总结\n${body}`, span: '1.', fix: '' },
    { text: `【2】关于2022年意识形态工作责任制落实情况的报告\n${body}`, span: '【2】', fix: '' },
    // Consecutive copies further down (a second article of a 精选 page).
    { text: `${body}\n\n党建工作小结\n党建工作小结\n${body.slice(4)}`, span: '党建工作小结', fix: '' },
  ],
  [
    { text: `2023年意识形态工作总结\n${body}` },
    { text: `关于2023年上半年意识形态工作责任制落实情况的报告\n${body}\n一、工作开展情况\n${body}` },
    // A heading that holds the title's words is a section, not a copy.
    { text: `2023年工作总结\n一、2023年工作总结\n${body}` },
    { text: `市政协办公室\n2025年意识形态工作总结\n${body}` },
    // A title and a different subtitle.
    { text: `2023年意识形态工作总结\n暨2024年工作计划\n${body}` },
    // A title word ending a sentence's first words is not a doubled title.
    { text: `工作总结工作总结得好，经验才能推广。${body}` },
    // Two different reports in one text, each with its own title.
    { text: `2022年意识形态工作总结\n${body}\n2023年意识形态工作总结\n${body.slice(2)}` },
    { text: `1.认真开展理论学习，全年组织中心组学习12次。\n${body}` },
  ],
);

it('leaves the title and the report once the copies and cruft are removed', () => {
  const text = `2023年意识形态工作总结（精选5篇）\n更新时间：2023-12-06  来源：网友投稿\n篇一\n2023年意识形态工作总结\n${body}`;
  const found = [...findingsOf('repeated-title', text), ...findingsOf('web-cruft', text)].sort((a, b) => b.start - a.start);
  let fixed = text;
  for (const f of found) fixed = applyFix(fixed, f);
  expect(fixed).toBe(`2023年意识形态工作总结\n${body}`);
});

it('takes the second copy of a title doubled at the start of a paragraph, and the index before it', () => {
  const text = '1、某局2022年意识形态工作责任制考核自评报告某局2022年意识形态工作责任制考核自评报告 2022年以来，某局党委围绕意识形态工作方案部署要求。';
  const found = findingsOf('repeated-title', text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['1、', '某局2022年意识形态工作责任制考核自评报告']);
  let fixed = text;
  for (const f of [...found].reverse()) fixed = applyFix(fixed, f);
  expect(fixed).toBe('某局2022年意识形态工作责任制考核自评报告 2022年以来，某局党委围绕意识形态工作方案部署要求。');
});

it('reports a long exact title copy once, as a repeated title and not also as a duplicate', () => {
  const text = `关于2023年上半年意识形态工作责任制落实情况的报告\n来源：网友投稿\n关于2023年上半年意识形态工作责任制落实情况的报告\n${body}`;
  const found = findingsOf('repeated-title', text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['关于2023年上半年意识形态工作责任制落实情况的报告']);
  expect(found[0]!.start).toBeGreaterThan(0);
  expect(findingsOf('duplicates', text)).toEqual([]);
});

it('takes the page summary snippet between two copies of the title', () => {
  const text = [
    '关于党组织标准化建设的工作总结',
    '公文搜 2021-07-09 11:23:16 组织',
    '关于党组织标准化建设的工作总结 为扎实推进基层党组织标准化建设,XX市坚持精准立标、精准对标、精准施策,创',
    '关于党组织标准化建设的工作总结',
    '为扎实推进基层党组织标准化建设,XX市坚持精准立标、精准对标、精准施策,创新开展季度“对标巡诊”。',
  ].join('\n');
  const spans = findingsOf('repeated-title', text).map((f) => text.slice(f.start, f.end));
  expect(spans).toEqual([
    '关于党组织标准化建设的工作总结 为扎实推进基层党组织标准化建设,XX市坚持精准立标、精准对标、精准施策,创',
    '关于党组织标准化建设的工作总结',
  ]);
});

it('leaves a report whose title runs into its body when no copy of the title follows', () => {
  expect(findingsOf('repeated-title', `2023年意识形态工作总结 ${body}\n${body.slice(3)}`)).toEqual([]);
});
