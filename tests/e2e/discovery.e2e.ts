// Field discovery in real Chromium on the fixture portals (issue 5 items 1 and 4): run as the content script
// will run it (isolated world of the top frame, iframes through contentDocument), it must find each of the six
// fields once, with its label and required flag, the right kind for 主要工作情况, the limits the page sets, and
// keys that are the same after a reload. A fixture × capability table is printed at the end.
//
// Issue 10 item 11: each field's label is the one a user sees beside it. The expected label is read from the
// rendered page — the innerText of the label element or table cell the fixture shows for that field's row — never
// from discovery, and compared with the label discovery gives the field in that row. Besides the eleven portals,
// the plain-form editor pages run again with `?labels=page`, where the 主要工作情况 label is not tied to the
// hidden textarea (no `for`, or `for` the editor's host div) and the editor's placeholder is not its name: the
// pages on which CKEditor 5 used to be named by its own aria-label and Quill by its placeholder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { FIELDS } from '../fixtures/portals/shared/portal';
import { ensurePortalsBuilt, openPortal } from '../dom/e2e/portal-world';
import type { PortalFixture } from '../fixtures/portals/list';

interface Found {
  key: string;
  kind: string;
  editor?: string;
  label: string;
  labelSource: string;
  required: boolean;
  visible: boolean;
  maxLength?: number;
  inFrame: boolean;
}

const DISCOVER = `__tianbaoDom.discoverFields(document).filter((f) => f.visible).map((f) => ({
  key: f.key, kind: f.kind, editor: f.editor, label: f.label, labelSource: f.labelSource, required: f.required,
  visible: f.visible, maxLength: f.maxLength, inFrame: f.document !== document,
}))`;

interface Row {
  fixture: string;
  labels: boolean;
  required: boolean;
  richKind: string;
  limits: boolean;
  stableKeys: boolean;
  sources: string;
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
  const table = [
    '| fixture | six labels once | all required | 主要工作情况 | maxlength 联系人=20 | keys stable on reload | label sources |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.fixture} | ${mark(r.labels)} | ${mark(r.required)} | ${r.richKind} | ${mark(r.limits)} | ${mark(r.stableKeys)} | ${r.sources} |`,
    ),
  ];
  console.log(`\nDiscovery matrix (Chromium, isolated world)\n${table.join('\n')}\n`);
});

for (const portal of PORTALS) {
  describe(portal.id, () => {
    it('finds each field once with its label, required flag, kind, limits and a reload-stable key', async () => {
      const { page, world } = await openPortal(harness, portal);
      let fields: Found[];
      let again: Found[];
      try {
        fields = await world.run<Found[]>(DISCOVER);
        await page.reload();
        await page.waitForFunction(() => window.__portalReady === true, null, { timeout: 30_000 });
        const reloaded = await (await import('../dom/e2e/isolated')).isolatedWorld(page);
        again = await reloaded.run<Found[]>(DISCOVER);
      } finally {
        await page.close();
      }
      const byLabel = (label: string) => fields.filter((f) => f.label === label);
      const main = byLabel('主要工作情况')[0];
      const row: Row = {
        fixture: portal.id,
        labels: FIELDS.every((label) => byLabel(label).length === 1) && fields.length === FIELDS.length,
        required: FIELDS.every((label) => byLabel(label)[0]?.required === true),
        richKind: main ? `${main.kind}${main.editor ? `/${main.editor}` : ''}${main.inFrame ? ' (iframe)' : ''}` : 'missing',
        limits: byLabel('联系人')[0]?.maxLength === 20,
        stableKeys:
          new Set(fields.map((f) => f.key)).size === fields.length &&
          JSON.stringify(fields.map((f) => [f.label, f.key])) === JSON.stringify(again.map((f) => [f.label, f.key])),
        sources: [...new Set(fields.map((f) => f.labelSource))].join(', '),
      };
      rows.push(row);

      expect(fields.map((f) => f.label).sort()).toEqual([...FIELDS].sort());
      expect(row.required, 'every field flagged required').toBe(true);
      expect(row.limits, '联系人 maxlength').toBe(true);
      expect(row.stableKeys, 'keys unique and unchanged after a reload').toBe(true);
      if (portal.richField === 'textarea') expect(main?.kind).toBe('textarea');
      else expect([main?.kind, main?.inFrame]).toEqual(['rich', portal.richField === 'iframe']);
      expect(byLabel('报告期')[0]?.kind).toBe('select');
    });
  });
}

