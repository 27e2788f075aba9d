// 定位: shows the user where a finding is. The field's text is scrolled so that the range is in view (inside a
// textarea, which has its own scrolling, and in the page or the editor's frame), the range is selected, and it
// is marked until the user acts: with the CSS Custom Highlight API in editors, and with an overlay of boxes for
// textareas and inputs, whose text the highlight API cannot reach. The overlay follows scrolling and resizing.
import { isValueField } from './editable';

/** ok: the range was found, selected and marked (false: only the field was shown). */
export interface Revealed {
  ok: boolean;
}

const HIGHLIGHT = 'tianbao-reveal';
const MARK_TAG = 'tianbao-mark';
const STYLE_ID = 'tianbao-reveal-style';

type Box = { left: number; top: number; width: number; height: number };

let clearCurrent: (() => void) | undefined;

/** Removes the current mark, if any. */
export function clearReveal(): void {
  const clear = clearCurrent;
  clearCurrent = undefined;
  clear?.();
}

// ---- textarea and input: a mirror element measures where the offsets fall ----

const MIRRORED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight',
  'textTransform', 'wordSpacing', 'textIndent', 'tabSize', 'wordBreak', 'overflowWrap',
] as const;

/**
 * Boxes of the text [start, end) of a textarea or input, relative to the field's border box and without its
 * own scrolling: one box per visual line the range covers.
 */
export function measureValueRange(field: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): Box[] {
  const doc = field.ownerDocument;
  const view = doc.defaultView!;
  const style = view.getComputedStyle(field);
  const mirror = doc.createElement('div');
  const mirrorStyle = mirror.style as unknown as Record<string, string>;
  for (const name of MIRRORED) mirrorStyle[name] = style[name as keyof CSSStyleDeclaration] as string;
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-100000px';
  mirror.style.overflow = 'hidden';
  mirror.style.height = 'auto';
  mirror.style.whiteSpace = field.tagName === 'INPUT' ? 'pre' : 'pre-wrap';
  mirror.style.width = `${field.getBoundingClientRect().width}px`;
  const value = field.value;
  const before = doc.createTextNode(value.slice(0, start));
  const marked = doc.createElement('span');
  // An empty range still has a place: a zero-width mark at the caret.
  marked.textContent = value.slice(start, end) || '\u200b';
  const after = doc.createTextNode(value.slice(end) || '.');
  mirror.append(before, marked, after);
  (doc.body ?? doc.documentElement).append(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    return Array.from(marked.getClientRects(), (rect) => ({
      left: rect.left - origin.left,
      top: rect.top - origin.top,
      width: Math.max(rect.width, 2),
      height: rect.height,
    }));
  } finally {
    mirror.remove();
  }
}

/** The field's boxes on screen (top window coordinates), clipped to the field's visible area. */
function onScreen(field: HTMLTextAreaElement | HTMLInputElement, boxes: Box[]): Box[] {
  const rect = field.getBoundingClientRect();
  const out: Box[] = [];
  for (const box of boxes) {
    const left = rect.left + box.left - field.scrollLeft;
    const top = rect.top + box.top - field.scrollTop;
    const clipTop = Math.max(top, rect.top + field.clientTop);
    const clipBottom = Math.min(top + box.height, rect.top + field.clientTop + field.clientHeight);
    const clipLeft = Math.max(left, rect.left + field.clientLeft);
    const clipRight = Math.min(left + box.width, rect.left + field.clientLeft + field.clientWidth);
    if (clipBottom > clipTop && clipRight > clipLeft) out.push({ left: clipLeft, top: clipTop, width: clipRight - clipLeft, height: clipBottom - clipTop });
  }
  return out;
}

