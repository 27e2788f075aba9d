// Insertion matrix in real Chromium on the fixture portals (issue 5 item 4). lib/dom runs as the content
// script will run it: bundled, in an isolated world of the top frame, reaching iframe editors through
// contentDocument. For each field: type 前文后文, put the caret between 前文 and 后文, click into a stand-in panel's
// search box (the caret must survive that), insert a two-line snippet at the tracked caret, then check what the
// page's framework or editor itself holds (window.__portal.read() in the MAIN world), the library's own
// validation, the text around the caret, the paragraphs, and Ctrl+Z where the measurements
// says the editor undoes it. A fixture × capability table is printed at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { PORTALS, type PortalFixture } from '../fixtures/portals/list';
import type { FieldLabel, PortalValues, ValidationResult } from '../fixtures/portals/shared/portal';
import { ensurePortalsBuilt, openPortal } from '../dom/e2e/portal-world';

const portalById = (id: string) => PORTALS.find((portal) => portal.id === id)!;

const SNIPPET = '插入的片段\n第二段';
const EXPECTED_FLAT = '前文插入的片段第二段后文';

/** Editors whose Ctrl+Z does not remove exactly the insertion (KindEditor keeps snapshots only after ≥ 50 chars). */
const NO_CLEAN_UNDO = new Set(['kindeditor']);

interface Row {
  fixture: string;
  field: string;
  technique: string;
  caret: boolean;
  state: boolean;
  validation: boolean;
  intact: boolean;
  lines: boolean;
  undo: 'yes' | 'no' | 'n/a';
}

const rows: Row[] = [];
let harness: Harness;

beforeAll(async () => {
  ensurePortalsBuilt();
  harness = await launch({ withExtension: false });
});

afterAll(async () => {
  await harness?.close();
  if (rows.length === 0) return;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const lines = [
    '| fixture | field | technique | at caret | framework state | validation | 前文/后文 intact | two lines | Ctrl+Z |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.fixture} | ${r.field} | ${r.technique} | ${mark(r.caret)} | ${mark(r.state)} | ${mark(r.validation)} | ${mark(r.intact)} | ${mark(r.lines)} | ${r.undo === 'n/a' ? 'n/a' : mark(r.undo === 'yes')} |`,
    ),
  ];
  console.log(`\nInsertion matrix (Chromium, isolated world)\n${lines.join('\n')}\n`);
});

/** Text of an HTML value or a textarea value, without tags or any whitespace. */
function flat(value: string): string {
  return value
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\s\u200b\ufeff]/g, '');
}

/** The two snippet lines are still two lines or paragraphs in what the page holds. */
function keptLines(value: string, kind: 'textarea' | 'rich'): boolean {
  if (kind === 'textarea') return value.includes('插入的片段\n第二段');
  const between = value.slice(value.indexOf('插入的片段') + '插入的片段'.length, value.indexOf('第二段'));
  return /<\/?(p|div)\b|<br\s*\/?>/.test(between);
}

const readPortal = (page: import('playwright-core').Page) => page.evaluate(() => window.__portal!.read());
const validatePortal = (page: import('playwright-core').Page) => page.evaluate(() => window.__portal!.validate());

/** Opens the portal, starts the tracker, types 前文后文 into the field and puts the caret between 前文 and 后文. */
async function prepare(portal: PortalFixture, label: FieldLabel, typed = '前文后文', left = 2) {
  const opened = await openPortal(harness, portal);
  const { page, world } = opened;
  await world.run('__tb.startTracker()');
  const point = await world.run<{ x: number; y: number } | undefined>(`__tb.point(${JSON.stringify(label)})`);
  expect(point, `${label} found by discovery`).toBeDefined();
  await page.mouse.click(point!.x, point!.y);
  await page.keyboard.type(typed);
  for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
  // Quill merges edits less than 1 s apart into one undo step (notes: "Undo"); the others need no pause.
  await page.waitForTimeout(portal.editor === 'quill' ? 1200 : 300);
  return opened;
}

async function runCase(portal: PortalFixture, label: FieldLabel): Promise<Row> {
  const { page, world } = await prepare(portal, label);
  try {
    const before = (await readPortal(page))[label];
    expect(flat(before), 'typed text reached the page state').toBe('前文后文');
    expect(await world.run<string | undefined>('__tb.trackedLabel()')).toBe(label);

    expect(await world.run<boolean>('__tb.focusPanelSearch()')).toBe(true);
    const result = await world.run<{ ok: boolean; technique?: string; messageId?: string }>(
      `__tb.insertAtCaret(${JSON.stringify(SNIPPET)})`,
    );
    await page.waitForTimeout(400);
    const kind = portal.richField !== 'textarea' && label === '主要工作情况' ? 'rich' : 'textarea';
    const domText = flat((await world.run<string>(`__tb.text(${JSON.stringify(label)})`)) ?? '');
    const after: PortalValues = await readPortal(page);
    const validation: ValidationResult = await validatePortal(page);
    const row: Row = {
      fixture: portal.id,
      field: label,
      technique: result.ok ? (result.technique ?? '?') : `failed: ${result.messageId}`,
      caret: domText === EXPECTED_FLAT,
      state: flat(after[label]).includes('插入的片段第二段'),
      validation: !validation.errors.some((message) => message.includes(label)),
      intact: flat(after[label]) === EXPECTED_FLAT,
      lines: keptLines(after[label], kind),
      undo: 'n/a',
    };

    // Ctrl+Z in the field (focus is back there after the insertion).
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(400);
    const undone = flat((await readPortal(page))[label]);
    row.undo = undone === '前文后文' ? 'yes' : 'no';
    if (process.env.TB_DEBUG) console.log(portal.id, label, JSON.stringify(after[label]));
    rows.push(row);
    return row;
  } finally {
    await page.close();
  }
}

