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
