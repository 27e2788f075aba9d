// Drafts end to end (issue 5 item 6) in Chromium with the built extension on an enabled site: typing is saved
// locally (debounced, and at once when the page unloads), offered back after a reload and restored through the
// insertion adapters with the identical text (a textarea and a Quill editor); marked submitted, never deleted,
// when the form is submitted (issue 9: page text such as 提交成功 decides nothing); never taken from a password,
// card-number, ID-number or bank-account field, nor from a page script's synthetic input on hidden fields; kept,
// with a clear message, when the page removes the field while its draft is pending.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import {
  CLEAN, PORTAL_DRIVERS, agentReady, buildPortals, clearDrafts, enableFixtureOrigin, fillDemo, fillPortal, openPanelFromTab, patchSiteProfile,
  storedDrafts,
} from '../guard/e2e-support';

let h: Harness;

beforeAll(async () => {
  buildPortals();
  h = await launch();
  await enableFixtureOrigin(h);
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  await patchSiteProfile(h, { panelCollapsed: true });
  await clearDrafts(h);
});

const TYPED = '一、主要工作情况\n（一）加强组织领导。\n二、存在的问题';

async function openDemo(): Promise<Page> {
  const page = await h.open('/demo-portal/');
  await agentReady(page);
  return page;
}

/** The panel's draft list: in the panel's extension frame once there is one, else in the page (older panel). */
const offers = (page: Page) => {
  const frame = page.frames().find((candidate) => candidate.url().includes('/panel.html'));
  return (frame ?? page.mainFrame()).getByTestId('tianbao-drafts');
};

interface StoredDraft {
  text: string;
  pageUrl: string;
  submittedAt?: number;
  unsaved?: { reason: string; length: number };
}

/** The fixture origin's drafts as stored, whole (storedDrafts gives the texts only). */
async function storedRecords(): Promise<Record<string, StoredDraft>> {
  return h.worker.evaluate(async (origin) => {
    const chrome = (globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<{ drafts?: Record<string, Record<string, StoredDraft>> }> } } };
    }).chrome;
    const { drafts } = await chrome.storage.local.get('drafts');
    return drafts?.[origin] ?? {};
  }, h.fixtures.origin);
}

