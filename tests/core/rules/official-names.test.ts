import { describe, expect, it } from 'vitest';
import { quotedSpans } from '../../../lib/core/rules/dictionary';
import { findingsOf, ruleTable } from './helpers';

ruleTable(
  'official-names',
  [
    { text: '深入学习贯彻党的十九五中全会精神,抓好党史学习教育', span: '十九五中全会', fix: '十九届五中全会' },
    { text: '把深入学习宣传贯彻党的十九届五中精神作为首要政治任务', span: '十九届五中', fix: '十九届五中全会' },
    { text: '开展学习《习近平总书记谈治国理政》等12个篇目', span: '习近平总书记谈治国理政', fix: '习近平谈治国理政' },
    { text: '及《习近平总书记系列重要讲话》、', span: '习近平总书记系列重要讲话', fix: '习近平总书记系列重要讲话读本' },
    { text: '认真学习《党委（党组）意识形态责任制实施办法》', span: '意识形态责任制', fix: '意识形态工作责任制' },
    { text: '扎实开展主体教育,确保取得实效。', span: '主体教育', fix: '主题教育' },
    { text: '转载xxx报有关脱贫攻坚主体宣传报道共420条', span: '主体宣传', fix: '主题宣传' },
    { text: '引导党员遵崇党章、遵守党规。', span: '遵崇党章', fix: '尊崇党章' },
    { text: '再接再励,推动工作再上新台阶。', span: '再接再励', fix: '再接再厉' },
    { text: '对重大事件及突发性问题及时尤其注重提前介入,防患未然', span: '防患未然', fix: '防患于未然' },
    { text: '牢牢掌握新闻报导主动权。', span: '报导', fix: '报道' },
    { text: '为全市社会稳定和长治久安做出更大的贡献。', span: '做出', fix: '作出' },
    // Names cut or dotted out, and nonstandard series names.
    { text: '以习新时代中国特色.主义思想为指导', span: '习新时代中国特色', fix: '习近平新时代中国特色' },
    { text: '坚持中国特色.主义道路', span: '中国特色.主义', fix: '中国特色社会主义' },
    { text: '深入学习贯彻.系列重要讲话精神', span: '.系列重要讲话精神', fix: '习近平总书记系列重要讲话精神' },
    { text: '深入贯彻落实党的十九大和十九届系列全会精神', span: '十九届系列全会', fix: '十九届历次全会' },
    { text: '扎实开展深入贯彻学习教育，', span: '深入贯彻学习教育', fix: '深入贯彻中央八项规定精神学习教育' },
    // The leader's name stripped from the standard formulations, as 范文 sites print them.
    { text: '坚持以新时代中国特色社会主义思想为指导，', span: '新时代中国特色社会主义思想', fix: '习近平新时代中国特色社会主义思想' },
    { text: '始终坚持以总书记新时代中国特色社会主义思想为指导', span: '总书记新时代中国特色社会主义思想', fix: '习近平新时代中国特色社会主义思想' },
    { text: '坚持以***新时代中国特色社会主义思想为指导', span: '***新时代中国特色社会主义思想', fix: '习近平新时代中国特色社会主义思想' },
    { text: '深入学习领会《新时代中国特色社会主义思想学习纲要》', span: '新时代中国特色社会主义思想', fix: '习近平新时代中国特色社会主义思想' },
    { text: '全局上下深入学习贯彻总书记系列重要讲话精神，', span: '总书记', fix: '习近平总书记' },
    { text: '建立理论学习中心组学习总书记重要讲话重要指示批示“第一议题”制度', span: '总书记', fix: '习近平总书记' },
    { text: '认真学习总书记关于意识形态工作的重要论述。', span: '总书记', fix: '习近平总书记' },
    { text: '深入学习领会《总书记关于党的建设的重要思想》', span: '总书记', fix: '习近平总书记' },
    { text: '把学习贯彻总书记来川视察重要指示精神作为首要政治任务', span: '总书记', fix: '习近平总书记' },
    { text: '牢记总书记嘱托，奋力谱写新篇章。', span: '总书记', fix: '习近平总书记' },
    { text: '深入学习贯彻生态文明思想，守护绿水青山。', span: '生态文明思想', fix: '习近平生态文明思想' },
    { text: '以法治思想为指导，推进依法行政。', span: '法治思想', fix: '习近平法治思想' },
    { text: '深入学习践行总书记文化思想', span: '总书记文化思想', fix: '习近平文化思想' },
    { text: '认真学习宣传强军思想，做好双拥工作。', span: '强军思想', fix: '习近平强军思想' },
    { text: '在思想上政治上行动上同以总书记同志为核心的党中央保持高度一致', span: '总书记同志', fix: '习近平同志' },
    { text: '更加紧密地团结在以***同志为核心的党中央周围', span: '***同志', fix: '习近平同志' },
  ],
  [
    { text: '深入学习贯彻党的十九届五中全会精神。' },
    { text: '认真学习党的十九大精神和十九届二中、三中全会精神。' },
    { text: '社区购买了《习近平谈治国理政(第二卷)》20本。' },
    { text: '落实《党委(党组)意识形态工作责任制实施办法》。' },
    { text: '扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。' },
    { text: '坚持以学生为主体教育引导。' },
    { text: '尊崇党章,遵守党规。' },
    { text: '做出来的成绩要经得起检验。' },
    { text: '新闻报道1232条。' },
    // Never inside a quoted document title: changing it would misquote the document.
    { text: '认真学习《关于做出进一步加强意识形态工作部署的决定》。' },
    { text: '转发《关于开展主体教育活动的通知》，' },
    { text: '转发《关于在全系统开展“再接再励”\n主题活动的通知' },
    // The full names, second mentions and other words that hold the same characters.
    { text: '坚持以习近平新时代中国特色社会主义思想为指导。' },
    { text: '坚持和发展新时代中国特色社会主义，推进新时代中国特色社会主义事业。' },
    { text: '走好新时代中国特色社会主义道路。' },
    { text: '中国特色社会主义是改革开放以来党的全部理论和实践的主题。' },
    { text: '深入学习贯彻习近平总书记重要讲话精神。' },
    { text: '深入学习贯彻习近平总书记关于意识形态工作的重要论述，把总书记重要指示精神落到实处。' },
    { text: '习近平总书记指出，意识形态工作是党的一项极端重要的工作。总书记强调，要加强阵地建设。' },
    { text: '学习贯彻习近平生态文明思想、习近平法治思想。' },
    { text: '深入学习习近平经济思想、法治思想。' },
    { text: '树立法治思想，增强法治观念。' },
    { text: '马克思主义经济思想是我们的理论基础。' },
    { text: '弘扬中华优秀传统文化思想精华。' },
    { text: '周恩来外交思想研究' },
    { text: '以习近平同志为核心的党中央' },
    { text: '以***同志为组长的领导小组' },
    // The short form is common in official writing outside the document's name.
    { text: '对全校所有二级党组织开展了年度意识形态责任制落实情况检查。' },
    { text: '深入贯彻中央八项规定精神学习教育' },
    { text: '深入学习贯彻党的二十届历次全会精神' },
    { text: '胡锦涛总书记重要讲话精神' },
    { text: '党总支书记重要讲话' },
  ],
);

describe('quoted titles', () => {
  it('finds each 《》 span once, nested marks inside it', () => {
    const text = '学习《关于〈决定〉的说明》和《条例》';
    const spans = quotedSpans(text);
    expect(spans).toEqual([2, 13, 14, 18]);
    expect(text.slice(spans[0], spans[1])).toBe('《关于〈决定〉的说明》');
  });

  it('takes a title torn by a line break as a title on both lines, within reach', () => {
    expect(quotedSpans('学习《关于做出')).toEqual([2, 7]);
    expect(quotedSpans('部署的决定》和')).toEqual([0, 6]);
  });

  it('still flags the same words just outside the title', () => {
    const text = '转发《关于开展学习活动的通知》，扎实开展主体教育。';
    expect(findingsOf('official-names', text).map((f) => text.slice(f.start, f.end))).toEqual(['主体教育']);
  });
});

describe('a doubled word inside a name', () => {
  it.each(['坚持和发展中国特色特色社会主义', '切实加强意识形态形态工作', '深入学习贯彻总书记总书记关于意识形态工作的重要论述'])(
    'is caught by repeated-word: %s',
    (text) => {
      expect(findingsOf('repeated-word', text).length).toBe(1);
    },
  );
});
