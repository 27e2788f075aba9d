// A worked v1 → v2 migration of the snippets item, the way a future change will do it: the v1 type stays
// beside the migration, the migration is a pure function, and both WXT (on first read) and restoreBackup
// (on an old backup) run it through migrateValue's chain.
import { describe, expect, it } from 'vitest';
import { MigrationChainError, createSnippet, migrateValue, type Migrations } from '../../lib/storage';
import { readAsVersion, seedItem } from './migrationHarness';

/** Snippet as stored by version 1 (frozen: never edit once v2 ships). */
interface SnippetV1 {
  id: string;
  title: string;
  body: string;
  folder: string;
  tags: string[];
  sectionIds: string[];
  variables: string[];
  siteValues: Record<string, Record<string, string>>;
  useCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Example version 2: folders become a path ('党建/意识形态' → ['党建', '意识形态']) and snippets can be pinned. */
interface SnippetV2 extends Omit<SnippetV1, 'folder'> {
  folderPath: string[];
  pinned: boolean;
}

const snippetMigrations: Migrations = {
  2: (old: SnippetV1[]): SnippetV2[] =>
    old.map(({ folder, ...rest }) => ({
      ...rest,
      folderPath: folder.split('/').map((part) => part.trim()).filter(Boolean),
      pinned: false,
    })),
};

const v1Snippet: SnippetV1 = {
  id: 's1',
  title: '专题研究部署',
  body: '{{单位名称}}领导班子高度重视。',
  folder: '党建 / 意识形态',
  tags: ['主要工作情况'],
  sectionIds: ['main-work'],
  variables: ['单位名称'],
  siteValues: {},
  useCount: 3,
  lastUsedAt: 10,
  createdAt: 1,
  updatedAt: 2,
};

describe('snippets v1 → v2 (example migration)', () => {
  it('migrates a v1 value on first read and keeps every other field', async () => {
    await seedItem('snippets', [v1Snippet], 1);
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    const { folder: _folder, ...unchanged } = v1Snippet;
    expect(run.value).toEqual([{ ...unchanged, folderPath: ['党建', '意识形态'], pinned: false }]);
  });

  it('writes the migrated value back with the new version tag', async () => {
    await seedItem('snippets', [v1Snippet], 1);
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    expect(run.storedVersion).toBe(2);
    expect(run.stored).toEqual(run.value);
  });

  it('treats an untagged value as version 1', async () => {
    await seedItem('snippets', [v1Snippet]);
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    expect(run.value[0]!.folderPath).toEqual(['党建', '意识形态']);
  });

  it('migrates what this build writes today', async () => {
    await createSnippet({ title: '今天保存的片段', body: '正文', folder: '常用' });
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    const saved = run.value.find((s) => s.title === '今天保存的片段');
    expect([saved?.folderPath, saved?.pinned]).toEqual([['常用'], false]);
  });

  it('leaves a value already at version 2 alone', async () => {
    const v2: SnippetV2[] = [{ ...v1Snippet, folderPath: ['已迁移'], pinned: true } as SnippetV2];
    delete (v2[0] as Partial<SnippetV1>).folder;
    await seedItem('snippets', v2, 2);
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    expect(run.value).toEqual(v2);
  });

  it('gives the same result through migrateValue, as restoring a v1 backup does', async () => {
    await seedItem('snippets', [v1Snippet], 1);
    const run = await readAsVersion<SnippetV2[]>('snippets', 2, snippetMigrations, []);
    expect(migrateValue([v1Snippet], 1, 2, snippetMigrations)).toEqual(run.value);
  });
});

describe('migrateValue', () => {
  it('runs the steps in order', () => {
    const steps: Migrations = { 2: (n: string) => `${n}→2`, 3: (n: string) => `${n}→3` };
    expect(migrateValue('1', 1, 3, steps)).toBe('1→2→3');
  });

  it('passes the value through a version with no step', () => {
    expect(migrateValue({ a: 1 }, 1, 2, {})).toEqual({ a: 1 });
  });

  it('refuses to go backwards', () => {
    expect(() => migrateValue({}, 3, 2, {})).toThrow(MigrationChainError);
  });

  it('wraps a failing step with the versions involved', () => {
    const steps: Migrations = {
      2: () => {
        throw new Error('bad data');
      },
    };
    expect(() => migrateValue({}, 1, 2, steps)).toThrow(/v1 to v2/);
  });
});
