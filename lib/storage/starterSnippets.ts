// Starter snippets: the snippets item's value on first install. Each is a paragraph from the sample reports
// (tests/fixtures/corpus), cleaned before it went in:
//  - synonym-spin artefacts undone (进取→积极, 异常是→特别是, 礼貌→文明, 构成→形成, 经过→通过, 供给→提供,
//    必须成绩→一定成绩, 职责制/第一职责人→责任制/第一责任人, 情景→情况, 资料→内容, 掌控→掌握);
//  - placeholders (xx, xxx, __, …..) replaced by {{单位名称}} / {{报告期}} or dropped with the figure they held;
//  - dated references (十九届五中全会, 改革开放40周年, 两学一做) dropped so the text does not go stale;
//  - unit-specific detail (电子政务, 商务业务, 桂阳) generalised to 业务工作;
//  - full-width punctuation throughout.
// sectionIds follow the section ids of the built-in templates' main headings; tags carry the Chinese title so
// that search finds them even before templates are loaded.
import type { Snippet } from './schemas';

/** Section ids the starter snippets are filed under. */
export const STARTER_SECTION_IDS = {
  opening: 'opening',
  mainWork: 'main-work',
  problems: 'problems',
  nextSteps: 'next-steps',
} as const;

const SECTION_TAGS: Record<keyof typeof STARTER_SECTION_IDS, string> = {
  opening: '开头',
  mainWork: '主要工作情况',
  problems: '存在的问题',
  nextSteps: '下一步工作打算',
};

/** 2026-01-01T00:00:00Z — a fixed date, so the starter list is the same on every machine. */
const STARTER_CREATED_AT = Date.UTC(2026, 0, 1);

function starter(
  id: string,
  section: keyof typeof STARTER_SECTION_IDS,
  title: string,
  paragraphs: readonly string[],
  extraTags: readonly string[] = [],
): Snippet {
  const body = paragraphs.join('\n');
  const variables = [...new Set([...body.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!))];
  return {
    id: `starter-${id}`,
    title,
    body,
    folder: '常用段落',
    tags: [SECTION_TAGS[section], ...extraTags],
    sectionIds: [STARTER_SECTION_IDS[section]],
    variables,
    siteValues: {},
    useCount: 0,
    lastUsedAt: null,
    createdAt: STARTER_CREATED_AT,
    updatedAt: STARTER_CREATED_AT,
  };
}

