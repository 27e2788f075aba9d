import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./probes/offset-shapes.ts', import.meta.url));

// Offsets stay small integers in every object shape the engine makes (see probes/offset-shapes.ts). One
// Infinity stored as a match's start once made every outline line's offsets boxed doubles, and the rule
// runner, which took a line's start for an integer, was thrown out of optimized code for good in about half
// of all processes: the same analysis then took 15 ms instead of 10.
it('analyses leave the offset shapes with integer fields', () => {
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', PROBE], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const shapes = JSON.parse(run.stdout) as Record<string, boolean>;
  expect(Object.keys(shapes).length).toBe(5);
  expect(shapes).toEqual({ range: true, span: true, line: true, fix: true, finding: true });
}, 150_000);
