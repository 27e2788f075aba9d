// `npm test`: every test, unit to end-to-end, in one command.
//   1. unit and component tests (vitest, fakeBrowser, happy-dom)
//   2. the e2e build of the extension and the fixture portals
//   3. end-to-end tests in Debian's Chromium (playwright-core), plus the Firefox build and web-ext lint
// Prints one closing line "tests: N passed, N failed" over both vitest runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureBrowser } from './env.mjs';

const tmp = 'tests/.tmp';
mkdirSync(tmp, { recursive: true });

function run(command, args, label) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) };
}

const only = process.argv[2]; // 'unit' | 'e2e' | undefined (both)
let ok = true;
const reports = [];

if (only !== 'e2e') {
  ok = run('npx', ['tsc', '--noEmit', '-p', '.'], 'type check (TypeScript strict)') && ok;
  const file = `${tmp}/unit-report.json`;
  reports.push(file);
  ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], 'unit and component tests') && ok;
}

if (only !== 'unit') {
  ensureBrowser();
  ok = run('npm', ['run', 'build:e2e'], 'building the e2e flavour of the extension') && ok;
  if (existsSync('tests/fixtures/portals/build.mjs')) {
    ok = run('node', ['tests/fixtures/portals/build.mjs'], 'building the fixture portals') && ok;
  }
  const file = `${tmp}/e2e-report.json`;
  reports.push(file);
  ok =
    run(
      'npx',
      ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      'end-to-end tests in Chromium',
    ) && ok;
}

const total = reports.map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), {
  passed: 0,
  failed: 0,
});
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
process.exit(ok && total.failed === 0 ? 0 : 1);
