// The managed-storage schema (public/managed-schema.json, which Chromium reads through the manifest's
// storage.managed_schema) and the README's field table, both generated from the valibot schemas in
// lib/storage/managed.ts, so that neither can drift from what the extension checks.
//
//   node --import tsx tests/scripts/managed-docs.ts          prints the table
//   node --import tsx tests/scripts/managed-docs.ts --write  writes public/managed-schema.json and the README table
//
// tests/storage/managed-docs.test.ts fails when either file differs from what this generates.
//
// The JSON schema gives Chromium the structure only (types, properties, items): Chromium drops a top-level value
// that does not fit its schema without telling the extension, so every finer check (lengths, patterns, ranges,
// unique ids, the template rules) is left to the extension, which reports it on the options page.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ManagedPolicySchema } from '../../lib/storage/managed';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../../public/managed-schema.json');
export const README_FILE = resolve(import.meta.dirname, '../../README.md');
export const TABLE_START = '<!-- managed-schema-table:start (generated: node --import tsx tests/scripts/managed-docs.ts --write) -->';
export const TABLE_END = '<!-- managed-schema-table:end -->';

interface Action {
  kind: string;
  type: string;
  requirement?: unknown;
  description?: string;
}

interface Node {
  type: string;
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  literal?: unknown;
  options?: unknown[];
  pipe?: (Node | Action)[];
}

/** A schema with its pipe's actions (nested pipes included), optional wrappers taken off (and noted). */
function unwrap(node: Node): { base: Node; actions: Action[]; optional: boolean } {
  if (node.pipe) {
    const inner = unwrap(node.pipe[0] as Node);
    return { ...inner, actions: [...inner.actions, ...(node.pipe.slice(1) as Action[])] };
  }
  if (node.type === 'optional' && node.wrapped) return { ...unwrap(node.wrapped), optional: true };
  return { base: node, actions: [], optional: false };
}

function jsonType(base: Node, actions: Action[]): string {
  switch (base.type) {
    case 'object':
    case 'strict_object':
      return 'object';
    case 'array':
      return 'array';
    case 'boolean':
      return 'boolean';
    case 'number':
      return actions.some((a) => a.type === 'integer') ? 'integer' : 'number';
    case 'literal':
      return typeof base.literal === 'number' ? 'integer' : typeof base.literal;
    case 'picklist':
      return typeof base.options?.[0] === 'number' ? 'integer' : 'string';
    case 'string':
      return 'string';
    default:
      throw new Error(`managed-docs: no JSON type for a valibot ${base.type}`);
  }
}

const descriptionOf = (actions: Action[]) => actions.find((a) => a.type === 'description')?.description;

/** The structure-only JSON schema Chromium validates the policy with. */
export function toChromiumSchema(schema: Node): Record<string, unknown> {
  const { base, actions } = unwrap(schema);
  const out: Record<string, unknown> = { type: jsonType(base, actions) };
  const description = descriptionOf(actions);
  if (description) out.description = description;
  if (base.entries) {
    out.properties = Object.fromEntries(Object.entries(base.entries).map(([key, value]) => [key, toChromiumSchema(value)]));
  }
  if (base.item) out.items = toChromiumSchema(base.item);
  return out;
}

export function managedJsonSchema(): string {
  const schema = toChromiumSchema(ManagedPolicySchema as unknown as Node);
  return `${JSON.stringify({ ...schema, description: '填报助手 单位统一配置 / Tianbao unit configuration' }, null, 2)}\n`;
}

function constraints(base: Node, actions: Action[]): string {
  const parts: string[] = [];
  const has = (type: string) => actions.find((a) => a.type === type);
  const isArray = base.type === 'array';
  const min = has('min_length');
  const max = has('max_length');
  if (min && max) parts.push(isArray ? `${min.requirement}–${max.requirement} 项` : `${min.requirement}–${max.requirement} 字`);
  else if (min) parts.push(isArray ? `至少 ${min.requirement} 项` : `至少 ${min.requirement} 字`);
  else if (max) parts.push(isArray ? `至多 ${max.requirement} 项` : `至多 ${max.requirement} 字`);
  const lo = has('min_value');
  const hi = has('max_value');
  if (lo && hi) parts.push(`${lo.requirement}–${hi.requirement}`);
  else if (lo) parts.push(`≥ ${lo.requirement}`);
  else if (hi) parts.push(`≤ ${hi.requirement}`);
  const regex = has('regex');
  if (regex) parts.push(`\`${String(regex.requirement)}\``);
  if (base.type === 'literal') parts.push(`= ${JSON.stringify(base.literal)}`);
  if (base.type === 'picklist') parts.push(`之一：${(base.options ?? []).map((o) => JSON.stringify(o)).join(', ')}`);
  for (const check of actions.filter((a) => a.type === 'check')) {
    const message = (check as { message?: unknown }).message;
    if (typeof message === 'string' && message !== 'forbidden key') parts.push(message === 'duplicate template id' || message === 'duplicate snippet id' ? 'id 不重复' : message === 'duplicate origin' ? 'origin 不重复' : message === 'duplicate wrong wording' ? 'wrong 不重复' : message);
  }
  return parts.join('；');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(schema: Node, path: string, out: string[]): void {
  const { base, actions, optional } = unwrap(schema);
  const type = jsonType(base, actions);
  const shownType = type === 'array' && base.item ? `${jsonType(unwrap(base.item).base, unwrap(base.item).actions)}[]` : type;
  if (path) {
    out.push(
      `| \`${cell(path)}\` | ${shownType} | ${optional ? '否' : '是'} | ${cell(constraints(base, actions))} | ${cell(descriptionOf(actions) ?? '')} |`,
    );
  }
  if (base.entries) for (const [key, value] of Object.entries(base.entries)) rows(value, path ? `${path}.${key}` : key, out);
  if (base.item) {
    const item = unwrap(base.item).base;
    if (item.entries) for (const [key, value] of Object.entries(item.entries)) rows(value, `${path}[].${key}`, out);
  }
}

/** The README's reference table: every field, its type, whether it must be there, its limits, what it is. */
export function managedSchemaTable(): string {
  const out = ['| 字段 Field | 类型 Type | 必填 Required | 限制 Limits | 说明 Meaning |', '| --- | --- | --- | --- | --- |'];
  rows(ManagedPolicySchema as unknown as Node, '', out);
  return out.join('\n');
}

/** The README with its table between the markers replaced by `table`. */
export function readmeWithTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no managed-schema table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  if (process.argv.includes('--write')) {
    writeFileSync(SCHEMA_FILE, managedJsonSchema());
    const readme = readFileSync(README_FILE, 'utf8');
    if (readme.includes(TABLE_START)) writeFileSync(README_FILE, readmeWithTable(readme, managedSchemaTable()));
    console.log(`wrote ${SCHEMA_FILE}${readme.includes(TABLE_START) ? ' and the README table' : ''}`);
  } else {
    console.log(managedSchemaTable());
  }
}

