// Long tasks on the portal page's main thread while the user types and submits (issue 9 item 6: none over
// 50 ms from Tianbao). The panel and its analysis run in the extension's own process (an extension-origin
// frame), so what is left on the page's thread is the page side: reading the form and pushing snapshots.
//
// Measured in Chromium on the demo portal with the panel open and a 100,000-character report in 主要工作情况:
// typing 200 characters into it, then 提交 with a blocking finding (the guard's check and dialog). Every task
// of 50 ms or more on the page's main thread is counted (PerformanceObserver 'longtask', the page's own included,
// so the figure is an upper bound for Tianbao's share), and, from a Chromium trace, the longest single
// script task of the extension's page-side code (agent.js, host.js).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { launch, openedPanel } from '../e2e/harness';

const CORPUS = readFileSync('tests/fixtures/corpus/000_037b8862a6aab3ed.txt', 'utf8');
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

if (!existsSync('.output/chrome-mv3-e2e/manifest.json')) execFileSync('npm', ['run', 'build:e2e'], { stdio: 'ignore' });

const report = (() => {
  let text = '';
  // Paragraphs made distinct (a number in each) so that no cache makes the repeats free.
  const lines = CORPUS.split('\n').filter((line) => line.trim());
  for (let i = 0; text.length < 100_000; i++) text += `${lines[i % lines.length]}（第${i}段）\n`;
  return text.slice(0, 100_000);
})();

const h = await launch();
const rows: { scenario: string; count: number; longest: number; ours: number }[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const page = await h.open(`/demo-portal/?round=${round}`);
    await h.clickToolbar(page);
    await openedPanel(page);
    const cdp = await h.context.newCDPSession(page);
    const measure = async (scenario: string, act: () => Promise<void>) => {
      await page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__long.push(entry.duration);
        }).observe({ type: 'longtask' });
      });
      const events: TraceEvent[] = [];
      const collect = (payload: { value: unknown[] }) => events.push(...(payload.value as TraceEvent[]));
      cdp.on('Tracing.dataCollected', collect);
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
      await act();
      await page.waitForTimeout(1500);
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
      const ours = events
        .filter((e) => e.ph === 'X' && (e.name === 'FunctionCall' || e.name === 'EvaluateScript'))
        .filter((e) => /\/(agent|host)\.js/.test(e.args?.data?.url ?? ''))
        .reduce((max, e) => Math.max(max, (e.dur ?? 0) / 1000), 0);
      rows.push({ scenario, count: long.length, longest: long.length ? Math.max(...long) : 0, ours });
    };
    await page.locator('#main').fill(report);
    await page.waitForTimeout(1000);
    await measure('typing 200 characters into a 100k field', async () => {
      await page.locator('#main').press('End');
      await page.keyboard.type('召开专题会议研究部署意识形态工作'.repeat(13).slice(0, 200), { delay: 5 });
    });
    await page.locator('#unit').fill('某市统计局');
    await page.locator('#main').press('End');
    await page.keyboard.type('参会xx人。');
    await measure('提交 with a blocking finding (guard check + dialog)', async () => {
      await page.locator('#submit').click();
      const panel = await openedPanel(page);
      await panel.getByRole('alertdialog').waitFor({ timeout: 10_000 });
      await panel.getByRole('button', { name: '返回修改' }).click();
    });
    await page.close();
  }
} finally {
  await h.close();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
console.log(`long tasks on the portal page's main thread, ${ROUNDS} rounds (target: none ≥ 50 ms from Tianbao)`);
console.log('| scenario | long tasks ≥ 50 ms (all, median) | longest (all) | longest task of agent.js/host.js (median) | target |');
console.log('|---|---|---|---|---|');
for (const scenario of [...new Set(rows.map((row) => row.scenario))]) {
  const mine = rows.filter((row) => row.scenario === scenario);
  const ours = median(mine.map((row) => row.ours));
  console.log(
    `| ${scenario} | ${median(mine.map((row) => row.count))} | ${Math.max(...mine.map((row) => row.longest)).toFixed(0)} ms | ${ours.toFixed(1)} ms | ${ours < 50 ? 'met' : 'MISSED'} |`,
  );
}
