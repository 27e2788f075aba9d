import { describe, expect, it } from 'vitest';
import { eventsPack } from '../../../lib/core/packs';
import { findingsOf, ruleTable } from './helpers';

const H1_2021 = { year: 2021, half: 1 } as const;

ruleTable(
  'stale-references',
  [
    {
      text: '开展庆祝改革开放40周年“爱上新xxx奋进新时代”最美摄影图片征集评比活动',
      span: '改革开放40周年',
      period: H1_2021,
    },
    { text: '今年,我们隆重庆祝建党100周年。', span: '建党100周年', period: { year: 2022 } },
    { text: '以党的十九大精神为指导,努力克服自身不足', span: '党的十九大精神', period: { year: 2023 } },
    { text: '深入学习贯彻党的十九届六中全会精神', span: '十九届六中全会', period: H1_2021 },
    { text: '全年共开展专题学习12次。', span: '全年共', period: H1_2021 },
    { text: '半年来共投稿15篇', span: '半年来', period: { year: 2016 } },

    // Congresses and plenums as current guidance, in the shapes reports use.
    { text: '深入学习贯彻党的十九大和十九届历次全会精神，', span: '党的十九大和十九届历次全会精神', period: { year: 2023 } },
    { text: '认真学习党的十九大和十九届二中、三中全会精神', span: '党的十九大和十九届二中、三中全会精神', period: { year: 2024, half: 1 } },
    { text: '传达学习十九届五中、六中全会精神', span: '十九届五中、六中全会精神', period: { year: 2023, half: 2 } },
    { text: '组织干部学习十九大报告精神', span: '十九大报告精神', period: { year: 2025 } },
    { text: '全面贯彻党的十八大和十八届三中、四中、五中全会精神', span: '党的十八大和十八届三中、四中、五中全会精神', period: { year: 2019 } },
    // 三个代表 as THE guiding theory.
    { text: '坚持以“三个代表”重要思想为指导，', span: '以“三个代表”重要思想为指导', period: { year: 2021 } },
    {
      text: '以邓小平理论、“三个代表”重要思想、科学发展观为指导，深入贯彻',
      span: '以邓小平理论、“三个代表”重要思想、科学发展观为指导',
      period: { year: 2019 },
    },
    { text: '以科学发展观为指导，统筹推进各项工作', span: '以科学发展观为指导', period: { year: 2020 } },
    // "The latest" meeting that was no longer the latest when the period ended.
    { text: '深入学习贯彻最近召开的党的十九届五中全会精神', span: '十九届五中全会', period: { year: 2021 } },
    { text: '学习刚刚闭幕的十九届四中全会精神', span: '十九届四中全会', period: { year: 2020, half: 2 } },
    { text: '传达学习党的二十届三中全会最新精神', span: '二十届三中全会', period: { year: 2025 } },
    { text: '学习贯彻最近召开的党的十九大精神', span: '党的十九大精神', period: { year: 2023 } },
    { text: '认真学习最近召开的二十届二中全会精神', span: '二十届二中全会', period: { year: 2024, half: 2 } },
    { text: '组织学习最新的十九届三中全会精神', span: '十九届三中全会', period: { year: 2019, half: 2 } },

    // Campaigns carried out outside their years.
    { text: '一是扎实开展“两学一做”学习教育为契机，坚持把推进学习型党组织', span: '两学一做”学习教育', period: { year: 2020 } },
    { text: '深入开展“不忘初心、牢记使命”主题教育，', span: '不忘初心、牢记使命”主题教育', period: { year: 2021 } },
    { text: '扎实开展党史学习教育，党员干部学史明理', span: '党史学习教育', period: { year: 2023, half: 1 } },
    { text: '在党史学习教育中，我们组织开展了“我为群众办实事”实践活动', span: '党史学习教育', period: { year: 2022 } },
    { text: '党史学习教育扎实开展，', span: '党史学习教育', period: { year: 2024 } },
    { text: '深入开展主题教育，引导党员干部', span: '主题教育', period: { year: 2022 } },
    { text: '扎实开展第二批主题教育。', span: '主题教育', period: { year: 2025, half: 1 } },
    {
      text: '持续推进学习贯彻习近平新时代中国特色社会主义思想主题教育，',
      span: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
      period: { year: 2024, half: 2 },
    },
    { text: '深入开展党纪学习教育，组织党员逐章逐条学习条例', span: '党纪学习教育', period: { year: 2025 } },
    { text: '以深入贯彻中央八项规定精神学习教育为抓手', span: '深入贯彻中央八项规定精神学习教育', period: { year: 2026 } },
    { text: '扎实开展“三严三实”专题教育，', span: '三严三实”专题教育', period: { year: 2017 } },
    { text: '深入开展党的群众路线教育实践活动', span: '群众路线教育实践活动', period: { year: 2016 } },
    // …and before they began.
    {
      text: '深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育',
      span: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
      period: { year: 2022 },
    },
    { text: '开展深入贯彻中央八项规定精神学习教育', span: '深入贯彻中央八项规定精神学习教育', period: { year: 2024 } },
    { text: '扎实开展“两学一做”学习教育', span: '两学一做”学习教育', period: { year: 2015 } },

    { text: '推进“两学一做”学习教育常态化制度化', span: '两学一做”学习教育', period: { year: 2021 } },
    { text: '扎扎实实抓好学习实践科学发展观活动', span: '学习实践科学发展观活动', period: { year: 2023, half: 1 } },
    { text: '将学习实践科学发展观活动作为今年党建工作的头等大事', span: '学习实践科学发展观活动', period: { year: 2015 } },
    { text: '组织干部职工深入学习实践科学发展观，坚持解放思想', span: '深入学习实践科学发展观', period: { year: 2019 } },
    { text: '把党史学习教育作为今年的重大政治任务', span: '党史学习教育', period: { year: 2022 } },
    { text: '机关党建工作以邓小平理论为指导,以“三个代表”重要思想为统领', span: '以邓小平理论为指导', period: { year: 2023 } },
    { text: '机关党建工作以邓小平理论为指导,以“三个代表”重要思想为统领', span: '以“三个代表”重要思想为统领', period: { year: 2023 } },
    { text: '对今年党的100周年庆典活动做好安排', span: '党的100周年', period: { year: 2022 } },
    { text: '以认真贯彻落实科学发展观为目标，突出抓好思想政治建设', span: '认真贯彻落实科学发展观', period: { year: 2023, half: 1 } },
    { text: '深入贯彻落实科学发展观，推动经济社会又好又快发展', span: '深入贯彻落实科学发展观', period: { year: 2019 } },
    { text: '今年以来,市财政局机关党建工作以邓小平理论为指导', span: '以邓小平理论为指导', period: { year: 2023, half: 1 } },
    { text: '今年以来，我们隆重庆祝建党100周年。', span: '建党100周年', period: { year: 2022 } },
    { text: '今年以来，深入开展党史学习教育，', span: '党史学习教育', period: { year: 2022 } },
    { text: '深入贯彻落实党的十九大和十九届系列全会精神', span: '党的十九大和十九届系列全会精神', period: { year: 2024 } },
    { text: '以党的十九大、十九届二中三中四中全会精神为首要政治任务', span: '党的十九大、十九届二中三中四中全会精神', period: { year: 2023 } },
    // A list of plenums that stops before one that had met before the period began.
    { text: '围绕党的十九大和十九届四中全会精神进行学习', span: '党的十九大和十九届四中全会精神', period: H1_2021 },
    { text: '深入学习贯彻十九届四中、五中全会精神', span: '十九届四中、五中全会精神', period: { year: 2022 } },
    { text: '学习贯彻党的二十大和二十届二中全会精神', span: '党的二十大和二十届二中全会精神', period: { year: 2025, half: 1 } },
    { text: '以党的十九大、十九届二中三中四中全会精神为首要政治任务', span: '党的十九大、十九届二中三中四中全会精神', period: { year: 2021 } },

    // A 上半年 report that tells of work done in the second half.
    { text: '9月份，组织全体党员赴红色教育基地参观学习了3次。', span: '9月份', period: H1_2021 },
    { text: '7月以来，共开展专题学习5次。', span: '7月', period: { year: 2022, half: 1 } },
    { text: '十月中旬，圆满完成网络安全宣传周各项活动。', span: '十月', period: H1_2021 },
    { text: '2021年11月3日，党组中心组已召开专题学习会。', span: '11月', period: H1_2021 },
    {
      text: '1月中旬组织区委全会精神专题学习；7月下旬结合半年工作会，及时传达学习上级文件精神。',
      span: '7月',
      period: H1_2021,
    },
    { text: '上半年累计开展集中学习12次。8月份，组织党员干部赴红色教育基地参观。', span: '8月份', period: H1_2021 },
  ],
  [
    { text: '开展庆祝改革开放40周年系列活动', period: { year: 2018 } },
    { text: '以党的十九大精神为指导,努力克服自身不足', period: { year: 2018 } },
    { text: '以优异成绩迎接党的二十大胜利召开', period: { year: 2022, half: 1 } },
    { text: '学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神', period: { year: 2022 } },
    { text: '去年,我们隆重庆祝建党100周年。', period: { year: 2022 } },
    { text: '完成全年目标任务的60%。', period: H1_2021 },
    { text: '深入学习贯彻党的十九届五中全会精神', period: H1_2021 },

    // Guidance that was current, the current formula, a look back.
    { text: '深入学习贯彻党的十九大和十九届历次全会精神', period: { year: 2022 } },
    { text: '深入学习贯彻党的二十大和二十届历次全会精神', period: { year: 2025 } },
    { text: '党的十九大以来，意识形态领域形势发生全局性、根本性转变', period: { year: 2024 } },
    {
      text: '坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导',
      period: { year: 2024 },
    },
    { text: '以邓小平理论、“三个代表”重要思想、科学发展观为指导', period: { year: 2016 } },
    { text: '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神', period: { year: 2023 } },
    { text: '践行“三个代表”重要思想，坚持以人民为中心', period: { year: 2023 } },
    { text: '深入贯彻落实科学发展观，推动经济社会又好又快发展', period: { year: 2011 } },
    { text: '坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观，全面贯彻新时代中国特色社会主义思想', period: { year: 2024 } },
    // "The latest" meeting that was the latest.
    { text: '深入学习贯彻最近召开的党的十九届五中全会精神', period: { year: 2020 } },
    { text: '认真学习刚刚闭幕的二十届三中全会精神', period: { year: 2024, half: 2 } },
    { text: '学习贯彻最近召开的党的十九大精神', period: { year: 2019 } },

    // Campaigns in their years, kept up, looked back on, listed as the past.
    { text: '扎实开展党史学习教育，党员干部学史明理', period: H1_2021 },
    { text: '深入开展主题教育，引导党员干部', period: { year: 2023, half: 2 } },
    { text: '深入开展主题教育，引导党员干部', period: { year: 2019 } },
    { text: '扎实开展第二批主题教育收尾工作。', period: { year: 2024 } },
    { text: '深入开展党纪学习教育，组织党员逐章逐条学习条例', period: { year: 2024, half: 1 } },
    { text: '巩固拓展党史学习教育成果，推动党史学习教育常态化长效化', period: { year: 2023 } },
    { text: '推进“两学一做”学习教育常态化制度化', period: { year: 2018 } },
    { text: '扎实开展“两学一做”学习教育', period: { year: 2017 } },
    { text: '回顾党史学习教育，我们深刻体会到', period: { year: 2022 } },
    { text: '党史学习教育开展以来，全局党员干部受到深刻教育', period: { year: 2022 } },
    { text: '去年深入开展党纪学习教育，今年持续深化纪律教育', period: { year: 2025 } },
    {
      text: '党的十八大以来，先后开展了党的群众路线教育实践活动、“三严三实”专题教育、“两学一做”学习教育',
      period: { year: 2023 },
    },
    {
      text: '深入开展党的群众路线教育实践活动、“三严三实”专题教育、“两学一做”学习教育等集中教育',
      period: { year: 2022 },
    },
    { text: '组织党员参观党史学习教育基地', period: { year: 2023 } },
    { text: '开展“学雷锋”主题教育活动，开展爱国主义主题教育', period: { year: 2022 } },
    { text: '开展主题教育活动，弘扬社会主义核心价值观', period: { year: 2021 } },
    { text: '巩固拓展主题教育成果，深化党纪学习教育成果', period: { year: 2025 } },
    { text: '学习贯彻习近平总书记关于党史学习教育的重要论述', period: { year: 2022 } },
    { text: '传达学习党史学习教育动员大会精神', period: { year: 2022 } },
    { text: '为开展学习贯彻习近平新时代中国特色社会主义思想主题教育做好准备', period: { year: 2023, half: 1 } },
    { text: '党的二十大即将召开，学习贯彻习近平新时代中国特色社会主义思想主题教育将在明年开展', period: { year: 2022 } },
    { text: '开展党史学习教育，讲好红色故事', period: { year: 2019 } },

    { text: '推进“两学一做”学习教育常态化制度化', period: { year: 2019 } },
    { text: '以邓小平理论为指导，开创建设有中国特色社会主义新局面', period: { year: 2001 } },
    { text: '学习邓小平理论，坚持以人民为中心', period: { year: 2023 } },
    { text: '围绕党的十九大和十九届四中全会精神进行学习', period: { year: 2020 } },
    { text: '学习贯彻党的二十大和二十届二中、三中全会精神', period: { year: 2025 } },
    { text: '深入学习贯彻二十届三中全会精神，进一步全面深化改革', period: { year: 2026 } },
    { text: '以党的十九大、十九届二中三中四中全会精神为首要政治任务', period: { year: 2020 } },
    { text: '学习贯彻十九届五中、六中全会精神', period: { year: 2022 } },
    { text: '学习贯彻二十届二中、三中全会精神', period: { year: 2024 } },

    // Months: plans, deadlines, other years, ranges, the first half, a second-half report.
    { text: '下半年，计划于9月份开展网络安全宣传周活动。', period: H1_2021 },
    { text: '9月底前完成意识形态阵地排查。', period: H1_2021 },
    { text: '将于10月份召开专题民主生活会。', period: H1_2021 },
    { text: '2020年9月，我局已召开专题会议。', period: H1_2021 },
    { text: '去年11月，组织了一次培训。', period: H1_2021 },
    { text: '1至7月，共发布信息32条。', period: H1_2021 },
    { text: '截至7月底，已累计发布信息32条。', period: H1_2021 },
    { text: '5月份，组织全体党员参观学习了3次。', period: H1_2021 },
    { text: '9月份，组织全体党员参观学习了3次。', period: { year: 2021, half: 2 } },
    { text: '9月份，组织全体党员参观学习了3次。', period: { year: 2021 } },
    { text: '7月1日，召开庆祝建党100周年大会。', period: H1_2021 },
    { text: '每年9月开展网络安全宣传周活动。', period: H1_2021 },
    { text: '党的十九大于2017年10月召开。', period: H1_2021 },
    { text: '九月份开展网络安全宣传周活动', period: H1_2021 },
    { text: '二、下半年工作打算。一是7月份，组织开展专题学习；二是9月份，开展网络安全宣传周活动。', period: H1_2021 },
    { text: '上半年已召开会议3次，为了做好9月份的宣传周活动，提前谋划。', period: H1_2021 },
    { text: '3月中旬组织学习；9月份开展网络安全宣传周活动将作为重点。', period: H1_2021 },
  ],
);

