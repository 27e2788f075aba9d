import { ruleTable } from './helpers';

ruleTable(
  'ellipsis',
  [
    { text: '对一些苗头性问题努力做到早预见、早发现...', span: '...', fix: '……' },
    { text: '开展学习、讨论。。。', span: '。。。', fix: '……' },
    { text: '宣传栏、网站…', span: '…', fix: '……' },
    { text: '报告会、研讨会、讲座论坛等……', span: '……', fix: '' },
  ],
  [
    { text: '报告会、研讨会、讲座论坛……' },
    { text: '全面抓好《.....党组工作条例(试行)》的贯彻落实' },
    { text: 'wait... ok' },
  ],
);
