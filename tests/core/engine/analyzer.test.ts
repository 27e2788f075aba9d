import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, UnknownTemplateError } from '../../../lib/core/analyze';
import { corpus, report } from './corpus';

describe('createAnalyzer', () => {
  it('gives after an edit the same analysis as a fresh run on the edited text', () => {
    const analyzer = createAnalyzer({ templateId: 'ideology-annual' });
    const text = report('E');
    analyzer.update(text);
    const at = text.indexOf('取得了必须成绩');
    const edited = `${text.slice(0, at)}取得了一定成绩${text.slice(at + 7)}`;
    expect(analyzer.update(edited)).toEqual(analyze(edited, { templateId: 'ideology-annual' }));
  });

  // The runner and coverage keep their per-line results on the outline's reading of each line, which equal
  // lines share and which outlives an analysis while the line stays: moved, repeated and re-dated lines must
  // still give what a fresh run gives.
  it('gives the analysis of a fresh run after lines move, repeat and the period changes', () => {
    const analyzer = createAnalyzer();
    const body = report('E');
    const steps = [
      body,
      `新增一行：召开X次会议。\n${body}`,
      `${body}\n${body.split('\n').slice(2, 6).join('\n')}\n召开X次会议。`,
      `2021年上半年意识形态工作总结\n${body}\n深入开展党史学习教育。`,
      `2024年上半年意识形态工作总结\n${body}\n深入开展党史学习教育。`,
      `2024年上半年意识形态工作总结\n${body}\n深入开展党史学习教育。\n2024年上半年意识形态工作总结`,
    ];
    for (const text of steps) expect(analyzer.update(text)).toEqual(analyze(text));
  });

  it('keeps two analyzers with different settings apart on the same text', () => {
    const text = `${report('E')}\n召开X次会议。`;
    const all = createAnalyzer();
    const fewer = createAnalyzer({ rules: { disabledRules: ['placeholders'] }, templateId: 'none' });
    for (let round = 0; round < 2; round++) {
      expect(all.update(text)).toEqual(analyze(text));
      expect(fewer.update(text)).toEqual(analyze(text, { rules: { disabledRules: ['placeholders'] }, templateId: 'none' }));
    }
  });

  it('follows a heading typed into the text', () => {
    const analyzer = createAnalyzer({ templateId: 'ideology-annual' });
    analyzer.update('一、主要工作情况\n正文。');
    const after = analyzer.update('一、主要工作情况\n正文。\n二、存在的问题\n学习不深。');
    expect(after.outline.map((h) => h.title)).toEqual(['主要工作情况', '存在的问题']);
  });

  it('rejects an unknown template id', () => {
    expect(() => createAnalyzer({ templateId: 'nope' })).toThrow(UnknownTemplateError);
  });

  it('skips coverage with the template id none', () => {
    expect(analyze('一、甲', { templateId: 'none' }).coverage).toBeNull();
  });
});

describe('bounded time', () => {
  it('analyses 1 MB of report text in bounded time', () => {
    let big = '';
    while (big.length < 1_000_000) big += `${corpus}\n`;
    const start = performance.now();
    const result = analyze(big);
    expect(result.outline.length).toBeGreaterThan(100);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('analyses a 100k-character line without line breaks in bounded time', () => {
    const line = corpus.replace(/\n/g, '').repeat(5).slice(0, 100_000);
    const start = performance.now();
    analyze(line);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('analyses pathological input (long runs of markers, brackets and x) in bounded time', () => {
    const parts = ['（'.repeat(50_000), '一、'.repeat(20_000), 'x'.repeat(50_000), '。一是'.repeat(20_000), '1.'.repeat(20_000)];
    const start = performance.now();
    for (const part of parts) analyze(part);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
