import { describe, expect, it } from 'vitest';
import { setPhrasesPack } from '../../../lib/core/packs';
import { findSlips } from '../../../lib/core/rules/set-phrase-typos';
import { ruleTable, findingsOf, seededRandom } from './helpers';

// Flagged: one character wrong in a set phrase, at its start, inside it and at its end (bound phrases), as
// typed in real reports. Accepted: the phrases themselves, their real neighbours one character away, slogans
// that differ in a numeral, and phrases built of words whose first or last word changes.
ruleTable(
  'set-phrase-typos',
  [
    { text: '也增强了责任意识和使命担当,达到统一思想,文抓共管的目的。', span: '文抓共管', fix: '齐抓共管' },
    { text: '深入学习宽彻二十大精神和习近平总书记系列重要讲话精神', span: '深入学习宽彻', fix: '深入学习贯彻' },
    { text: '(一)推进学习型党委织建设。', span: '学习型党委织', fix: '学习型党组织' },
    { text: '认真履行守土有则的政治责任', span: '守土有则', fix: '守土有责' },
    { text: '落实一岗双则,层层传导压力。', span: '一岗双则', fix: '一岗双责' },
    { text: '确保学习内容入脑入新。', span: '入脑入新', fix: '入脑入心' },
    { text: '坚持常抓不谢,久久为功。', span: '常抓不谢', fix: '常抓不懈' },
    { text: '坚持守证创新,讲好中国故事。', span: '守证创新', fix: '守正创新' },
    { text: '把学到的理论融会惯通。', span: '融会惯通', fix: '融会贯通' },
    { text: '营造良好氖围,推动工作落实。', span: '营造良好氖围', fix: '营造良好氛围' },
    { text: '召开专题民主生或会,开展批评和自我批评。', span: '专题民主生或会', fix: '专题民主生活会' },
    { text: '党支部按时召开组织生或会。', span: '组织生或会', fix: '组织生活会' },
    { text: '落实意识形态工作责壬制实施办法', span: '意识形态工作责壬制', fix: '意识形态工作责任制' },
    { text: '党组理论学习中新组开展专题学习12次', span: '党组理论学习中新组', fix: '党组理论学习中心组' },
    { text: '培育和践行社会主义核心价植观', span: '社会主义核心价植观', fix: '社会主义核心价值观' },
    { text: '以马克思列宁住义、毛泽东思想为指导', span: '马克思列宁住义', fix: '马克思列宁主义' },
    { text: '认真落实中央八项规订精神', span: '八项规订精神', fix: '八项规定精神' },
    { text: '充分发挥党支部战斗堡垒做用', span: '战斗堡垒做用', fix: '战斗堡垒作用' },
    { text: '发挥党员先锋模范做用。', span: '先锋模范做用', fix: '先锋模范作用' },
    { text: '认真贯彻习近平总输记重要讲话精神', span: '习近平总输记', fix: '习近平总书记' },
    { text: '扎实推进全面从言治党', span: '全面从言治党', fix: '全面从严治党' },
    { text: '加强党风廉正建设', span: '党风廉正建设', fix: '党风廉政建设' },
    { text: '严守政治纪律和政治视矩', span: '政治纪律和政治视矩', fix: '政治纪律和政治规矩' },
    { text: '坚决反对形式主义、官撩主义', span: '官撩主义', fix: '官僚主义' },
    { text: '营造风清气证的政治生态', span: '风清气证', fix: '风清气正' },
    { text: '发扬求真务食的作风', span: '求真务食', fix: '求真务实' },
    { text: '做到学懂弄通做食', span: '学懂弄通做食', fix: '学懂弄通做实' },
    { text: '加强新时代文明时践中心建设', span: '新时代文明时践中心', fix: '新时代文明实践中心' },
    { text: '坚持全心全意为人名服务的宗旨', span: '全心全意为人名服务', fix: '全心全意为人民服务' },
    { text: '推进爱国主义较育基地建设', span: '爱国主义较育', fix: '爱国主义教育' },
  ],
  [
    { text: '坚持党委统一领导、党政齐抓共管、宣传部门组织协调。' },
    { text: '深入学习贯彻党的二十大精神,认真贯彻落实上级决策部署。' },
    { text: '推进学习型党组织建设,把学习贯穿全年。' },
    { text: '切实做到守土有责、守土负责、守土尽责。' },
    { text: '认真履行一岗双责,坚持常抓不懈、常备不懈。' },
    { text: '牢固树立四个意识,坚定四个自信,做到两个维护。' },
    { text: '坚定道路自信、理论自信、制度自信,曾经提出三个自信。' },
    { text: '第一时间学习传达,同一时间部署落实。' },
    { text: '营造良好氛围、营造美好氛围、营造浓厚氛围、营造浓郁氛围。' },
    { text: '牢牢掌握意识形态工作领导权、管理权、话语权,掌握意识形态工作主动权。' },
    { text: '基层党组织和基层团组织同步建设,党组副书记、党组织书记参加。' },
    { text: '召开专题组织生活会,开展民主评议党员,认真开展谈心谈话和交心谈话。' },
    { text: '发挥党员先锋岗、党员示范岗作用,划分党员责任区。' },
    { text: '坚持知行合一、言行合一,同心同德、同心同向。' },
    { text: '落实廉洁自律各项规定,加强廉洁文化建设。' },
    { text: '压紧压实责任,层层压实、层层落实、落细落实。' },
    { text: '认真学习习近平总书记重要讲话精神和重要指示批示精神。' },
    { text: '组织党员开展主题党日活动和三会一课。' },
    { text: '市局党组意识形态工作联席会议,党委意识形态工作责任制落实情况。' },
    { text: '坚持党对意识形态工作的全面领导,坚持党管意识形态。' },
    { text: '加强社会主义意识形态建设,给网络舆论管控带来新的挑战。' },
    { text: '宣传部门作为各级党委主管意识形态工作的综合职能部门。' },
    { text: '推进乡村振兴,推动高质量发展,加快构建新发展格局。' },
    { text: '落实意识形态工作责任清单和意识形态工作责任实施方案,结合新时代文明实践工作。' },
    { text: '把学习理解透彻,把问题整改到位。' },
    { text: '凝心聚力、凝智聚力,同心聚力谋发展。' },
    { text: '坚持齐抓共管、齐抓共建。' },
    { text: '入脑入心、入耳入心。' },
    { text: '推进两学一做学习教育常态化制度化,落实三重一大制度。' },
    { text: '《中国共产党章程》规定了党员的义务。' },
    { text: '落实全面从严治党、全面从严治警要求,坚持重要领导责任和主要领导责任。' },
    { text: '爱国统一战线、新的社会阶层人士和无党派人士。' },
  ],
);

