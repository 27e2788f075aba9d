import { expect, it } from 'vitest';
import { findingsOf, ruleTable } from './helpers';

ruleTable(
  'placeholders',
  [
    { text: '坚持充实意识形态工作力量,副主任xx负责意识形态工作', span: 'xx' },
    { text: '树好中国xxx网窗口外宣形象', span: 'xxx' },
    { text: 'xx年,党组中心组围绕党章、党规开展学习12次', span: 'xx' },
    { text: '今年以来,__社区以十九大精神为指引', span: '__' },
    { text: '全年召开专题会议X次。', span: 'X' },
    { text: '于20XX年X月X日召开', span: '20XX年X月X日' },
    { text: '截至201x年底', span: '201x' },
    { text: '**局关于意识形态工作的报告', span: '**' },
    { text: '*年*月*日', span: '*年*月*日' },
    { text: '由＿＿＿＿同志负责', span: '＿＿＿＿' },
    { text: '某某同志在会上作了发言', span: '某某' },
    { text: '标题：【】', span: '【】' },
    { text: '（此处填写单位名称）高度重视意识形态工作', span: '（此处填写单位名称）' },
    { text: '全面抓好《.....党组工作条例(试行)》的贯彻落实', span: '.....' },
    { text: '机关广大...员经过佩戴党徽活动亮明了身份。', span: '...' },
    { text: '转载xxx报和电视台xxx新闻共有40条……切实提高了群众参与的意识', span: '……' },
    { text: '一是……二是……', span: '……' },
    { text: '□□镇党委', span: '□□' },
    { text: '存在的问题：一是{{问题一}}；', span: '{{问题一}}' },
    { text: '{{单位名称}}高度重视意识形态工作', span: '{{单位名称}}' },
    { text: '报告期：｛｛报告期｝｝', span: '｛｛报告期｝｝' },
  ],
  [
    { text: '在市政府网站县区传真栏目发布信息326条,图片900多幅。' },
    { text: '开展学习12次,组织集中学习31次。' },
    { text: '二〇二一年七月一日' },
    { text: '使用Linux和Xbox的单位' },
    { text: '对一些苗头性问题努力做到早预见、早发现……' },
    { text: '宣传栏、微信公众号、网站等。' },
    { text: '某单位在检查中发现问题。' },
    { text: '面积3×4米。' },
    { text: '集合{1,2,3}中的元素' },
    { text: '大括号{}里没有内容' },
  ],
);

it('marks every placeholder as blocking', () => {
  const found = findingsOf('placeholders', '副主任xx负责,召开X次会议');
  expect(found.map((f) => f.severity)).toEqual(['blocking', 'blocking']);
});

it('offers no fix, since only the writer knows the value', () => {
  expect(findingsOf('placeholders', '副主任xx负责').every((f) => f.fix === undefined)).toBe(true);
});

it('reports placeholders that touch or make up one date as one blank, and those apart separately', () => {
  const text = '负责人xx____，电话（ ）【】，日期____年____月';
  const spans = findingsOf('placeholders', text).map((f) => text.slice(f.start, f.end));
  expect(spans).toEqual(['xx____', '（ ）【】', '____年____月']);
});
