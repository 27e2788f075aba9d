// What counts as a text field Tianbao can write into. Shared by the focus tracker, field discovery and the
// insertion adapters so the three agree on the same set of elements.

/** Input types whose value is free text with a caret (selectionStart works on all of them). */
export const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['', 'text', 'search', 'email', 'url', 'tel']);

export function isTextInput(el: Element): el is HTMLInputElement {
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || '').toLowerCase());
}

export function isTextArea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

/** input or textarea: fields whose text lives in `value`. */
export function isValueField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return isTextInput(el) || isTextArea(el);
}

/**
 * True when `el` is inside (or is) an editable region. `isContentEditable` is the browser's answer; the
 * attribute walk is a fallback for DOM implementations that lack it.
 */
export function isInContentEditable(el: Element): boolean {
  const html = el as HTMLElement;
  if (typeof html.isContentEditable === 'boolean') {
    if (html.isContentEditable) return true;
    // happy-dom reports false for every element; fall through to the attribute walk there.
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttribute('contenteditable');
    if (value === null) continue;
    const v = value.toLowerCase();
    if (v === 'false') return false;
    if (v === '' || v === 'true' || v === 'plaintext-only') return true;
  }
  return false;
}

/** The outermost element of the editable region that contains `el` (the element that takes focus). */
export function editingHost(el: Element): HTMLElement | undefined {
  if (!isInContentEditable(el)) return undefined;
  let host = el as HTMLElement;
  for (let node = el.parentElement; node && isInContentEditable(node); node = node.parentElement) host = node;
  return host;
}

export function isDesignModeDocument(doc: Document): boolean {
  return (doc.designMode || '').toLowerCase() === 'on';
}

/**
 * The editable field `el` belongs to, or undefined: a text input, a textarea, the editing host of a
 * contenteditable region, or the body of a designMode document.
 */
export function editableFieldOf(el: Element | null | undefined): HTMLElement | undefined {
  if (!el) return undefined;
  if (isValueField(el)) return el;
  const doc = el.ownerDocument;
  if (doc && isDesignModeDocument(doc)) return doc.body ?? undefined;
  return editingHost(el);
}

/** True for a field whose text a user could edit right now (not readOnly, not disabled). */
export function isWritable(el: HTMLElement): boolean {
  if (isValueField(el)) return !el.readOnly && !el.disabled;
  if (el.ownerDocument && isDesignModeDocument(el.ownerDocument)) return true;
  return isInContentEditable(el);
}
