// `tianbao pack …`: signed pack files for units without policy tooling (lib/storage/pack-verify.ts has the format).
//   pack keygen [-o DIR]                 a new ECDSA P-256 key pair: DIR/pack-key.pem (private, keep it offline) and
//                                        DIR/pack-key.pub.pem; prints the base64 public key for the policy's packKey
//   pack build DIR [-o pack.json] [--name NAME] [--unit NAME] [--days 365 | --expires 2027-06-30]
//                                        DIR holds pack.json-style parts: templates/*.json, snippets.json,
//                                        entries.json, rules.json ({disabledRules, disabledEntries}), meta.json
//                                        ({name, unitName, days | expiresAt}); checked as the extension checks it
//   pack sign FILE --key KEY.pem [-o OUT] signs in place (or into OUT)
//   pack verify FILE [--pub PUB.pem]     checks JSON, signature (against PUB when given: as a pinned key), content
//                                        and expiry
// Exit 0 on success, 1 when verify refuses the pack, 2 on bad input.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { t, type Language, type MessageParams } from '../i18n';
import {
  PACK_ALGORITHM,
  PACK_FORMAT,
  PACK_VERSION,
  signedBytes,
  verifyPack,
  type PackFile,
} from '../storage/pack-verify';
import type { Output } from './main';

const EXIT_OK = 0;
const EXIT_REFUSED = 1;
const EXIT_BAD_INPUT = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

interface PackArgs {
  sub?: string;
  target?: string;
  output?: string;
  key?: string;
  pub?: string;
  name?: string;
  unit?: string;
  days?: string;
  expires?: string;
  lang: Language;
}

function parse(argv: readonly string[]): PackArgs | { option: string } {
  const args: PackArgs = { lang: 'zh_CN' };
  const positional: string[] = [];
  const valued: Record<string, keyof PackArgs> = {
    '-o': 'output',
    '--output': 'output',
    '--key': 'key',
    '--pub': 'pub',
    '--name': 'name',
    '--unit': 'unit',
    '--days': 'days',
    '--expires': 'expires',
    '--lang': 'lang',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const field = valued[arg];
    if (field) {
      const value = argv[++i];
      if (value === undefined) return { option: arg };
      if (field === 'lang') args.lang = value === 'en' ? 'en' : 'zh_CN';
      else (args as unknown as Record<string, string>)[field] = value;
    } else if (arg.startsWith('-')) return { option: arg };
    else positional.push(arg);
  }
  [args.sub, args.target] = positional;
  return args;
}

