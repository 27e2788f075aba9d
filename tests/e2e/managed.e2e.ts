// 单位统一配置 in real Chromium: a policy file under /etc/chromium/policies/managed/ reaches the enterprise build
// (fixed id) through storage.managed. The panel on the demo portal uses the unit's template, flags text with the
// unit's 本单位规范写法 entry, lists the unit's snippet marked 单位统一配置, and shows the submit guard locked on;
// a changed file reaches the open panel and options page without a restart, and a bad value is reported on the
// options page and ignored whole. The policy file is removed after the suite, also when a test fails.
//
// Needs the enterprise e2e build (`TIANBAO_ENTERPRISE=1 TIANBAO_E2E=1 wxt build`, which tests/scripts/test.mjs
// runs) and root (the suite runs as root on the test machine); without either it is skipped with a reason.
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_EXTENSION_DIR, launch, openedPanel, type Harness } from './harness';
import { UNIT_NAME, unitPolicy } from '../storage/managed-policy';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'tianbao-e2e-managed.json');
/** The enterprise build's id, from its manifest key (wxt.config.ts). */
const EXTENSION_ID = 'mihpbddbhldcaokhoaeblbhjhfpcdnpd';
/** Chromium reloads a changed policy file about 5 s later; on two busy cores allow much more. */
const PROPAGATION_MS = 45_000;

const canRun = process.getuid?.() === 0 && existsSync(join(ENTERPRISE_EXTENSION_DIR, 'manifest.json'));

function writePolicy(value: unknown): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: value } } }, null, 2));
}

function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

/** A port nothing listens on now, for the portal whose origin the policy names before the browser starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let h: Harness | undefined;
let origin = '';

beforeAll(async () => {
  if (!canRun) return;
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  writePolicy(unitPolicy(origin));
  try {
    h = await launch({ extensionDir: ENTERPRISE_EXTENSION_DIR, fixturePort: port });
  } catch (error) {
    removePolicy();
    throw error;
  }
});

afterAll(async () => {
  try {
    await h?.close();
  } finally {
    removePolicy();
  }
});

describe.skipIf(!canRun)('单位统一配置 from the browser policy (enterprise build)', () => {
  it('loads the enterprise build under its fixed id, and the worker reads the policy', async () => {
    expect(h!.extensionId).toBe(EXTENSION_ID);
    const manifest = JSON.parse(readFileSync(join(ENTERPRISE_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.storage.managed_schema).toBe('managed-schema.json');
    await expect
      .poll(() => h!.worker.evaluate(() => (globalThis as any).chrome.storage.managed.get()), { timeout: 20_000 })
      .toMatchObject({ version: 1, config: { unitName: UNIT_NAME } });
  });

  it('uses the unit template, entry, snippet and guard lock on the demo portal, and follows a changed file', async () => {
    const page = await h!.open('/demo-portal/');
    await h!.clickToolbar(page);
    const panel = await openedPanel(page);

    // The unit's template is the one chosen for this portal (the policy's sites[].template).
    await panel.getByRole('tab', { name: '结构' }).click();
    const template = panel.getByRole('combobox', { name: /对照模板/ });
    await expect.poll(() => template.inputValue(), { timeout: 20_000 }).toBe('unit-qu-yishixingtai');
    expect(await template.locator('option:checked').innerText()).toBe('区委宣传部意识形态报告模板');

    // The unit's 本单位规范写法 entry flags the text typed into the portal.
    await page.locator('#main').fill('一、责任落实情况\n区网信办牵头落实主体责任，定期研判网上舆情。');
    await panel.getByRole('tab', { name: '检查' }).click();
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 20_000 }).toContain('区委网信办');

    // The unit's snippet in 片段, marked.
    await panel.getByRole('tab', { name: '片段' }).click();
    const item = panel.getByRole('option').filter({ hasText: '统一开头语' });
    await item.getByText('单位统一配置').waitFor();

    // The lock holds: the guard switch is on and cannot be switched off.
    const guard = panel.getByRole('checkbox', { name: /提交前检查/ });
    await panel.getByText('（单位已锁定为开启）').waitFor();
    expect(await guard.isChecked()).toBe(true);
    expect(await guard.isDisabled()).toBe(true);

    // IT changes the file: the open panel follows, no restart, no reload.
    writePolicy(unitPolicy(origin, { entryRight: '区委网络安全和信息化委员会办公室' }));
    await panel.getByRole('tab', { name: '检查' }).click();
    await expect
      .poll(() => panel.locator('body').innerText(), { timeout: PROPAGATION_MS, interval: 500 })
      .toContain('区委网络安全和信息化委员会办公室');
    await page.close();
  }, 150_000);

  it('reports a bad value on the options page and applies none of it, live', async () => {
    const options = await h!.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#managed`);
    await options.getByText(`配置单位：${UNIT_NAME}`).waitFor({ timeout: 20_000 });
    await options.getByRole('list', { name: '片段列表' }).getByText('统一开头语').waitFor();

    const bad = unitPolicy(origin) as { config: { snippets: Record<string, unknown>[] } };
    bad.config.snippets[0]!.title = '';
    writePolicy(bad);
    const alert = options.getByRole('alert').filter({ hasText: '单位统一配置有误' });
    await alert.waitFor({ timeout: PROPAGATION_MS });
    expect(await alert.innerText()).toContain('config.snippets.0.title');
    // Ignored whole: not the bad snippet only, but the unit name, the templates and everything else.
    await expect.poll(() => options.getByRole('list', { name: '片段列表' }).getByText('统一开头语').count()).toBe(0);
    expect(await options.getByText(/配置单位：/).count()).toBe(0);
    await options.close();
  }, 120_000);
});
