// `node tests/scripts/icons.mjs`: draws the toolbar and store icons (public/icon/{16,32,48,128}.png) from the
// two SVG drawings below, rendered by Debian's Chromium. The PNGs are committed; run this only after changing
// a drawing. The small drawing is laid out on a 16-unit grid so that its strokes fall on whole pixels at 16
// and 32 px: a white form sheet with one filled line and a check mark, on the product's red.
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const RED = '#c9302c';
const DARK = '#8e1f1b';

// 16-unit grid, drawn in whole cells (crispEdges) so that nothing is blurred at 16 px and each cell is 2×2
// pixels at 32: a sheet from (3,2) to (13,14), one dark line, and a check mark two cells thick.
const CHECK_CELLS = [
  [11, 6], [11, 7], [10, 7], [10, 8], [9, 8], [9, 9], [8, 9], [8, 10], [7, 10], [7, 11],
  [4, 8], [4, 9], [5, 9], [5, 10], [6, 10], [6, 11],
];
const small = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" shape-rendering="crispEdges">
  <rect x="0" y="0" width="16" height="16" rx="3" fill="${RED}" shape-rendering="geometricPrecision"/>
  <rect x="3" y="2" width="10" height="12" fill="#fff"/>
  <rect x="5" y="4" width="6" height="1" fill="${DARK}"/>
  ${CHECK_CELLS.map(([x, y]) => `<rect x="${x}" y="${y}" width="1" height="1" fill="${RED}"/>`).join('')}
</svg>`;

// 128-unit drawing for 48 and 128 px: the same sheet with a folded corner, three lines and a bolder check.
const large = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="0" y="0" width="128" height="128" rx="26" fill="${RED}"/>
  <path d="M30 16 H82 L100 34 V112 H30 Z" fill="#fff"/>
  <path d="M82 16 V34 H100 Z" fill="#f3c5c3"/>
  <rect x="42" y="34" width="30" height="8" rx="2" fill="${DARK}"/>
  <rect x="42" y="50" width="46" height="6" rx="2" fill="#e2e4e7"/>
  <path d="M44 80 L58 94 L88 62" fill="none" stroke="${RED}" stroke-width="13" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const out = resolve(import.meta.dirname, '../../public/icon');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = size <= 32 ? small : large;
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    writeFileSync(resolve(out, `${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${out}`);
