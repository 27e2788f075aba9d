import { expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';

ruleTable(
  'web-cruft',
  [
    { text: '- 范文问答', span: '- 范文问答', fix: '' },
    { text: '- 答案列表', span: '- 答案列表', fix: '' },
    { text: '关于2021年学校意识形态工作情况报告[朗读]', span: '[朗读]', fix: '' },
    { text: '加入收藏', span: '加入收藏', fix: '' },
    { text: '全文共计3528个字', span: '共计3528个字', fix: '' },
    { text: '精品文档 仅供参考', span: '精品文档 仅供参考', fix: '' },
    { text: '文档介绍：', span: '文档介绍：', fix: '' },
    { text: '申明敬告：', span: '申明敬告：', fix: '' },
    { text: '……省略2000字，正式会员可完整阅读……', span: '省略2000字，正式会员可完整阅读' },
    { text: '第1页 共3页', span: '第1页 共3页', fix: '' },
    { text: '— 2 —', span: '— 2 —', fix: '' },
    { text: '上一篇：2020年意识形态工作总结', span: '上一篇：' },
  ],
  [
    { text: '以上意见,仅供参考。' },
    { text: '建立了5大类、11个专题的信息查询系统。' },
    { text: '认真组织学习文件,写出心得体会2篇。' },
    { text: '范文澜同志的著作' },
  ],
);

it('removes a whole cruft line together with its line break', () => {
  const text = '肯定成绩。\n- 范文问答\n- 答案列表\n今年以来';
  let fixed = text;
  for (const f of findingsOf('web-cruft', text).reverse()) fixed = applyFix(fixed, f);
  expect(fixed).toBe('肯定成绩。\n今年以来');
});

it('removes only the fragment when the line holds report text too', () => {
  const text = '关于2021年学校意识形态工作情况报告[朗读]';
  expect(applyFix(text, findingsOf('web-cruft', text)[0]!)).toBe('关于2021年学校意识形态工作情况报告');
});
