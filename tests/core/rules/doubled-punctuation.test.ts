import { ruleTable } from './helpers';

ruleTable(
  'doubled-punctuation',
  [
    { text: '加强组织领导，，落实主体责任', span: '，，', fix: '' },
    { text: '落实主体责任。。', span: '。。', fix: '' },
    { text: '宣传栏、、网站', span: '、、' },
    { text: '落实主体责任，。', span: '，。' },
  ],
  [{ text: '早预见、早发现。。。' }, { text: '这难道不是事实吗？！' }, { text: '一是加强领导，二是完善制度。' }],
);
