import { describe, expect, it } from 'vitest';
import { findingsOf, ruleTable } from './helpers';

ruleTable(
  'repeated-word',
  [
    { text: '现将市商务局意识意识形态工作职责制工作总结如下。', span: '意识意识' },
    { text: '广泛开展开展中国特色社会主义和中华民族伟大复兴中国梦的宣传教育', span: '开展开展' },
    { text: '更加严格地贯彻落实好市委市委宣传部的安排部署', span: '市委市委' },
    { text: '社区党党总支多次学习文件精神', span: '党党' },
  ],
  [
    { text: '努力把意识形态领域工作的每一条措施一项一项的抓好' },
    { text: '扎扎实实、认认真真做好工作' },
    { text: '的的确确取得了成效' },
    { text: '做到天天学、常常讲' },
    { text: '全面抓好《中国共产党党组工作条例（试行）》' },
    { text: '关乎旗帜、关乎道路' },
  ],
);

describe('runs of a repeat', () => {
  it('reports a unit repeated several times over as one finding', () => {
    const text = '我们要开展开展开展学习活动';
    const found = findingsOf('repeated-word', text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.params!.word])).toEqual([['开展开展开展', '开展']]);
  });

  it('reports a doubled character repeated over as one finding', () => {
    const text = '他说的的的的话很好';
    const found = findingsOf('repeated-word', text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['的的的的']);
  });
});
