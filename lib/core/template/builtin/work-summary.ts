// The generic 工作总结: what was done and achieved (with figures), optionally what was learnt, the problems, and
// the plans. Any report that is not an ideology-responsibility report falls back to it.
import type { TemplateInput } from '../schema';

export const workSummary: TemplateInput = {
  schemaVersion: 1,
  id: 'work-summary',
  version: 2,
  name: '工作总结',
  kinds: ['工作总结', '工作情况报告', '述职报告', '工作汇报'],
  variant: 'general',
  sections: [
    {
      id: 'main-work',
      title: '主要工作及成效',
      synonyms: ['主要工作及成效', '主要工作情况', '工作开展情况', '主要做法及成效', '主要做法和成效', '工作完成情况', '主要成效', '主要工作情景', '基本情况'],
      level: 1,
      required: true,
      absorbsUnmatched: true,
      topics: [
        { id: 'results', title: '工作成效（数据）', keywords: ['完成', '成效', '取得', '实现', '开展', '组织'], figures: true },
      ],
      scaffold: [
        '一、主要工作及成效',
        '报告期内，{{单位名称}}紧紧围绕年度目标任务，扎实推进各项工作。（一）{{重点工作一}}。（二）{{重点工作二}}。',
      ].join('\n'),
    },
    {
      id: 'experience',
      title: '经验体会',
      synonyms: ['经验体会', '主要经验', '体会与启示', '经验做法', '几点体会'],
      titleKeywords: ['经验', '体会', '启示'],
      level: 1,
      required: false,
      scaffold: ['二、经验体会', '回顾报告期工作，我们有以下几点体会：一是{{体会一}}；二是{{体会二}}。'].join('\n'),
    },
    {
      id: 'problems',
      title: '存在的问题',
      synonyms: ['存在的问题', '存在问题', '存在的不足', '问题和不足', '不足之处', '差距和不足', '困难和问题'],
      titleKeywords: ['问题', '不足', '差距', '短板'],
      level: 1,
      required: true,
      scaffold: ['二、存在的问题', '在肯定成绩的同时，我们也清醒地看到工作中还存在一些不足：一是{{问题一}}；二是{{问题二}}。'].join('\n'),
    },
    {
      id: 'next-steps',
      title: '下一步工作打算',
      synonyms: ['下一步工作打算', '下一步打算', '下步打算', '下一步工作计划', '今后工作打算', '下半年工作打算', '明年工作打算', '工作思路'],
      titleKeywords: ['下一步', '下步', '今后', '打算', '计划'],
      level: 1,
      required: true,
      scaffold: ['三、下一步工作打算', '下一步，我们将坚持问题导向，针对上述不足认真加以改进：一是{{打算一}}；二是{{打算二}}。'].join('\n'),
    },
  ],
};
