import { ruleTable } from './helpers';

ruleTable(
  'number-forms',
  [
    { text: '二O二一年七月一日', span: '二O二一', fix: '二〇二一' },
    { text: '二0二二年工作总结', span: '二0二二', fix: '二〇二二' },
    { text: '二零二三年', span: '二零二三', fix: '二〇二三' },
    { text: '21年上半年意识形态工作总结', span: '21', fix: '2021' },
    { text: '22年度工作计划', span: '22', fix: '2022' },
    { text: '98年3月入党', span: '98', fix: '1998' },
    { text: '第21年度考核', span: '21', fix: '2021' },
    { text: '于二O二一年', span: '二O二一', fix: '二〇二一' },
  ],
  [
    { text: '二〇二一年七月一日' },
    { text: '2021年上半年' },
    { text: '蒹葭村“愚公”李朝荣修路8年的故事' },
    { text: '从事宣传工作12年,经验丰富。' },
    { text: '编号3.21年度' },
    { text: '１２21年度' },
    { text: '一二O二一年' },
  ],
);