export const STARTER_SNIPPETS: readonly Snippet[] = Object.freeze([
  starter('opening', 'opening', '开头：总体情况', [
    '{{报告期}}，{{单位名称}}在上级党委的正确领导和宣传部门的具体指导下，紧紧围绕意识形态工作部署要求，发挥思想引领、舆论推动、精神激励的重要作用，将意识形态工作融入日常工作，做细做实各项措施，确保意识形态工作落实到位。现将有关情况报告如下。',
  ]),
  starter('deploy', 'mainWork', '高度重视，专题研究部署', [
    '高度重视，专题研究部署。{{单位名称}}领导班子深刻认识意识形态工作的重要性，把意识形态工作摆上重要议事日程，坚持意识形态工作与业务工作同部署、同检查、同考核，做到目标同向、工作合拍、措施配套，为抓好意识形态工作提供坚强的组织保障。',
  ], ['专题研究']),
  starter('responsibility', 'mainWork', '明确责任，凝聚思想共识', [
    '明确责任，凝聚思想共识。牢固树立抓意识形态工作是本职、不抓是失职、抓不好是渎职的理念，成立意识形态工作领导小组，由主要负责同志任组长，各科室负责人为成员，办公室抓具体工作，将意识形态工作与业务工作同谋划、同部署、同考核。',
  ], ['责任制']),
  starter('duty-system', 'mainWork', '落实“一岗双责”和“三会一课”', [
    '健全制度机制，压实工作责任。推行“一岗双责”制度，要求班子成员担负党建工作和业务工作的双重任务，保证意识形态工作有人抓、有人管。党组成员带头落实“三会一课”制度，按时召开组织生活会，开展民主评议党员，以普通党员身份参加党组织活动。',
  ], ['责任制']),
  starter('study', 'mainWork', '加强理论学习，提升思想认识', [
    '加强理论学习，提升思想认识。坚持把学习贯彻党的创新理论作为首要政治任务，制定理论学习中心组学习计划，通过集中学习、专题讲课、交流体会、网上学习等方式，组织党员干部原原本本学、联系实际学，在学懂弄通做实上下功夫，做到干部职工学习无遗漏、无死角。',
  ], ['理论学习', '中心组']),
  starter('public-opinion', 'mainWork', '把握导向，规范舆论宣传', [
    '把握导向，规范舆论宣传。健全完善信息发布“三审”制度，搭建信息互通平台，对苗头性、倾向性问题做到早预见、早发现。注重把握不同时期的宣传重点，对重大事件和突发问题提前介入、防患未然，加强网络舆情监测，牢牢掌握新闻宣传主动权。',
  ], ['舆论引导']),
  starter('online', 'mainWork', '管好网络意识形态阵地', [
    '管好用好网络阵地。充分利用门户网站、微信公众号、工作群等平台，及时宣传上级重大决策部署，牢牢掌握网络意识形态工作主导权，把握正确舆论导向，做到主要负责同志亲自抓、分管负责同志具体抓，及时发现和处置不良网络舆情。',
  ], ['阵地管理', '网络']),
  starter('core-values', 'mainWork', '培育和践行社会主义核心价值观', [
    '培育和践行社会主义核心价值观。以精神文明建设为抓手，深入挖掘身边的先进事迹，通过微信群、简报、电子显示屏等形式开展宣传，引导干部职工做道德的楷模、行业的尖兵、文明的典范，在单位营造学先进、赶先进、当先进的浓厚氛围。',
  ], ['精神文明']),
  starter('problems-lead', 'problems', '存在问题：总述', [
    '{{报告期}}，{{单位名称}}在意识形态工作中做了大量工作，取得了一定成绩，但也存在一些困难和问题。',
  ]),
  starter('problems-list', 'problems', '存在问题：四个方面', [
    '一是思想动态掌握不够全面深入，对干部职工在意识形态方面的思想倾向调查研究不够深入。',
    '二是面对互联网和新媒体带来的新情况，如何把意识形态工作抓在手上、抓出成效，思路和举措创新还不够。',
    '三是宣传工作队伍力量偏弱，对外宣传的联系和对接还需进一步加强。',
    '四是意识形态工作的激励和约束机制不够完善，激励和促进作用不够明显。',
  ]),
  starter('problems-study', 'problems', '存在问题：学习与文明建设', [
    '一是理论学习的广度和深度不够，在各类活动中与群众的交流互动环节较少。',
    '二是精神文明建设方面还存在薄弱环节，邀请先进典型开展宣讲的活动较少。',
    '三是在工作机制、思想观念、内容形式等方面还有不相适应的地方。',
  ]),
  starter('next-lead', 'nextSteps', '下一步：总述', [
    '下一步，{{单位名称}}将坚持以习近平新时代中国特色社会主义思想为指导，努力克服自身不足，认真贯彻落实上级党委的安排部署，对研判发现的问题及时采取针对性措施，增强忧患意识和政治意识，把意识形态工作的每一项措施抓好、抓出实效。',
  ]),
  starter('next-three', 'nextSteps', '下一步：抓责任、抓落地、抓成效', [
    '一是抓责任“坐实”。通过有效措施，把党组主体责任和分管领导直接责任真正落到实处，形成党组统管、分管领导主抓、各科室负责人共管的工作局面。',
    '二是抓工作“落地”。落实已经建立的制度机制，保证意识形态各项工作扎实到位。',
    '三是抓成效“提升”。通过落实领导责任和工作制度，推动意识形态工作不断加强，确保不发生意识形态领域的重大问题。',
  ]),
  starter('next-checklist', 'nextSteps', '下一步：清单、阵地、督查', [
    '一是严格按照意识形态工作责任清单要求，抓好各项责任落实。',
    '二是守好“责任田”，牢牢掌握意识形态工作的领导权、管理权、话语权，重视网络舆论的作用。',
    '三是加大督查力度，督促指导下属各单位做好意识形态工作，及时通报督查情况。',
  ]),
]);
