// What the panel needs from the page it sits in. The content script implements it with lib/dom; component
// tests hand the panel a fake. Keeping it an interface keeps React code free of DOM-adapter details.
import type { Finding, Fix } from '../core/types';

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
  /**
   * The fix went in without the renumbering it also carried (ApplyFixOptions.insertion): the field is a rich
   * editor, where a replacement across paragraphs cannot be made as one safe edit. The panel says so.
   */
  renumberSkipped?: boolean;
  /**
   * After a change that went in: the field's whole text just before and just after it, as the analysis reads
   * fields. The panel keeps them for 撤销, which puts `before` back only while the field still holds `after`.
   */
  before?: string;
  after?: string;
}

/** How a snippet goes in (lib/host decides at insertion time, where it knows the caret). */
export interface InsertOptions {
  /**
   * Start a paragraph of its own: when the field holds text before the caret on the same line, a line break
   * goes in first (settings: 片段插入时另起一段). Single-line inputs are left as they are.
   */
  paragraph?: boolean;
}

export interface ApplyFixOptions {
  /**
   * The field's whole text as the analysis that produced the fix read it. When the field no longer holds exactly
   * this (the user typed since), nothing is changed and the outcome is `checks.fixStale`: offsets computed on the
   * old text would land in the wrong place.
   */
  expectedText?: string;
  /** Where to leave the caret afterwards, as an offset into the field's new text. */
  caret?: number;
  /**
   * For a scaffold whose fix also renumbers the headings after it (one merged replacement): the scaffold's own
   * insertion ({start, start, text}), at the fix's start. In a rich editor, where the merged replacement would
   * retype the paragraphs in between as plain text (losing their formatting) and could not be one safe undo
   * step, this alone is inserted and the outcome has `renumberSkipped`.
   */
  insertion?: Fix;
  /**
   * In a rich editor, a fix that cannot go in as one edit there (a replacement across paragraphs, a deletion)
   * replaces the field's whole text with the fixed text instead: one paste, one undo step in the editor, at the
   * cost of the field's formatting. Used by 撤销 and 拆分到各栏, whose edits span sections.
   */
  wholeField?: boolean;
}

export interface PageBridge {
  /** Form fields of the page (and its same-origin frames), in document order. */
  readFields(): PanelField[];
  /** Label of the field that had the caret last ('' when it has none); undefined when no field had it. */
  lastFocusedLabel(): string | undefined;
  /** Inserts at the caret of the last-focused field, replacing its selection. */
  insert(text: string, options?: InsertOptions): Promise<InsertOutcome>;
  /**
   * Moves the keyboard focus back to the last-focused field, caret where the user left it (or just after an
   * insertion). Only ever that field: the page side's focus tracker decides which one. Resolves false when
   * there is none. Optional in test doubles.
   */
  focusTarget?(): Promise<boolean>;
  /** Scrolls to the field and selects [start, end) in it. */
  reveal(finding: Pick<Finding, 'fieldKey' | 'start' | 'end'>): boolean;
  /**
   * Applies a one-click fix inside a field so that Ctrl+Z in the field undoes it. A replacement is applied whole
   * or not at all (never cut short by maxlength, which would lose the text it replaces).
   */
  applyFix(finding: Finding, options?: ApplyFixOptions): Promise<InsertOutcome>;
  /** The page's own title and main heading, which usually name the report (意识形态工作责任制落实情况报告). */
  pageTitle(): string;
  /** Calls `listener` (debounced by the caller) whenever the user edits a field. */
  onChange(listener: () => void): () => void;
  /**
   * Replaces the whole text of the field with `key` through the insertion adapters, so that the page's
   * framework or editor holds it (draft restore). Optional in test doubles; lib/host/dom-bridge.ts implements it.
   */
  replaceFieldText?(key: string, text: string): Promise<InsertOutcome>;
  /**
   * The page's fields as they are now, read afresh (not the last pushed snapshot): what 撤销 and 拆分到各栏 check
   * before they change several fields. Optional in test doubles; readFields() stands in for it.
   */
  freshFields?(): Promise<PanelField[]>;
}
