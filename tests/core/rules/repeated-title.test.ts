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
    // Exact copies of 16 characters or more are reported by duplicates, not here.
    { text: `关于2023年上半年意识形态工作责任制落实情况的报告\n关于2023年上半年意识形态工作责任制落实情况的报告\n${body}` },
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
