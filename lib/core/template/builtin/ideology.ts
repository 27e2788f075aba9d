// 意识形态工作责任制落实情况报告 — the sections and topics are those the corpus's reports actually carry (主体
// 责任 and 领导小组, 纳入党建工作责任制, 中心组学习 with its count, 阵地管理 from 宣传栏 to 网站 and 三审, 网络舆情,
// 民主生活会和述职, 队伍, 责任追究, then 存在的问题 and 下一步打算), checked against the points the 责任制 asks
// a unit to report on. Three variants share them: 半年 (下半年打算), 年度 (述职 and 民主生活会 required) and 自查
// (自查情况, 整改措施).
import type { TemplateInput } from '../schema';

type TopicInput = NonNullable<TemplateInput['sections'][number]['topics']>[number];

// Each topic is found by meaning, not by one word: its keywords (any of them alone), phrase sets (a word that
// counts only next to a companion word in the same sentence: 讲座 is 阵地管理 beside 审批 or 管理, 分析 is 研判
// beside 形势 or 风险) and excluded phrases (专题讲座 is a lesson, not 阵地管理). The wordings are those real
// reports use: 政治责任和领导责任 for 主体责任, 系统分析 and 会商 for 研判, 阵地建设 and 宣传阵地 for 阵地管理.
/** Words of report-giving, counted for 向上级报告 only beside the one reported to. */
const REPORTED_TO = [
  '上级党组织', '上级党委', '上级部门', '上级主管', '主管部门', '向县委', '向市委', '向区委', '向州委', '向盟委', '向旗委', '向省委',
  '向党委', '向党工委', '向工委', '向机关党委', '向党组', '向局党组', '向宣传部', '向教育局', '向上一级',
];

