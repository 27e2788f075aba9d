import { ruleTable } from './helpers';

ruleTable(
  'mojibake',
  [
    { text: '所写的调研文章《育主体?', span: '?' },
    { text: '干部职工积极撰写调研讨论文章,并上墙予以公示?', span: '?' },
    { text: '加强意识形?态工作', span: '?' },
    { text: '落实\uFFFD\uFFFD责任', span: '\uFFFD\uFFFD' },
    { text: '锟斤拷锟斤拷', span: '锟斤拷锟斤拷' },
    { text: '残缺\uD800字符', span: '\uD800' },
  ],
  [
    { text: '桂阳发展缺什么?' },
    { text: '是否已经落实到位?' },
    { text: 'What is it?' },
    { text: '版本 1.0?' },
    { text: '表情😀正常' },
  ],
);
