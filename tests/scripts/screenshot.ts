// Regenerates the README screenshot: the panel on the demo portal, filled with a passage of the corpus as a
// user would paste it (defects included). Run: npx tsx tests/scripts/screenshot.ts (after npm run build:e2e).
import { readFileSync } from 'node:fs';
import { launch, openedPanel } from '../e2e/harness';

const corpus = readFileSync(new URL('../fixtures/corpus/000_037b8862a6aab3ed.txt', import.meta.url), 'utf8');
const lines = corpus.split('\n');
const h = await launch();
try {
  const page = await h.open('/demo-portal/');
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.locator('#unit').fill('市统计局机关党委');
  await page.locator('#period').selectOption('2026H1');
  await page.locator('#main').fill(lines.slice(0, 9).join('\n'));
  await page.locator('#contact').fill('王老师');
  await h.clickToolbar(page);
  const panel = await openedPanel(page);
  await panel.getByRole('tab', { name: '检查' }).click();
  await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'tests/fixtures/screenshots/panel-demo-portal.png' });
  console.log('wrote tests/fixtures/screenshots/panel-demo-portal.png');
} finally {
  await h.close();
}
