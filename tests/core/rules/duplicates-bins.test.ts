// Before two paragraphs are compared, the duplicate check counts the MinHash bins they agree on and skips a pair
// that agrees on fewer than four (lib/core/rules/duplicates.ts, agreeingBins). For paragraphs of up to about 40
// characters that can never skip a pair at or over the 90 % threshold: each bin that disagrees needs a shingle
// one of the two lacks, and such a pair lacks at most four. Shown here on seeded random short lines and their
// edited copies, and on the corpus's lines with a character or two changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binsAgreeing, binsNeededFor, shingleSimilarity } from '../../../lib/core/rules/duplicates';
import { families } from '../adversarial';

const HAN = [...'加强意识形态工作责任制落实党委主体责任宣传思想文化阵地建设管理网络舆情分析研判理论学习中心组集中学习专题研讨'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** A copy of `text` with `edits` characters replaced, inserted or deleted at random places. */
function edited(text: string, edits: number, next: () => number): string {
  let chars = [...text];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * chars.length);
    const kind = Math.floor(next() * 3);
    const c = HAN[Math.floor(next() * HAN.length)]!;
    if (kind === 0) chars[at] = c;
    else if (kind === 1) chars.splice(at, 0, c);
    else chars = chars.filter((_, i) => i !== at);
  }
  return chars.join('');
}

describe('the bins counted before a comparison', () => {
  it('never number fewer than four for short lines at 90 % or more', () => {
    const next = random(3);
    let pairs = 0;
    for (let n = 0; n < 20_000; n++) {
      // Both at least 20 characters: shorter lines are compared only as exact copies, never through bins.
      const length = 22 + Math.floor(next() * 19);
      let a = '';
      for (let i = 0; i < length; i++) a += HAN[Math.floor(next() * HAN.length)]!;
      const b = edited(a, 1 + Math.floor(next() * 2), next);
      if (b.length < 20 || shingleSimilarity(b, a).full < 0.9) continue;
      pairs++;
      expect(binsAgreeing(b, a), `${a} / ${b}`).toBeGreaterThanOrEqual(4);
    }
    expect(pairs).toBeGreaterThan(1_000);
  });

  it('are mostly fewer than four for lines of a list that only look alike (what the count is for)', () => {
    const lines = ['王伟  县委宣传部党支部书记  13812345678', '李强  县委宣传部组织委员  13987654321', '张敏  县网信办宣传委员  13700001111', '刘洋  县委宣传部科员  13566667777'];
    const counts = lines.slice(1).map((line) => binsAgreeing(line.replace(/\s/g, ''), lines[0]!.replace(/\s/g, '')));
    expect(counts.filter((c) => c < 4).length).toBeGreaterThanOrEqual(2);
  });

  it('keep every long corpus paragraph with a character or two changed', () => {
    const corpus = readFileSync(new URL('../../fixtures/corpus/000_037b8862a6aab3ed.txt', import.meta.url), 'utf8');
    const next = random(5);
    let pairs = 0;
    for (const line of corpus.split('\n').filter((l) => l.length >= 40)) {
      const copy = edited(line, 1 + Math.floor(next() * 2), next);
      if (shingleSimilarity(copy, line).full < 0.9) continue;
      pairs++;
      expect(binsAgreeing(copy, line), line).toBeGreaterThanOrEqual(4);
    }
    expect(pairs).toBeGreaterThan(50);
  });

  // The count asked of a pair grows as its lines get shorter: at 90 % two lines differ in at most
  // (|A| + |B|) / 19 shingles, and each disagreeing bin needs one of them.
  it('never number fewer than the pair’s lengths ask for, at 90 % or more, short or long, varied or repetitive', () => {
    const next = random(9);
    const alphabets = [HAN, [...'xX×_某（）年月日'], [...'工作学习']];
    let pairs = 0;
    let strict = 0;
    for (let n = 0; n < 30_000; n++) {
      const letters = alphabets[n % 3]!;
      const length = 20 + Math.floor(next() * (n % 2 ? 25 : 120));
      let a = '';
      for (let i = 0; i < length; i++) a += letters[Math.floor(next() * letters.length)]!;
      const b = edited(a, 1 + Math.floor(next() * 3), next);
      if (b.length < 20 || shingleSimilarity(b, a).full < 0.9) continue;
      pairs++;
      const needed = binsNeededFor(b, a);
      if (needed > 4) strict++;
      expect(binsAgreeing(b, a), `${a} / ${b}`).toBeGreaterThanOrEqual(needed);
    }
    expect(pairs).toBeGreaterThan(3_000);
    expect(strict).toBeGreaterThan(1_000);
  });

  it('rule out more of a list’s look-alike lines than four bins would', () => {
    const lines = families.find((f) => f.id === 'similar-lines')!.make(20_000).split('\n').map((l) => l.replace(/\s/g, ''));
    let byFour = 0;
    let byLength = 0;
    for (let i = 1; i < lines.length; i++) {
      const agree = binsAgreeing(lines[i]!, lines[i - 1]!);
      if (agree < 4) byFour++;
      if (agree < binsNeededFor(lines[i]!, lines[i - 1]!)) byLength++;
    }
    expect(byLength).toBeGreaterThan(byFour + lines.length / 10);
  });
});