for (const portal of PORTALS) {
  describe(portal.id, () => {
    for (const label of ['主要工作情况', '存在的问题'] as FieldLabel[]) {
      it(`inserts a two-line snippet at the caret of ${label} so that the page state holds it`, async () => {
        const row = await runCase(portal, label);
        expect(row.technique).not.toMatch(/^failed/);
        expect(row.caret, 'visible at the caret').toBe(true);
        expect(row.state, 'in the framework or editor state').toBe(true);
        expect(row.validation, 'the library validation passes for the field').toBe(true);
        expect(row.intact, 'text before and after the caret unchanged').toBe(true);
        expect(row.lines, 'two lines stay two lines or paragraphs').toBe(true);
        const isKindEditorMain = NO_CLEAN_UNDO.has(portal.id) && label === '主要工作情况';
        if (!isKindEditorMain) expect(row.undo, 'one Ctrl+Z removes exactly the insertion').toBe('yes');
      });
    }
  });
}

interface InsertOutcome {
  ok: boolean;
  inserted: string;
  truncatedBy?: number;
  messageId?: string;
  technique?: string;
}

describe('maxlength', () => {
  for (const id of ['element-plus', 'react', 'oa-table']) {
    it(`${id}: cuts the snippet at 联系人 maxlength 20, says what was cut, and the page state holds 20 characters`, async () => {
      const { page, world } = await prepare(portalById(id), '联系人', '张', 0);
      try {
        const long = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰';
        const result = await world.run<InsertOutcome>(`__tb.insertAtCaret(${JSON.stringify(long)})`);
        await page.waitForTimeout(300);
        const state = (await readPortal(page)).联系人;
        const validation = await validatePortal(page);
        expect(result).toMatchObject({ ok: true, truncatedBy: 6, messageId: 'dom.insert.truncated', inserted: long.slice(0, 19) });
        expect(state).toBe('张' + long.slice(0, 19));
        expect(validation.errors.filter((message) => message.includes('联系人'))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('IME composition', () => {
  for (const [id, label] of [
    ['element-plus', '存在的问题'],
    ['tinymce', '主要工作情况'],
  ] as Array<[string, FieldLabel]>) {
    it(`${id} ${label}: waits for the open composition to end, then inserts after the committed text`, async () => {
      const { page, world } = await prepare(portalById(id), label);
      try {
        await world.session.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
        await world.run(`globalThis.__pending = __tb.insertAtCaret(${JSON.stringify(SNIPPET)}); true`);
        await page.waitForTimeout(300);
        expect(flat((await readPortal(page))[label]), 'nothing inserted during the composition').not.toContain('插入的片段');
        await world.session.send('Input.insertText', { text: '中' });
        const result = await world.run<InsertOutcome>('globalThis.__pending');
        await page.waitForTimeout(400);
        expect(result.ok).toBe(true);
        expect(flat((await readPortal(page))[label])).toBe('前文中插入的片段第二段后文');
      } finally {
        await page.close();
      }
    });
  }

  it('element-plus: gives up with a message when the composition stays open, leaving the field as it was', async () => {
    const { page, world } = await prepare(portalById('element-plus'), '存在的问题');
    try {
      await world.session.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
      const result = await world.run<InsertOutcome>(
        `__tianbaoDom.insertAtTrackedCaret(globalThis.__tracker, ${JSON.stringify(SNIPPET)}, { compositionTimeoutMs: 300 })`,
      );
      expect(result).toMatchObject({ ok: false, messageId: 'dom.insert.composing' });
      expect(flat((await readPortal(page)).存在的问题)).not.toContain('插入的片段');
    } finally {
      await page.close();
    }
  });
});

describe('vanished field', () => {
  it('oa-table: reports a field that left the page after it was focused, and changes nothing', async () => {
    const { page, world } = await prepare(portalById('oa-table'), '存在的问题');
    try {
      await world.run('__tb.focusPanelSearch()');
      await page.evaluate(() => document.querySelector('textarea[name="problems"]')!.remove());
      const result = await world.run<InsertOutcome>(`__tb.insertAtCaret(${JSON.stringify(SNIPPET)})`);
      expect(result).toMatchObject({ ok: false, inserted: '', messageId: 'dom.insert.detached' });
    } finally {
      await page.close();
    }
  });
});

describe('panel clicks', () => {
  it('tinymce: a real mouse click on a panel button leaves the caret in the iframe editor', async () => {
    const { page, world } = await prepare(portalById('tinymce'), '主要工作情况');
    try {
      const button = await world.run<{ x: number; y: number }>('__tb.panelButtonPoint()');
      await page.mouse.click(button.x, button.y);
      await page.keyboard.type('中');
      await page.waitForTimeout(300);
      expect(flat((await readPortal(page)).主要工作情况)).toBe('前文中后文');
    } finally {
      await page.close();
    }
  });
});
