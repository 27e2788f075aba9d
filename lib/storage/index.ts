// The data layer's public API. Every persistent item is versioned (items.ts), every write is validated and
// quota-checked in one place (write.ts), and backups restore all-or-nothing (backup.ts).
import { installStorageE2eHook } from './e2eHook';

export * from './errors';
export {
  LIMITS,
  PANEL_WIDTH,
  DRAFT_RETENTION_DAYS,
  type Settings,
  type LanguageSetting,
  type RuleSettings,
  type Snippet,
  type UserTemplate,
  type SiteProfile,
  type SiteProfiles,
  type Draft,
  type Drafts,
  type ReportRecord,
  type ReportRecordField,
  type ReportHistory,
  type ReferenceText,
} from './schemas';
export {
  ITEMS,
  ITEM_NAMES,
  readItem,
  readItemState,
  type ItemName,
  type ItemValues,
  type ItemDef,
  type ItemState,
  type SetAsideReason,
} from './items';
export { migrateValue, MigrationChainError, type Migrations } from './migrations';
export { StorageConflictError, updateItem, replaceItem, writeValues } from './write';
export {
  SET_ASIDE_FORMAT,
  deleteSetAside,
  exportSetAside,
  listSetAside,
  setAsideFileName,
  watchSetAside,
  type SetAsideEntry,
  type SetAsideReport,
} from './setAside';
export * from './settings';
export * from './snippets';
export * from './templates';
export * from './siteProfiles';
export * from './drafts';
export * from './reportHistory';
export * from './references';
export * from './backup';
export {
  MANAGED_VERSION,
  MANAGED_ID_PREFIX,
  getManagedConfig,
  isManaged,
  isManagedId,
  readManaged,
  watchManaged,
  type ManagedConfig,
  type ManagedProblem,
  type ManagedState,
} from './managed';
export { STARTER_SNIPPETS, STARTER_SECTION_IDS } from './starterSnippets';

// The e2e flavour only (see e2eHook.ts): lets the end-to-end suite drive this module in every context.
if (import.meta.env.TIANBAO_E2E) installStorageE2eHook();
