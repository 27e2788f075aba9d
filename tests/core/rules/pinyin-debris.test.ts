import { ruleTable } from './helpers';

ruleTable(
  'pinyin-debris',
  [
    { text: '凝(níng)聚力量', span: '(níng)', fix: '' },
    { text: '发挥角（jué）色作用', span: '（jué）', fix: '' },
  ],
  [{ text: '使用APP(应用程序)' }, { text: '微信公众号(WeChat)' }, { text: '政务新媒体(app)' }],
);
