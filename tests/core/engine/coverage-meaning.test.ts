// Coverage by meaning: each topic is credited for the ways reports say it (phrase sets, near-synonyms, a word
// with its companion in the same sentence), and not for a stray word (专题讲座 is no 阵地管理, 舆论导向 no 舆情
// 处置), nor is a slogan (四个意识, 两个维护) a count. Tables of sentences that must count and sentences that
// must not, each put alone into the 主要工作情况 of an otherwise complete annual report.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';

const ANNUAL = { templateId: 'ideology-annual' } as const;
const report = (body: string, title = '') =>
  `${title ? `${title}\n` : ''}一、主要工作情况\n${body}\n二、存在的问题\n学习不深。\n三、下一步工作打算\n加强学习。`;
const topicOf = (body: string, id: string) =>
  analyze(report(body), ANNUAL).coverage!.sections[0]!.topics.find((t) => t.id === id)!;

const counts: Record<string, string[]> = {
  'principal-responsibility': [
    '党组坚决扛起意识形态工作政治责任和领导责任。',
    '书记认真履行第一责任人职责，班子成员落实“一岗双责”。',
    '压紧压实各级党组织意识形态工作责任。',
    '制定《局意识形态责任制清单》，种好“责任田”。',
  ],
  'agenda-and-assessment': [
    '将意识形态工作摆在全局工作的突出位置来谋划。',
    '将意识形态工作列入党建工作核心内容。',
    '把意识形态工作纳入领导班子年度考核。',
    '与业务工作同部署、同落实、同检查、同考核。',
  ],
  'special-study': [
    '党组会议专题研究意识形态工作3次。',
    '定期召开党委（扩大）会议研究意识形态工作。',
    '支委会研究部署意识形态工作4次。',
    '党委专门研究了意识形态工作。',
  ],
  'situation-analysis': [
    '定期对意识形态领域形势进行系统分析。',
    '每季度召开意识形态工作会商会。',
    '开展意识形态领域专题分析。',
    '及时发现苗头性、倾向性问题。',
    '分析当前面临的风险挑战，研究应对措施。',
  ],
  'report-upward': [
    '每半年向县委专题报告意识形态工作。',
    '按时向上级党组织书面报告工作。',
    '及时向区委宣传部报送意识形态工作情况。',
  ],
  'position-management': [
    '加强宣传阵地建设。',
    '严格落实报告会、研讨会、讲座、论坛审批制度。',
    '对各类讲坛、论坛实行一会一报。',
    '规范宣传栏、电子屏内容审核。',
    '加强网络阵地管理，落实“三审三校”。',
  ],
  'online-ideology': ['加强政务新媒体管理。', '建立网评员队伍。', '加强网络信息管理。'],
  'public-opinion': ['加强网络舆情监测和处置。', '妥善处置突发事件。', '加强网络舆论引导，及时回应社会关切。'],
  'life-meeting-and-report': ['把意识形态工作作为民主生活会和述职的重要内容。', '党委书记述职评议时专题述意识形态工作。'],
  'team-and-training': ['加强宣传思想干部队伍建设。', '组织网评员业务培训。', '着力提升宣传队伍素质。'],
  'erroneous-trends-and-religion': ['坚决抵御境外宗教渗透。', '旗帜鲜明反对历史虚无主义。', '对错误言论敢于亮剑。'],
  accountability: ['对落实不力的严肃问责。', '对触及底线的单位实行“一票否决”。', '落实一案三查。'],
};

const strays: Record<string, string[]> = {
  // The opening sentence of every report claims the 责任制 without naming how.
  'principal-responsibility': ['全面落实意识形态工作责任制，取得新成效。'],
  'situation-analysis': ['牢牢把握意识形态工作主动权。', '认真分析意识形态工作存在的问题。'],
  'report-upward': ['邀请专家作专题报告会。', '现将有关情况报告如下。'],
  'position-management': ['邀请党校教授举办专题讲座。', '组织党员参加专题讲座3场，加强党员教育管理。', '举办学习论坛一期。'],
  'public-opinion': ['发挥思想引领、舆论推动、精神激励的重要作用。', '坚持正确的舆论导向。', '开展环境监测。'],
  'team-and-training': ['将学习教育作为锤炼队伍的重要抓手。'],
  'erroneous-trends-and-religion': ['把意识形态工作渗透到各个环节。'],
  'special-study': ['认真学习研究党的创新理论。'],
};

describe('a topic counts when a report says it in its own words', () => {
  for (const [id, sentences] of Object.entries(counts)) {
    it.each(sentences)(`${id}: %s`, (sentence) => {
      expect(topicOf(sentence, id).covered).toBe(true);
    });
  }
});

describe('a stray word does not count for a topic', () => {
  for (const [id, sentences] of Object.entries(strays)) {
    it.each(sentences)(`${id}: %s`, (sentence) => {
      expect(topicOf(sentence, id).covered).toBe(false);
    });
  }

  it('a companion word counts only in the sentence of its word', () => {
    expect(topicOf('举办学习论坛一期。严格审批各类活动。', 'position-management').covered).toBe(false);
    expect(topicOf('举办学习论坛一期，严格审批各类活动。', 'position-management').covered).toBe(true);
  });
});

