// Errors the data layer hands to its callers. Each carries a message id from lib/i18n/locales/*/storage.json,
// so that the panel and the options page show the same words for the same failure.
import { t } from '../i18n';

export type StorageMessageParams = Record<string, string | number>;

/**
 * The browser refused a write because the extension's storage is full. Nothing of that write was saved:
 * `storage.local.set` is all-or-nothing in Chromium (the quota is checked for the whole batch before
 * anything is written) and one IndexedDB transaction in Firefox.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  readonly messageId = 'storage.full';
  readonly params: StorageMessageParams = {};
  constructor(options?: ErrorOptions) {
    super('Extension storage is full; the write was not saved', options);
  }
}

/** A value did not pass its schema, so it was not written. `path` names the offending field. */
export class StorageValidationError extends Error {
  override readonly name = 'StorageValidationError';
  readonly messageId = 'storage.invalidValue';
  readonly params: StorageMessageParams;
  constructor(
    readonly itemName: string,
    readonly path: string,
  ) {
    super(`Invalid value for ${itemName} at ${path || '(root)'}`);
    this.params = { path: path || itemName };
  }
}

/**
 * The item (or an entry of it) was saved by a newer version of Tianbao. This build does not write it at all,
 * since it would drop or rewrite what it cannot read; the user is asked to update the extension.
 */
export class StorageNewerVersionError extends Error {
  override readonly name = 'StorageNewerVersionError';
  readonly messageId = 'storage.newerItem';
  readonly params: StorageMessageParams;
  constructor(
    readonly itemName: string,
    readonly storedVersion: number,
  ) {
    super(`${itemName} was saved by a newer version (v${storedVersion}); not written`);
    this.params = { item: t(`storage.item.${itemName}`) };
  }
}

/** An id (snippet, template) that is not stored. */
export class StorageNotFoundError extends Error {
  override readonly name = 'StorageNotFoundError';
  readonly messageId = 'storage.notFound';
  readonly params: StorageMessageParams;
  constructor(
    readonly itemName: string,
    readonly id: string,
  ) {
    super(`No ${itemName} entry with id ${id}`);
    this.params = { id };
  }
}

/**
 * Chrome rejects with "QUOTA_BYTES quota exceeded" (or QUOTA_BYTES_PER_ITEM for sync); Firefox with a
 * DOMException named QuotaExceededError, whose message sometimes only says so in the name.
 */
export function isQuotaError(error: unknown): boolean {
  if (error == null) return false;
  const name = typeof error === 'object' && 'name' in error ? String(error.name) : '';
  const message = typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  return (
    name === 'QuotaExceededError' ||
    message.includes('QUOTA_BYTES') ||
    message.includes('QuotaExceededError') ||
    // Firefox's IndexedDB backend wording when the profile disk is full.
    /quota (has been )?exceeded/i.test(message)
  );
}
