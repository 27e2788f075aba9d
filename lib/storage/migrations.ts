// Schema versions and the migration step shared by the storage items and by backup restore.
//
// How to move an item to a new version (WXT's storage guide, https://wxt.dev/storage.html#versioning):
//   1. keep the old shape beside the migration as `FooV1` (never edit it again),
//   2. add `2: (old: FooV1): FooV2 => …` to that item's `migrations` in items.ts and bump its `version`,
//   3. add a case to tests/storage/migrations.test.ts that seeds a v1 value and reads it back as v2.
// WXT runs the chain when the item is first read in any context; restoreBackup runs the same chain on an
// older backup, so a v1 backup still restores after the item moved to v2.

/** version → function taking the value of version-1 and returning the value of that version. */
export type Migrations = Record<number, (old: any) => unknown>;

export class MigrationChainError extends Error {
  override readonly name = 'MigrationChainError';
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    options?: ErrorOptions,
  ) {
    super(`Cannot migrate from v${fromVersion} to v${toVersion}`, options);
  }
}

/**
 * Runs migrations `from+1 … to` on `value`. A missing step keeps the value as it is (WXT does the same), so
 * a version bump that only widens the schema needs no function.
 */
export function migrateValue(value: unknown, from: number, to: number, migrations: Migrations): unknown {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || from > to) {
    throw new MigrationChainError(from, to);
  }
  let current = value;
  for (let version = from + 1; version <= to; version++) {
    const step = migrations[version];
    if (!step) continue;
    try {
      current = step(current) ?? current;
    } catch (error) {
      throw new MigrationChainError(from, to, { cause: error });
    }
  }
  return current;
}
