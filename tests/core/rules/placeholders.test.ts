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
    // A single X where a name or a figure belongs: between Chinese characters, before a space or a line end.
    { text: '区X局党组高度重视意识形态工作', span: 'X' },
    { text: '共开展x次专题学习', span: 'x' },
    { text: '截至X月底，已发布信息', span: 'X' },
    { text: '第X次党组会议', span: 'X' },
    { text: '由X同志负责', span: 'X' },
    { text: '结合与 X 业务工作实际', span: 'X' },
    { text: '坚定不移推进 X 政治生态建设', span: 'X' },
    { text: '联系人：X', span: 'X' },
    { text: '分管领导：X，负责日常工作', span: 'X' },
    { text: 'X 年 X 月，召开专题会议', span: 'X' },
    { text: '于20X年召开', span: '20X' },
    // A single 某 before a unit word, where the writer's own unit belongs.
    { text: '某局2022年意识形态工作责任制考核自评报告', span: '某' },
    { text: '经自查，某局党委高度重视', span: '某' },
    { text: '实现某镇乡村振兴', span: '某' },
    { text: '某县委宣传部关于意识形态工作的报告', span: '某' },
    { text: '某单位在检查中发现问题。', span: '某' },
    { text: '某部门牵头负责舆情处置', span: '某' },
    { text: '由某同志具体负责', span: '某' },
    { text: '为某县2025年高质量发展提供保障', span: '某' },
    { text: '某局制定了意识形态工作方案和舆情应急预案', span: '某' },
    // A note to the writer left in brackets.
    { text: '制定《*(意识形态工作相关文件、方案,请结合实际添加)》', span: '(意识形态工作相关文件、方案,请结合实际添加)' },
    { text: '主要做法（请根据本单位实际填写）如下', span: '（请根据本单位实际填写）' },
    { text: '学习内容（请结合实际）', span: '（请结合实际）' },
    // A year left half blank.
    { text: '20_年意识形态工作总结', span: '20_' },
    { text: '2_23年上半年', span: '2_23' },
    { text: '202_年工作要点', span: '202_' },
    { text: '〔20__〕5号', span: '20__' },
  ],
  [
    { text: '在市政府网站县区传真栏目发布信息326条,图片900多幅。' },
    { text: '开展学习12次,组织集中学习31次。' },
    { text: '二〇二一年七月一日' },
    { text: '使用Linux和Xbox的单位' },
    { text: '对一些苗头性问题努力做到早预见、早发现……' },
    { text: '宣传栏、微信公众号、网站等。' },
    // 某 in real words, and in a case told without names (通报, 警示, 违纪 nearby).
    { text: '某些同志对意识形态工作认识不足' },
    { text: '在某种程度上存在重业务轻思想的倾向' },
    { text: '某个环节、某项工作、某一方面存在短板' },
    { text: '某方面的工作还有差距' },
    { text: '通报了某县某局干部违规收受礼金的典型案例' },
    { text: '某单位干部在网上发表不当言论被查处' },
    { text: '近期某县一名干部在微信群发表不当言论' },
    { text: '如某单位宣传栏内容长期不更新' },
    { text: '组织观看某市场监管局违纪案件警示教育片' },
    { text: '某市民反映的问题已经解决' },
    { text: '某委员在会上提出建议' },
    { text: '某局部地区出现苗头性问题' },
    // X in real words and Latin words.
    { text: '配备X光机和X射线安检设备，开展X线检查' },
    { text: '老旧电脑仍使用Windows XP系统' },
    { text: '用Excel表格统计、用WPS排版' },
    { text: 'box、fox、tax等英文单词' },
    { text: '按X型、Y型两种规格' },
    { text: 'Mac OS X 系统' },
    { text: '（根据实际情况，各单位可增加学习内容）' },
    { text: '各支部请结合实际，认真抓好落实（见附件）' },
    // Figures and years.
    { text: '2023年上半年' },
    { text: '文件编号为2023_05_01' },
    { text: 'snake_case变量名' },
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
