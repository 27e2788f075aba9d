// Heading ranges stay inside their line and the text (issue 9, item 7): a run-in heading with a long title
// near the end of the text used to get a title reaching past its line, or past the text.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../lib/core/outline/parse';
import { analyze } from '../../../lib/core/analyze';

const LONG = '全面落实意识形态工作责任制切实加强党对意识形态工作的全面领导不断巩固壮大主流思想舆论阵地'; // 45 characters, no comma

function expectInside(text: string): void {
  const headings = parseOutline(text).headings;
  for (const h of headings) {
    expect(h.start).toBeGreaterThanOrEqual(0);
    expect(h.titleStart).toBeGreaterThanOrEqual(h.start);
    expect(h.end).toBeGreaterThanOrEqual(h.titleStart);
    expect(h.end).toBeLessThanOrEqual(text.length);
    expect(h.bodyStart).toBeLessThanOrEqual(text.length);
    expect(h.title).toBe(text.slice(h.titleStart, h.end));
    expect(h.title).not.toContain('\n');
  }
}

describe('heading titles are clamped to their line', () => {
  it('a run-in heading with a long title at the end of the text', () => {
    const text = `主要做法如下：一、${LONG}`;
    const [h] = parseOutline(text).headings;
    expect(h!.title).toBe(LONG);
    expect(h!.end).toBe(text.length);
    expectInside(text);
  });

  it('a run-in heading with a long title before a line break', () => {
    const text = `主要做法如下：一、${LONG}\n（一）下一节`;
    const first = parseOutline(text).headings[0]!;
    expect(first.title).toBe(LONG);
    expect(text[first.end]).toBe('\n');
    expectInside(text);
  });

  it('a long title that ends in a sentence mark before a comma', () => {
    const text = `主要做法如下：一、${LONG}。其后是正文，有逗号`;
    const first = parseOutline(text).headings[0]!;
    expect(first.title).toBe(LONG);
    expectInside(text);
  });

  it('the whole analysis keeps every offset inside the text', () => {
    const text = `关于2026年上半年意识形态工作情况的报告\n主要做法如下：一、${LONG}`;
    const analysis = analyze(text);
    for (const f of analysis.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      if (f.fix) expect(f.fix.end).toBeLessThanOrEqual(text.length);
    }
    expectInside(text);
  });

  it('random mixtures of markers, titles, punctuation and line breaks', () => {
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const bits = ['一、', '（一）', '1.', '（1）', '一是', '第一，', '二、', '。', '，', '\n', '   ', '加强组织领导', LONG, '：', '？', '(二)', '；'];
    let headings = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 30); k > 0; k--) text += bits[Math.floor(next() * bits.length)];
      headings += parseOutline(text).headings.length;
      expectInside(text);
    }
    expect(headings).toBeGreaterThan(3000);
  });
});
