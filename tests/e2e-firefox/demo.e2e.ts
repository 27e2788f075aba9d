// The demo portal in Firefox: the panel opens from the toolbar handler, a snippet lands at the caret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, launch, openedPanel, setChinese, until, type FxHarness } from './harness';

let h: FxHarness;

beforeAll(async () => {
  h = await launch();
  await setChinese(h);
});

afterAll(async () => {
  await h?.close();
});

describe('demo portal in Firefox', () => {
  it('inserts a snippet at the caret after the user searched in the panel, filling 单位名称 from the form', async () => {
    const page = await h.open('/demo-portal/');
    await page.type('#unit', '市统计局机关党委');
    await h.clickToolbar(page);
    const panel = await openedPanel(page);
    await page.click('#main');
    await page.keyboard.type('前文后文');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await (await byRole(panel, { role: 'tab', name: '片段' })).click();
    const search = await byRole(panel, { role: 'searchbox', name: '搜索片段' });
    await search.click();
    await search.type('ztyjbs');
    const item = await byRole(panel, { role: 'listitem', hasText: '高度重视，专题研究部署' });
    expect(await item.evaluate((el) => el.textContent)).toContain('高度重视');
    await (await byRole(panel, { role: 'button', name: '插入', exact: true, within: 'li' })).click();
    await byRole(panel, { role: 'status', hasText: '已插入' });
    const value = await page.$eval('#main', (el) => (el as HTMLTextAreaElement).value);
    expect(value.startsWith('前文高度重视，专题研究部署。市统计局机关党委领导班子')).toBe(true);
    expect(value.endsWith('组织保障。后文')).toBe(true);
    expect(await page.$eval('#main-count', (el) => el.textContent)).toBe(String(value.length));
    await page.focus('#main');
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await until('the insertion undone', async () => (await page.$eval('#main', (el) => (el as HTMLTextAreaElement).value)) === '前文后文', 5000);
    await page.close();
  });
});
