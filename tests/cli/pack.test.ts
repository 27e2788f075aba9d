// Signed pack files: built and signed by the CLI (node:crypto), verified by lib/storage/pack-verify.ts (WebCrypto),
// the same code the options page runs.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { signPackFile, spkiBase64 } from '../../lib/cli/pack';
import { canonicalJson, verifyPack, type PackFile } from '../../lib/storage/pack-verify';
import { unitPolicy } from '../storage/managed-policy';

const dir = mkdtempSync(join(tmpdir(), 'tianbao-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const config = unitPolicy('https://oa.example.gov.cn').config;
const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const otherPem = other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let key = '';
let packFile = '';

beforeAll(async () => {
  const source = join(dir, 'src');
  mkdirSync(join(source, 'templates'), { recursive: true });
  writeFileSync(join(source, 'meta.json'), JSON.stringify({ name: '区委宣传部 2026 年材料包', unitName: config.unitName, days: 30 }));
  writeFileSync(join(source, 'templates', 'qu.json'), JSON.stringify(config.templates[0]));
  writeFileSync(join(source, 'snippets.json'), JSON.stringify(config.snippets));
  writeFileSync(join(source, 'entries.json'), JSON.stringify(config.entries));
  const keygen = await run('pack', 'keygen', '-o', join(dir, 'keys'));
  expect(keygen.code).toBe(0);
  key = keygen.stdout.trim().split('\n').at(-1)!;
  packFile = join(dir, 'pack.json');
  expect((await run('pack', 'build', source, '-o', packFile)).code).toBe(0);
  const signed = await run('pack', 'sign', packFile, '--key', join(dir, 'keys', 'pack-key.pem'));
  expect(signed.code).toBe(0);
  expect(signed.stdout).toContain(key);
});

const readPack = () => JSON.parse(readFileSync(packFile, 'utf8')) as PackFile & { pack: any };

describe('pack build, sign and verify', () => {
  it('builds what the directory holds, signs it, and verifies with the pinned key', async () => {
    const result = await verifyPack(readFileSync(packFile, 'utf8'), { pinnedKey: key });
    expect(result).toMatchObject({ ok: true, signed: true, pinned: true });
    if (!result.ok) return;
    expect(result.pack.content.snippets.map((s) => s.title)).toEqual(['统一开头语']);
    expect(result.pack.content.templates.map((t) => t.id)).toEqual(['qu-yishixingtai']);
    const verify = await run('pack', 'verify', packFile, '--pub', join(dir, 'keys', 'pack-key.pub.pem'));
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toContain('签名有效');
  });

  it('refuses a pack with one byte changed after signing', async () => {
    const text = readFileSync(packFile, 'utf8');
    const tampered = text.replace('统一开头语', '统一开头话');
    expect(tampered).not.toBe(text);
    expect(await verifyPack(tampered, { pinnedKey: key })).toMatchObject({ ok: false, reason: 'signature' });
    // Also without a pinned key: a signed pack must verify under the key it carries.
    expect(await verifyPack(tampered)).toMatchObject({ ok: false, reason: 'signature' });
    const file = join(dir, 'tampered.json');
    writeFileSync(file, tampered);
    const verify = await run('pack', 'verify', file, '--pub', join(dir, 'keys', 'pack-key.pub.pem'));
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('签名与内容不符');
  });

  it('refuses a pack signed with another key than the pinned one', async () => {
    const resigned = signPackFile({ ...readPack(), signature: undefined }, otherPem);
    expect(await verifyPack(resigned)).toMatchObject({ ok: true, signed: true, pinned: false });
    expect(await verifyPack(resigned, { pinnedKey: key })).toMatchObject({ ok: false, reason: 'wrongKey' });
    // The other key's signature passed off as made by the pinned key: still refused.
    const forged = { ...resigned, signature: { ...resigned.signature!, publicKey: key } };
    expect(await verifyPack(forged, { pinnedKey: key })).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses an unsigned pack when a key is pinned, and accepts it (said unsigned) when none is', async () => {
    const unsigned = { ...readPack(), signature: undefined };
    expect(await verifyPack(unsigned, { pinnedKey: key })).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(await verifyPack(unsigned)).toMatchObject({ ok: true, signed: false });
  });

  it('refuses an expired pack, signature valid or not', async () => {
    const expiresAt = Date.parse(readPack().pack.expiresAt);
    expect(await verifyPack(readPack(), { pinnedKey: key, now: new Date(expiresAt - 1000) })).toMatchObject({ ok: true });
    expect(await verifyPack(readPack(), { pinnedKey: key, now: new Date(expiresAt + 1000) })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    const short = join(dir, 'short.json');
    expect((await run('pack', 'build', join(dir, 'src'), '-o', short, '--expires', '2020-01-01')).code).toBe(2);
  });

  it('refuses invalid content even when correctly signed', async () => {
    const file = readPack();
    file.pack.content.snippets[0].title = '';
    const signed = signPackFile({ ...file, signature: undefined }, otherPem);
    const result = await verifyPack(signed, { pinnedKey: spkiBase64(other.publicKey) });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.detail).toContain('pack.content.snippets.0.title');
  });

  it('signs canonical JSON: the same body in another key order and layout verifies', async () => {
    const file = readPack();
    const reordered = Object.fromEntries(Object.entries(file.pack).reverse());
    expect(canonicalJson(reordered)).toBe(canonicalJson(file.pack));
    const text = JSON.stringify({ signature: file.signature, pack: reordered, version: file.version, format: file.format });
    expect(await verifyPack(text, { pinnedKey: key })).toMatchObject({ ok: true });
  });

  it('says what is wrong with a file that is not a pack', async () => {
    expect(await verifyPack('{')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(await verifyPack('{"format":"tianbao-backup"}')).toMatchObject({ ok: false, reason: 'format' });
    expect(await verifyPack({ format: 'tianbao-pack', version: 2, pack: {} })).toMatchObject({ ok: false, reason: 'newer' });
  });
});
