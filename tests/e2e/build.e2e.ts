// What the store packages promise: the shipped Chrome build asks for no host permission at install, relies on
// activeTab, defaults to Chinese; the Firefox build passes web-ext lint with no error.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (args: string[]) => execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('Chrome build', () => {
  let manifest: Record<string, unknown>;
  beforeAll(() => {
    run(['wxt', 'build']);
    manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
  });

  it('has no host_permissions, only optional ones', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('uses activeTab and scripting to open the panel on demand, with no content script at install', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('defaults to zh_CN', () => {
    expect(manifest.default_locale).toBe('zh_CN');
  });

  it('loads no remote code: no remote script URL and no unsafe-eval in the CSP', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\/(?!\*)/);
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toContain('unsafe-eval');
  });
});

describe('Firefox build', () => {
  it('passes web-ext lint with 0 errors', () => {
    run(['wxt', 'build', '-b', 'firefox', '--mv3']);
    const lint = spawnSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as {
      count: number;
      summary: { errors: number; warnings: number };
      errors: { code: string; message: string; file?: string }[];
    };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
