// Fixture portals built on the real libraries (tests/fixtures/portals) in Firefox ESR with the Firefox build, on
// an enabled site served on a random port: a snippet from the panel lands at the caret of 主要工作情况 and the
// library's own model holds it; the submit guard holds the library's submit (返回修改 submits nothing, 仍然提交
// exactly once); typing is saved as a draft and restored from the panel after a reload, into the editor's model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  agentReady, buttonIn, byRole, clearDrafts, dialogCount, enableFixtureOrigin, guardDialog, launch, openPanelFromTab, openedPanel,
  patchSiteProfile, setChinese, sleep, storedDrafts, textOf, until, type FxHarness,
} from './harness';
import { PORTALS } from '../fixtures/portals/list';
import type { FieldLabel } from '../fixtures/portals/shared/portal';
import { BLOCKING, buildPortals, type Texts } from '../guard/e2e-support';

let h: FxHarness;

beforeAll(async () => {
  buildPortals();
  h = await launch();
  await setChinese(h);
  await enableFixtureOrigin(h);
});

afterAll(async () => {
  await h?.close();
});

interface Driver {
  /** A text field other than 主要工作情况 and 报告期. */
  field(page: Page, label: Exclude<keyof Texts, '主要工作情况'>): Promise<ElementHandle<Element>>;
  /** What a user clicks to write in 主要工作情况 (a textarea, or the editor's editable area or frame). */
  main(page: Page): Promise<ElementHandle<Element>>;
  choosePeriod(page: Page): Promise<void>;
}

const NAMES: Record<Exclude<keyof Texts, '主要工作情况'>, string> = { 单位名称: 'unit', 存在的问题: 'problems', 下一步工作打算: 'plans', 联系人: 'contact' };
const PERIOD = '2026年上半年';

const element = async (page: Page, selector: string) => until(selector, () => page.$(selector));

/** The control of an el-form-item by its label (Element Plus gives its inputs no name). */
async function elFormControl(page: Page, label: string): Promise<ElementHandle<Element>> {
  return until(`the ${label} control`, async () => {
    const handle = await page.evaluateHandle((wanted: string) => {
      for (const item of Array.from(document.querySelectorAll('.el-form-item'))) {
        if (item.querySelector('.el-form-item__label')?.textContent?.trim() === wanted) return item.querySelector('textarea, input');
      }
      return null;
    }, label);
    const found = handle.asElement();
    return found ? (found as ElementHandle<Element>) : undefined;
  });
}

const plainForm = (mainSelector: string): Driver => ({
  field: (page, label) => element(page, `[name="${NAMES[label]}"]`),
  main: (page) => element(page, mainSelector),
  choosePeriod: async (page) => void (await page.select('select[name="period"]', PERIOD)),
});

const DRIVERS: Record<string, Driver> = {
  'element-plus': {
    field: (page, label) => elFormControl(page, label),
    main: (page) => elFormControl(page, '主要工作情况'),
    async choosePeriod(page) {
      await (await until('the 报告期 select', () => page.$('.el-form-item .el-select'))).click();
      const option = await until('the 报告期 option', async () => {
        for (const item of await page.$$('.el-select-dropdown__item')) {
          const shown = await item.evaluate((el) => el.getClientRects().length > 0 && el.textContent?.trim());
          if (shown === PERIOD) return item;
        }
        return undefined;
      });
      await option.click();
    },
  },
  // The editing iframe: a click in its middle puts the caret into the editor's body.
  tinymce: plainForm('iframe.tox-edit-area__iframe'),
  'oa-table': plainForm('#ueditor_0'),
  'oa-table-designmode': plainForm('#ueditor_0'),
  quill: plainForm('.ql-editor'),
};

const CASES = ['element-plus', 'tinymce', 'oa-table', 'oa-table-designmode', 'quill'];

/** Text of an editor's HTML or a textarea's value, without tags or any whitespace. */
const flat = (value: string) => value.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/[\s\u200b\ufeff]/g, '');

const readPortal = (page: Page) =>
  page.evaluate(() => (window as unknown as { __portal: { read(): Record<FieldLabel, string> } }).__portal.read());
const submits = (page: Page) => page.evaluate(() => (window as unknown as { __portal: { submits: number } }).__portal.submits);

async function openPortal(id: string): Promise<Page> {
  const page = await h.open(PORTALS.find((portal) => portal.id === id)!.path);
  await until(`${id} ready`, () => page.evaluate(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true), 20_000);
  await agentReady(page);
  return page;
}

