// The panel's view of the page, built from lib/dom: discovery for the field list, the focus tracker for the
// caret, the insertion adapters for snippets and fixes. Lives in the top frame; iframe editors are reached
// through the discovered field's own document.
import { discoverFields, readFieldText, type DiscoveredField } from '../dom/discovery';
import { isValueField } from '../dom/editable';
import type { FocusTracker, SavedSelection } from '../dom/focus';
import { insertAtTrackedCaret, insertText } from '../dom/insert';
import { documentHasLayout, unusableReason } from '../dom/usable';
import { caretOfInnerText, rangeOfInnerText, revealRange } from '../dom/reveal';
import type { Finding, Fix } from '../core/types';
import type { ApplyFixOptions, InsertOptions, InsertOutcome, PageBridge, PanelField } from '../panel/bridge';
import { needsParagraphBreak } from './paragraph';
import { sameText } from '../panel/undo';

/** How long a whole-field replacement in an editor may take to show in the field's text. */
const SETTLE_MS = 1500;

/** Words that name a report in a title: the kind of report and its period. */
const REPORT_WORDS = /报告|总结|意识形态|年度|半年|自查/;
/** How many table cells to look through for a title (OA forms put it in the first row). */
const TITLE_CELLS = 40;

/**
 * What names the report on the page: the document title, the main heading, and — for OA forms that have no
 * heading — the first table caption or cell that reads like a title (报告, 总结, 年度…, 4 to 60 characters).
 */
