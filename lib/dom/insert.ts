// Inserting text at the caret of a page field so that the page's framework or editor really holds it.
// Which technique works where was measured in Chromium on the real libraries (the insertion table in README.md, re-measured by tests/e2e/insertion.e2e.ts):
//
//   input/textarea   execCommand('insertText') (T1: Vue, React, antd and layui see it, Ctrl+Z undoes it), verified;
//                    otherwise setRangeText + input/change (T3: state updates, but the native undo is lost).
//   contenteditable  a synthetic paste carrying text/plain (T4: the only one CKEditor 5 accepts; clean undo on
//                    Quill, wangEditor, TinyMCE); when the content did not change, execCommand (T1: KindEditor,
//                    UEditor-style bodies, designMode). Never T1 on Slate/wangEditor or CKEditor 5: the DOM
//                    changes but their model does not, and the next keystroke corrupts the field. There, a
//                    synthetic beforeinput insertText (T5) is the second choice.
//
// Every technique can fail silently, so each is followed by a check of what the field now holds. Text always
// goes in as text: no HTML is ever built from it. Nothing is inserted while an IME composition is open.
import { isComposing, waitForCompositionEnd } from './composition';
import { applySelection, type FocusTracker, type SavedSelection } from './focus';
import { isDesignModeDocument, isInContentEditable, isValueField } from './editable';

export type InsertTechnique = 'execCommand' | 'setRangeText' | 'value' | 'paste' | 'beforeinput';

export type InsertMessageId =
  | 'dom.insert.detached'
  | 'dom.insert.readOnly'
  | 'dom.insert.disabled'
  | 'dom.insert.notEditable'
  | 'dom.insert.composing'
  | 'dom.insert.notApplied'
  | 'dom.insert.truncated'
  | 'dom.insert.noField';

export interface InsertResult {
  ok: boolean;
  /** The text that went into the field (after any truncation); '' when nothing did. */
  inserted: string;
  /** Characters cut off the end of the text because of the field's maxlength. */
  truncatedBy?: number;
  /** A message for the user (i18n id in the dom area): the reason for a failure, or the truncation notice. */
  messageId?: InsertMessageId;
  params?: Record<string, string | number>;
  technique?: InsertTechnique;
}

export interface InsertOptions {
  /** Where to insert (from the focus tracker). Default: the field's own current selection. */
  selection?: SavedSelection;
  /** How long to wait for an open IME composition to end. Default 3000 ms. */
  compositionTimeoutMs?: number;
  /** How long to wait for an editor that handles a paste asynchronously. Default 300 ms. */
  settleMs?: number;
}