async function typeInto(page: Page, target: ElementHandle<Element>, text: string): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
}

async function fill(page: Page, driver: Driver, texts: Texts): Promise<void> {
  for (const label of Object.keys(NAMES) as (keyof typeof NAMES)[]) await typeInto(page, await driver.field(page, label), texts[label]);
  await typeInto(page, await driver.main(page), texts.主要工作情况);
  await driver.choosePeriod(page);
}

describe.each(CASES)('%s portal in Firefox', (id) => {
  const driver = DRIVERS[id]!;

  it('inserts a snippet from the panel at the caret of 主要工作情况, into what the library holds', async () => {
    await patchSiteProfile(h, { panelCollapsed: true });
    const page = await openPortal(id);
    await typeInto(page, await driver.field(page, '单位名称'), '市统计局机关党委');
    await typeInto(page, await driver.main(page), '前文后文');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Quill merges edits less than 1 s apart; the others need no pause.
    await sleep(id === 'quill' ? 1200 : 300);
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await (await byRole(panel, { role: 'tab', name: '片段' })).click();
    const search = await byRole(panel, { role: 'searchbox', name: '搜索片段' });
    await search.click();
    await search.type('ztyjbs');
    // A click on the snippet (an option of the list) inserts it.
    await (await byRole(panel, { role: 'option', hasText: '高度重视，专题研究部署' })).click();
    const status = await byRole(panel, { role: 'status', hasText: '插入' });
    expect(await textOf(status)).toContain('已插入');
    const held = await until('the insertion in the library state', async () => {
      const value = flat((await readPortal(page)).主要工作情况);
      return value.includes('专题研究部署') ? value : undefined;
    });
    expect(held.startsWith('前文高度重视，专题研究部署。市统计局机关党委领导班子')).toBe(true);
    expect(held.endsWith('组织保障。后文')).toBe(true);
    expect(held).not.toContain('{{');
    await page.close();
  });

  it('holds the submit with a blocking finding: 返回修改 submits nothing, 仍然提交 exactly once', async () => {
    await patchSiteProfile(h, { panelCollapsed: true });
    const page = await openPortal(id);
    await fill(page, driver, BLOCKING);
    const submit = await byRole(page.mainFrame(), { role: 'button', name: '提交', exact: true });
    await submit.click();
    const dialog = await guardDialog(page);
    expect(await textOf(dialog)).toContain('提交前检查发现');
    await (await buttonIn(dialog, '返回修改')).click();
    await until('the dialog closed', async () => (await dialogCount(page)) === 0);
    await sleep(500);
    expect(await submits(page)).toBe(0);

    await submit.click();
    await (await buttonIn(await guardDialog(page), '仍然提交')).click();
    await until('one submit', async () => (await submits(page)) === 1);
    await sleep(800);
    expect(await submits(page)).toBe(1);
    await page.close();
  });

  it('saves two typed paragraphs as a draft and restores them from the panel after a reload', async () => {
    const FIRST = '一、主要工作情况';
    const SECOND = '（一）加强组织领导。';
    await patchSiteProfile(h, { panelCollapsed: true });
    await clearDrafts(h);
    const page = await openPortal(id);
    await typeInto(page, await driver.main(page), FIRST);
    await page.keyboard.press('Enter');
    await page.keyboard.type(SECOND);
    await until('the draft saved', async () => Object.values(await storedDrafts(h)).some((text) => text.includes(SECOND)), 8_000);

    await page.reload();
    await until(`${id} ready again`, () => page.evaluate(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true), 20_000);
    expect(flat((await readPortal(page)).主要工作情况)).toBe('');
    const panel = await openPanelFromTab(page);
    const offer = await byRole(panel, { role: 'listitem', name: '主要工作情况', within: '[data-testid="tianbao-drafts"]' });
    expect(await textOf(offer)).toContain(SECOND);
    await (await buttonIn(offer, '恢复')).click();
    const restored = await until('the draft in the library state', async () => {
      const value = (await readPortal(page)).主要工作情况;
      return flat(value) === flat(FIRST + SECOND) ? value : undefined;
    }, 8_000);
    // Two paragraphs stay two: a line break in a textarea, a paragraph or line break in a rich editor.
    const between = restored.slice(restored.indexOf(FIRST) + FIRST.length, restored.indexOf(SECOND));
    expect(between).toMatch(/\n|<\/?(p|div)\b|<br\s*\/?>/);
    await page.close();
  });
});
