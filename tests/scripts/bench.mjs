// `npm run bench`: runs every benchmark script in tests/bench/ (each prints its own medians and ratios).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const scripts = readdirSync('tests/bench')
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.startsWith('_'))
  .filter((name) => !only || name.includes(only))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  // --expose-gc lets a benchmark collect one contestant's garbage before timing the next.
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `tests/bench/${script}`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
