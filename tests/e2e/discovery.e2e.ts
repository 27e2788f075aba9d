// Field discovery in real Chromium on the fixture portals (issue 5 items 1 and 4): run as the content script
// will run it (isolated world of the top frame, iframes through contentDocument), it must find each of the six
// fields once, with its label and required flag, the right kind for 主要工作情况, the limits the page sets, and
// keys that are the same after a reload. A fixture × capability table is printed at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { PORTALS } from '../fixtures/portals/list';
import { FIELDS } from '../fixtures/portals/shared/portal';
import { ensurePortalsBuilt, openPortal } from '../dom/e2e/portal-world';

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