export function pageTitleOf(doc: Document): string {
  const parts = [doc.title];
  const heading = doc.querySelector('h1, h2, h3, .title, .page-title, [class*="form-title"], [class*="page-title"]');
  if (heading?.textContent) parts.push(heading.textContent);
  const cells = doc.querySelectorAll('caption, th, td');
  for (let i = 0; i < cells.length && i < TITLE_CELLS; i++) {
    const text = (cells[i]!.textContent ?? '').trim();
    if (text.length >= 4 && text.length <= 60 && REPORT_WORDS.test(text)) {
      parts.push(text);
      break;
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A range over an editor's whole content. */
function wholeRange(element: HTMLElement): Range {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return range;
}

/**
 * The editors whose own model follows a Delete over everything (measured on the fixture portals: getContent()
 * and the like are empty after it). CKEditor 5 and wangEditor (Slate) empty the page's copy but keep the text in
 * their model, so they stay out: a field left with nothing there is for the user to clear.
 */
const EMPTIED_BY_DELETE: ReadonlySet<string> = new Set(['tinymce', 'ckeditor4', 'kindeditor', 'quill']);

/**
 * Empties an editor (撤销 of a change made to an empty field: 一键成稿, 从上期报告开始): its whole content selected and
 * deleted through the editing commands, which the editor takes as the user's own Delete (its model and its undo
 * follow). Refused when the editor is not one known to follow, or the field is not empty afterwards.
 */
async function emptyEditor(field: DiscoveredField): Promise<InsertOutcome> {
  if (!field.editor || !EMPTIED_BY_DELETE.has(field.editor)) return { ok: false, messageId: 'checks.fixManual' };
  const element = field.element;
  const view = element.ownerDocument.defaultView ?? window;
  const selection = view.getSelection();
  if (!selection) return { ok: false, messageId: 'checks.fixManual' };
  element.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(wholeRange(element));
  element.ownerDocument.execCommand('delete');
  for (let waited = 0; waited < SETTLE_MS && !sameText(readFieldText(field), ''); waited += 50) {
    await new Promise<void>((resolve) => view.setTimeout(resolve, 50));
  }
  return sameText(readFieldText(field), '') ? { ok: true } : { ok: false, messageId: 'checks.fixManual' };
}

/** A selection spanning the field's whole text, so that an insertion replaces it. */
function wholeField(element: HTMLElement): SavedSelection {
  if (isValueField(element)) return { kind: 'offsets', start: 0, end: element.value.length, direction: 'none' };
  return { kind: 'range', range: wholeRange(element) };
}

/** Tianbao's own elements: the panel's and the tab's hosts (their shadow roots are closed to the page). */
const isOurs = (element: Element) => isOurNode(element);

/** Documents to watch for edits: the page and its same-origin iframes (editors live there). */
function documentsOf(doc: Document, out: Document[] = []): Document[] {
  out.push(doc);
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    try {
      const inner = frame.contentDocument;
      if (inner) documentsOf(inner, out);
    } catch {
      // Cross-origin frame: not ours to read.
    }
  }
  return out;
}

/** True when a mutation adds or removes elements (not just text, as a character counter does). */
function changesStructure(records: MutationRecord[]): boolean {
  for (const record of records) {
    for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1 && !isOurNode(node)) return true;
    for (const node of Array.from(record.removedNodes)) if (node.nodeType === 1 && !isOurNode(node)) return true;
  }
  return false;
}

function isOurNode(node: Node): boolean {
  return (node as Element).localName?.startsWith('tianbao-') === true;
}

/**
 * A fix inside a rich editor or a contenteditable. Its offsets are into the field's innerText, as the analysis
 * read it; they are mapped onto the DOM and the text goes in through the insertion adapters with that range
 * selected, so the editor's own model takes it (a synthetic paste for CKEditor 5, Quill, wangEditor, TinyMCE and
 * CKEditor 4, the editing command elsewhere) and one Ctrl+Z undoes it where the editor's undo allows.
 *
 * - An insertion (a scaffold) goes at the place caretOfInnerText finds: the end of the preceding section, the
 *   start of the heading it goes before, or the end of the field's text. Each line becomes a paragraph.
 * - A replacement is made only inside one text node, on one line: pasting over a range that spans paragraphs
 *   would retype them as plain text and drop their formatting. A scaffold whose fix also renumbers the headings
 *   after it then goes in alone (options.insertion) and the outcome says the renumbering was skipped; anything
 *   else is left for the user (checks.fixManual).
 */
async function applyFixInEditor(field: DiscoveredField, fix: Fix, options: ApplyFixOptions): Promise<InsertOutcome> {
  const element = field.element;
  const current = readFieldText(field);
  // The text may have changed since the check ran: fix only what the analysis saw.
  if (options.expectedText !== undefined && current !== options.expectedText) return { ok: false, messageId: 'checks.fixStale' };
  if (!(fix.start >= 0 && fix.end >= fix.start && fix.end <= current.length)) return { ok: false, messageId: 'checks.fixStale' };
  let edit = fix;
  let renumberSkipped = false;
  let range: Range | undefined;
  if (fix.start === fix.end) {
    range = caretOfInnerText(element, fix.start);
  } else {
    const replaced = rangeOfInnerText(element, fix.start, fix.end);
    const oneTextNode =
      replaced !== undefined &&
      replaced.startContainer === replaced.endContainer &&
      replaced.startContainer.nodeType === 3 &&
      replaced.toString() === current.slice(fix.start, fix.end);
    const insertion = options.insertion;
    if (oneTextNode && fix.text !== '' && !fix.text.includes('\n')) {
      range = replaced;
    } else if (insertion && insertion.start === fix.start && insertion.end === fix.start && insertion.text !== '' && fix.text.startsWith(insertion.text)) {
      edit = insertion;
      renumberSkipped = true;
      range = caretOfInnerText(element, fix.start);
    } else if (options.wholeField) {
      // Sections moved or a change taken back: the fixed text replaces everything, as one paste.
      // No line break at the end: it would leave an empty paragraph after the last.
      const whole = (current.slice(0, fix.start) + fix.text + current.slice(fix.end)).replace(/\n{2,}/g, '\n').replace(/\s+$/, '');
      // An editor cannot be pasted empty: a change taken back to an empty field is a Delete over everything.
      if (whole.trim() === '') return emptyEditor(field);
      const result = await insertText(element, whole, { selection: { kind: 'range', range: wholeRange(element) } });
      if (!result.ok) return { ok: false, messageId: result.messageId ?? 'checks.fixFailed', ...(result.params ? { params: result.params } : {}) };
      // The text kept is mostly text the field already held, so the adapters' check that the lines arrived
      // passes at once; TinyMCE takes a paste through a paste bin a moment later. Wait until the field holds it.
      const view = element.ownerDocument.defaultView ?? window;
      for (let waited = 0; waited < SETTLE_MS && !sameText(readFieldText(field), whole); waited += 50) {
        await new Promise<void>((resolve) => view.setTimeout(resolve, 50));
      }
      return { ok: true };
    } else {
      return { ok: false, messageId: 'checks.fixManual' };
    }
  }
  // innerText puts a blank line between an editor's paragraphs; the adapters make each line a paragraph.
  const text = edit.text.replace(/\n{2,}/g, '\n');
  const result = await insertText(element, text, { selection: { kind: 'range', range } });
  if (!result.ok) return { ok: false, messageId: result.messageId ?? 'checks.fixFailed', ...(result.params ? { params: result.params } : {}) };
  return renumberSkipped ? { ok: true, renumberSkipped: true } : { ok: true };
}

export function createDomBridge(win: Window, focus: FocusTracker): PageBridge {
  const doc = win.document;
  let lastFields: DiscoveredField[] = [];
  // Discovery walks the whole page; typing does not change which fields exist, so the field list is kept
  // until elements are added or removed (or a field left the page), and an edit only re-reads the texts.
  let stale = true;
  const observer = new MutationObserver((records: MutationRecord[]) => {
    if (!stale && changesStructure(records)) stale = true;
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  // The title is read again when the fields are (elements added or removed), not on every snapshot: a snapshot
  // follows each pause in the typing, and the title cells of a large OA table need not be walked each time.
  let title: string | undefined;
  const discover = () => {
    lastFields = discoverFields(doc, { ignore: isOurs }).filter((field) => field.visible || field.source);
    stale = false;
    title = undefined;
    return lastFields;
  };
  const currentFields = () =>
    stale || lastFields.some((field) => !field.element.isConnected) ? discover() : lastFields;
  const byKey = (key: string | undefined) => (key === undefined ? undefined : lastFields.find((f) => f.key === key));

  const toPanelField = (field: DiscoveredField): PanelField => ({
    key: field.key,
    label: field.label,
    required: field.required,
    kind: field.kind,
    text: readFieldText(field),
  });

  const insertAtCaret = async (text: string, options: InsertOptions = {}): Promise<InsertOutcome> => {
    const current = focus.current();
    if (!current) return { ok: false, messageId: 'panel.insertNoField' };
    if (!current.element.isConnected) return { ok: false, messageId: 'panel.fieldGone' };
    // Only a field the user can see and edit: never a hidden or disabled one a page script focused.
    const unusable = unusableReason(current.element, documentHasLayout(current.document));
    if (unusable) return { ok: false, messageId: unusable === 'hidden' ? 'panel.fieldHidden' : 'panel.fieldLocked' };
    // A snippet after text on the same line begins a paragraph of its own: one line break first, in the same
    // insertion (one Ctrl+Z takes both back). Editors turn the line break into a new paragraph their own way.
    const wanted = options.paragraph === true && needsParagraphBreak(current.element, current.document, current.selection) ? `\n${text}` : text;
    // Waits out an IME composition, puts the caret back where the user left it, inserts and verifies.
    const result = await insertAtTrackedCaret(focus, wanted);
    return { ok: result.ok, messageId: result.messageId, params: result.params };
  };

  /** A fix in a plain text field (an editor's goes through applyFixInEditor). */
  const applyFixTo = async (field: DiscoveredField, fix: Fix, options: ApplyFixOptions): Promise<InsertOutcome> => {
    const element = field.element;
    if (!isValueField(element)) return applyFixInEditor(field, fix, options);
    const { start, end, text } = fix;
    // The text may have changed since the check ran: fix only what the analysis saw.
    if (options.expectedText !== undefined && element.value !== options.expectedText) return { ok: false, messageId: 'checks.fixStale' };
    const expected = readFieldText(field).slice(start, end);
    const now = element.value.slice(start, end);
    if (expected !== now || end > element.value.length) return { ok: false, messageId: 'checks.fixStale' };
    // insertText cuts what does not fit under maxlength; for a replacement that would drop the replaced text.
    const max = element.maxLength;
    if (end > start && max > 0 && element.value.length - (end - start) + text.length > max) {
      return { ok: false, messageId: 'panel.fixTooLong', params: { max } };
    }
    element.focus({ preventScroll: true });
    element.setSelectionRange(start, end);
    const placeCaret = () => {
      if (options.caret !== undefined) element.setSelectionRange(options.caret, options.caret);
    };
    if (text === '') {
      // Deleting through the editing commands keeps Ctrl+Z working in the field.
      if (!element.ownerDocument.execCommand('delete')) {
        element.setRangeText('', start, end, 'end');
        element.dispatchEvent(new Event('input', { bubbles: true }));
      }
      placeCaret();
      return { ok: true };
    }
    // One editing command for the whole replacement: one Ctrl+Z undoes all of it, and the page's framework
    // sees it as typing (measured on every textarea fixture: execCommand insertText is one undo step).
    const result = await insertText(element, text);
    if (result.ok) placeCaret();
    return { ok: result.ok, messageId: result.messageId, params: result.params };
  };

  return {
    readFields: () => currentFields().map(toPanelField),
    lastFocusedLabel() {
      const current = focus.current();
      if (!current) return undefined;
      // '' = a field has the caret but has no label we could read.
      return lastFields.find((f) => f.element === current.element || f.source === current.element)?.label ?? '';
    },
    insert: insertAtCaret,
    async focusTarget() {
      // Only the field the focus tracker holds (the user chose it by a press or typing); this names no other.
      const current = focus.current();
      if (!current || !current.element.isConnected) return false;
      if (unusableReason(current.element, documentHasLayout(current.document))) return false;
      // Just after an insertion the field has the focus already, caret after the new text: leave it there.
      let active: Element | null = current.document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (active === current.element && current.document.hasFocus()) return true;
      // Puts the saved caret back. A focus that comes from here follows no press of the user's, so the
      // tracker's trusted-focus rule could not move its record to another field even if this were one.
      return focus.restore();
    },
    reveal(finding: Pick<Finding, 'fieldKey' | 'start' | 'end'>) {
      const field = byKey(finding.fieldKey) ?? discover().find((f) => f.key === finding.fieldKey);
      if (!field || !field.element.isConnected) return false;
      // Scrolls the page, the editor's frame and the field's own text to the range, selects and marks it.
      revealRange(field.element, finding.start, finding.end, field.frame ?? undefined);
      return true;
    },
    async applyFix(finding: Finding, options: ApplyFixOptions = {}) {
      const field = byKey(finding.fieldKey) ?? discover().find((f) => f.key === finding.fieldKey);
      if (!finding.fix) return { ok: false, messageId: 'checks.fixFailed' };
      if (!field || !field.element.isConnected) return { ok: false, messageId: 'panel.fieldGone' };
      // The field's text before and after a change that went in: what the panel's 撤销 checks and puts back.
      const before = readFieldText(field);
      const result = await applyFixTo(field, finding.fix, options);
      return result.ok ? { ...result, before, after: readFieldText(field) } : result;
    },
    async replaceFieldText(key, text) {
      const field = currentFields().find((candidate) => candidate.key === key);
      if (!field || !field.element.isConnected) return { ok: false, messageId: 'panel.fieldGone' };
      // innerText of an editor separates paragraphs with a blank line; the adapters make each line a paragraph.
      const wanted = isValueField(field.element) ? text : text.replace(/\n{2,}/g, '\n');
      const result = await insertText(field.element, wanted, { selection: wholeField(field.element) });
      return { ok: result.ok, messageId: result.messageId, params: result.params };
    },
    pageTitle() {
      if (stale) currentFields();
      title ??= pageTitleOf(doc);
      return title;
    },
    onChange(listener) {
      const docs = documentsOf(doc);
      const handler = (event: Event) => {
        const target = event.target as Element | null;
        if (target && typeof target.getRootNode === 'function' && isOurs(target)) return;
        listener();
      };
      for (const d of docs) {
        d.addEventListener('input', handler, true);
        d.addEventListener('change', handler, true);
      }
      return () => {
        for (const d of docs) {
          d.removeEventListener('input', handler, true);
          d.removeEventListener('change', handler, true);
        }
      };
    },
  };
}
