// Benchmark of the copy measure (not a test): `npx tsx tests/bench/similarity.ts`, or `npm run bench similarity`.
// Target (issue 13): a 20k-character report against 100 references in ≤ 50 ms. The references are made of the
// sample corpus's paragraphs, shuffled and cut into 100 texts of about 8,000 characters (800k in all); the index
// is built once per reference set, as the panel and the CLI do, and its time is printed apart. Families of the
// report: half copied from the references, all copied, nothing copied (a different text), and one character
// repeated (every k-gram the same). Medians of RUNS runs after a warm-up.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compareTexts, compareWithIndex, indexReferences, type Reference } from '../../lib/core/similarity';

const RUNS = Number(process.env.RUNS ?? 15);
const TARGET_MS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(run: () => void, runs = RUNS): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

// A small seeded generator, so that every run benches the same texts.
let seed = 13;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const corpus = readFileSync(new URL('../fixtures/corpus/cleaned.txt', import.meta.url), 'utf8');
const paragraphs = corpus.split('\n').filter((l) => l.length > 20);
// Each reference: paragraphs in a random order with a numbered marker, so that references differ.
const references: Reference[] = Array.from({ length: 100 }, (_, r) => {
  let text = '';
  while (text.length < 8000) text += `${paragraphs[Math.floor(random() * paragraphs.length)]}（${r}-${text.length}）\n`;
  return { id: `ref-${r}`, title: `ref ${r}`, text };
});
const other = '本季度气温偏高，降水偏少，水文站加密观测频次，逐日发布墒情简报，指导农户错峰灌溉、节水保苗。第{n}批新建高效节水灌溉面积{n}亩，修复渠道{n}公里。\n';
const fresh = (chars: number) => {
  let text = '';
  for (let n = 0; text.length < chars; n++) text += other.replaceAll('{n}', String(n * 7 + 3));
  return text.slice(0, chars);
};
const copied = (chars: number) => {
  let text = '';
  while (text.length < chars) text += `${paragraphs[Math.floor(random() * paragraphs.length)]}\n`;
  return text.slice(0, chars);
};
const half = (chars: number) => {
  let text = '';
  while (text.length < chars) text += random() < 0.5 ? `${paragraphs[Math.floor(random() * paragraphs.length)]}\n` : fresh(200);
  return text.slice(0, chars);
};

console.log(`node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${RUNS} runs\n`);
const indexMs = time(() => indexReferences(references), 5);
const index = indexReferences(references);
console.log(`index of 100 references (${references.reduce((n, r) => n + r.text.length, 0)} characters): ${indexMs.toFixed(1)} ms, once per set\n`);

const families = [
  { label: 'half copied', text: half(20_000) },
  { label: 'all copied', text: copied(20_000) },
  { label: 'nothing copied', text: fresh(20_000) },
  { label: 'one character repeated', text: '的'.repeat(20_000) },
];
let failed = false;
for (const family of families) {
  let share = 0;
  const ms = time(() => {
    share = compareWithIndex(family.text, index).share;
  });
  const ok = ms <= TARGET_MS;
  if (!ok) failed = true;
  console.log(`${family.label.padEnd(24)} 20k vs 100 refs: ${ms.toFixed(2).padStart(7)} ms  (target ≤ ${TARGET_MS} ms, ${(ms / TARGET_MS).toFixed(2)}×)  share ${(share * 100).toFixed(1)}%${ok ? '' : '  SLOW'}`);
}
// 上期重复率: one previous report, index included (the panel compares with one record each time).
const previous = copied(20_000);
const current = half(20_000);
const pairMs = time(() => compareTexts(current, previous));
console.log(`\n上期重复率 20k vs 20k (index included): ${pairMs.toFixed(2)} ms`);
// Linear growth: 200k against the same set.
const big = half(200_000);
const bigMs = time(() => compareWithIndex(big, index), 5);
console.log(`half copied 200k vs 100 refs: ${bigMs.toFixed(1)} ms (${(bigMs / 10).toFixed(2)} ms per 20k)`);
process.exit(failed ? 1 : 0);