describe('drafts on the demo portal', () => {
  it('saves typing after a pause, offers it after a reload and restores the identical text', async () => {
    const page = await openDemo();
    await page.locator('#main').click();
    await page.keyboard.type('一、主要工作情况');
    await page.keyboard.press('Enter');
    await page.keyboard.type('（一）加强组织领导。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('二、存在的问题');
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 5_000 }).toBe(TYPED);

    await page.reload();
    expect(await page.locator('#main').inputValue()).toBe('');
    await openPanelFromTab(page);
    const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
    await offer.waitFor();
    expect(await offer.innerText()).toContain('（一）加强组织领导。');
    await offer.getByRole('button', { name: '恢复', exact: true }).click();
    await expect.poll(() => page.locator('#main').inputValue()).toBe(TYPED);
    // The restored field equals its draft: no longer offered.
    await expect.poll(() => offers(page).getByRole('listitem', { name: '主要工作情况' }).count()).toBe(0);
    await page.close();
  });

  it('keeps the text from before a reload when the user types into the field again before restoring', async () => {
    const BEFORE = '一、主要工作情况\n（一）加强组织领导。';
    const AGAIN = '重新开始写';
    const page = await openDemo();
    await page.locator('#main').click();
    await page.keyboard.type('一、主要工作情况');
    await page.keyboard.press('Enter');
    await page.keyboard.type('（一）加强组织领导。');
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 5_000 }).toBe(BEFORE);

    await page.reload();
    await openPanelFromTab(page);
    const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
    await offer.waitFor();
    // The user starts again instead of restoring, and the autosave pause passes.
    await page.locator('#main').click();
    await page.keyboard.type(AGAIN);
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 5_000 }).toBe(AGAIN);
    await page.waitForTimeout(2_000);
    // The text from before the reload is still offered.
    expect(await offer.count()).toBe(1);
    expect(await offer.innerText()).toContain('（一）加强组织领导。');
    expect(await offer.innerText()).not.toContain(AGAIN);

    await offer.getByRole('button', { name: '恢复', exact: true }).click();
    await expect.poll(() => page.locator('#main').inputValue()).toBe(BEFORE);
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 5_000 }).toBe(BEFORE);
    await expect.poll(() => offer.count(), { timeout: 5_000 }).toBe(0);
    // The restore is one editing step: Ctrl+Z brings back what was typed after the reload.
    await page.locator('#main').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#main').inputValue()).toBe(AGAIN);
    await page.close();
  });

  it('saves at once when the page is left before the pause is over', async () => {
    const page = await openDemo();
    await page.locator('#plans').click();
    await page.keyboard.type('一是持续深化理论武装。');
    await page.reload();
    await expect.poll(() => storedDrafts(h).then((d) => d['name:plans']), { timeout: 5_000 }).toBe('一是持续深化理论武装。');
    await page.close();
  });

  it('marks the page drafts submitted, and keeps them, after the form was submitted', async () => {
    const page = await openDemo();
    await fillDemo(page, CLEAN);
    await page.locator('#contact').click();
    await page.keyboard.type('（办公室）');
    await expect.poll(() => storedDrafts(h).then((d) => Object.keys(d).length), { timeout: 5_000 }).toBeGreaterThan(0);
    const before = await storedDrafts(h);
    const clicked = Date.now();
    await page.locator('#submit').click();
    await page.locator('#submitted').waitFor();
    await expect
      .poll(async () => Object.values(await storedRecords()).every((draft) => typeof draft.submittedAt === 'number'), { timeout: 5_000 })
      .toBe(true);
    const after = await storedRecords();
    // Nothing deleted: every text is still there, marked with the time of the submit.
    expect(Object.fromEntries(Object.entries(after).map(([key, draft]) => [key, draft.text]))).toEqual({
      ...before,
      'name:contact': expect.stringContaining('（办公室）'),
    });
    for (const draft of Object.values(after)) expect(draft.submittedAt).toBeGreaterThanOrEqual(clicked - 1_000);

    // Back on the (now empty) form, the panel still offers the submitted text, saying it was submitted.
    await page.goto(new URL('/demo-portal/', page.url()).href);
    await openPanelFromTab(page);
    const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
    await offer.waitFor({ timeout: 5_000 });
    expect(await offer.innerText()).toContain('随表单提交');
    await page.close();
  });

  it('neither deletes nor marks drafts when a submit is cancelled with 提交成功 on the page', async () => {
    const page = await openDemo();
    // The portal asks first, and the user cancels: the confirm's text says 提交成功, nothing was submitted.
    await page.evaluate(() => {
      document.querySelector('#report')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const note = document.createElement('div');
        note.textContent = '提交成功后将不能修改。登录已超时，报告未提交成功';
        document.body.append(note);
      });
    });
    await page.locator('#main').click();
    await page.keyboard.type('一、总体情况');
    await expect.poll(() => storedDrafts(h).then((d) => d['name:main']), { timeout: 5_000 }).toBe('一、总体情况');
    await page.locator('#submit').click();
    await page.waitForTimeout(1_500);
    await page.reload();
    await agentReady(page);
    const stored = await storedRecords();
    expect(stored['name:main']?.text).toBe('一、总体情况');
    expect(stored['name:main']?.submittedAt).toBeUndefined();
    await page.close();
  });

  it('plants nothing from a page script typing into forty hidden textareas, and a real save stays quick', async () => {
    const page = await openDemo();
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.style.display = 'none';
      for (let i = 0; i < 40; i++) {
        const area = document.createElement('textarea');
        area.name = `bait${i}`;
        box.append(area);
      }
      document.body.append(box);
      for (const area of box.querySelectorAll('textarea')) {
        area.value = '字'.repeat(199_000);
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      // Synthetic input on a visible field is not the user's either.
      const unit = document.querySelector<HTMLInputElement>('#unit')!;
      unit.value = '脚本写入';
      unit.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await page.locator('#contact').click();
    const typed = Date.now();
    await page.keyboard.type('王');
    await expect.poll(() => storedDrafts(h).then((d) => d['name:contact']), { timeout: 5_000 }).toBe('王');
    // One second of autosave pause, then one write: well under the 6 s the bug report measured.
    expect(Date.now() - typed).toBeLessThan(4_000);
    expect(Object.keys(await storedDrafts(h))).toEqual(['name:contact']);
    await page.close();
  });

  it('a two-character save stays quick on a site near its budget, and a full site says so', async () => {
    const fill = (origin: string, fields: number) =>
      Object.fromEntries(
        Array.from({ length: fields }, (_, i) => [
          `name:f${i}`,
          { text: '字'.repeat(100_000), savedAt: Date.now(), pageUrl: `${origin}/old`, fieldLabel: `栏目${i}` },
        ]),
      );
    /** This portal with `ownFields` fields of 100 000 characters, and `otherSites` other portals at their budget. */
    const seed = async (ownFields: number, otherSites: number) => {
      const drafts: Record<string, object> = { [h.fixtures.origin]: fill(h.fixtures.origin, ownFields) };
      for (let i = 0; i < otherSites; i++) drafts[`https://s${i}.example.gov.cn`] = fill(`https://s${i}.example.gov.cn`, 10);
      await h.worker.evaluate(async (value) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
        await chrome.storage.local.set({ drafts: value, drafts$: { v: 1 } });
      }, drafts);
    };
    const timedSave = async (page: Page, otherSites: number) => {
      await seed(9, otherSites);
      await page.reload();
      await agentReady(page);
      await page.locator('#contact').click();
      await page.keyboard.type('王五');
      const typed = Date.now();
      // Each look at storage reads the whole drafts item too: look rarely, so as not to slow what is measured.
      await expect.poll(() => storedDrafts(h).then((d) => d['name:contact']), { timeout: 20_000, interval: 250 }).toBe('王五');
      const elapsed = Date.now() - typed;
      console.log(`[drafts] two-character save, ${(0.9 + otherSites).toFixed(1)} M characters stored: ${elapsed} ms after the last key (1 000 ms of it the autosave pause)`);
      return elapsed;
    };
    const page = await openDemo();
    // This portal at 900 000 characters, nothing else: the per-site budget bounds what one portal costs.
    expect(await timedSave(page, 0)).toBeLessThan(2_500);
    // Seven more portals at their budget (24 MB of UTF-8): the drafts item is one storage value, so every save
    // reads and rewrites all sites' drafts (about 0.6 s + 0.9 s in Chromium at this size). Splitting the item per
    // site would make this the single-site figure; until then it is measured here, bounded loosely.
    expect(await timedSave(page, 7)).toBeLessThan(15_000);

    // The site full: the next field is refused, the drafts stay, and the panel says where to clean up.
    await seed(10, 0);
    await page.reload();
    await agentReady(page);
    await page.locator('#unit').click();
    await page.keyboard.type('某市统计局');
    await expect.poll(async () => (await storedRecords())['name:unit']?.unsaved?.reason, { timeout: 10_000 }).toBe('siteFull');
    expect(Object.keys(await storedRecords()).filter((key) => key.startsWith('name:f'))).toHaveLength(10);
    await openPanelFromTab(page);
    const notice = offers(page).getByRole('alert').filter({ hasText: '本网站的草稿已满' });
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toContain('选项页“草稿”');
    await page.close();
  });

  it('never takes a draft from a password, card-number, ID-number or bank-account field', async () => {
    const page = await openDemo();
    await page.evaluate(() => {
      const row = document.createElement('div');
      row.className = 'row';
      row.innerHTML =
        '<label for="pwd">登录密码</label><input id="pwd" name="pwd" type="password">' +
        '<label for="card">银行卡号</label><input id="card" name="card" type="text" autocomplete="cc-number">' +
        '<label for="idno">身份证号码</label><input id="idno" name="f_id" type="text">' +
        '<label for="acct">开户行账号</label><input id="acct" name="f_acct" type="text">';
      document.querySelector('#report .actions')!.before(row);
    });
    await page.locator('#pwd').click();
    await page.keyboard.type('Secret-123');
    await page.locator('#card').click();
    await page.keyboard.type('6222020000000000');
    await page.locator('#idno').click();
    await page.keyboard.type('110101199001011234');
    await page.locator('#acct').click();
    await page.keyboard.type('955880000000');
    await page.locator('#unit').click();
    await page.keyboard.type('某市统计局');
    await expect.poll(() => storedDrafts(h).then((d) => d['name:unit']), { timeout: 5_000 }).toBe('某市统计局');
    const drafts = await storedDrafts(h);
    expect(Object.keys(drafts)).toEqual(['name:unit']);
    expect(JSON.stringify(drafts)).not.toContain('Secret-123');
    expect(JSON.stringify(drafts)).not.toContain('6222020000000000');
    expect(JSON.stringify(drafts)).not.toContain('110101199001011234');
    expect(JSON.stringify(drafts)).not.toContain('955880000000');
    await page.close();
  });

  it('keeps the draft of a field the page removed while it was pending, and says so in the panel', async () => {
    const page = await openDemo();
    await openPanelFromTab(page);
    await page.locator('#problems').click();
    await page.keyboard.type('一是理论学习深度不够。');
    // The page swaps the field out before the autosave pause is over (a step change, a re-render).
    await page.evaluate(() => document.querySelector('#problems')!.closest('.row')!.remove());
    await expect.poll(() => storedDrafts(h).then((d) => d['name:problems']), { timeout: 5_000 }).toBe('一是理论学习深度不够。');
    const notice = offers(page).getByRole('listitem', { name: '存在的问题' });
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toContain('已不在当前页面上');
    expect(await notice.innerText()).toContain('一是理论学习深度不够。');
    await page.close();
  });
});

