// Makes sure this machine has what the end-to-end tests need: Debian's Chromium and CJK fonts (so that
// screenshots show Chinese). Installs them with apt-get where it can (root), otherwise stops with one line.
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFonts() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && /Noto (Sans|Serif) CJK/i.test(result.stdout);
}

export function ensureBrowser() {
  if (existsSync(CHROMIUM) && hasCjkFonts()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      'Chromium 或中文字体缺失 / Chromium or CJK fonts missing: run "sudo apt-get install -y chromium fonts-noto-cjk" (or set CHROMIUM_PATH), then run the tests again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium and fonts-noto-cjk for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit', env });
}