const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/g;

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Cuts `text` to at most `room` UTF-16 units without splitting a surrogate pair. */
function cutTo(text: string, room: number): string {
  if (text.length <= room) return text;
  let end = Math.max(0, room);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

const fail = (messageId: InsertMessageId, params?: Record<string, string | number>): InsertResult =>
  params ? { ok: false, inserted: '', messageId, params } : { ok: false, inserted: '', messageId };

/** The Slate (wangEditor) or CKEditor 5 editable `el` belongs to: editors that ignore execCommand. */
function modelEditor(el: HTMLElement): 'slate' | 'ckeditor5' | undefined {
  if (el.closest('[data-slate-editor]')) return 'slate';
  if (el.closest('.ck-editor__editable, .ck-content')) return 'ckeditor5';
  return undefined;
}

function focusField(el: HTMLElement): void {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (view && view.top !== view) view.focus();
  if (doc.activeElement !== el || !doc.hasFocus()) el.focus({ preventScroll: true });
}

const delay = (doc: Document, ms: number) =>
  new Promise<void>((resolve) => (doc.defaultView ?? globalThis).setTimeout(resolve, ms));

/**
 * Inserts `text` at the caret of `field` (an input, a textarea, a contenteditable host or an iframe editor's
 * body), replacing the selection. Resolves with what went in; never throws.
 */
export async function insertText(field: HTMLElement, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  try {
    if (!field || !field.isConnected) return fail('dom.insert.detached');
    const doc = field.ownerDocument;
    if (isComposing(doc)) {
      const ended = await waitForCompositionEnd(doc, options.compositionTimeoutMs ?? 3000);
      if (!ended) return fail('dom.insert.composing');
      // The composition moved the caret; insert where it is now.
      options = { ...options, selection: undefined };
      if (!field.isConnected) return fail('dom.insert.detached');
    }
    const clean = normalizeNewlines(text);
    if (isValueField(field)) return insertIntoValueField(field, clean, options);
    if (isInContentEditable(field) || isDesignModeDocument(doc)) return await insertIntoEditable(field, clean, options);
    if (field.getAttribute('contenteditable') === 'false') return fail('dom.insert.readOnly');
    return fail('dom.insert.notEditable');
  } catch {
    return fail('dom.insert.notApplied');
  }
}

/** Restores the tracker's field and caret, then inserts there. */
export async function insertAtTrackedCaret(tracker: FocusTracker, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  const current = tracker.current();
  if (!current) return fail('dom.insert.noField');
  if (!current.element.isConnected) return fail('dom.insert.detached');
  const doc = current.document;
  if (isComposing(doc)) {
    // Restoring the selection now would break the composition; wait, then insert at the caret it leaves.
    const ended = await waitForCompositionEnd(doc, options.compositionTimeoutMs ?? 3000);
    if (!ended) return fail('dom.insert.composing');
    if (doc.activeElement !== current.element) tracker.restore();
    return insertText(current.element, text, { ...options, selection: undefined });
  }
  tracker.restore();
  return insertText(current.element, text, { ...options, selection: options.selection ?? current.selection });
}

function insertIntoValueField(field: HTMLInputElement | HTMLTextAreaElement, text: string, options: InsertOptions): InsertResult {
  if (field.disabled) return fail('dom.insert.disabled');
  if (field.readOnly) return fail('dom.insert.readOnly');
  // A single-line input drops line breaks; keep the lines apart with a space instead.
  let wanted = field.tagName === 'INPUT' ? text.replace(/[ \t]*\n[ \t]*/g, ' ') : text;
  const before = field.value;

  let start = field.selectionStart;
  let end = field.selectionEnd;
  if (options.selection?.kind === 'offsets') {
    start = Math.min(options.selection.start, before.length);
    end = Math.min(options.selection.end, before.length);
  }
  const hasCaret = start !== null && end !== null;
  const from = hasCaret ? start! : before.length;
  const to = hasCaret ? end! : before.length;

  let truncatedBy: number | undefined;
  const max = field.maxLength;
  if (max > 0) {
    const room = Math.max(0, max - (before.length - (to - from)));
    const cut = cutTo(wanted, room);
    if (cut.length < wanted.length) truncatedBy = wanted.length - cut.length;
    wanted = cut;
  }
  const expected = before.slice(0, from) + wanted + before.slice(to);
  const result = (technique: InsertTechnique): InsertResult => {
    const out: InsertResult = { ok: true, inserted: wanted, technique };
    if (truncatedBy !== undefined) {
      out.truncatedBy = truncatedBy;
      out.messageId = 'dom.insert.truncated';
      out.params = { max, count: truncatedBy, cut: text.slice(text.length - truncatedBy) };
    }
    return out;
  };
  if (wanted === '') {
    return truncatedBy !== undefined ? { ...result('value'), ok: false } : { ok: true, inserted: '' };
  }

  focusField(field);
  if (hasCaret) field.setSelectionRange(from, to);

  // T1: the browser's own editing command, which the page sees as typing and which Ctrl+Z undoes.
  const doc = field.ownerDocument;
  let applied = false;
  if (hasCaret && typeof doc.execCommand === 'function') {
    try {
      applied = doc.execCommand('insertText', false, wanted);
    } catch {
      applied = false;
    }
  }
  if (applied && field.value === expected) return result('execCommand');
  if (field.value !== before) {
    // Something else happened (a page handler rewrote the value): put the text back as it was first.
    field.value = before;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // T3 (or T2 where the input type has no selection API): write the value, then tell the framework.
  let technique: InsertTechnique = 'setRangeText';
  if (hasCaret) field.setRangeText(wanted, from, to, 'end');
  else {
    field.value = expected;
    technique = 'value';
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: wanted }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return field.value === expected ? result(technique) : fail('dom.insert.notApplied');
}

/** Text of an editable as the check compares it: no zero-width characters, no-break spaces as spaces. */
function editableText(el: HTMLElement): string {
  return (el.textContent ?? '').replace(ZERO_WIDTH, '').replace(/\u00a0/g, ' ');
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * The editable's text without what the selection covers: what stays when an insertion replaces the selection.
 * Equal to the whole text for a caret (or a selection outside the field).
 */
function textOutsideSelection(el: HTMLElement, doc: Document): string {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return editableText(el);
  const range = selection.getRangeAt(0);
  if (range.collapsed || !el.contains(range.startContainer) || !el.contains(range.endContainer)) return editableText(el);
  const head = doc.createRange();
  head.selectNodeContents(el);
  head.setEnd(range.startContainer, range.startOffset);
  const tail = doc.createRange();
  tail.selectNodeContents(el);
  tail.setStart(range.endContainer, range.endOffset);
  return (head.toString() + tail.toString()).replace(ZERO_WIDTH, '').replace(/\u00a0/g, ' ');
}

/** What the field held before the insertion, and what of it stays when the selection is replaced. */
interface Baseline {
  before: string;
  kept: string;
}

/**
 * True when the field changed and every line of `text` now occurs more often than in the text the insertion
 * keeps. A line the replaced selection already held (a draft restored over its own first line) still counts.
 */
function landed(baseline: Baseline, el: HTMLElement, lines: string[]): boolean {
  const now = editableText(el);
  if (now === baseline.before) return false;
  return lines.every((line) => occurrences(now, line) > occurrences(baseline.kept, line));
}

async function waitForChange(el: HTMLElement, baseline: Baseline, lines: string[], settleMs: number): Promise<boolean> {
  if (landed(baseline, el, lines)) return true;
  const doc = el.ownerDocument;
  const step = 25;
  for (let waited = 0; waited < settleMs; waited += step) {
    await delay(doc, step);
    if (landed(baseline, el, lines)) return true;
  }
  return false;
}

const isTinyMce = (field: HTMLElement) => field.id === 'tinymce' || field.classList.contains('mce-content-body');

/** True when the selection is a caret with nothing but whitespace after it in its block (a <p>, <div>, <li>…). */
function caretAtBlockEnd(field: HTMLElement, doc: Document): boolean {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const caret = selection.getRangeAt(0);
  if (!caret.collapsed || !field.contains(caret.startContainer)) return false;
  const node = caret.startContainer;
  const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const block = start?.closest('p, div, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, pre');
  if (!block || !field.contains(block) || block === field) return false;
  const rest = doc.createRange();
  rest.selectNodeContents(block);
  rest.setStart(caret.startContainer, caret.startOffset);
  return rest.toString().replace(ZERO_WIDTH, '').trim() === '';
}

async function insertIntoEditable(field: HTMLElement, text: string, options: InsertOptions): Promise<InsertResult> {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (field.getAttribute('aria-readonly') === 'true' || field.getAttribute('aria-disabled') === 'true') {
    return fail('dom.insert.readOnly');
  }
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { ok: true, inserted: '' };

  const wasFocused = doc.activeElement === field && doc.hasFocus();
  focusField(field);
  applySelection(field, doc, options.selection);
  // Editors copy the DOM selection into their model on selectionchange, which fires asynchronously; a paste
  // dispatched before that lands where the model still thinks the caret is: wangEditor (Slate) dropped the
  // paste after 50 ms and took it after 200 ms, measured on the fixture portal.
  if (!wasFocused || options.selection) await delay(doc, 200);
  const baseline: Baseline = { before: editableText(field), kept: textOutsideSelection(field, doc) };
  const settleMs = options.settleMs ?? 300;
  const editor = modelEditor(field);
  // Dispatched on the editing host, as on document.activeElement in the measurements.
  const eventTarget = field;

  // T4: a paste of plain text. CKEditor 5, TinyMCE and CKEditor 4 (body.cke_editable) turn a single line break
  // in pasted text into <br> and a blank line into a new paragraph, so paragraphs are separated by a blank line
  // for them (a scaffold's lines are paragraphs, not <br> lines inside the paragraph it follows).
  const paragraphs = editor === 'ckeditor5' || isTinyMce(field) || field.classList.contains('cke_editable');
  let pasted = paragraphs ? text.replace(/\n+/g, '\n\n') : text;
  // TinyMCE puts the pasted blocks after the block whose end holds the caret instead of merging the first into
  // it, so a leading line break there (a scaffold after a section's last paragraph) became an empty paragraph.
  if (isTinyMce(field) && pasted.startsWith('\n') && caretAtBlockEnd(field, doc)) pasted = pasted.replace(/^\n+/, '');
  const ClipboardEventCtor = view?.ClipboardEvent ?? globalThis.ClipboardEvent;
  const DataTransferCtor = view?.DataTransfer ?? globalThis.DataTransfer;
  if (typeof ClipboardEventCtor === 'function' && typeof DataTransferCtor === 'function') {
    const data = new DataTransferCtor();
    data.setData('text/plain', pasted);
    // Firefox ignores the init's clipboardData (the event's comes out empty) and takes its own dataType and
    // data members instead; Chromium ignores those. Both are given, so the editor reads the text in either.
    const init = { bubbles: true, cancelable: true, composed: true, clipboardData: data, dataType: 'text/plain', data: pasted };
    const paste = new ClipboardEventCtor('paste', init as ClipboardEventInit);
    eventTarget.dispatchEvent(paste);
    if (await waitForChange(field, baseline, lines, settleMs)) return { ok: true, inserted: text, technique: 'paste' };
  }

  if (editor) {
    // T5: Slate and CKEditor 5 build their model from beforeinput; execCommand would only change the DOM.
    const InputEventCtor = view?.InputEvent ?? globalThis.InputEvent;
    const input = new InputEventCtor('beforeinput', {
      bubbles: true,
      cancelable: true,
      composed: true,
      inputType: 'insertText',
      data: text,
    });
    eventTarget.dispatchEvent(input);
    if (await waitForChange(field, baseline, lines, settleMs)) return { ok: true, inserted: text, technique: 'beforeinput' };
    return fail('dom.insert.notApplied');
  }

  // T1: the browser's editing command; in a contenteditable it turns each line break into a paragraph.
  if (typeof doc.execCommand === 'function') {
    focusField(field);
    let applied = false;
    try {
      applied = doc.execCommand('insertText', false, text);
    } catch {
      applied = false;
    }
    if (applied && (await waitForChange(field, baseline, lines, Math.min(settleMs, 100)))) {
      return { ok: true, inserted: text, technique: 'execCommand' };
    }
  }
  return fail('dom.insert.notApplied');
}
