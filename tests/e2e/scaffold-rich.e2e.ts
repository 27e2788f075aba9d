// 插入参考框架 into every editor through the real panel (issue 10 item 4). On each fixture portal (the rich editors, and
// the framework forms whose 主要工作情况 is a textarea their model holds), a report without 存在的问题 is typed into that
// field with the keyboard; the 字段 tab says the 存在的问题 and 下一步工作打算 fields hold no section (else 存在的问题 would be an
// empty field of its own and its scaffold would go there), so the section is missing from the report and its
// scaffold belongs at the end of 主要工作情况. The 结构 tab's 插入参考框架 then puts it there: the editor's own state
// (window.__portal.read(), the editor's getContent()/getData()/…) holds the scaffold's title line as a paragraph
// of its own after the typed text, which is intact, and one Ctrl+Z in the editor removes exactly the scaffold —
// except in KindEditor, whose undo keeps a snapshot only after ≥ 50 changed characters (README's insertion table):
// there Ctrl+Z goes back to the snapshot it took during the typing, taking the scaffold and the last typed
// characters with it. Then, in CKEditor 5 and TinyMCE from both tabs, a scaffold between two headings goes in
// without the renumbering (the panel says so), and in CKEditor 5 and Quill one goes in front of the first heading.
import { describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { openedPanel, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { MAIN_EDITABLES as EDITABLES, lines, openPortal, usePortalHarness } from './portal-helpers';

let h: Harness;
usePortalHarness((harness) => (h = harness));

/** Portals whose 主要工作情况 is a textarea: its value is plain text, no paragraphs to look for. */
const PLAIN = new Set(PORTALS.filter((portal) => portal.richField === 'textarea').map((portal) => portal.id));

it('covers every fixture portal', () => {
  expect(Object.keys(EDITABLES).sort()).toEqual(PORTALS.map((portal) => portal.id).sort());
});

/** Editors whose Ctrl+Z does not take back exactly the insertion (measured: README's insertion table). */
const NO_CLEAN_UNDO = new Set(['kindeditor']);

// The main-work section as a writer types it: a heading and two numbered points, no 存在的问题.
const TYPED = [
  '一、主要工作情况',
  '（一）压实主体责任。局党组书记履行第一责任人职责，全年召开党组会议专题研究意识形态工作4次。',
  '（二）加强理论武装。落实第一议题制度，全年组织理论学习中心组集中学习12次。',
];

const readMain = (page: Page) => page.evaluate(() => window.__portal!.read().主要工作情况);

/** Types the report into 主要工作情况, one line per paragraph, as a user does. */
async function typeReport(page: Page, id: string, typed: readonly string[] = TYPED): Promise<void> {
  await EDITABLES[id]!(page).click();
  const cdp = await page.context().newCDPSession(page);
  for (const [index, line] of typed.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    // A Chinese IME sends keydown 229 (Process) before the text it commits; Playwright types CJK text as bare
    // input events without one. TinyMCE starts an undo level for typing at the keydown: without it, a typed run
    // has no level of its own and a later Ctrl+Z takes it out together with whatever came next.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Process', code: '' });
    await page.keyboard.type(line);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, key: 'Process', code: '' });
  }
  await cdp.detach();
  // Quill merges edits less than 1 s apart into one undo step; the pause keeps the typing out of the insertion's.
  await page.waitForTimeout(1200);
  expect(lines(await readMain(page)), 'the editor holds the typed paragraphs').toEqual(typed);
}

/** Opens the panel and says, in its 字段 tab, that the fields with these labels hold no section of the report. */
async function openPanelWithoutSectionFields(page: Page, labels = ['存在的问题', '下一步工作打算']): Promise<{ frame: Frame; panel: Locator }> {
  await h.clickToolbar(page);
  const frame = await openedPanel(page);
  const panel = frame.getByTestId('tianbao-panel');
  await panel.getByRole('tab', { name: '字段' }).click();
  for (const label of labels) {
    // The row whose title is the field's label (every row's section list also names 存在的问题).
    const select = panel
      .getByRole('listitem')
      .filter({ has: frame.locator('.tb-item-title', { hasText: new RegExp(`^${label}`) }) })
      .locator('select');
    await select.selectOption('');
    await expect.poll(() => select.inputValue()).toBe('');
  }
  await panel.getByRole('tab', { name: '结构' }).click();
  return { frame, panel };
}

