import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusReferences } from '../../../lib/core/references/corpus';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'lib/cli/bin.mjs');
let dir = '';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// Last period's report, and this period's: the second half rewritten, the first copied.
const OLD = corpusReferences[4]!.text;
const half = OLD.indexOf('二、存在的问题及原因');
const NEW = `${OLD.slice(0, half)}二、存在的问题\n本期新写的问题分析：基层宣传阵地的巡查频次不足，网络评论员队伍流动性大，培训覆盖面有待扩大。\n三、下一步打算\n将围绕阵地管理、队伍建设和制度落实三个方面持续用力，按季度开展专项检查。`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tianbao-copies-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tianbao check --previous --refs', () => {
  it('prints 上期重复率 with the copied passage located by line', () => {
    const result = run(['check', file('new.txt', NEW), '--previous', file('old.txt', OLD)]);
    expect(result.stderr).toBe('');
    const heading = /上期重复率：([\d.]+)%/.exec(result.stdout);
    expect(heading).not.toBeNull();
    const share = Number(heading![1]);
    expect(share).toBeGreaterThan(60);
    expect(share).toBeLessThan(100);
    expect(result.stdout).toMatch(/第 1 行，\d+ 字：“.+” ← .*old\.txt 第 1 行/);
  });

  it('prints 范文相似度 against the shipped samples and the folder, per reference', () => {
    const refs = join(dir, 'refs');
    mkdirSync(refs, { recursive: true });
    writeFileSync(join(refs, 'mine.txt'), '本期新写的问题分析：基层宣传阵地的巡查频次不足，网络评论员队伍流动性大，培训覆盖面有待扩大。');
    writeFileSync(join(refs, 'ignored.docx'), 'not read');
    const result = run(['check', file('new2.txt', NEW), '--refs', refs]);
    expect(result.stdout).toMatch(/范文相似度：(?:100|9\d)\.\d%（对照 6 篇范文）/);
    expect(result.stdout).toContain(`${corpusReferences[4]!.title}：`);
    expect(result.stdout).toContain('mine.txt：');
  });

  it('adds `copies` to --json with offsets into the text, other keys unchanged', () => {
    const result = run(['check', file('new3.txt', NEW), '--previous', file('old3.txt', OLD), '--refs', join(dir, 'refs'), '--json']);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['outline', 'coverage', 'findings', 'copies']);
    const text = readFileSync(join(dir, 'new3.txt'), 'utf8');
    const [p] = json.copies.previous.passages;
    expect(OLD.slice(p.refStart, p.refEnd)).toBe(text.slice(p.start, p.end));
    expect(json.copies.references.byReference[0].reference).toBe(corpusReferences[4]!.title);
  });

  it('says 没有相同的段落 for an unrelated previous report, and in English with --lang en', () => {
    const other = file('other.txt', '本季度气温偏高，降水偏少，水文站加密观测频次，逐日发布墒情简报，指导农户错峰灌溉、节水保苗。');
    expect(run(['check', file('new4.txt', NEW), '--previous', other]).stdout).toContain('上期重复率：0.0%');
    const en = run(['check', file('new5.txt', NEW), '--previous', other, '--lang', 'en']);
    expect(en.stdout).toContain('Repeated from last period: 0.0%');
    expect(en.stdout).toContain('No identical passage.');
  });

  it('exits 2 with a message for a missing previous report or folder', () => {
    const missing = run(['check', file('new6.txt', NEW), '--previous', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    expect(run(['check', file('new7.txt', NEW), '--refs', join(dir, 'no-dir')]).code).toBe(2);
    expect(run(['check', file('new8.txt', NEW), '--previous']).code).toBe(2);
  });
});
