// Coverage on real report texts (tests/fixtures/real, as public pages carry them): topics a text clearly covers
// in its own words count, and the stray words of its opening sentence (舆论引导和精神力量, 舆论推动, 锤炼队伍,
// 把握…阵地) do not. Each expectation was checked by reading the text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';

const read = (prefix: string) => {
  const dir = resolve(__dirname, '../../fixtures/real');
  const names = ['01-county-ideology-2025.txt', '05-bureau-ideology-2022-sucai.txt', '06-school-ideology-2021h1-selfcheck.txt',
    '09-ideology-2023h1-stars.txt', '12-ideology-2024h1-eight-docx.txt', '15-bureau-ideology-selfcheck-2022.txt',
    '17-ideology-analysis-202x-preview.txt', '18-official-university-selfassessment.txt'];
  return readFileSync(resolve(dir, names.find((n) => n.startsWith(prefix))!), 'utf8');
};

const topics = (prefix: string) => {
  const analysis = analyze(read(prefix));
  const main = analysis.coverage!.sections[0]!;
  return { analysis, main, topic: (id: string) => main.topics.find((t) => t.id === id) };
};

describe('topics a real text covers in other words', () => {
  it.each([
    // 坚决扛起政治责任和领导责任; 摆在全局工作的突出位置
    ['01', ['principal-responsibility', 'agenda-and-assessment']],
    // 《局意识形态责任制清单》, 种好"责任田"; 经研判; 中心组集中学习会议16次; 述职评议大会
    ['05', ['principal-responsibility', 'situation-analysis', 'study-group', 'life-meeting-and-report']],
    // 领导小组; 同安排、同部署; 每月召开一次意识形态工作会议并安排部署意识形态工作; 理论学习 (a school: no 中心组)
    ['06', ['principal-responsibility', 'agenda-and-assessment', 'special-study', 'branch-study']],
    // 带头管阵地、带头强队伍; 纳入党工委重要议事日程; 网络意识形态
    ['09', ['position-management', 'team-and-training', 'agenda-and-assessment', 'online-ideology', 'life-meeting-and-report']],
    // 履行党委书记第一责任人职责; 党委会专题研究意识形态工作2次; 研判机制
    ['12', ['principal-responsibility', 'special-study', 'situation-analysis']],
    // 履行第一责任人的责任; 党委(扩大)会议; 列入党建工作核心内容; 分析研判; 敏感舆情
    ['15', ['principal-responsibility', 'special-study', 'agenda-and-assessment', 'situation-analysis', 'public-opinion']],
    // 压紧压实…主体责任; 列入党建工作责任制; 常委会专题研究11次; 分析当前面临的风险挑战
    ['17', ['principal-responsibility', 'agenda-and-assessment', 'special-study', 'situation-analysis', 'online-ideology']],
    // 齐抓共管; 考核指标; 论坛、讲坛、讲座…的审核管理; 一票否决
    ['18', ['principal-responsibility', 'agenda-and-assessment', 'position-management', 'accountability']],
  ])('text %s', (prefix, ids) => {
    const { topic } = topics(prefix);
    for (const id of ids) expect(topic(id)?.covered, id).toBe(true);
  });
});

describe('stray words in real texts do not count', () => {
  it.each([
    ['01', 'team-and-training'], // 锤炼队伍、净化生态
    ['05', 'public-opinion'], // 思想引领、舆论引导和精神力量
    ['09', 'public-opinion'], // 舆论导向
    ['12', 'public-opinion'], // 舆论推动
    ['18', 'situation-analysis'], // 把握意识形态阵地的正确思想舆论导向
    ['18', 'special-study'], // 重要工作亲自部署
  ])('text %s: %s', (prefix, id) => {
    expect(topics(prefix).topic(id)?.covered).toBe(false);
  });

  it('每月召开一次意识形态工作会议 is the count of 专题研究 (text 06)', () => {
    expect(topics('06').topic('special-study')!.figures).toBe('present');
  });
});

describe('real texts: unit and template', () => {
  it('a school (06) has no 中心组 topic', () => {
    const { analysis, main } = topics('06');
    expect(analysis.coverage!.units).toContain('school');
    expect(main.topics.map((t) => t.id)).not.toContain('study-group');
  });

  it('a university (18) keeps its 中心组 topic', () => {
    expect(topics('18').main.topics.map((t) => t.id)).toContain('study-group');
  });

  it.each([
    ['01', 'ideology-annual'], // 2025年度, under 更新时间 and 来源
    ['05', 'ideology-annual'],
    ['06', 'ideology-self-check'],
    ['09', 'ideology-half'],
    ['12', 'ideology-half'],
  ])('text %s gets %s', (prefix, id) => {
    expect(topics(prefix).analysis.template!.id).toBe(id);
  });

  it('each text has at most one missing-topics finding per section', () => {
    for (const prefix of ['01', '05', '06', '09', '12', '15', '17', '18']) {
      const findings = topics(prefix).analysis.findings.filter((f) => f.ruleId === 'coverage-topic-missing');
      expect(findings.length, prefix).toBeLessThanOrEqual(1);
    }
  });
});
