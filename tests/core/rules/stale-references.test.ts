import { expect, it } from 'vitest';
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
  ],
  [
    { text: '开展庆祝改革开放40周年系列活动', period: { year: 2018 } },
    { text: '以党的十九大精神为指导,努力克服自身不足', period: { year: 2018 } },
    { text: '以优异成绩迎接党的二十大胜利召开', period: { year: 2022, half: 1 } },
    { text: '学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神', period: { year: 2022 } },
    { text: '去年,我们隆重庆祝建党100周年。', period: { year: 2022 } },
    { text: '完成全年目标任务的60%。', period: H1_2021 },
    { text: '深入学习贯彻党的十九届五中全会精神', period: H1_2021 },
  ],
);

it('stays silent without a report period', () => {
  expect(findingsOf('stale-references', '开展庆祝改革开放40周年活动,以党的十九大精神为指导')).toEqual([]);
});

it('re-checks a paragraph when the period changes', () => {
  const text = '开展庆祝改革开放40周年活动';
  expect(findingsOf('stale-references', text, { year: 2018 })).toEqual([]);
  expect(findingsOf('stale-references', text, { year: 2021 })).toHaveLength(1);
});
