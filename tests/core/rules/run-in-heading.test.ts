import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';

ruleTable(
  'run-in-heading',
  [
    // A flattened preview: headings between spaces, after a full stop, after 如下.
    {
      text: '现将2021年党建工作总结汇报如下： 一、基本情况 晒经学区党支部现有支部一个，共有党员24人。',
      span: '一、基本情况',
      fix: '\n一、基本情况\n',
    },
    { text: '统战工作取得了良好成绩。 (一)夯实共同思想政治基础。组织成员单位主要领导学习。', span: '(一)夯实共同思想政治基础。', fix: '\n' },
    { text: '为新农村建设提供强有力的思想保证。现将具体工作汇报如下一、加强组织领导，落实意识形态工作按照守土有责的要求推进。', span: '一、加强组织领导，落实意识形态工作按照守土有责的要求推进。' },
    { text: '无发表否定党的言论。二、坚持教育培训，提高公民道德素质(一)强化中心组理论学习。健全学习制度。', span: '二、坚持教育培训，提高公民道德素质' },
    // A bracketed number right after the text, with a heading's words after it.
    { text: '以有力的政策措施落实意识形态工作各项任务(一)认真履行党委书记第一责任人职责。今年以来主持召开会议2次。', span: '(一)认真履行党委书记第一责任人职责。', fix: '\n' },
    // Years set apart from 年 do not end the heading.
    { text: '汇报如下: 一、2021 年上半年工作开展情况 2021 年上半年，统战工作取得了良好成绩。', span: '一、2021 年上半年工作开展情况' },
    // A heading at the line's start with its body after a space.
    { text: '一、加强组织领导，强化责任落实 经自查，某局党委高度重视，定期召开党委会议。', span: '一、加强组织领导，强化责任落实', fix: '\n' },
    { text: '2、加强定期研判，提高工作成效 党委定期对意识形态工作进行分析研判。', span: '2、加强定期研判，提高工作成效' },
    // The title, a space, the body.
    { text: '学区党支部2021年党建工作总结 一年来，我学区党支部在县教育党工委领导下扎实工作。', span: '学区党支部2021年党建工作总结', fix: '\n' },
    { text: '某局2022年意识形态工作责任制考核自评报告 2022年以来，某局党委积极做好意识形态工作。', span: '某局2022年意识形态工作责任制考核自评报告' },
  ],
  [
    // Headings in their place, with their body on the next line.
    { text: '一、基本情况\n晒经学区党支部现有支部一个。' },
    { text: '　　（一）加强组织领导。今年以来，主持召开会议2次。' },
    { text: '一、 主要工作情况' },
    { text: '（一）加强组织领导。今年以来 主持召开会议2次。' },
    // Enumerations and references inside a sentence.
    { text: '坚持统一、规范、高效的原则，做到之一、之二。' },
    { text: '按照第（一）项和（二）项的要求，落实整改责任。' },
    { text: '本办法所称意识形态工作，是指（一）班子成员的学习。' },
    { text: '一是加强学习，二是强化管理，三是压实责任。' },
    // A title on its own line; a sentence that merely ends with 报告 before a space.
    { text: '关于2023年上半年意识形态工作情况的报告' },
    { text: '党组书记向县委作了专题报告，县委书记 作了批示。' },
    // A page's summary of a post, cut off mid-word, is not split (web-cruft's).
    { text: '关于党组织标准化建设的工作总结 为扎实推进基层党组织标准化建设，有力推动了各' },
  ],
);

describe('fixes', () => {
  it('puts the heading on its own line', () => {
    const text = '现将2021年党建工作总结汇报如下： 一、基本情况 晒经学区党支部现有支部一个。';
    const [f] = findingsOf('run-in-heading', text);
    expect(applyFix(text, f!)).toBe('现将2021年党建工作总结汇报如下：\n一、基本情况\n晒经学区党支部现有支部一个。');
  });

  it('gives two headings in a row fixes that do not overlap', () => {
    const text = '未造成不良影响。 三、加强理论学习，提升思想认识 (一)推进学习型党组织建设。一是把意识形态纳入学习内容。';
    const found = findingsOf('run-in-heading', text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['三、加强理论学习，提升思想认识', '(一)推进学习型党组织建设。']);
    expect(found[0]!.fix!.end).toBeLessThanOrEqual(found[1]!.fix!.start);
  });

  it('leaves the space to this rule, not to cjk-spaces', () => {
    const text = '学区党支部2021年党建工作总结 一年来，我学区党支部在县教育党工委领导下扎实工作。';
    expect(findingsOf('cjk-spaces', text)).toEqual([]);
  });
});
