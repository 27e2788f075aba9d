// Drafts end to end in the two editors that keep their own model (issue 5 item 6): TinyMCE 8 (iframe mode) and
// CKEditor 5. Two paragraphs typed with the keyboard are saved, offered after a reload and restored from the
// panel; what the editor itself holds (getContent() / getData(), read through the fixture's hook) has the same
// paragraphs, and one Ctrl+Z takes the restore back out (measured: the synthetic paste
// gives both editors a clean undo step). When the user has typed into the field after the reload, 恢复 replaces
// that text with the draft (the offer says the draft is what was filled in before) and one Ctrl+Z brings it
// back, so nothing typed is lost — also after that typing has been autosaved over the draft (Draft.earlier).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { agentReady, buildPortals, clearDrafts, enableFixtureOrigin, openPanelFromTab, patchSiteProfile, storedDrafts } from '../guard/e2e-support';

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

const FIRST = '一、主要工作情况';
const SECOND = '（一）加强组织领导。';

interface Editor {
  id: 'tinymce' | 'ckeditor5';
  /** The element a user clicks to type into 主要工作情况. */
  editable(page: Page): Locator;
}

const EDITORS: Editor[] = [
  { id: 'tinymce', editable: (page) => page.frameLocator('.tox-edit-area iframe').locator('body#tinymce') },
  { id: 'ckeditor5', editable: (page) => page.locator('.ck-editor__editable') },
];

/** The text of each paragraph of an editor's HTML, empty paragraphs left out. */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
    .map((match) => match[1]!.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim())
    .filter((text) => text !== '');
}

const readMain = (page: Page) =>
  page.evaluate(() => (window as unknown as { __portal: { read(): Record<string, string> } }).__portal.read().主要工作情况 ?? '');

async function openPortal(id: string): Promise<Page> {
  const page = await h.open(PORTALS.find((portal) => portal.id === id)!.path);
  await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
  await agentReady(page);
  return page;
}

/** The panel's draft list: in the panel's extension frame once there is one, else in the page (older panel). */
const offers = (page: Page) => {
  const frame = page.frames().find((candidate) => candidate.url().includes('/panel.html'));
  return (frame ?? page.mainFrame()).getByTestId('tianbao-drafts');
};

/** Types the two paragraphs with the keyboard and waits until the draft holds both. */
async function typeAndSave(page: Page, editor: Editor): Promise<void> {
  await editor.editable(page).click();
  await page.keyboard.type(FIRST);
  await page.keyboard.press('Enter');
  await page.keyboard.type(SECOND);
  await expect
    .poll(() => storedDrafts(h).then((d) => Object.values(d).find((text) => text.includes(FIRST)) ?? ''), { timeout: 5_000 })
    .toContain(SECOND);
  expect(paragraphs(await readMain(page))).toEqual([FIRST, SECOND]);
}

async function reloadAndOpenPanel(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __portalReady?: boolean }).__portalReady === true);
  await openPanelFromTab(page);
}

for (const editor of EDITORS) {
  describe(`drafts in ${editor.id}`, () => {
    it('restores two typed paragraphs after a reload into what the editor holds, and one Ctrl+Z undoes the restore', async () => {
      const page = await openPortal(editor.id);
      await typeAndSave(page, editor);
      await reloadAndOpenPanel(page);
      expect(paragraphs(await readMain(page))).toEqual([]);

      const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
      await offer.waitFor();
      expect(await offer.innerText()).toContain(SECOND);
      await offer.getByRole('button', { name: '恢复', exact: true }).click();
      // The message comes once every technique the restore tried has finished: the editor then holds the
      // draft exactly once (a second technique after a paste that did land would add it again).
      await expect.poll(() => offers(page).getByRole('status').innerText()).toContain('已恢复');
      expect(paragraphs(await readMain(page))).toEqual([FIRST, SECOND]);
      // The field equals its draft now: no longer offered.
      await expect.poll(() => offer.count()).toBe(0);

      // Focus went back to the editor with the restore; the user's next Ctrl+Z takes it out again.
      await page.keyboard.press('Control+z');
      await expect.poll(async () => paragraphs(await readMain(page))).toEqual([]);
      await page.close();
    });

    it('replaces what was typed after the reload with the draft, and one Ctrl+Z brings that typing back', async () => {
      const page = await openPortal(editor.id);
      await typeAndSave(page, editor);
      await reloadAndOpenPanel(page);
      const offer = offers(page).getByRole('listitem', { name: '主要工作情况' });
      await offer.waitFor();

      // The user starts again after the reload: the first paragraph, part of the draft, is in the field.
      // Enter ends it as a keyboard does. (Playwright types CJK text as bare input events without keydown;
      // TinyMCE keeps typing in its undo history from the keydown on, which a real keyboard or IME, whose keys
      // come as keydown 229, always sends. Without one, TinyMCE has no undo level for the typed run.)
      await editor.editable(page).click();
      await page.keyboard.type(FIRST);
      await page.keyboard.press('Enter');
      expect(paragraphs(await readMain(page))).toEqual([FIRST]);
      // The autosave of this typing replaces the draft's text; the text from before the reload stays (as
      // its earlier text) and is still what the panel offers.
      await expect
        .poll(() => storedDrafts(h).then((d) => Object.values(d).find((text) => text.includes(FIRST)) ?? ''), { timeout: 5_000 })
        .not.toContain(SECOND);
      await page.waitForTimeout(2_000);
      expect(await offer.innerText()).toContain(SECOND);
      await offer.getByRole('button', { name: '恢复', exact: true }).click();
      // The message comes once every technique the restore tried has finished: the editor then holds the
      // draft exactly once (a second technique after a paste that did land would add it again).
      await expect.poll(() => offers(page).getByRole('status').innerText()).toContain('已恢复');
      expect(paragraphs(await readMain(page))).toEqual([FIRST, SECOND]);

      await page.keyboard.press('Control+z');
      await expect.poll(async () => paragraphs(await readMain(page))).toEqual([FIRST]);
      await page.close();
    });
  });
}
