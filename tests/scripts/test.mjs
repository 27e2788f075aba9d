// `npm test`: every test, unit to end-to-end, in one command.
//   1. unit and component tests (vitest, fakeBrowser, happy-dom)
//   2. the e2e build of the extension and the fixture portals
//   3. end-to-end tests in Debian's Chromium (playwright-core), plus the Firefox build and web-ext lint
//   4. end-to-end tests in Debian's firefox-esr (puppeteer-core over WebDriver BiDi) with the Firefox e2e build
// The export tests render .docx files with LibreOffice and read the PDF with poppler: both are installed here when
// missing (as root, with apt-get), like Chromium; otherwise those tests skip and print why.
// Prints one closing line "tests: N passed, N failed" over every vitest run.
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

const EXPORT_TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm', 'unzip'];
const EXPORT_PACKAGES = 'libreoffice-writer-nogui poppler-utils unzip fonts-arphic-gkai00mp fonts-arphic-gbsn00lp';

function ensureExportTools() {
  const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  const arphic = spawnSync('sh', ['-c', 'fc-list | grep -qi "AR PL KaitiM GB"']).status === 0;
  if (EXPORT_TOOLS.every(has) && arphic) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.warn(`LibreOffice / poppler 缺失，导出渲染测试将跳过 / missing, the export rendering tests will be skipped: run "sudo apt-get install -y ${EXPORT_PACKAGES}".`);
    return;
  }
  console.log(`Installing ${EXPORT_PACKAGES} for the export rendering tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('sh', ['-c', 'apt-get update -qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('sh', ['-c', `apt-get install -y -qq ${EXPORT_PACKAGES}`], { stdio: 'inherit', env }).status === 0;
  if (!install) console.warn('apt-get could not install the export tools; the export rendering tests will be skipped.');
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
  ensureExportTools();
  ok = run('npx', ['tsc', '--noEmit', '-p', '.'], 'type check (TypeScript strict)') && ok;
  const file = `${tmp}/unit-report.json`;
  reports.push(file);
  ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], 'unit and component tests') && ok;
}

if (only !== 'unit') {
  ensureBrowser();
  ok = run('npm', ['run', 'build:e2e'], 'building the e2e flavour of the extension') && ok;
  // The enterprise flavour (fixed id) for tests/e2e/managed.e2e.ts, whose policy must name the extension's id.
  ok = run('npm', ['run', 'build:e2e-enterprise'], 'building the enterprise e2e flavour (managed storage)') && ok;
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

// Debian's firefox-esr, installed like Chromium when missing (as root, with apt-get); FIREFOX_PATH overrides.
function ensureFirefox() {
  const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (existsSync(firefox)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) {
    console.error('firefox-esr 缺失 / missing: run "sudo apt-get install -y firefox-esr" (or set FIREFOX_PATH), then run the tests again.');
    return false;
  }
  console.log('Installing Debian firefox-esr for the Firefox end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('sh', ['-c', 'apt-get update -qq'], { stdio: 'inherit', env });
  return update.status === 0 && spawnSync('sh', ['-c', 'apt-get install -y -qq firefox-esr'], { stdio: 'inherit', env }).status === 0;
}

if (only !== 'unit') {
  ok = ensureFirefox() && ok;
  ok = run('npm', ['run', 'build:e2e-firefox'], 'building the Firefox e2e flavour of the extension') && ok;
  const file = `${tmp}/e2e-firefox-report.json`;
  reports.push(file);
  ok =
    run(
      'npx',
      ['vitest', 'run', '-c', 'vitest.e2e-firefox.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      'end-to-end tests in Firefox ESR',
    ) && ok;
}

const total = reports.map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), {
  passed: 0,
  failed: 0,
});
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
process.exit(ok && total.failed === 0 ? 0 : 1);