const responsibilityTopics = (variant: 'half' | 'annual' | 'self-check'): TopicInput[] => [
  {
    id: 'principal-responsibility',
    title: '落实主体责任',
    keywords: [
      '主体责任', '政治责任', '领导责任', '第一责任人', '一岗双责', '领导小组', '责任清单', '任务清单', '直接责任', '负总责',
      '亲自抓', '亲自部署', '亲自过问', '带头抓', '责任分工', '责任体系', '工作专班', '分管领导', '责任制清单', '责任田', '责任书',
      '书记抓', '抓书记', '齐抓共管',
    ],
    // 落实 … 责任 alone is every report's opening sentence (全面落实意识形态工作责任制); these verbs are not.
    phrases: [{ words: ['压实', '压紧', '扛起', '扛牢', '扛稳', '担起', '担负', '履行'], with: ['责任'] }],
  },
  {
    id: 'agenda-and-assessment',
    title: '纳入议事日程、党建工作责任制和考核',
    keywords: [
      '议事日程', '重要议程', '党建工作责任制', '党建责任制', '目标管理', '目标责任', '绩效考核', '考核内容', '考核指标', '同考核', '同部署',
      '同检查', '年度考核', '考核评价', '实绩考核', '综合考核', '党建考核', '考核体系', '纳入考核', '重要位置', '突出位置',
    ],
    phrases: [{ words: ['纳入', '列入', '作为'], with: ['考核', '日程', '重要内容', '核心内容', '责任制', '党建'] }],
  },
  {
    id: 'special-study',
    title: '专题研究部署（次数）',
    keywords: [
      '专题研究', '研究部署', '专题部署', '专题会议', '党组会议', '党委会议', '常委会', '党组会', '党委会', '支委会', '支部委员会会议',
      '党员大会', '班子会议', '班子会', '扩大会议', '扩大）会议', '扩大)会议', '研究意识形态', '研究了意识形态', '部署意识形态',
      '听取意识形态', '听取了意识形态',
    ],
    figures: true,
  },
  {
    id: 'situation-analysis',
    title: '分析研判意识形态领域形势',
    keywords: ['分析研判', '研判', '形势分析', '专题分析', '会商', '通报意识形态', '风险排查', '苗头性', '倾向性问题'],
    phrases: [
      {
        words: ['分析', '系统分析', '综合分析', '排查', '通报'],
        // Not 意识形态 alone: an opening sentence holds it next to any verb.
        with: ['形势', '动态', '风险', '隐患', '领域情况', '思想状况', '思想动态', '苗头', '舆情', '态势', '意识形态领域', '意识形态状况', '意识形态情况'],
      },
    ],
  },
  {
    id: 'report-upward',
    title: '向上级党组织报告意识形态工作',
    keywords: ['向上级', '专题报告', '专题汇报', '报告意识形态工作', '汇报意识形态工作', '请示报告', '书面报告'],
    phrases: [{ words: ['报告', '汇报', '报送', '请示'], with: REPORTED_TO }],
    // A lecture (专题报告会) is a platform to manage, not a report to the level above.
    exclude: ['专题报告会'],
    required: variant !== 'half',
  },
  {
    id: 'study-group',
    title: '理论学习中心组学习（次数，第一议题）',
    keywords: ['中心组', '第一议题', '集中学习', '读书班', '学习研讨', '交流研讨'],
    figures: true,
    // A 党支部 or a primary or secondary school has no 党委(党组)理论学习中心组.
    notFor: ['branch', 'school'],
  },
  {
    id: 'branch-study',
    title: '理论学习（三会一课、主题党日、集中学习）',
    keywords: [
      '三会一课', '主题党日', '集中学习', '理论学习', '政治学习', '专题学习', '学习研讨', '第一议题', '党课', '支部学习', '学习强国', '学习教育',
    ],
    units: ['branch', 'school'],
  },
  {
    id: 'position-management',
    title: '阵地管理（报告会、研讨会、讲座论坛、宣传栏、网站，三审三校）',
    keywords: [
      '阵地管理', '管阵地', '阵地建设', '宣传阵地', '网络阵地', '意识形态阵地', '思想阵地', '文化阵地', '舆论阵地', '主阵地', '宣传栏', '宣传廊',
      '宣传橱窗', '橱窗', '电子屏', '显示屏', '门户网站', '政府网站', '网站', '三审三校', '三审制', '审核把关', '一会一报', '一事一报',
      '出版物', '内部刊物', '内刊', '校报', '校园网', '校园广播', '广播站', '图书室', '阅览室', '农家书屋',
      '文化墙', '道德讲堂', '新时代文明实践', '宣传标语',
    ],
    phrases: [
      {
        words: ['报告会', '研讨会', '讲座', '论坛', '讲坛', '讲堂', '宣传品', '横幅', '标语', '课堂', '教材', '讲台'],
        with: ['审批', '报备', '备案', '审核', '把关', '管理', '报批', '登记', '阵地', '监管', '审查', '规范', '选用'],
      },
    ],
    // A lecture held for study is no platform managed.
    exclude: ['专题讲座', '辅导讲座', '专家讲座'],
  },
  {
    id: 'online-ideology',
    title: '网络意识形态（公众号、政务新媒体、网评员）',
    keywords: [
      '网络意识形态', '公众号', '政务新媒体', '新媒体', '网评员', '网评', '微信群', '工作群', 'QQ群', '互联网', '网络阵地', '微博', '抖音',
      '视频号', '自媒体', '网信', '网络安全', '网络空间', '网络文明', '网络舆论', '网络宣传', '网络平台', '清朗',
    ],
    phrases: [{ words: ['网络'], with: ['管理', '监管', '引导', '阵地', '安全', '舆论', '舆情', '言论', '信息'] }],
  },
  {
    id: 'public-opinion',
    title: '舆情监测与处置',
    keywords: [
      '舆情', '突发性问题', '热点问题', '社会关切', '敏感信息', '敏感问题', '负面信息', '突发事件', '应急处置', '网络谣言', '谣言', '网络舆论',
    ],
    // 监测 and 处置 alone are any monitoring (环境监测) and any handling; 舆论 alone is the opening sentence's
    // 思想引领、舆论推动 or 舆论导向.
    phrases: [
      {
        words: ['监测', '处置', '舆论', '舆论引导', '回应'],
        with: ['舆情', '网络', '网上', '突发', '敏感', '负面', '热点', '苗头', '事件', '关切', '应对', '谣言'],
      },
    ],
  },
  {
    id: 'life-meeting-and-report',
    title: '纳入民主生活会和述职',
    keywords: ['民主生活会', '组织生活会', '述职', '述责述廉', '对照检查', '述职评议'],
    required: variant !== 'half',
  },
  {
    id: 'team-and-training',
    title: '队伍建设与培训',
    keywords: [
      '队伍建设', '培训', '轮训', '宣传干部', '通讯员', '宣传员', '信息员', '讲师团', '宣讲团', '宣讲员', '理论骨干', '骨干力量', '业务能力', '强队伍',
    ],
    // 队伍 alone is any body of people (锤炼队伍, 党员队伍).
    phrases: [{ words: ['队伍', '人才'], with: ['网评', '理论', '骨干', '培训', '通讯', '素质', '能力', '专业化'] }],
  },
  {
    id: 'erroneous-trends-and-religion',
    title: '抵制错误思潮，宗教领域工作',
    keywords: [
      '错误思潮', '错误观点', '错误言论', '历史虚无主义', '宗教', '敢于斗争', '斗争精神', '亮剑', '政治谣言', '邪教', '有害信息', '不良信息',
      '西方价值观', '意识形态斗争', '抵御', '抵制', '反渗透',
    ],
    // 渗透 alone is also 'to pervade' (把意识形态工作渗透到各个环节).
    phrases: [{ words: ['渗透'], with: ['防范', '抵御', '宗教', '境外', '敌对', '非法', '抵制'] }],
    required: variant === 'annual',
  },
  {
    id: 'accountability',
    title: '责任追究',
    keywords: ['责任追究', '问责', '追责', '一案三查', '倒查', '追究', '约谈', '诫勉', '通报批评', '严肃处理', '一票否决'],
  },
];