describe('drafts in a rich editor and a library form', () => {
  it('restores multi-paragraph text into Quill identically', async () => {
    const path = PORTALS.find((portal) => portal.id === 'quill')!.path;
    const page = await h.open(path);
    await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
    await agentReady(page);
    await page.locator('.ql-editor').click();
    await page.keyboard.type('一、主要工作情况');
    await page.keyboard.press('Enter');
    await page.keyboard.type('（一）加强组织领导。');
    await expect.poll(() => storedDrafts(h).then((d) => Object.values(d).join('|')), { timeout: 5_000 }).toContain('（一）加强组织领导。');

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
    await openPanelFromTab(page);
    const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
    await offer.getByRole('button', { name: '恢复', exact: true }).click();
    const read = () =>
      page.evaluate(() => (window as unknown as { __portal: { read(): Record<string, string> } }).__portal.read().主要工作情况);
    await expect.poll(read).toBe('<p>一、主要工作情况</p><p>（一）加强组织领导。</p>');
    await page.close();
  });

  it('keeps the drafts, unmarked, when Element Plus shows a success message without leaving the page', async () => {
    const path = PORTALS.find((portal) => portal.id === 'element-plus')!.path;
    const page = await h.open(path);
    await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
    await agentReady(page);
    const driver = PORTAL_DRIVERS['element-plus'];
    await fillPortal(page, driver, CLEAN);
    await driver.field(page, '联系人').click();
    await page.keyboard.type('王');
    const pagePath = new URL(page.url()).pathname;
    await expect.poll(() => storedDrafts(h, pagePath).then((d) => Object.keys(d).length), { timeout: 5_000 }).toBeGreaterThan(0);
    await driver.submit(page).click();
    // The submit guard may hold the submit while its checks run.
    await expect.poll(() => driver.submits(page), { timeout: 15_000 }).toBe(1);
    const kept = await storedDrafts(h, pagePath);
    // Page text decides nothing (issue 9): the toast says 提交成功, the drafts stay as they were.
    await page.waitForTimeout(1_500);
    expect(await storedDrafts(h, pagePath)).toEqual(kept);
    expect(Object.values(await storedRecords()).some((draft) => draft.submittedAt !== undefined)).toBe(false);
    await page.close();
  });
});
