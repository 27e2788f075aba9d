// Smoke test of the fixture portals (tests/fixtures/portals): each page loads offline without console errors,
// its own validation rejects the empty form, keyboard input reaches what the framework or editor holds, and
// 提交 succeeds. Builds the pages (tests/fixtures/portals/build.mjs) when dist/ is missing; the extension is
// not loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { PORTALS, type PortalFixture } from '../fixtures/portals/list';
import { FIELDS, type FieldLabel, type PortalValues, type ValidationResult } from '../fixtures/portals/shared/portal';

const TYPED: PortalValues = {
  单位名称: '某某市财政局',
  报告期: '2026年上半年',
  主要工作情况: '认真落实意识形态工作责任制，上半年召开专题会议四次。',
  存在的问题: '理论学习的系统性还不够强。',
  下一步工作打算: '继续加强阵地管理，压实主体责任。',
  联系人: '张明',
};

type Driver = {
  /** Fills a text field (not 报告期, not a rich editor). */
  field(page: Page, label: FieldLabel): Locator;
  choosePeriod(page: Page, period: string): Promise<void>;
  /** The element to click before typing into 主要工作情况 when it is a rich editor. */
  editable?(page: Page): Locator;
  submit(page: Page): Locator;
  /** Elements that carry the library's required marker; one per field. */
  requiredMarkers(page: Page): Locator;
};

const byName: Record<FieldLabel, string> = {
  单位名称: 'unit',
  报告期: 'period',
  主要工作情况: 'work',
  存在的问题: 'problems',
  下一步工作打算: 'plans',
  联系人: 'contact',
};

// The rich-editor pages share one plain <form> (shared/plain-form.ts).
function plainForm(editable: (page: Page) => Locator): Driver {
  return {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    choosePeriod: async (page, period) => void (await page.getByLabel('报告期').selectOption(period)),
    editable,
    submit: (page) => page.getByRole('button', { name: '提交' }),
    requiredMarkers: (page) => page.locator('form label.req'),
  };
}

const inIframe = (page: Page, selector: string): FrameLocator => page.frameLocator(selector);

function oaTable(): Driver {
  return {
    field: (page, label) => page.locator(`[name="${byName[label]}"]`),
    choosePeriod: async (page, period) => void (await page.locator('select[name="period"]').selectOption(period)),
    editable: (page) => inIframe(page, '#ueditor_0').locator('body'),
    submit: (page) => page.getByRole('button', { name: '提交' }),
    requiredMarkers: (page) => page.locator('td.fieldName > span.must'),
  };
}

const DRIVERS: Record<string, Driver> = {
  'element-plus': {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    choosePeriod: async (page, period) => {
      await page.locator('.el-form-item', { hasText: '报告期' }).locator('.el-select').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: period }).click();
    },
    submit: (page) => page.getByRole('button', { name: '提交' }),
    requiredMarkers: (page) => page.locator('.el-form-item.is-required'),
  },
  antd: {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    choosePeriod: async (page, period) => {
      await page.locator('.ant-select').click();
      await page.locator(`.ant-select-item-option[title="${period}"]`).click();
    },
    // antd puts a space between the two characters of a two-character Chinese button label: "提 交".
    submit: (page) => page.getByRole('button', { name: /^提\s*交$/ }),
    requiredMarkers: (page) => page.locator('label.ant-form-item-required'),
  },
  layui: {
    field: (page, label) => page.locator(`[name="${byName[label]}"]`),
    choosePeriod: async (page, period) => {
      await page.locator('.layui-form-select .layui-select-title input').click();
      await page.locator(`.layui-form-select dd[lay-value="${period}"]`).click();
    },
    submit: (page) => page.getByRole('button', { name: '提交' }),
    requiredMarkers: (page) => page.locator('[lay-verify="required"]'),
  },
  tinymce: plainForm((page) => inIframe(page, 'iframe.tox-edit-area__iframe').locator('body')),
  ckeditor4: plainForm((page) => inIframe(page, '.cke iframe.cke_wysiwyg_frame').locator('body')),
  ckeditor5: plainForm((page) => page.locator('.ck-editor__editable')),
  quill: plainForm((page) => page.locator('.ql-editor')),
  wangeditor: plainForm((page) => page.locator('[data-slate-editor]')),
  kindeditor: plainForm((page) => inIframe(page, 'iframe.ke-edit-iframe').locator('body')),
  react: {
    field: (page, label) => page.getByLabel(label, { exact: true }),
    choosePeriod: async (page, period) => void (await page.getByLabel('报告期').selectOption(period)),
    submit: (page) => page.getByRole('button', { name: '提交' }),
    requiredMarkers: (page) => page.locator('[aria-required="true"]'),
  },
  'oa-table': oaTable(),
  'oa-table-designmode': oaTable(),
};

