// The managed-storage schema Chromium reads and the README's field table are generated from the code
// (tests/scripts/managed-docs.ts); these tests fail when either was not regenerated after a schema change, and
// when the README's example policy is not one the extension accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManagedPolicy } from '../../lib/storage/managed';
import {
  README_FILE,
  SCHEMA_FILE,
  TABLE_END,
  TABLE_START,
  managedJsonSchema,
  managedSchemaTable,
} from '../scripts/managed-docs';

const readme = () => readFileSync(README_FILE, 'utf8');

describe('generated managed-storage docs', () => {
  it('public/managed-schema.json is what the schemas generate', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(managedJsonSchema());
  });

  it('the README table is what the schemas generate', () => {
    const text = readme();
    const start = text.indexOf(TABLE_START);
    const end = text.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(text.slice(start + TABLE_START.length, end).trim()).toBe(managedSchemaTable());
  });

  it('lists every field of the config, nested ones included', () => {
    const table = managedSchemaTable();
    for (const path of ['config.snippets[].title', 'config.locks.requiredRules', 'config.templates[].sections[].topics[].keywords', 'config.packKey']) {
      expect(table).toContain(`\`${path}\``);
    }
  });

  it('the README example policy is accepted as it stands', () => {
    const text = readme();
    const section = text.slice(text.indexOf('## 单位统一配置'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const state = parseManagedPolicy(JSON.parse(example!));
    expect(state.problem).toBeUndefined();
    expect(state.config?.snippets).toHaveLength(1);
  });
});
