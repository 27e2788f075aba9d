import { describe, expect, it } from 'vitest';
import { joinFields } from '../../../lib/core/document';
import { shingleSimilarity } from '../../../lib/core/rules/duplicates';
import { applyFix, findingsOf } from './helpers';

const A = '意识形态工作是党的一项极其重要工作,关乎旗帜、关乎道路、关乎国家政治安全。';
const B = '社区党总支多次学习文件精神,力求体悟透彻,切实把意识形态工作摆上了重要日程。';
const C = '坚持学习制度,将学理论、学业务、党建专题知识讲座有机结合起来,努力创建学习型党组织。';
const HEAD = '四、存在的不足';

describe('flags', () => {
  it('flags the later of two identical paragraphs, with a fix that deletes it', () => {
    const text = [A, B, A].join('\n');
    const [f] = findingsOf('duplicates', text);
    expect(text.slice(f!.start, f!.end)).toBe(A);
    expect(f!.start).toBe(A.length + B.length + 2);
    expect(applyFix(text, f!)).toBe([A, B].join('\n'));
  });

  it('reports a section pasted twice as one finding, short headings included', () => {
    const text = [HEAD, A, B, C, HEAD, A, B, C].join('\n');
    const found = findingsOf('duplicates', text);
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toMatchObject({ count: 4 });
    expect(applyFix(text, found[0]!)).toBe([HEAD, A, B, C].join('\n'));
  });

  it('flags a near copy that differs in a few characters', () => {
    const near = C.replace('有机结合起来', '有效结合起来');
    const found = findingsOf('duplicates', [C, B, near].join('\n'));
    expect(found).toHaveLength(1);
    expect(found[0]!.params!.similarity).toBeGreaterThanOrEqual(90);
  });

  it('flags a copy across two form fields', () => {
    const doc = joinFields([
      { key: 'work', text: [A, B].join('\n') },
      { key: 'problems', text: [C, B].join('\n') },
    ]);
    const found = findingsOf('duplicates', doc.text);
    expect(found.map((f) => doc.text.slice(f.start, f.end))).toEqual([B]);
  });

  it('ignores spaces and zero-width characters when comparing', () => {
    const found = findingsOf('duplicates', [A, B, A.replace('。', ' 。\u200b')].join('\n'));
    expect(found).toHaveLength(1);
  });
});

describe('accepts', () => {
  it('a short heading repeated on its own', () => {
    expect(findingsOf('duplicates', [HEAD, A, HEAD, B].join('\n'))).toEqual([]);
  });

  it('two paragraphs on the same topic that are written differently', () => {
    const other = '意识形态工作是党的一项极端重要的工作,能否做好意识形态工作,事关党的前途命运。';
    expect(findingsOf('duplicates', [A, other].join('\n'))).toEqual([]);
  });

  it('blank lines', () => {
    expect(findingsOf('duplicates', [A, '', B, '', C].join('\n'))).toEqual([]);
  });
});

describe('recall of the MinHash candidates', () => {
  /** Exact Jaccard of character-bigram sets, written independently of the rule. */
  function jaccard(a: string, b: string): number {
    const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
    const x = grams(a);
    const y = grams(b);
    let both = 0;
    for (const g of x) if (y.has(g)) both++;
    return both / (x.size + y.size - both);
  }

  it('finds at least 99 % of near copies at or above the threshold, over the corpus paragraphs', async () => {
    const { readFileSync } = await import('node:fs');
    const corpus = readFileSync(new URL('../../fixtures/corpus/000_037b8862a6aab3ed.txt', import.meta.url), 'utf8');
    const paragraphs = [...new Set(corpus.split('\n').map((line) => line.replace(/\s/g, '')))].filter((p) => p.length >= 30);
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let pairs = 0;
    let found = 0;
    for (const original of paragraphs) {
      for (let variant = 0; variant < 4; variant++) {
        // Change one to three characters at random places: most such copies stay at or above 0.9.
        const chars = [...original];
        const edits = 1 + Math.floor(next() * 3);
        for (let e = 0; e < edits; e++) chars[Math.floor(next() * chars.length)] = '改动文字'[Math.floor(next() * 4)]!;
        const copy = chars.join('');
        if (copy === original || jaccard(original, copy) < 0.9) continue;
        pairs++;
        if (findingsOf('duplicates', `${original}\n${copy}`).length > 0) found++;
      }
    }
    expect(pairs).toBeGreaterThan(150);
    expect(found / pairs).toBeGreaterThanOrEqual(0.99);
  });
});

describe('near copies compared by their middles', () => {
  let seed = 3;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = (alphabet: string) => alphabet[Math.floor(next() * alphabet.length)]!;

  it('gives exactly the Jaccard of the two full shingle sets', () => {
    // Small alphabets make repeated bigrams (the case the occurrence counts are for) common.
    let fast = 0;
    for (let n = 0; n < 4000; n++) {
      const alphabet = n % 2 ? '党建工作责任制落实' : '甲乙丙';
      let earlier = '';
      const length = 20 + Math.floor(next() * 60);
      for (let i = 0; i < length; i++) earlier += pick(alphabet);
      // An edit at the start, in the middle or at the end: inserted, deleted or replaced characters.
      const at = [0, Math.floor(next() * length), length][n % 3]!;
      const cut = Math.floor(next() * 4);
      let added = '';
      for (let i = Math.floor(next() * 4); i > 0; i--) added += pick(alphabet + '第轮');
      const later = earlier.slice(0, at) + added + earlier.slice(Math.min(length, at + cut));
      const { fast: quick, full } = shingleSimilarity(later, earlier);
      if (quick === undefined) continue;
      fast++;
      expect(quick, `${earlier} → ${later}`).toBeCloseTo(full, 12);
    }
    // Nearly every such pair takes the short path, or the comparison above proves little.
    expect(fast).toBeGreaterThan(3000);
  });
});