/**
 * How each page lays out a field's row, as a user reads it: the row, the label text shown in it, and the part of
 * the row holding the control. `next` = the control is in the cell after the label cell (OA tables).
 */
interface RowLayout {
  row: string;
  label: string;
  control: string | 'next';
}

const PLAIN: RowLayout = { row: 'form.plain-form .row', label: ':scope > label', control: ':scope > .control' };
const LAYOUTS: Record<string, RowLayout> = {
  'element-plus': { row: '.el-form-item', label: '.el-form-item__label', control: '.el-form-item__content' },
  antd: { row: '.ant-form-item', label: '.ant-form-item-label', control: '.ant-form-item-control' },
  layui: { row: '.layui-form-item', label: '.layui-form-label', control: '.layui-input-block, .layui-input-inline' },
  // The label is the cell itself.
  'oa-table': { row: 'td.fieldName', label: ':scope', control: 'next' },
  'oa-table-designmode': { row: 'td.fieldName', label: ':scope', control: 'next' },
};

/** Per visible field: the visible label text of its row (cleaned as a user would say it) and the discovered label. */
const VISIBLE_VS_DISCOVERED = (layout: RowLayout) => `(() => {
  const layout = ${JSON.stringify(layout)};
  const say = (text) => text.replace(/\\s+/g, '').replace(/^[*＊]+|[*＊]+$/g, '').replace(/[:：]$/, '').replace(/^[*＊]+|[*＊]+$/g, '');
  const rows = Array.from(document.querySelectorAll(layout.row)).map((row) => {
    const label = layout.label === ':scope' ? row : row.querySelector(layout.label);
    // A row without a control part (a label above a full-width editor) holds the control itself.
    const control = layout.control === 'next' ? row.nextElementSibling : (row.querySelector(layout.control) ?? row);
    return { label, control, shown: !!label && label.checkVisibility() ? say(label.innerText) : '' };
  });
  return __tianbaoDom.discoverFields(document).filter((f) => f.visible).map((f) => {
    const host = f.document === document ? f.element : f.frame;
    const row = rows.find((r) => r.control && r.control.contains(host));
    return { visible: row ? row.shown : '(no row)', discovered: f.label, source: f.labelSource };
  });
})()`;

interface Named {
  visible: string;
  discovered: string;
  source: string;
}

const PAGE_LABEL_VARIANTS: PortalFixture[] = PORTALS.filter((p) => ['tinymce', 'ckeditor5', 'quill', 'wangeditor', 'ckeditor4', 'kindeditor'].includes(p.id)).map(
  (p) => ({ ...p, id: `${p.id}?labels=page`, path: `${p.path}?labels=page` }),
);

const namedRows: Array<{ fixture: string; wrong: number; detail: string }> = [];

describe('names every field by its visible label', () => {
  afterAll(() => {
    if (namedRows.length === 0) return;
    const table = ['| fixture | fields named otherwise than their visible label | detail |', '|---|---|---|', ...namedRows.map((r) => `| ${r.fixture} | ${r.wrong} | ${r.detail} |`)];
    console.log(`\nVisible label vs discovered label (Chromium)\n${table.join('\n')}\n`);
  });

  for (const portal of [...PORTALS, ...PAGE_LABEL_VARIANTS]) {
    it(portal.id, async () => {
      const { page, world } = await openPortal(harness, portal);
      let named: Named[];
      try {
        named = await world.run<Named[]>(VISIBLE_VS_DISCOVERED(LAYOUTS[portal.id] ?? PLAIN));
      } finally {
        await page.close();
      }
      const wrong = named.filter((n) => n.visible !== n.discovered);
      namedRows.push({
        fixture: portal.id,
        wrong: wrong.length,
        detail: wrong.map((n) => `${n.visible} → “${n.discovered}” (${n.source})`).join('; ') || '—',
      });
      // The page's own rows: the six fields, each once, each under a label the user can see.
      expect(named.map((n) => n.visible).sort()).toEqual([...FIELDS].sort());
      expect(named.map((n) => [n.visible, n.discovered])).toEqual(named.map((n) => [n.visible, n.visible]));
    });
  }
});