function scrollValueField(field: HTMLTextAreaElement | HTMLInputElement, boxes: Box[]): void {
  const first = boxes[0];
  if (!first) return;
  const last = boxes[boxes.length - 1]!;
  // Inside the field: the range's first line a third of the way down, unless the whole range already shows.
  const visibleTop = field.scrollTop;
  const visibleBottom = visibleTop + field.clientHeight;
  if (first.top < visibleTop + field.clientTop || last.top + last.height > visibleBottom) {
    field.scrollTop = Math.max(0, first.top - field.clientHeight / 3);
  }
  if (field.tagName === 'INPUT') field.scrollLeft = Math.max(0, first.left - field.clientWidth / 3);
  // Then the page: bring the range's line (not only the field) into view.
  const view = field.ownerDocument.defaultView!;
  const rect = field.getBoundingClientRect();
  const lineTop = rect.top + first.top - field.scrollTop;
  if (lineTop < 0 || lineTop + first.height > view.innerHeight) view.scrollBy({ top: lineTop - view.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
}

/** Marks [start, end) of a value field with boxes over it that follow scrolling and resizing. */
function markValueRange(field: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): () => void {
  const doc = field.ownerDocument;
  const view = doc.defaultView!;
  const host = doc.createElement(MARK_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const layer = doc.createElement('div');
  layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483645;';
  shadow.append(layer);
  host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483645;';
  doc.documentElement.append(host);
  let measured = measureValueRange(field, start, end);
  const draw = () => {
    if (!field.isConnected) return stop();
    layer.replaceChildren(
      ...onScreen(field, measured).map((box) => {
        const mark = doc.createElement('div');
        mark.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:rgba(255,196,0,.45);border-radius:2px;`;
        return mark;
      }),
    );
  };
  const remeasure = () => {
    measured = measureValueRange(field, start, end);
    draw();
  };
  const stop = () => {
    view.removeEventListener('scroll', draw, true);
    view.removeEventListener('resize', remeasure);
    for (const type of USER_ACTS) doc.removeEventListener(type, onAct, true);
    host.remove();
  };
  // The user acts (types, clicks, presses a key): the mark has done its job.
  const onAct = (event: Event) => {
    if (event.isTrusted) clearReveal();
  };
  view.addEventListener('scroll', draw, true);
  view.addEventListener('resize', remeasure);
  for (const type of USER_ACTS) doc.addEventListener(type, onAct, true);
  draw();
  return stop;
}

const USER_ACTS = ['keydown', 'mousedown', 'input'] as const;

// ---- editors: text offsets of innerText mapped onto the DOM ----

/**
 * The DOM range of [start, end) of `root.innerText`. innerText adds line breaks between blocks that are not in
 * any text node, so offsets are matched by content: the range is the k-th occurrence, in the text nodes, of the
 * same characters (line breaks aside) that innerText holds at start, k counted in innerText before start.
 */
export function rangeOfInnerText(root: HTMLElement, start: number, end: number): Range | undefined {
  const doc = root.ownerDocument;
  const text = root.innerText ?? root.textContent ?? '';
  const needle = text.slice(start, end).replace(/\s+/g, '');
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let stream = '';
  const positions: number[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i]!)) continue;
      positions.push(nodes.length, i);
      stream += data[i];
    }
    nodes.push(node);
  }
  const at = (index: number) => ({ node: nodes[positions[index * 2]!]!, offset: positions[index * 2 + 1]! });
  const range = doc.createRange();
  if (needle === '') {
    // An empty range (a missing piece to insert): the non-space characters before it locate the caret.
    const count = text.slice(0, start).replace(/\s+/g, '').length;
    if (count === 0) {
      range.selectNodeContents(root);
      range.collapse(true);
      return range;
    }
    const place = at(Math.min(count, stream.length) - 1);
    range.setStart(place.node, place.offset + 1);
    range.collapse(true);
    return range;
  }
  const before = text.slice(0, start).replace(/\s+/g, '');
  let k = 0;
  for (let i = before.indexOf(needle); i !== -1; i = before.indexOf(needle, i + 1)) k++;
  let found = -1;
  for (let i = 0, seen = 0; (i = stream.indexOf(needle, i)) !== -1; i++, seen++) {
    if (seen === k) {
      found = i;
      break;
    }
  }
  if (found === -1) found = stream.indexOf(needle);
  if (found === -1) return undefined;
  const first = at(found);
  const last = at(found + needle.length - 1);
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

/**
 * A collapsed range at `offset` of `root.innerText`, for inserting there. innerText's line breaks between blocks
 * exist in no text node, so the place is found by the characters around it, which do: right after the last
 * non-space character before `offset` when that character ends the text before it on the same line (the end
 * of a section's last paragraph, where a scaffold goes after it), else right before the first non-space
 * character at or after `offset` (the start of the line a scaffold goes in front of). With nothing after
 * `offset`, the end of the field's last text, so that an insertion at the end stays inside the editor's last
 * paragraph rather than after it, where editors keep no caret; an empty field gets the start of its first block.
 */
export function caretOfInnerText(root: HTMLElement, offset: number): Range {
  const doc = root.ownerDocument;
  const text = root.innerText ?? root.textContent ?? '';
  const at = Math.min(Math.max(0, offset), text.length);
  const before = text.slice(0, at);
  const count = before.replace(/\s+/g, '').length;
  // The whitespace between the previous character and `offset`: a line break in it puts `offset` on a later line.
  const gap = /\s*$/.exec(before)![0];
  const after = text.slice(at).replace(/\s+/g, '').length;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: { node: Text; offset: number } | undefined;
  const wantAfterPrevious = count > 0 && (after === 0 || !gap.includes('\n'));
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i]!)) continue;
      if (!wantAfterPrevious && seen === count) {
        range.setStart(node, i);
        range.collapse(true);
        return range;
      }
      seen++;
      last = { node, offset: i + 1 };
      if (wantAfterPrevious && seen === count) {
        range.setStart(node, i + 1);
        range.collapse(true);
        return range;
      }
    }
  }
  if (last) {
    range.setStart(last.node, last.offset);
    range.collapse(true);
    return range;
  }
  // No text at all: inside the first block (an editor's empty <p>), not before it.
  let block: Element = root;
  while (block.firstElementChild && block.firstElementChild.tagName !== 'BR') block = block.firstElementChild;
  range.setStart(block, 0);
  range.collapse(true);
  return range;
}

function ensureHighlightStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.55); }`;
  (doc.head ?? doc.documentElement).append(style);
}

function markEditorRange(doc: Document, range: Range): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = (view?.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightCtor = (view as unknown as { Highlight?: new (...ranges: Range[]) => unknown } | null)?.Highlight;
  if (!registry || !HighlightCtor) return () => undefined;
  ensureHighlightStyle(doc);
  registry.set(HIGHLIGHT, new HighlightCtor(range));
  const onAct = (event: Event) => {
    if (event.isTrusted) clearReveal();
  };
  for (const type of USER_ACTS) doc.addEventListener(type, onAct, true);
  return () => {
    registry.delete(HIGHLIGHT);
    for (const type of USER_ACTS) doc.removeEventListener(type, onAct, true);
  };
}

/**
 * Scrolls to [start, end) of `element`'s text (value, or innerText of an editor), selects it and marks it.
 * `frame`: the iframe an editor lives in, scrolled into view in the page first.
 */
export function revealRange(element: HTMLElement, start: number, end: number, frame?: HTMLElement): Revealed {
  clearReveal();
  if (isValueField(element)) {
    const length = element.value.length;
    const from = Math.min(Math.max(0, start), length);
    const to = Math.min(Math.max(from, end), length);
    element.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
    element.focus({ preventScroll: true });
    element.setSelectionRange(from, to);
    const boxes = measureValueRange(element, from, to);
    scrollValueField(element, boxes);
    clearCurrent = markValueRange(element, from, to);
    return { ok: true };
  }
  frame?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  if (element.tagName === 'SELECT') {
    // A list to choose from (an empty required 报告期): shown and focused, nothing to select inside.
    element.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    element.focus({ preventScroll: true });
    return { ok: true };
  }
  const range = rangeOfInnerText(element, start, end);
  if (!range) {
    element.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    element.focus({ preventScroll: true });
    return { ok: false };
  }
  const doc = element.ownerDocument;
  const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  anchor?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  element.focus({ preventScroll: true });
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  clearCurrent = markEditorRange(doc, range);
  return { ok: true };
}
