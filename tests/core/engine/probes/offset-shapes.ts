// Run by offset-shapes.test.ts in a node started with --allow-natives-syntax (not a test file itself).
// V8 keeps a number field of an object shape as a small integer only while every object of that shape has
// held one there; once one holds a fraction, -0 or Infinity, the field becomes a boxed double for every object
// of the shape — and the shapes are shared by every object literal with the same leading keys (an outline line
// { start, end, text, info } shares `start` and `end` with any other four-key literal that begins so). Offsets
// read from such objects are then heap numbers, and optimized code that took them for integers throws itself
// away. This script makes one object of each offset shape the engine uses, analyses texts of every kind, makes
// the same objects again and prints, per shape, whether they still share their hidden class (a field that
// changed representation gives the later object a new one).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** One object of each shape, made the way the engine's literals make them (fresh literals, integer offsets). */
function probes(): Record<string, object> {
  const n = (x: number) => x;
  return {
    range: { start: n(1), end: n(2) },
    span: { start: n(1), end: n(2), text: 'a' },
    line: { start: n(1), end: n(2), text: 'a', info: {} },
    fix: { start: n(1), end: n(2), text: '' },
    finding: { ruleId: 'r', category: 'c', severity: 'warning', start: n(1), end: n(2), messageId: 'm' },
  };
}

const before = probes();
const { analyze } = await import('../../../../lib/core/analyze');
const { families } = await import('../../adversarial');
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const texts: string[] = [];
for (const dir of ['real', 'corpus']) {
  for (const name of readdirSync(fixtures + dir)) if (name.endsWith('.txt')) texts.push(readFileSync(fixtures + dir + '/' + name, 'utf8'));
}
for (const family of families) texts.push(family.make(20_000));
// Enough runs for the optimizing compiler to take over the hot paths, whose stores may differ from the
// interpreter's.
for (let round = 0; round < 6; round++) for (const text of texts) analyze(text);
const after = probes();
const result: Record<string, boolean> = {};
for (const key of Object.keys(before)) result[key] = sameMap(before[key]!, after[key]!);
console.log(JSON.stringify(result));