/** The public key of a private or public key object, as the policy's packKey wants it: base64 DER SPKI. */
export function spkiBase64(key: KeyObject): string {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

function p256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

/** `file` parsed as JSON, or undefined when absent. */
async function readJson(file: string): Promise<unknown> {
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Signs a pack file's body with a P-256 private key (PEM): the file with its `signature`. */
export function signPackFile(file: PackFile, privateKeyPem: string): PackFile {
  const key = createPrivateKey(privateKeyPem);
  if (!p256(key)) throw new Error('not an ECDSA P-256 private key');
  const value = sign('sha256', signedBytes(file.pack), { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
  return { ...file, signature: { alg: PACK_ALGORITHM, publicKey: spkiBase64(key), value } };
}

export async function packCommand(argv: readonly string[], io: Output): Promise<number> {
  const args = parse(argv);
  const lang: Language = 'lang' in args ? args.lang : 'zh_CN';
  const say = (id: string, params?: MessageParams) => io.stdout(`${t(id, params, lang)}\n`);
  const fail = (id: string, params?: MessageParams) => {
    io.stderr(`${t(id, params, lang)}\n`);
    return EXIT_BAD_INPUT;
  };
  if ('option' in args) return fail('cli.pack.badOption', { option: args.option });
  try {
    switch (args.sub) {
      case 'keygen': {
        const dir = args.output ?? '.';
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        await mkdir(dir, { recursive: true });
        const privateFile = join(dir, 'pack-key.pem');
        if (existsSync(privateFile)) return fail('cli.pack.exists', { file: privateFile });
        await writeFile(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
        await writeFile(join(dir, 'pack-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
        say('cli.pack.keygen', { file: privateFile, key: spkiBase64(publicKey) });
        return EXIT_OK;
      }
      case 'build': {
        if (!args.target) return fail('cli.pack.usage');
        const dir = args.target;
        const meta = ((await readJson(join(dir, 'meta.json'))) ?? {}) as Record<string, unknown>;
        const rules = ((await readJson(join(dir, 'rules.json'))) ?? {}) as Record<string, unknown>;
        const templatesDir = join(dir, 'templates');
        const templates = existsSync(templatesDir)
          ? await Promise.all(
              readdirSync(templatesDir)
                .filter((name) => name.endsWith('.json'))
                .sort()
                .map((name) => readJson(join(templatesDir, name))),
            )
          : [];
        const now = new Date();
        const days = Number(args.days ?? meta.days ?? 365);
        const expiresAt = args.expires ?? (typeof meta.expiresAt === 'string' ? meta.expiresAt : undefined);
        const expiry = expiresAt ? new Date(expiresAt) : new Date(now.getTime() + days * DAY_MS);
        if (Number.isNaN(expiry.getTime()) || !(days > 0)) return fail('cli.pack.badExpiry', { value: expiresAt ?? String(days) });
        const unitName = args.unit ?? meta.unitName;
        const file: PackFile = {
          format: PACK_FORMAT,
          version: PACK_VERSION,
          pack: {
            name: args.name ?? meta.name ?? 'pack',
            ...(unitName ? { unitName } : {}),
            createdAt: now.toISOString(),
            expiresAt: expiry.toISOString(),
            content: {
              templates,
              snippets: (await readJson(join(dir, 'snippets.json'))) ?? [],
              entries: (await readJson(join(dir, 'entries.json'))) ?? [],
              disabledRules: rules.disabledRules ?? [],
              disabledEntries: rules.disabledEntries ?? [],
            },
          },
        };
        // Checked as the extension will check it (unsigned, no key pinned): a pack that would be refused is not written.
        const checked = await verifyPack(file, { now });
        if (!checked.ok) return fail('cli.pack.buildInvalid', { detail: checked.detail });
        const out = args.output ?? 'pack.json';
        await writeFile(out, `${JSON.stringify(file, null, 2)}\n`);
        say('cli.pack.built', {
          file: out,
          templates: checked.pack.content.templates.length,
          snippets: checked.pack.content.snippets.length,
          entries: checked.pack.content.entries.length,
          expires: checked.pack.expiresAt.slice(0, 10),
        });
        return EXIT_OK;
      }
      case 'sign': {
        if (!args.target || !args.key) return fail('cli.pack.usage');
        const file = JSON.parse(await readFile(args.target, 'utf8')) as PackFile;
        const checked = await verifyPack({ ...file, signature: undefined });
        if (!checked.ok) return fail('cli.pack.buildInvalid', { detail: checked.detail });
        const signed = signPackFile({ ...file, signature: undefined }, await readFile(args.key, 'utf8'));
        const out = args.output ?? args.target;
        await writeFile(out, `${JSON.stringify(signed, null, 2)}\n`);
        say('cli.pack.signed', { file: out, key: signed.signature!.publicKey });
        return EXIT_OK;
      }
      case 'verify': {
        if (!args.target) return fail('cli.pack.usage');
        const pinnedKey = args.pub ? spkiBase64(createPublicKey(await readFile(args.pub, 'utf8'))) : undefined;
        const result = await verifyPack(await readFile(args.target, 'utf8'), { pinnedKey });
        if (!result.ok) {
          io.stderr(`${t(`pack.refused.${result.reason}`, { detail: result.detail }, lang)}\n`);
          return EXIT_REFUSED;
        }
        say(result.signed ? 'cli.pack.verified' : 'cli.pack.unsignedOk', {
          name: result.pack.name,
          expires: result.pack.expiresAt.slice(0, 10),
        });
        return EXIT_OK;
      }
      default:
        return fail('cli.pack.usage');
    }
  } catch (error) {
    return fail('cli.pack.failed', { reason: String((error as Error).message ?? error) });
  }
}