const mainWorkScaffold = (selfCheck: boolean): string =>
  [
    selfCheck ? '一、自查情况' : '一、主要工作情况',
    '（一）压实意识形态工作主体责任。{{单位名称}}党组（党委）把意识形态工作摆上重要议事日程，纳入党建工作责任制和领导班子、领导干部目标管理的重要内容。党组（党委）书记履行第一责任人职责，班子成员落实“一岗双责”。报告期内召开党组（党委）会议专题研究意识形态工作{{次数}}次，定期分析研判意识形态领域形势，并按要求向上级党组织专题报告。',
    '（二）加强理论武装。严格执行理论学习中心组学习制度，落实“第一议题”制度，报告期内组织中心组集中学习{{次数}}次。',
    '（三）强化阵地管理。对报告会、研讨会、讲座论坛、宣传栏和门户网站、政务新媒体实行严格管理，落实“三审三校”制度，做到守土有责、守土负责、守土尽责。',
    '（四）做好网络舆情工作。加强网络意识形态管理和网评员队伍建设，健全舆情监测、研判和处置机制，及时回应社会关切。',
    '（五）严格考核和责任追究。把意识形态工作纳入民主生活会和述职内容，对落实不力的严肃问责。',
  ].join('\n');

const problemsScaffold = [
  '二、存在的问题',
  '对照意识形态工作责任制要求，我们的工作还存在一些差距和不足：一是{{问题一}}；二是{{问题二}}；三是{{问题三}}。',
].join('\n');

const nextStepsScaffold = (variant: 'half' | 'annual' | 'self-check'): string =>
  [
    variant === 'half' ? '三、下半年工作打算' : variant === 'self-check' ? '三、整改措施及下一步打算' : '三、下一步工作打算',
    variant === 'self-check'
      ? '针对自查发现的问题，逐项明确整改措施、责任人和完成时限，确保整改到位：一是{{措施一}}；二是{{措施二}}；三是{{措施三}}。'
      : '我们将坚持以习近平新时代中国特色社会主义思想为指导，进一步压紧压实意识形态工作责任：一是{{打算一}}；二是{{打算二}}；三是{{打算三}}。',
  ].join('\n');

function ideologyTemplate(variant: 'half' | 'annual' | 'self-check'): TemplateInput {
  const selfCheck = variant === 'self-check';
  const label = variant === 'half' ? '半年' : variant === 'annual' ? '年度' : '自查';
  return {
    schemaVersion: 1,
    id: `ideology-${variant}`,
    version: 2,
    name: `意识形态工作责任制落实情况报告（${label}）`,
    kinds: ['意识形态工作责任制落实情况报告', '意识形态工作情况报告', '意识形态工作总结'],
    variant,
    sections: [
      {
        id: 'main-work',
        title: selfCheck ? '自查情况' : '主要工作情况',
        synonyms: [
          '主要工作情况', '工作开展情况', '主要做法及成效', '主要做法和成效', '主要工作情景', '主要工作及成效',
          '主要工作开展情况', '工作落实情况', '责任制落实情况', '自查情况', '基本情况', '主要做法',
        ],
        level: 1,
        required: true,
        absorbsUnmatched: true,
        topics: responsibilityTopics(variant),
        scaffold: mainWorkScaffold(selfCheck),
      },
      {
        id: 'problems',
        title: '存在的问题',
        synonyms: ['存在的问题', '存在问题', '存在的不足', '问题和不足', '不足之处', '差距和不足', '困难和问题', '存在的主要问题'],
        titleKeywords: ['问题', '不足', '差距', '短板'],
        level: 1,
        required: true,
        scaffold: problemsScaffold,
      },
      {
        id: 'next-steps',
        title: selfCheck ? '整改措施及下一步打算' : variant === 'half' ? '下半年工作打算' : '下一步工作打算',
        synonyms: [
          '下一步工作打算', '下一步打算', '下步打算', '下一步工作计划', '下一步工作措施', '下一步工作思路',
          '今后工作打算', '下半年工作打算', '明年工作打算', '整改措施', '努力方向', '工作打算',
        ],
        titleKeywords: ['下一步', '下步', '今后', '打算', '整改'],
        level: 1,
        required: true,
        scaffold: nextStepsScaffold(variant),
      },
    ],
  };
}

export const ideologyHalf = ideologyTemplate('half');
export const ideologyAnnual = ideologyTemplate('annual');
export const ideologySelfCheck = ideologyTemplate('self-check');
