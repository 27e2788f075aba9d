// Field discovery on a generated 2,000-field portal page in real Chromium (Debian's /usr/bin/chromium), run in
// an isolated world as the content script runs it. Prints medians; exits 1 when the discovery median exceeds
// the 30 ms budget of issue 5. Also shows that the focus tracker's per-keystroke work does not grow with the
// page: the same keystroke events are timed on a 200-field and a 2,000-field page.
//
// Two clocks: wall time (performance.now in the page) and the renderer main thread's CPU time (CDP
// Performance metrics in the threadTicks domain). This machine is shared by several engineers' test runs; under
// load the wall clock also counts the time the renderer waits for a core, so the budget is judged on CPU time
// when the load average exceeds the number of cores, and on wall time otherwise. Both are printed.
//
//   npx tsx tests/bench/discovery.ts
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { isolatedWorld } from '../dom/e2e/isolated';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_MS = 30;
const RUNS = 25;

const LABELS = ['单位名称', '联系人', '联系电话', '报告期', '主要工作情况', '存在的问题', '下一步工作打算', '备注'];

/** A page mixing the layouts portals use: Element Plus form items, antd items, layui items, OA tables, labels. */
function generatePage(fields: number): string {
  const parts: string[] = [];
  let table: string[] = [];
  for (let i = 0; i < fields; i++) {
    const label = `${LABELS[i % LABELS.length]}${Math.floor(i / LABELS.length) + 1}`;
    const control =
      i % 10 === 9
        ? `<select name="s${i}"><option>甲</option><option>乙</option></select>`
        : i % 5 === 4
          ? `<textarea name="t${i}" maxlength="500"></textarea>`
          : `<input name="f${i}" ${i % 3 === 0 ? 'required' : ''}>`;
    switch (i % 5) {
      case 0:
        parts.push(
          `<div class="el-form-item${i % 2 ? ' is-required' : ''}"><label class="el-form-item__label" for="el-id-${1000 + i}-1">${label}</label>` +
            `<div class="el-form-item__content"><div class="el-input">${control.replace('<input ', `<input id="el-id-${1000 + i}-1" `)}</div></div></div>`,
        );
        break;
      case 1:
        parts.push(
          `<div class="ant-form-item"><div class="ant-form-item-label"><label class="ant-form-item-required" title="${label}">${label}</label></div>` +
            `<div class="ant-form-item-control">${control}</div></div>`,
        );
        break;
      case 2:
        parts.push(
          `<div class="layui-form-item"><label class="layui-form-label"><span style="color:red">*</span>${label}</label>` +
            `<div class="layui-input-block">${control}</div></div>`,
        );
        break;
      case 3:
        table.push(`<tr><td class="label">${label}<span style="color:red">*</span></td><td>${control}</td></tr>`);
        if (table.length >= 20) {
          parts.push(`<table class="oa">${table.join('')}</table>`);
          table = [];
        }
        break;
      default:
        parts.push(`<p><label>${label} ${control}</label></p>`);
    }
  }
  if (table.length) parts.push(`<table class="oa">${table.join('')}</table>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body><form>${parts.join('\n')}</form></body></html>`;
}

/** The renderer main thread's task time so far, in seconds (CPU time in the threadTicks domain). */
async function taskSeconds(session: import('playwright-core').CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows: Array<[string, string]> = [];
  const load = loadavg()[0]!;
  const loaded = load > cpus().length;
  rows.push(['load average (1 min) / cores', `${load.toFixed(2)} / ${cpus().length}${loaded ? ' — loaded: budget judged on CPU time' : ''}`]);
  let failed = false;
  try {
    const keystrokeMedians: Record<number, number> = {};
    for (const size of [200, 2000]) {
      const page = await browser.newPage();
      await page.setContent(generatePage(size));
      const world = await isolatedWorld(page);
      const found = await world.run<number>(`__tianbaoDom.discoverFields(document).length`);
      await world.session.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
      const cpuTimes: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = await taskSeconds(world.session);
        times.push(
          await world.run<number>(`(() => { const t0 = performance.now(); __tianbaoDom.discoverFields(document); return performance.now() - t0; })()`),
        );
        cpuTimes.push((await taskSeconds(world.session)) - before);
      }
      // The tracker's work per keystroke: the events one key press fires in the focused field.
      const beforeKeys = await taskSeconds(world.session);
      const keystroke = await world.run<number[]>(`(() => {
        const tracker = __tianbaoDom.createFocusTracker(window);
        const field = document.querySelector('textarea');
        field.focus();
        const times = [];
        for (let round = 0; round < 9; round++) {
          const t0 = performance.now();
          for (let i = 0; i < 200; i++) {
            field.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'a' }));
            field.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'a' }));
            document.dispatchEvent(new Event('selectionchange'));
          }
          times.push((performance.now() - t0) / 200);
        }
        tracker.dispose();
        return times;
      })()`);
      const keystrokeCpu = ((await taskSeconds(world.session)) - beforeKeys) / (9 * 200);
      const wallMedian = median(times);
      const cpuMedian = median(cpuTimes) * 1000;
      const discoveryMedian = loaded ? cpuMedian : wallMedian;
      keystrokeMedians[size] = median(keystroke);
      rows.push([`discoverFields, ${size} fields (found ${found}), wall`, `${wallMedian.toFixed(2)} ms median of ${RUNS}`]);
      rows.push([`discoverFields, ${size} fields, renderer CPU`, `${cpuMedian.toFixed(2)} ms median of ${RUNS}`]);
      rows.push([`focus tracker per keystroke, ${size} fields`, `${(keystrokeMedians[size]! * 1000).toFixed(1)} µs wall median, ${(keystrokeCpu * 1e6).toFixed(1)} µs CPU mean (9 × 200 keystrokes)`]);
      if (size === 2000) {
        if (found !== size) {
          failed = true;
          rows.push(['FAIL', `expected ${size} fields, found ${found}`]);
        }
        if (discoveryMedian > BUDGET_MS) {
          failed = true;
          rows.push(['FAIL', `discovery median (${loaded ? 'CPU' : 'wall'}) above the ${BUDGET_MS} ms budget`]);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
