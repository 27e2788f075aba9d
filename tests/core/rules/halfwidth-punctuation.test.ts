import { ruleTable } from './helpers';

ruleTable(
  'halfwidth-punctuation',
  [
    { text: '今年上半年,在县委、县政府的正确领导下', span: ',', fix: '，' },
    { text: '现将__社区今年意识形态工作总结汇报如下:', span: ':', fix: '：' },
    { text: '既查失职、渎职;也查为官不为', span: ';', fix: '；' },
    { text: '(一)高度重视,专题研究部署。', span: '(', fix: '（' },
    { text: '《习近平谈治国理政(第二卷)》20本', span: ')', fix: '）' },
    { text: '桂阳发展缺什么?', span: '?', fix: '？' },
    { text: '坚决打赢这场硬仗!', span: '!', fix: '！' },
    { text: '2021,我们', span: ',', fix: '，' },
    { text: '大写xxx,宣传xxx良好发展态势', span: ',', fix: '，' },
  ],
  [
    { text: '全年收入1,000万元' },
    { text: '会议于10:30开始' },
    { text: '网址 http://www.example.gov.cn 可以访问' },
    { text: 'Hello, world (test).' },
    { text: '今年上半年，在县委、县政府的正确领导下：' },
    { text: '所写的调研文章《育主体?' },
  ],
);
