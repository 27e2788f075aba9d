// `npm start`: builds the extension, serves the demo portal on 127.0.0.1 and opens Chromium with the
// extension loaded on it. Without a display it says where the build is and how to load it by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server.ts';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionDir = resolve('.output/chrome-mv3');
const port = Number(process.env.PORT ?? 5179);
const { origin } = await startFixtureServer(port);
const demo = `${origin}/demo-portal/`;
console.log(`\n演示填报页面 / demo portal: ${demo}`);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(chromium)) {
  console.log(`
没有图形界面，未自动打开浏览器。扩展已构建在 / No display, so no browser was opened. The extension is built at:
  ${extensionDir}

Chrome / Edge / 360 / QQ 浏览器: 打开 chrome://extensions（Edge: edge://extensions），开启"开发者模式"，
  点"加载已解压的扩展程序"，选择上面的文件夹。 / open the extensions page, turn on developer mode,
  "Load unpacked" and pick the folder above.
Firefox: npm run build:firefox，然后在 about:debugging#/runtime/this-firefox 点"临时载入附加组件"，选择
  .output/firefox-mv3/manifest.json。 / then "Load Temporary Add-on" and pick .output/firefox-mv3/manifest.json.

然后打开 ${demo}，点工具栏上的"填报助手"按钮（或按 Alt+Shift+Y）。 / Then open the demo portal and click the toolbar button.
演示页面服务运行中，按 Ctrl+C 结束。 / The demo portal keeps running; Ctrl+C to stop.`);
} else {
  const { chromium: driver } = await import('playwright-core');
  const lang = process.env.TIANBAO_LANG === 'en' ? 'en-US' : 'zh-CN';
  const context = await driver.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tianbao-start-')), {
    executablePath: chromium,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The users' browsers are Chinese: the demo starts in Chinese whatever this machine's language is
      // (TIANBAO_LANG=en shows the English interface). Chromium on Linux reads its UI language from the
      // environment, Windows and macOS from --lang.
      `--lang=${lang}`,
    ],
    env: { ...process.env, LANG: `${lang.replace('-', '_')}.UTF-8`, LANGUAGE: lang.replace('-', '_') },
    locale: lang,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo);
  console.log('Chromium 已打开演示页面：点工具栏上的"填报助手"按钮或按 Alt+Shift+Y 打开侧栏。关闭浏览器即结束。');
  context.on('close', () => process.exit(0));
}
