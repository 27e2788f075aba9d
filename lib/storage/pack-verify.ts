// Signed pack files (签名包): a unit without policy tooling hands out a JSON file with its templates, 本单位规范写法
// entries and snippets; `npx tianbao pack build / sign / verify` (lib/cli/pack.ts) makes and checks it, the options
// page imports it. The signature is ECDSA P-256 with SHA-256 over the canonical JSON of `pack` (keys sorted, no
// spaces), as IEEE P1363 r‖s, base64. Verification uses WebCrypto only, so this module runs unchanged in the
// extension and in Node (the CLI's `pack verify` calls it too).
//
// A pack's public key can be pinned by the unit's policy (config.packKey, lib/storage/managed.ts). With a key
// pinned, only a pack signed with that key is accepted: unsigned, tampered, signed by another key or expired, it
// is refused with the reason. Without one, an unsigned pack is accepted (and said to be unsigned), a signed one
// must still verify against the key it carries (so a damaged file is caught), and an expired one is refused.
import * as v from 'valibot';
import { parseTemplate } from '../core/template/schema';
import {
  ManagedEntrySchema,
  ManagedSnippetSchema,
  ManagedTemplateSchema,
  MANAGED_LIMITS,
  managedTemplateData,
} from './managed';
import { LIMITS, RuleIdSchema } from './schemas';

export const PACK_FORMAT = 'tianbao-pack';
export const PACK_VERSION = 1;
export const PACK_ALGORITHM = 'ECDSA-P256-SHA256';
/** Largest pack file accepted (UTF-8 bytes). */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

const base64 = v.pipe(v.string(), v.maxLength(MANAGED_LIMITS.packKeyLength), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'));
const isoDate = v.pipe(v.string(), v.isoTimestamp('an ISO 8601 time, e.g. 2027-06-30T00:00:00.000Z'));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

export const PackContentSchema = v.strictObject({
  templates: v.optional(list(ManagedTemplateSchema, MANAGED_LIMITS.templates), []),
  entries: v.optional(list(ManagedEntrySchema, MANAGED_LIMITS.entries), []),
  snippets: v.optional(list(ManagedSnippetSchema, MANAGED_LIMITS.snippets), []),
  disabledRules: v.optional(list(RuleIdSchema, LIMITS.disabledRules), []),
  disabledEntries: v.optional(list(RuleIdSchema, LIMITS.disabledEntries), []),
});

/** What is signed. */
export const PackBodySchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  unitName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MANAGED_LIMITS.unitNameLength))),
  createdAt: isoDate,
  expiresAt: isoDate,
  content: PackContentSchema,
});
export type PackBody = v.InferOutput<typeof PackBodySchema>;

export const PackSignatureSchema = v.strictObject({
  alg: v.literal(PACK_ALGORITHM),
  /** The signer's public key (base64 DER SubjectPublicKeyInfo); with a key pinned, only that one counts. */
  publicKey: base64,
  /** IEEE P1363 r‖s (64 bytes), base64. */
  value: base64,
});

export const PackFileSchema = v.strictObject({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION),
  pack: v.unknown(),
  signature: v.optional(PackSignatureSchema),
});
export type PackFile = v.InferOutput<typeof PackFileSchema>;

export type PackRefusal = 'syntax' | 'format' | 'newer' | 'unsigned' | 'wrongKey' | 'signature' | 'invalid' | 'expired' | 'tooLarge';

export type PackResult =
  | { ok: true; pack: PackBody; signed: boolean; pinned: boolean }
  | { ok: false; reason: PackRefusal; detail: string };

/** JSON with every object's keys sorted and no spaces: the exact bytes a signature covers. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not JSON: a non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new Error(`not JSON: ${typeof value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The bytes `sign` signs and `verify` checks for a pack body. */
export const signedBytes = (pack: unknown) => new TextEncoder().encode(canonicalJson(pack));

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether `signature` (base64 P1363) over `data` verifies with the base64 SPKI `publicKey`; false for any bad input. */
export async function verifySignature(publicKey: string, signature: string, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64(signature), data);
  } catch {
    return false;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const pathOf = (issue: v.BaseIssue<unknown>) => (issue.path ?? []).map((item) => String(item.key)).join('.');

/**
 * Checks a pack file (its text, or the parsed JSON) in this order: JSON, envelope, signature (required and
 * checked against `pinnedKey` when one is given), content, expiry. `now` for tests.
 */
export async function verifyPack(input: string | unknown, options: { pinnedKey?: string; now?: Date } = {}): Promise<PackResult> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (new TextEncoder().encode(input).length > MAX_PACK_BYTES) return { ok: false, reason: 'tooLarge', detail: `${MAX_PACK_BYTES}` };
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return { ok: false, reason: 'syntax', detail: String((error as Error).message ?? error) };
    }
  }
  if (isPlainObject(raw) && typeof raw.version === 'number' && raw.version > PACK_VERSION && raw.format === PACK_FORMAT) {
    return { ok: false, reason: 'newer', detail: `version ${raw.version}` };
  }
  const file = v.safeParse(PackFileSchema, raw);
  if (!file.success) return { ok: false, reason: 'format', detail: `${pathOf(file.issues[0])}: ${file.issues[0].message}` };
  const { pack, signature } = file.output;
  const pinned = options.pinnedKey?.trim() || undefined;

  if (pinned && !signature) return { ok: false, reason: 'unsigned', detail: 'no signature' };
  if (signature) {
    let data: Uint8Array<ArrayBuffer>;
    try {
      data = signedBytes(pack);
    } catch (error) {
      return { ok: false, reason: 'format', detail: String((error as Error).message) };
    }
    const key = pinned ?? signature.publicKey;
    if (!(await verifySignature(key, signature.value, data))) {
      // Signed by another key than the pinned one (and intact under its own), or changed after signing.
      const intactUnderOwn = pinned && signature.publicKey !== pinned && (await verifySignature(signature.publicKey, signature.value, data));
      return intactUnderOwn
        ? { ok: false, reason: 'wrongKey', detail: 'signed with another key than the pinned one' }
        : { ok: false, reason: 'signature', detail: 'the signature does not match the content' };
    }
  }

  const body = v.safeParse(PackBodySchema, pack);
  if (!body.success) return { ok: false, reason: 'invalid', detail: `pack.${pathOf(body.issues[0])}: ${body.issues[0].message}` };
  for (const [index, template] of body.output.content.templates.entries()) {
    const engine = parseTemplate(managedTemplateData(template));
    if (!engine.ok) return { ok: false, reason: 'invalid', detail: `pack.content.templates.${index}: ${engine.issues[0]!.message}` };
  }
  const now = options.now ?? new Date();
  if (Date.parse(body.output.expiresAt) <= now.getTime()) {
    return { ok: false, reason: 'expired', detail: body.output.expiresAt };
  }
  return { ok: true, pack: body.output, signed: signature !== undefined, pinned: pinned !== undefined };
}
