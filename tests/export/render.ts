// Rendering exported documents for the tests: LibreOffice (headless) turns a .docx into a PDF, poppler reads the
// PDF back (pdfinfo: pages and size; pdftotext -bbox: every word with its box). `npm test` installs the tools when
// they are missing (tests/scripts/test.mjs); when they are still absent the rendering tests are skipped, and
// `missingTools()` says which tool and how to install it, printed by the test file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Maps the 公文 fonts to free ones of the same kind, so that the PDF shows 楷/宋/黑 faces (see the file). */
const FONTS_CONF = join(ROOT, 'tests/export/fonts.conf');
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm', 'unzip'] as const;

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;

/** A sentence naming the missing tools and the command that installs them, or undefined when all are present. */
export function missingTools(): string | undefined {
  const missing = TOOLS.filter((tool) => !has(tool));
  if (missing.length === 0) return undefined;
  return (
    `导出渲染测试已跳过 / export rendering tests skipped: ${missing.join(', ')} not found. ` +
    'Install with "sudo apt-get install -y libreoffice-writer-nogui poppler-utils unzip fonts-arphic-gkai00mp fonts-arphic-gbsn00lp" ' +
    '(npm test does this itself when it runs as root).'
  );
}

/** A scratch directory of this test file's own, under tests/.tmp. */
export function scratch(name: string): string {
  const dir = resolve(ROOT, 'tests/.tmp/export', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The .docx as a PDF, next to it. Each call site passes its own directory: LibreOffice locks its user profile, so
 * concurrent conversions (vitest runs files in parallel) each get one (-env:UserInstallation).
 */
export function renderPdf(bytes: Uint8Array, dir: string, name: string): string {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, bytes);
  const profile = `file://${join(dir, 'lo-profile')}`;
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } },
  );
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
  return join(dir, `${name}.pdf`);
}

export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of one page (1-based) with its box, in points from the top-left corner. */
export function pageWords(pdf: string, page: number): Word[] {
  const out = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const words: Word[] = [];
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, '&') });
  }
  return words;
}

/** Words grouped into lines by their top edge (within 2 pt), top to bottom, each line left to right. */
export function lines(words: readonly Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const out: Word[][] = [];
  for (const word of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0]!.yMin - word.yMin) < 2) last.push(word);
    else out.push([word]);
  }
  return out.map((line) => line.sort((a, b) => a.xMin - b.xMin));
}

/** One part of the .docx package as text (unzip -p). */
export function docxPart(docx: string, part: string): string {
  return spawnSync('unzip', ['-p', docx, part], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
}

/** Page 1 of the PDF as a PNG (pdftoppm), at `dpi`. */
export function pagePng(pdf: string, out: string, dpi = 80): void {
  const result = spawnSync('pdftoppm', ['-png', '-singlefile', '-r', String(dpi), '-f', '1', '-l', '1', pdf, out.replace(/\.png$/, '')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
}
