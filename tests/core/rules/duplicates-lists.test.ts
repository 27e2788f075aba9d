// Lists that reports carry (a study log, a meeting log, a 领导小组 roster, an 一览表) are entries that look alike,
// not a passage pasted twice: the duplicates rule must stay silent on them, as they are written in real reports,
// while a real pasted copy next to them is still found.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

const STUDY_LOG = [
  '附件：2023年度党组理论学习中心组学习情况一览表',
  '1. 2023年1月12日，党组理论学习中心组集中学习党的二十大报告，局党组书记、局长王建军主持。',
  '2. 2023年2月16日，党组理论学习中心组集中学习党的二十大报告，局党组书记、局长王建军主持。',
  '3. 2023年3月23日，党组理论学习中心组集中学习党的二十大报告，局党组书记、局长王建军主持。',
  '4. 2023年4月20日，党组理论学习中心组集中学习《习近平著作选读》第一卷，局党组书记、局长王建军主持。',
  '5. 2023年5月18日，党组理论学习中心组集中学习《习近平著作选读》第二卷，局党组书记、局长王建军主持。',
];

const MEETING_LOG = [
  '3月15日，召开党组会议，专题研究意识形态工作，听取意识形态领域情况汇报。',
  '6月20日，召开党组会议，专题研究意识形态工作，听取意识形态领域情况汇报。',
  '9月18日，召开党组会议，专题研究意识形态工作，听取意识形态领域情况汇报。',
  '12月22日，召开党组会议，专题研究意识形态工作，听取意识形态领域情况汇报。',
];

const ROSTER = [
  '意识形态工作领导小组成员如下：',
  '组长：王建军　局党组书记、局长',
  '副组长：李　明　局党组成员、副局长',
  '成员：张　华　局办公室主任',
  '成员：赵　强　局政工科科长',
  '成员：钱　伟　局业务一科科长',
  '成员：孙丽娟　局业务二科科长',
  '领导小组办公室设在局办公室，张华同志兼任办公室主任。',
];

describe('lists in reports are not duplicated passages', () => {
  it.each([
    ['a study log (一览表)', STUDY_LOG],
    ['a meeting log, one line a quarter', MEETING_LOG],
    ['a 领导小组 roster', ROSTER],
  ])('%s', (_name, lines) => {
    expect(findingsOf('duplicates', lines.join('\n'))).toEqual([]);
  });

  it('still finds a paragraph pasted twice next to the lists', () => {
    const copied = '我局坚持把意识形态工作摆在全局工作的突出位置，与业务工作同部署、同落实、同检查、同考核。';
    const text = [copied, ...MEETING_LOG, ...ROSTER, copied].join('\n');
    const found = findingsOf('duplicates', text);
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(text.lastIndexOf(copied));
  });
});
