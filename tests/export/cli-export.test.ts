// `npx tianbao export FILE -o out.docx [--check]`: writes the 公文 or the 检查报告, exit 0; bad input exits 2 with a
// message in the chosen language, and writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './render';
import { SAMPLE } from './sample';

const BIN = join(ROOT, 'lib/cli/bin.mjs');
let dir = '';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isZip = (path: string) => readFileSync(path).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tianbao-export-'));
  writeFileSync(join(dir, 'report.txt'), SAMPLE);
  writeFileSync(join(dir, 'blank.txt'), '\u3000\n  \n\n', 'utf8');
  writeFileSync(join(dir, 'emoji.txt'), `${SAMPLE.split('\n')[0]}\n上半年召开会议2次👍。`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tianbao export', () => {
  it('writes the 公文 to -o and says where, with its page count', () => {
    const result = run(['export', 'report.txt', '-o', 'out.docx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/已导出：out\.docx（约 \d+ 页）/);
    expect(isZip(join(dir, 'out.docx'))).toBe(true);
  });

  it('names the output after the input when -o is left out, and writes the 检查报告 with --check', () => {
    expect(run(['export', 'report.txt']).code).toBe(0);
    expect(isZip(join(dir, 'report.docx'))).toBe(true);
    const check = run(['export', 'report.txt', '--check', '--lang', 'en']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Check report exported: report.检查报告.docx');
    expect(isZip(join(dir, 'report.检查报告.docx'))).toBe(true);
  });

  it('takes the date style, date and signature as options', () => {
    const result = run(['export', 'report.txt', '-o', 'dated.docx', '--date-style', 'chinese', '--date', '2026-07-15', '--signature', '某县文化和旅游局']);
    expect(result.code).toBe(0);
    expect(isZip(join(dir, 'dated.docx'))).toBe(true);
    const bad = run(['export', 'report.txt', '--date', '七月', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The date "七月" is not understood');
  });

  it('warns about removed characters on stderr and still writes the file', () => {
    const result = run(['export', 'emoji.txt', '-o', 'emoji.docx']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('👍');
    expect(isZip(join(dir, 'emoji.docx'))).toBe(true);
  });

  it('exits 2 on an empty report, in both languages, writing nothing', () => {
    const zh = run(['export', 'blank.txt', '-o', 'blank.docx']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/空/);
    const en = run(['export', 'blank.txt', '-o', 'blank.docx', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/empty/);
    expect(existsSync(join(dir, 'blank.docx'))).toBe(false);
  });

  it('exits 2 when the output cannot be written', () => {
    const result = run(['export', 'report.txt', '-o', join(dir, 'no-such-dir', 'out.docx'), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write the file');
  });
});
