// The sample corpus is five reports in one file; these are the lines each starts at (1-based) and a short
// title for each, as read from the reports themselves.
import type { Reference } from '../similarity';

const STARTS: Array<[line: number, id: string, title: string]> = [
  [1, 'corpus-1', '县电子政务办公室上半年意识形态工作情况'],
  [18, 'corpus-2', '关于2021年学校意识形态工作情况报告'],
  [31, 'corpus-3', '社区意识形态工作情况（理论学习与舆论引导）'],
  [44, 'corpus-4', '各级党组织做好意识形态工作的几点要求'],
  [71, 'corpus-5', '商务局意识形态工作责任制落实情况报告'],
];

export function splitCorpus(cleaned: string): Reference[] {
  const lines = cleaned.split('\n');
  return STARTS.map(([line, id, title], i) => {
    const end = i + 1 < STARTS.length ? STARTS[i + 1]![0] - 1 : lines.length;
    return { id, title, text: lines.slice(line - 1, end).join('\n').trim() };
  });
}
