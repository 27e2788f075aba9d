// Importing a signed pack: verified under the key the unit's policy pins, then the user's own items.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signPackFile, spkiBase64 } from '../../lib/cli/pack';
import { getRuleSettings, isManaged, listSnippets, listUserTemplates } from '../../lib/storage';
import { checkPackFile, importPack } from '../../lib/storage/pack-import';
import { PACK_FORMAT, PACK_VERSION, type PackFile } from '../../lib/storage/pack-verify';
import { snapshotLocal } from './helpers';
import { unitPolicy } from './managed-policy';

const unitKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const strangerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = (pair: typeof unitKey) => pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const config = unitPolicy('https://oa.example.gov.cn').config;

function packFile(expiresAt = '2099-01-01T00:00:00.000Z'): PackFile {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    pack: {
      name: '区委宣传部材料包',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt,
      content: { templates: config.templates, snippets: config.snippets, entries: config.entries },
    },
  };
}

const pin = (pair: typeof unitKey) =>
  fakeBrowser.storage.managed.set({ version: 1, config: { unitName: '某某区委宣传部', packKey: spkiBase64(pair.publicKey) } });

describe('importing a pack under the unit’s pinned key', () => {
  it('refuses, and writes nothing for, a pack that is unsigned, signed by another key, tampered or expired', async () => {
    await pin(unitKey);
    const before = await snapshotLocal();
    const refusals = await Promise.all([
      checkPackFile(JSON.stringify(packFile())),
      checkPackFile(JSON.stringify(signPackFile(packFile(), pem(strangerKey)))),
      checkPackFile(JSON.stringify(signPackFile(packFile(), pem(unitKey))).replace('区委网信办', '区委网办')),
      checkPackFile(JSON.stringify(signPackFile(packFile('2026-02-01T00:00:00.000Z'), pem(unitKey))), new Date('2026-03-01')),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['unsigned', 'wrongKey', 'signature', 'expired']);
    expect(await snapshotLocal()).toBe(before);
  });

  it('imports a pack signed with the pinned key as the user’s own items, and updates them on a second import', async () => {
    await pin(unitKey);
    const text = JSON.stringify(signPackFile(packFile(), pem(unitKey)));
    const checked = await checkPackFile(text);
    expect(checked).toMatchObject({ ok: true, signed: true, pinned: true });
    if (!checked.ok) return;
    expect(await importPack(checked.pack)).toEqual({ name: '区委宣传部材料包', templates: 1, snippets: 1, entries: 1 });
    await importPack(checked.pack);
    const snippets = (await listSnippets()).filter((s) => s.title === '统一开头语');
    expect(snippets).toHaveLength(1);
    expect(isManaged(snippets[0])).toBe(false);
    expect(snippets[0]!.folder).toBe('区委宣传部片段包');
    expect((await listUserTemplates()).filter((t) => t.name === '区委宣传部意识形态报告模板')).toHaveLength(1);
    expect((await getRuleSettings()).userEntries.filter((e) => e.wrong === '区网信办')).toEqual([
      { id: 'user-1', wrong: '区网信办', right: '区委网信办', note: '本单位规范写法' },
    ]);
  });

  it('accepts an unsigned pack where no key is pinned, saying it is unsigned', async () => {
    expect(await checkPackFile(JSON.stringify(packFile()))).toMatchObject({ ok: true, signed: false, pinned: false });
  });
});