describe('a slogan is not the count a topic needs', () => {
  const study = (sentence: string) => topicOf(sentence, 'study-group').figures;

  it.each([
    '中心组学习时，增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    '中心组深入学习三个代表重要思想。',
    '中心组学习，深刻领悟两个确立的决定性意义。',
    '中心组集中学习中央八项规定精神和四项基本原则。',
    '把中心组学习作为一项重要任务。',
    '中心组学习“五个一工程”经验。',
  ])('no count: %s', (sentence) => {
    expect(study(sentence)).toBe('missing');
  });

  it.each([
    '中心组集中学习12次。',
    '中心组开展专题学习四次。',
    '中心组每月集中学习一次，全年共十二次。',
    '增强“四个意识”，中心组集中学习6次。',
  ])('a count: %s', (sentence) => {
    expect(study(sentence)).toBe('present');
  });

  it('a slogan leaves the scan where a keyword after it still counts', () => {
    const topic = topicOf('牢固树立四个意识中心组学习3次。', 'study-group');
    expect(topic.covered).toBe(true);
    expect(topic.figures).toBe('present');
  });
});

describe('one finding per section listing its missing topics', () => {
  it('lists every missing topic of the section in one warning at its heading', () => {
    const text = report('党组会议专题研究意识形态工作3次，中心组集中学习12次。');
    const findings = analyze(text, ANNUAL).findings.filter((f) => f.ruleId === 'coverage-topic-missing');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(text.slice(finding!.start, finding!.end)).toBe('一、主要工作情况');
    expect(finding!.messageId).toBe('coverage.topicsMissing');
    const missing = analyze(text, ANNUAL).coverage!.sections[0]!.topics.filter((t) => t.required && !t.covered);
    expect(finding!.params).toMatchObject({ section: '主要工作情况', count: missing.length });
    for (const topic of missing) expect(String(finding!.params!.topics)).toContain(`「${topic.title}」`);
  });

  it('names a single missing topic with the one-topic message', () => {
    const all = Object.values(counts).map((s) => s[0]).join('');
    const body = `${all}中心组集中学习12次。`;
    const findings = analyze(report(body), ANNUAL).findings.filter((f) => f.ruleId === 'coverage-topic-missing');
    expect(findings).toEqual([]);
    const withoutAccountability = body.replace('对落实不力的严肃问责。', '');
    const one = analyze(report(withoutAccountability), ANNUAL).findings.filter((f) => f.ruleId === 'coverage-topic-missing');
    expect(one.map((f) => [f.messageId, f.params?.topic])).toEqual([['coverage.topicMissing', '责任追究']]);
  });

  it('points a section without a heading at its first written line, below the page cruft', () => {
    const text = '首页 > 工作总结\n今年以来，我局认真落实意识形态工作责任制。\n二、存在的问题\n学习不深。\n三、下一步工作打算\n加强学习。';
    const [finding] = analyze(text, ANNUAL).findings.filter((f) => f.ruleId === 'coverage-topic-missing');
    expect(text.slice(finding!.start)).toMatch(/^今年以来/);
  });
});

describe('topics by unit type', () => {
  const topicIds = (text: string) => analyze(text, ANNUAL).coverage!.sections[0]!.topics.map((t) => t.id);
  const body = '一、主要工作情况\n专题研究意识形态工作3次。\n二、存在的问题\n学习不深。\n三、下一步工作打算\n加强学习。';

  it.each([
    ['a 党支部 in the title', '××小学党支部2023年意识形态工作总结\n'],
    ['a school in the title', '××中学2023年度意识形态工作总结\n'],
    ['a 党总支 in the opening sentence', '2023年度意识形态工作总结\n今年以来，我校党总支在县委教育工委的正确领导下，认真落实意识形态工作责任制。\n'],
  ])('%s: no 中心组, a branch study topic instead', (_name, head) => {
    const ids = topicIds(head + body);
    expect(ids).not.toContain('study-group');
    expect(ids).toContain('branch-study');
  });

  it('reads the unit from the signature', () => {
    const ids = topicIds(`2023年度意识形态工作总结\n${body}\n中共××小学支部委员会\n2023年12月20日`);
    expect(ids).not.toContain('study-group');
  });

  it.each([
    ['a 局党组', '××局党组2023年度意识形态工作责任制落实情况报告\n'],
    ['a university 学院党委', '××学院党委2023年度意识形态工作责任制落实情况报告\n'],
    ['a unit it does not name', '2023年度意识形态工作责任制落实情况报告\n'],
    ['a 党支部 and the 党委 over it, in one place', '××局党委和机关党支部2023年度意识形态工作报告\n'],
  ])('%s: keeps 中心组 (when unsure, the topic stays)', (_name, head) => {
    const ids = topicIds(head + body);
    expect(ids).toContain('study-group');
    expect(ids).not.toContain('branch-study');
  });

  it('a generic 党委（党组）意识形态工作责任制 names no committee', () => {
    const ids = topicIds(`××小学党支部落实党委（党组）意识形态工作责任制情况报告\n${body}`);
    expect(ids).not.toContain('study-group');
  });

  it('says which unit it read', () => {
    expect(analyze(`××小学党支部2023年意识形态工作总结\n${body}`, ANNUAL).coverage!.units).toEqual(expect.arrayContaining(['branch', 'school']));
    expect(analyze(body, ANNUAL).coverage!.units).toEqual([]);
  });
});