/** Text of an editor's HTML, with entities decoded, as the user would read it. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  return new URL(url).hostname === '127.0.0.1';
}

let harness: Harness;

const PORTALS_DIR = resolve(import.meta.dirname, '../fixtures/portals');

beforeAll(async () => {
  if (!PORTALS.every((fixture) => existsSync(resolve(PORTALS_DIR, 'dist', fixture.id.replace(/-designmode$/, ''), 'main.js')))) {
    execFileSync(process.execPath, [resolve(PORTALS_DIR, 'build.mjs')], { stdio: 'inherit' });
  }
  mkdirSync('tests/.tmp', { recursive: true });
  harness = await launch({ withExtension: false });
});

afterAll(async () => {
  await harness?.close();
});

describe.each(PORTALS.map((fixture) => [fixture.id, fixture] as const))('%s portal', (_id, fixture: PortalFixture) => {
  const driver = DRIVERS[fixture.id]!;
  let page: Page;
  const consoleErrors: string[] = [];
  let firstRequest = 0;

  beforeAll(async () => {
    firstRequest = harness.requests.length;
    page = await harness.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(harness.fixtures.origin + fixture.path);
  });

  afterAll(async () => {
    await page?.close();
  });

  const portal = {
    read: () => page.evaluate(() => window.__portal!.read()),
    validate: () => page.evaluate(() => window.__portal!.validate()) as Promise<ValidationResult>,
    submits: () => page.evaluate(() => window.__portal!.submits),
  };

  it('becomes ready with its editors initialised', async () => {
    await page.waitForFunction(() => window.__portalReady === true, null, { timeout: 20_000 });
    expect(await page.evaluate(() => window.__portal?.name)).toBe(fixture.id);
  });

  it('marks all six fields required the way its library does', async () => {
    await expect.poll(() => driver.requiredMarkers(page).count()).toBe(FIELDS.length);
  });

  it('fails its own validation on the empty form, naming every required field', async () => {
    const result = await portal.validate();
    expect(result.ok).toBe(false);
    for (const label of FIELDS) expect(result.errors.join('\n')).toContain(label);
  });

  it('holds in its own state what was typed into every field', async () => {
    for (const label of FIELDS) {
      if (label === '报告期') await driver.choosePeriod(page, TYPED.报告期);
      else if (label === '主要工作情况' && driver.editable) {
        await driver.editable(page).click();
        await page.keyboard.type(TYPED.主要工作情况);
      } else await driver.field(page, label).fill(TYPED[label]);
    }
    const values = await portal.read();
    for (const label of FIELDS) {
      const held = fixture.richField === 'textarea' || label !== '主要工作情况' ? values[label] : textOf(values[label]);
      expect.soft(held, label).toBe(TYPED[label]);
    }
  });

  it('passes its own validation once every field is filled', async () => {
    expect(await portal.validate()).toEqual({ ok: true, errors: [] });
  });

  it('counts one successful submit and shows the success message after 提交', async () => {
    await driver.submit(page).click();
    await expect.poll(portal.submits).toBe(1);
    await page.getByRole('status').filter({ hasText: '提交成功' }).first().waitFor({ state: 'visible' });
    await page.screenshot({ path: `tests/.tmp/portal-${fixture.id}.png`, fullPage: true });
  });

  it('logged no console error and requested nothing outside 127.0.0.1', () => {
    const outside = harness.requests.slice(firstRequest).filter((request) => !isLocal(request.url));
    expect(outside.map((request) => request.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

