// Test harness for storage migrations: store a value as an older build left it, define the item the way
// the new build will, and read what the new build sees. Items must be defined after seeding, because WXT
// runs migrations when an item with `migrations` is defined.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import type { Migrations } from '../../lib/storage';

export interface MigrationRun<T> {
  /** The value the new build reads. */
  value: T;
  /** The version tag stored after the read. */
  storedVersion: unknown;
  /** The raw value stored after the read. */
  stored: unknown;
}

/** Writes `value` under `key` as version `version` left it (no tag = a build that never tagged it). */
export async function seedItem(key: string, value: unknown, version?: number): Promise<void> {
  await fakeBrowser.storage.local.set({ [key]: value, ...(version ? { [`${key}$`]: { v: version } } : {}) });
}

/** Defines `local:<key>` at `version` with `migrations` and reads it back. */
export async function readAsVersion<T>(
  key: string,
  version: number,
  migrations: Migrations,
  fallback: T,
): Promise<MigrationRun<T>> {
  const item = storage.defineItem<T>(`local:${key}`, { version, migrations, fallback });
  const value = await item.getValue();
  const stored = await fakeBrowser.storage.local.get([key, `${key}$`]);
  return { value, storedVersion: (stored[`${key}$`] as { v?: unknown } | undefined)?.v, stored: stored[key] };
}