for (const id of Object.keys(EDITABLES)) {
  describe(`插入参考框架 in ${id}`, () => {
    it('puts the missing section\'s scaffold after the typed text, in the editor\'s state, and Ctrl+Z takes it out', async () => {
      const page = await openPortal(h, id);
      try {
        await typeReport(page, id);
        const { frame, panel } = await openPanelWithoutSectionFields(page);
        const item = panel
          .getByRole('listitem')
          .filter({ hasText: '存在的问题', has: frame.getByRole('button', { name: '插入参考框架' }) })
          .first();
        await item.waitFor();
        // The scaffold as the panel shows it; its first line is the section's title line (二、存在的问题 …).
        const shown = (await item.locator('.tb-scaffold').textContent()) ?? '';
        const title = shown.split('\n')[0]!.trim();
        expect(title).toContain('存在的问题');

        await item.getByRole('button', { name: '插入参考框架' }).click();
        const done = panel.getByRole('status').filter({ hasText: '已插入「存在的问题」的参考框架' });
        await done.waitFor();

        // The editor's own model holds it: the typed paragraphs first, unchanged, then the title as a paragraph.
        const html = await readMain(page);
        if (process.env.TB_DEBUG) console.log(id, JSON.stringify(html));
        const after = lines(html);
        expect(after.slice(0, TYPED.length), 'the typed text is intact').toEqual(TYPED);
        expect(after[TYPED.length], 'the title line comes right after the typed text').toBe(title);
        // A paragraph of its own (a block, not a <br> line inside the paragraph it follows), with no empty
        // paragraph before it (TinyMCE made one of the leading line break until insert.ts dropped it there).
        if (!PLAIN.has(id)) expect(html).toMatch(new RegExp(`<(p|div)\\b[^>]*>\\s*${title}\\s*</(p|div)>`));
        if (!PLAIN.has(id)) expect(html).not.toMatch(new RegExp(`<(p|div)\\b[^>]*>(\\s|&nbsp;|<br\\s*/?>)*</(p|div)>\\s*<(p|div)\\b[^>]*>\\s*${title}`));
        expect(after.length, 'the scaffold has more lines than its title').toBeGreaterThan(TYPED.length + 1);

        await page.keyboard.press('Control+z');
        if (NO_CLEAN_UNDO.has(id)) {
          // KindEditor's Ctrl+Z goes back to its own last snapshot, which it takes only after ≥ 50 changed
          // characters: here one taken during the typing, so the scaffold goes and so do the last characters
          // typed before it (measured: the typing's tail after its last snapshot). The same holds for a snippet.
          await page.waitForTimeout(500);
          const undone = lines(await readMain(page)).join('\n');
          expect(undone).not.toContain(title);
          expect(TYPED.join('\n').startsWith(undone), 'what is left is the typed text up to KindEditor\'s snapshot').toBe(true);
          expect(undone.length).toBeLessThan(TYPED.join('\n').length);
        } else {
          await expect.poll(async () => lines(await readMain(page)), { timeout: 3_000 }).toEqual(TYPED);
        }
      } finally {
        await page.close();
      }
    });
  });
}

// A whole report in the editor whose 一、二、三、 lacks 存在的问题 before 三、下一步工作打算 (as in structure.e2e.ts,
// all three long fields mapped to no section): the scaffold goes in as 三、 after 二、's last paragraph. The
// renumbering of the old 三、 that a textarea gets in the same edit is not made in a rich editor (one paste over
// the paragraph break and the marker would give the heading the paragraph format of the line before it), and the
// panel says so; the scaffold alone is one Ctrl+Z.
const REPORT = [
  '一、主要工作情况',
  '（一）压实主体责任。局党组书记履行第一责任人职责，全年召开党组会议专题研究意识形态工作4次。',
  '二、特色做法',
  '（一）守好宣传阵地。对门户网站和政务新媒体落实三审三校制度。',
  '三、下一步工作打算',
  '一是持续深化理论武装；二是加强阵地管理。',
];

