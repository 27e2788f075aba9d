// 片段插入时另起一段: whether a snippet must be preceded by a line break so that it starts a paragraph of its
// own. Decided on the page side at insertion time, where the field and its caret are known: the panel only
// says that it wants a paragraph.
import type { SavedSelection } from '../dom/focus';
import { isValueField } from '../dom/editable';

const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/g;
/** Elements that hold a paragraph of an editor's text. */
const BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, pre';

/** True when `line` has something on it other than spaces (full-width ones included). */
const hasText = (line: string) => line.replace(ZERO_WIDTH, '').replace(/[\s\u00a0\u3000]+/g, '') !== '';

/** The part of `before` after its last line break. */
const lastLine = (before: string) => before.slice(before.lastIndexOf('\n') + 1);

/** The caret an insertion into the editable would use: the saved one, the field's own, or the field's end. */
function caretRange(element: HTMLElement, doc: Document, saved: SavedSelection | undefined): Range {
  if (saved?.kind === 'range' && saved.range.startContainer.isConnected && element.contains(saved.range.startContainer)) {
    return saved.range;
  }
  const selection = doc.getSelection();
  if (saved === undefined && selection && selection.rangeCount > 0 && element.contains(selection.getRangeAt(0).startContainer)) {
    return selection.getRangeAt(0);
  }
  const end = doc.createRange();
  end.selectNodeContents(element);
  end.collapse(false);
  return end;
}

/** The text of `fragment` after its last <br> (a line break inside a paragraph). */
function textAfterLastBreak(fragment: DocumentFragment, doc: Document): string {
  const walker = doc.createTreeWalker(fragment, 0x1 | 0x4); // elements and text
  let line = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) line += node.nodeValue ?? '';
    else if ((node as Element).localName === 'br') line = '';
  }
  return line;
}

/**
 * Does an insertion at the caret of `element` need a line break first to begin a paragraph? Only when there is
 * text before the caret on the caret's own line (in an editor: in the caret's paragraph, after any <br>). An
 * empty field, a caret at the start of a line, or a single-line input: no.
 */
export function needsParagraphBreak(element: HTMLElement, doc: Document, saved: SavedSelection | undefined): boolean {
  if (isValueField(element)) {
    if (element.tagName !== 'TEXTAREA') return false;
    const value = element.value;
    const start = saved?.kind === 'offsets' ? saved.start : (element.selectionStart ?? value.length);
    return hasText(lastLine(value.slice(0, Math.min(start, value.length))));
  }
  const caret = caretRange(element, doc, saved);
  const start = caret.startContainer;
  const from = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const block = from?.closest(BLOCKS);
  const scope = block && block !== element && element.contains(block) ? block : element;
  const before = doc.createRange();
  before.selectNodeContents(scope);
  before.setEnd(caret.startContainer, caret.startOffset);
  return hasText(textAfterLastBreak(before.cloneContents(), doc));
}