it('stays silent without a report period', () => {
  expect(findingsOf('stale-references', '开展庆祝改革开放40周年活动,以党的十九大精神为指导')).toEqual([]);
  expect(findingsOf('stale-references', '深入开展“不忘初心、牢记使命”主题教育；9月份，已召开会议')).toEqual([]);
});

it('re-checks a paragraph when the period changes', () => {
  const text = '开展庆祝改革开放40周年活动';
  expect(findingsOf('stale-references', text, { year: 2018 })).toEqual([]);
  expect(findingsOf('stale-references', text, { year: 2021 })).toHaveLength(1);
});

it('names the later meeting in a "the latest" finding', () => {
  const [f] = findingsOf('stale-references', '学习最近召开的党的十九届五中全会精神', { year: 2021 });
  expect(f?.messageId).toBe('rules.stale.notLatest');
  expect(f?.params).toMatchObject({ latest: '十九届六中全会', date: '2021-11' });
});

it('reports a meeting inside a superseded formulation once', () => {
  const found = findingsOf('stale-references', '学习贯彻最近召开的党的十九大精神', { year: 2023 });
  expect(found.map((f) => f.messageId)).toEqual(['rules.stale.superseded']);
});

it('gives the campaign its months in the message', () => {
  const [f] = findingsOf('stale-references', '扎实开展党史学习教育。', { year: 2023 });
  expect(f?.messageId).toBe('rules.stale.campaign');
  expect(f?.params).toMatchObject({ active: '2021-02–2021-12', entry: 'party-history' });
});

describe('the events pack', () => {
  it('dates every campaign with a source and spans in order', () => {
    for (const c of eventsPack.campaigns) {
      expect(c.source.length).toBeGreaterThan(10);
      for (const s of c.active) expect(s.from <= s.to).toBe(true);
    }
  });

  it('has one entry per meeting and the meetings in date order', () => {
    const dates = eventsPack.meetings.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(eventsPack.meetings.map((m) => m.id)).size).toBe(dates.length);
  });
});