for (const [id, tab] of [
  ['ckeditor5', '结构'],
  ['tinymce', '检查'],
  ['tinymce', '结构'],
  ['ckeditor5', '检查'],
] as const) {
  describe(`插入参考框架 before a later heading in ${id}, from the ${tab} tab`, () => {
    it('inserts the scaffold after the preceding section, leaves the renumbering to the user and says so', async () => {
      const page = await openPortal(h, id);
      try {
        await typeReport(page, id, REPORT);
        const { frame, panel } = await openPanelWithoutSectionFields(page, ['主要工作情况', '存在的问题', '下一步工作打算']);
        await panel.getByRole('tab', { name: tab }).click();
        const item = panel
          .getByRole('listitem')
          .filter({ hasText: '存在的问题', has: frame.getByRole('button', { name: '插入参考框架' }) })
          .first();
        await item.waitFor();
        await item.getByRole('button', { name: '插入参考框架' }).click();
        const done = panel.getByRole('status').filter({ hasText: '已插入「存在的问题」的参考框架' });
        await done.waitFor();
        expect(await done.innerText()).toContain('编号没有自动顺延，请手动修改');

        const after = lines(await readMain(page));
        // Before 三、下一步 and after 二、's last paragraph, numbered 三、; everything typed is there unchanged.
        expect(after.slice(0, 4)).toEqual(REPORT.slice(0, 4));
        expect(after[4]).toMatch(/^三、存在的问题/);
        expect(after.slice(-2)).toEqual(REPORT.slice(4));

        await page.keyboard.press('Control+z');
        await expect.poll(async () => lines(await readMain(page)), { timeout: 3_000 }).toEqual(REPORT);
      } finally {
        await page.close();
      }
    });
  });
}

// A report that starts with 存在的问题 and lacks the section that comes first: the scaffold goes in front of
// the first heading (the engine's offset is that heading's start), as paragraphs of their own, and the heading
// it goes before keeps its paragraph.
const LATER_ONLY = ['一、存在的问题', '对照要求，我们的工作还存在一些差距和不足。'];

for (const id of ['ckeditor5', 'quill']) {
  describe(`插入参考框架 at the start of the field in ${id}`, () => {
    it('puts the scaffold before the first heading, each line a paragraph, and Ctrl+Z takes it out', async () => {
      const page = await openPortal(h, id);
      try {
        await typeReport(page, id, LATER_ONLY);
        const { frame, panel } = await openPanelWithoutSectionFields(page, ['主要工作情况', '存在的问题', '下一步工作打算']);
        // The first suggestion is the template's first section (主要工作情况, or 自查情况 in the self-inspection
        // template the Quill page's title picks), which belongs before 存在的问题.
        const item = panel.getByRole('listitem').filter({ has: frame.getByRole('button', { name: '插入参考框架' }) }).first();
        await item.waitFor();
        const title = ((await item.locator('.tb-scaffold').textContent()) ?? '').split('\n')[0]!.trim();
        expect(title).toMatch(/^一、/);
        expect(title).not.toContain('存在的问题');
        await item.getByRole('button', { name: '插入参考框架' }).click();
        await panel.getByRole('status').filter({ hasText: '的参考框架' }).waitFor();

        const after = lines(await readMain(page));
        expect(after[0]).toBe(title);
        // The typed heading and its text follow as they were, the heading still a paragraph of its own.
        expect(after.slice(-2)).toEqual(LATER_ONLY);
        expect(after.length).toBeGreaterThan(LATER_ONLY.length + 1);

        await page.keyboard.press('Control+z');
        await expect.poll(async () => lines(await readMain(page)), { timeout: 3_000 }).toEqual(LATER_ONLY);
      } finally {
        await page.close();
      }
    });
  });
}
