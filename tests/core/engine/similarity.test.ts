import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTexts, compareWithIndex, formatShare, indexReferences } from '../../../lib/core/similarity';
import { corpusReferences } from '../../../lib/core/references/corpus';
import { splitCorpus } from '../../../lib/core/references/split';

const cleaned = readFileSync(new URL('../../fixtures/corpus/cleaned.txt', import.meta.url), 'utf8');
const [r1, r2, r3, r4, r5] = corpusReferences.map((r) => r.text) as [string, string, string, string, string];

// A text on another subject altogether (no sentence of it is in the corpus).
const unrelated =
  '本季度气温偏高，降水偏少，主要河流来水较常年同期偏枯两成。水文站加密观测频次，逐日发布墒情简报，' +
  '指导农户错峰灌溉、节水保苗。全县新建高效节水灌溉面积一千二百亩，修复渠道十四公里，更换老旧闸门九座。' +
  '下一阶段将完成水库除险加固的收尾工程，开展汛前隐患排查，储备编织袋、块石等防汛物资。';

describe('compareTexts (上期重复率)', () => {
  it('an exact copy is 100%', () => {
    const result = compareTexts(r1, r1);
    expect(result.share).toBe(1);
    expect(formatShare(result.share)).toBe('100.0%');
    expect(result.passages).toHaveLength(1);
    // the passage ends at the last compared character (the closing 。 is punctuation)
    const end = r1.replace(/[。！）]+$/, '').length;
    expect(result.passages[0]).toMatchObject({ start: 0, end, refStart: 0, refEnd: end });
  });

  it('a copy with other punctuation and line breaks is still 100%', () => {
    const respaced = r5.replace(/，/g, ',').replace(/。/g, '. ').replace(/\n/g, '\n\n');
    expect(compareTexts(respaced, r5).share).toBe(1);
  });

  it('an unrelated text is about 0%', () => {
    expect(compareTexts(unrelated, r1).share).toBe(0);
    expect(compareTexts(unrelated, cleaned).passages).toEqual([]);
  });

  it('two different sample reports share little', () => {
    const result = compareTexts(r2, r5);
    expect(result.share).toBeLessThan(0.1);
  });

  it('locates a copied passage inside new text', () => {
    const copiedPart = r3.slice(200, 500);
    const text = `${unrelated}\n${copiedPart}\n${unrelated.slice(0, 60)}`;
    const result = compareTexts(text, r3);
    expect(result.passages).toHaveLength(1);
    const [p] = result.passages;
    // the passage is the copied part, up to the punctuation at its edges
    const at = text.indexOf(copiedPart);
    expect(p!.start - at).toBeLessThanOrEqual(1);
    expect(at + copiedPart.length - p!.end).toBeLessThanOrEqual(1);
    expect(r3.slice(p!.refStart, p!.refEnd)).toBe(text.slice(p!.start, p!.end));
    expect(result.share).toBeGreaterThan(0.5);
    expect(result.share).toBeLessThan(0.8);
  });

  it('does not count short set phrases', () => {
    const text = '深入学习贯彻习近平新时代中国特色社会主义思想。';
    expect(compareTexts(`我们${text}`, `他们${text}`, { minLength: 40 }).share).toBe(0);
  });

  it('empty texts share nothing', () => {
    expect(compareTexts('', r1).share).toBe(0);
    expect(compareTexts(r1, '').share).toBe(0);
  });
});

describe('compareWithIndex (范文相似度)', () => {
  const index = indexReferences(corpusReferences);

  it('a corpus report against the corpus: its own reference, all of it', () => {
    const result = compareWithIndex(r4, index);
    expect(result.share).toBe(1);
    expect(result.byReference[0]).toMatchObject({ refId: 'corpus-4', share: 1 });
  });

  it('a report stitched from two references names both, each passage with its reference', () => {
    const text = `${r2.slice(0, 300)}\n${unrelated}\n${r5.slice(100, 400)}`;
    const result = compareWithIndex(text, index);
    expect(result.byReference.map((r) => r.refId).sort()).toEqual(['corpus-2', 'corpus-5']);
    for (const p of result.passages) {
      const ref = corpusReferences[p.ref]!;
      expect(ref.id).toBe(p.refId);
      expect(ref.text.slice(p.refStart, p.refEnd).replace(/\s/g, '')).toBe(text.slice(p.start, p.end).replace(/\s/g, ''));
    }
  });

  it('the shipped references are the cleaned corpus (regenerate with lib/core/references/generate.ts)', () => {
    expect(corpusReferences).toEqual(splitCorpus(cleaned));
  });
});
