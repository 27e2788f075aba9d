import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, reportE } from './corpus';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'lib/cli/bin.mjs');
let dir = '';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function hasIconv(): boolean {
  try {
    execFileSync('iconv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// A short report, complete and clean: every section, counts given, nothing left to fill in.
const CLEAN = [
  '关于2026年上半年意识形态工作责任制落实情况的报告',
  '一、主要工作情况',
  '（一）压实主体责任。党组书记履行第一责任人职责，班子成员落实一岗双责，把意识形态工作纳入党建工作责任制和绩效考核。上半年召开党组会议专题研究意识形态工作2次，分析研判意识形态领域形势，并向上级党组织专题报告。',
  '（二）加强理论学习。落实第一议题制度，组织理论学习中心组集中学习6次。',
  '（三）强化阵地管理。严格宣传栏、门户网站和微信公众号的审核把关，健全舆情监测和处置机制，加强网评员队伍建设和培训。',
  '（四）严格责任追究。把意识形态工作纳入民主生活会和述职内容，对错误思潮敢于斗争，对落实不力的严肃问责。',
  '二、存在的问题',
  '一是理论学习的深度还不够；二是网络阵地管理还有薄弱环节。',
  '三、下半年工作打算',
  '一是持续抓好理论武装；二是加强网络阵地建设和管理。',
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tianbao check', () => {
  it('exits 0 on a complete, clean report', () => {
    const result = run(['check', file('clean.txt', CLEAN)]);
    expect(result.stdout).toContain('没有发现问题');
    expect(result.code).toBe(0);
  });

  it('exits 1 when a report holds a blocking finding (a pasted duplicate)', () => {
    const result = run(['check', file('b.txt', report('B'))]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('重复粘贴');
  });

  it('prints one JSON object with outline, coverage and findings', () => {
    const text = report('B');
    const result = run(['check', file('b.txt', text), '--json']);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['outline', 'coverage', 'findings']);
    const findings = json.findings as Array<Record<string, unknown>>;
    for (const f of findings) {
      expect(Object.keys(f).filter((k) => k !== 'fix')).toEqual(['ruleId', 'category', 'severity', 'start', 'end', 'message']);
      expect(['blocking', 'warning', 'info']).toContain(f.severity);
    }
    const dup = findings.find((f) => f.ruleId === 'outline-duplicate')!;
    // Offsets are UTF-16 offsets into the decoded text.
    expect(text.slice(dup.start as number).startsWith('一、提高思想认识')).toBe(true);
    expect((json.outline as Array<{ title: string }>)[0]!.title).toBe('提高思想认识,加强组织领导');
  });

  it('honours --template and --period', () => {
    const result = run(['check', file('e.txt', reportE()), '--json', '--template', 'ideology-self-check', '--period', '2026H1']);
    const coverage = JSON.parse(result.stdout).coverage;
    expect(coverage.templateId).toBe('ideology-self-check');
    expect(coverage.period).toBe('2026H1');
  });

  it('prints English with --lang en', () => {
    expect(run(['check', file('b.txt', report('B')), '--lang', 'en']).stdout).toContain('pasted twice');
  });

  it.runIf(hasIconv())('round-trips a GBK file made with iconv: same findings and offsets as the UTF-8 file', () => {
    const utf8 = file('b-utf8.txt', report('B'));
    const gbk = join(dir, 'b-gbk.txt');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]));
    const a = run(['check', utf8, '--json']);
    const b = run(['check', gbk, '--json']);
    expect(b.code).toBe(a.code);
    expect(b.stdout).toBe(a.stdout);
  });

  it('decodes GBK bytes built by hand (中文报告)', () => {
    // GBK: 一 D2BB, 、 A1A2, 中 D6D0, 文 CEC4, 报 B1A8, 告 B8E6
    const bytes = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xa8, 0xb8, 0xe6]);
    const result = run(['check', file('tiny-gbk.txt', bytes), '--json', '--template', 'none']);
    expect(JSON.parse(result.stdout).outline[0]).toMatchObject({ marker: '一、', title: '中文报告' });
  });

  describe('exits 2 with a clear message on bad input', () => {
    const cases: Array<[string, () => string[], string]> = [
      ['an empty file', () => ['check', file('empty.txt', '')], '空的'],
      ['a file of blanks only', () => ['check', file('blank.txt', '\n  \n')], '空的'],
      ['a binary file', () => ['check', file('bin.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]))], '不是文本文件'],
      ['bytes no encoding explains', () => ['check', file('bad.txt', new Uint8Array([0x81, 0x20, 0xff, 0x81, 0x30]))], '编码无法识别'],
      ['Big5 text (報告: B3 F8 A7 69)', () => ['check', file('big5.txt', new Uint8Array([0xb3, 0xf8, 0xa7, 0x69, 0x0a]))], 'Big5'],
      ['Shift-JIS text (これは: 82 B1 82 EA 82 CD)', () => ['check', file('sjis.txt', new Uint8Array([0x82, 0xb1, 0x82, 0xea, 0x82, 0xcd, 0x0a]))], 'Shift-JIS'],
      ['CESU-8 text (😀 as ED A0 BD ED B8 80)', () => ['check', file('cesu.txt', new Uint8Array([0x41, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0x0a]))], 'CESU-8'],
      ['a missing file', () => ['check', join(dir, 'nope.txt')], '无法读取'],
      ['an unknown template', () => ['check', file('e2.txt', reportE()), '--template', 'nope'], '没有名为'],
      ['a bad period', () => ['check', file('e3.txt', reportE()), '--period', '2026Q3'], '无法识别'],
      ['no file', () => ['check'], '请指定'],
    ];
    for (const [what, args, text] of cases) {
      it(what, () => {
        const result = run(args());
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(text);
      });
    }
  });

  it('runs as npx tianbao from the repository root', () => {
    const result = spawnSync('npx', ['--no-install', 'tianbao', 'check', file('clean-npx.txt', CLEAN), '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).coverage.complete).toBe(true);
  });
});
