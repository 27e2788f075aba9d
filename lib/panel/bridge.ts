// What the panel needs from the page it sits in. The content script implements it with lib/dom; component
// tests hand the panel a fake. Keeping it an interface keeps React code free of DOM-adapter details.
import type { Finding } from '../core/types';

export interface PanelField {
  key: string;
  label: string;
  required: boolean;
  kind: string;
  /** Template section the field is mapped to, when known. */
  sectionId?: string;
  text: string;
}

export interface InsertOutcome {
  ok: boolean;
  /** Message id explaining a failure or a partial insertion (e.g. cut by maxlength). */
  messageId?: string;
  params?: Record<string, string | number>;
}

export interface PageBridge {
  /** Form fields of the page (and its same-origin frames), in document order. */
  readFields(): PanelField[];
  /** Label of the field that had the caret last ('' when it has none); undefined when no field had it. */
  lastFocusedLabel(): string | undefined;
  /** Inserts at the caret of the last-focused field, replacing its selection. */
  insert(text: string): Promise<InsertOutcome>;
  /** Scrolls to the field and selects [start, end) in it. */
  reveal(finding: Pick<Finding, 'fieldKey' | 'start' | 'end'>): boolean;
  /** Applies a one-click fix inside a field so that Ctrl+Z in the field undoes it. */
  applyFix(finding: Finding): Promise<InsertOutcome>;
  /** The page's own title and main heading, which usually name the report (意识形态工作责任制落实情况报告). */
  pageTitle(): string;
  /** Calls `listener` (debounced by the caller) whenever the user edits a field. */
  onChange(listener: () => void): () => void;
  /**
   * Replaces the whole text of the field with `key` through the insertion adapters, so that the page's
   * framework or editor holds it (draft restore). Optional in test doubles; lib/panel/dom-bridge.ts implements it.
   */
  replaceFieldText?(key: string, text: string): Promise<InsertOutcome>;
}
