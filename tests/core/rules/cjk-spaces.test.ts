import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';

ruleTable(
  'cjk-spaces',
  [
    { text: '切实加强意识 形态阵地建设和管理。', span: '识 形', fix: '识形' },
    { text: '认真抓好党 建工作，推动全面从严治党向纵深发展。', span: '党 建', fix: '党建' },
    { text: '全年共组织开展专题学习\u3000十二次。', span: '习\u3000十', fix: '习十' },
    { text: '坚持党管宣传、党管\u00a0意识形态原则。', span: '管\u00a0意', fix: '管意' },
    // A paragraph full of stray spaces: one finding from the first to the last, one fix.
    {
      text: '今年以来，我局 坚持以习近平新时代中国特色社会主义思想为 指导，认真落实意识形态 工作责任制。',
      span: '局 坚持以习近平新时代中国特色社会主义思想为 指导，认真落实意识形态 工',
      fix: '局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工',
    },
    // Two spaces are still stray; a wrapped line with no punctuation, but longer than a title.
    { text: '组织党员干部认真学习  党的二十大精神。', span: '习  党', fix: '习党' },
    { text: '坚持以人民为中心的发展思想持续深化 党史学习教育成果推动各项工作落地见效取得实实在在的成效', span: '化 党' },
    { text: '全面从严治党，抓好党 建工作。', span: '党 建' },
    // The space after a heading number at the line's start.
    { text: '二、 工作要点', span: '、 工', fix: '、工' },
    { text: '（一） 进一步加强党员干部理论学习，提高政治站位。', span: '） 进', fix: '）进' },
    // After a title in book marks, the sentence goes on.
    { text: '学习《习近平谈治国理政》第四卷，撰写 心得体会。', span: '写 心' },
  ],
  [
    // Indentation, Latin, digits, punctuation.
    { text: '\u3000\u3000今年以来，我局认真落实意识形态工作责任制。' },
    { text: '全年开展学习 12 次，使用 WPS 办公软件。' },
    { text: '主要工作情况。 今年以来，成效明显。' },
    // A title or slogan: short, without sentence punctuation.
    { text: '育主体 兴产业 惠民生 率先实现全面小康' },
    { text: '第一部分 工作回顾' },
    { text: '所写的调研文章《育主体 兴产业 惠民生 率先实现全面小康》荣获县三等奖。' },
    // The rest of a title torn by a line break above.
    { text: '兴产业 惠民生 率先实现全面小康》荣获县三等奖。' },
    // Signature and form lines, a table row, a meeting log.
    { text: '中共青山县委宣传部    2023年7月5日' },
    { text: '填报单位：青山县委宣传部 填报日期：2023年7月5日，联系人：王明。' },
    { text: '姓名  职务  电话  备注，无' },
    { text: '2023年3月5日 召开党组会议 研究意识形态工作形势分析研判和宣传思想文化工作安排' },
    { text: '2023年3月5日 召开党组会议，研究意识形态工作。' },
    // Regulations number their articles with a space.
    { text: '第三条 党委（党组）对本地区本部门本单位意识形态工作负主体责任。' },
    // Names listed with spaces.
    { text: '参会人员：王明 李华 张强，会议由王明主持。' },
    { text: '会议由书记主持，委员 王明 李华 张强参加。' },
  ],
);

describe('one fix per paragraph', () => {
  it('removes every stray space of the paragraph and nothing else', () => {
    const text = '今年以来，我局 坚持以习近平新时代中国特色社会主义思想为 指导，认真学习《育主体 兴产业》一文。';
    const found = findingsOf('cjk-spaces', text);
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toEqual({ count: 2 });
    expect(applyFix(text, found[0]!)).toBe('今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真学习《育主体 兴产业》一文。');
  });

  it('stays linear on a long line of gaps', () => {
    const text = '意识 形态，'.repeat(20_000);
    const t = performance.now();
    const found = findingsOf('cjk-spaces', text);
    expect(performance.now() - t).toBeLessThan(500);
    expect(found[0]!.params).toEqual({ count: 20_000 });
  });
});