describe('the set-phrase pack', () => {
  const all = [...setPhrasesPack.idioms, ...setPhrasesPack.phrases];
  it('holds 150–300 phrases, each listed once', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.length).toBeLessThanOrEqual(300);
    expect(new Set(all).size).toBe(all.length);
  });
  it('reports none of its own phrases, variants or joined phrases', () => {
    const text = [...all, ...setPhrasesPack.variants, ...setPhrasesPack.joined].join('，');
    expect(findingsOf('set-phrase-typos', text)).toEqual([]);
  });
});

describe('the anchor pairs’ first-check table', () => {
  // Each anchor pair first asks a table of the characters its phrases check first (read at three places)
  // whether any of them can go on at this place; it may only say no where every phrase of the pair would have
  // said no. Texts of phrases with one character changed anywhere (the characters the table reads included),
  // run on, next to each other and to report words.
  it('never passes over a slip that reading every phrase of the pair finds', () => {
    const phrases = [...setPhrasesPack.idioms, ...setPhrasesPack.phrases];
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const han = [...'的一是在了和有工作学习意识形态党组织建设责任制落实宣传思想文化干部群众管理主体领导'];
    let found = 0;
    for (let n = 0; n < 4_000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        let phrase = pick(phrases);
        if (random() < 0.8) {
          const at = Math.floor(random() * phrase.length);
          phrase = phrase.slice(0, at) + pick(han) + phrase.slice(at + 1);
        }
        text += (random() < 0.5 ? pick(han) : '') + phrase + (random() < 0.3 ? '，' : '');
      }
      const filtered = findSlips(text);
      expect(filtered, text).toEqual(findSlips(text, false));
      found += filtered.length;
    }
    expect(found).toBeGreaterThan(2_000);
  });
});
