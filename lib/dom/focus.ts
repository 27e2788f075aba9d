// Remembers the page field the user last wrote in, and where its caret was, so that a click in Tianbao's panel
// (even into the panel's own search box) does not lose the place a snippet should go (issue 2 item 3).
//
// Portal editors often edit inside same-origin iframes (TinyMCE about:srcdoc, KindEditor and UEditor
// designMode bodies), and the panel lives in the top frame, so the tracker listens in the top document and in
// every same-origin iframe it can reach through `contentDocument` once focus first enters that frame (frames
// added or reloaded later included).
// Cross-origin frames are skipped. Every listener is guarded: an exception here must never reach the page.
import { watchComposition } from './composition';
import { editableFieldOf, isDesignModeDocument, isValueField } from './editable';

export type SavedSelection =
  | { kind: 'offsets'; start: number; end: number; direction: 'forward' | 'backward' | 'none' }
  | { kind: 'range'; range: Range };

export interface FocusedField {
  /** An input, a textarea, a contenteditable editing host, or the body of a designMode document. */
  element: HTMLElement;
  /** The document `element` belongs to (an iframe's document for iframe editors). */
  document: Document;
  /** The caret or selection last seen in `element`; undefined when none was seen yet. */
  selection: SavedSelection | undefined;
}

export interface FocusTrackerOptions {
  /** Elements for which this returns true are never recorded (Tianbao's own panel host and its content). */
  ignore?: (element: Element) => boolean;
}

export interface FocusTracker {
  /** The last-focused editable field with its last selection, or undefined. The field may since be detached. */
  current(): FocusedField | undefined;
  /**
   * Focuses the recorded field again and puts its selection back. Returns false when there is no field, it is
   * no longer in the page, or focusing it failed.
   */
  restore(): boolean;
  /** Calls `listener` whenever the recorded field changes to another element. Returns an unsubscribe function. */
  subscribe(listener: (field: FocusedField | undefined) => void): () => void;
  /** Removes every listener and observer the tracker added. */
  dispose(): void;
}

const SELECTION_EVENTS = ['keyup', 'mouseup', 'input'] as const;
/** The user's own presses: a field focused because of one counts as chosen by the user. */
const GESTURE_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'keydown'] as const;
/** How long after a press the focus it causes may arrive. */
const GESTURE_MS = 1500;

interface Gesture {
  at: number;
  target: Element | null;
  key?: string;
}

/** Did the user's press choose `field`: a press on it (or on its label), typing in it, or Tab moving to it? */
function pressChose(gesture: Gesture | undefined, field: HTMLElement): boolean {
  if (!gesture || Date.now() - gesture.at > GESTURE_MS) return false;
  if (gesture.key === 'Tab') return Date.now() - gesture.at < 500;
  const target = gesture.target;
  if (!target) return false;
  if (field === target || field.contains(target)) return true;
  const label = target.closest?.('label') as HTMLLabelElement | null;
  return label?.control === field;
}

function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch {
      // Never let Tianbao's bookkeeping break the page.
    }
  };
}

/** document.activeElement, then into open shadow roots: [outer host, ..., innermost focused element]. */
function activeChain(doc: Document): Element[] {
  const chain: Element[] = [];
  let el: Element | null = doc.activeElement;
  while (el) {
    chain.push(el);
    const inner: Element | null | undefined = el.shadowRoot?.activeElement;
    el = inner && inner !== el ? inner : null;
  }
  return chain;
}

function readSelection(element: HTMLElement, doc: Document): SavedSelection | undefined {
  if (isValueField(element)) {
    const start = element.selectionStart;
    const end = element.selectionEnd;
    if (start === null || end === null) return undefined;
    return { kind: 'offsets', start, end, direction: element.selectionDirection ?? 'none' };
  }
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return undefined;
  return { kind: 'range', range: range.cloneRange() };
}

function copySelection(selection: SavedSelection | undefined): SavedSelection | undefined {
  if (!selection) return undefined;
  return selection.kind === 'range' ? { kind: 'range', range: selection.range.cloneRange() } : { ...selection };
}

/** Puts `saved` back into `element`; a range whose nodes left the field becomes a caret at the field's end. */
export function applySelection(element: HTMLElement, doc: Document, saved: SavedSelection | undefined): void {
  if (isValueField(element)) {
    if (saved?.kind === 'offsets') {
      const length = element.value.length;
      element.setSelectionRange(Math.min(saved.start, length), Math.min(saved.end, length), saved.direction);
    }
    return;
  }
  const selection = doc.getSelection();
  if (!selection) return;
  let range: Range;
  if (
    saved?.kind === 'range' &&
    saved.range.startContainer.isConnected &&
    element.contains(saved.range.startContainer) &&
    element.contains(saved.range.endContainer)
  ) {
    range = saved.range.cloneRange();
  } else {
    if (saved === undefined && selection.rangeCount > 0 && element.contains(selection.getRangeAt(0).startContainer)) {
      return;
    }
    range = doc.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

export function createFocusTracker(topWindow: Window, options: FocusTrackerOptions = {}): FocusTracker {
  const ignore = options.ignore ?? (() => false);
  let recorded: FocusedField | undefined;
  // When the user last pressed a key, the mouse or a finger (trusted events only). A page script can move
  // focus with element.focus(), and the focus events that follow are trusted too; what it cannot fake is the
  // press. So the recorded field changes only on focus that follows a press, or on the user's typing in it.
  let gesture: Gesture | undefined;
  const listeners = new Set<(field: FocusedField | undefined) => void>();
  const documents = new Map<Document, () => void>();
  const frames = new Map<HTMLIFrameElement | HTMLFrameElement, () => void>();
  let disposed = false;

  const isIgnored = (chain: Element[], field: HTMLElement, doc: Document): boolean => {
    if (chain.some((el) => ignore(el)) || ignore(field)) return true;
    const frame = doc.defaultView?.frameElement;
    return frame ? ignore(frame) : false;
  };

  const record = (field: HTMLElement, doc: Document) => {
    const changed = recorded?.element !== field;
    recorded = { element: field, document: doc, selection: readSelection(field, doc) };
    if (changed) {
      const snapshot = publicCopy();
      for (const listener of listeners) guard(listener)(snapshot);
    }
  };

  const publicCopy = (): FocusedField | undefined =>
    recorded && { element: recorded.element, document: recorded.document, selection: copySelection(recorded.selection) };

  /** Records the field focused in `doc`, if it is editable and not ours (`trusted`: the user chose it). */
  const lookAt = (doc: Document, trusted: boolean | 'press' = true) => {
    const chain = activeChain(doc);
    const innermost = chain[chain.length - 1];
    if (!innermost) return;
    if (innermost.tagName === 'IFRAME' || innermost.tagName === 'FRAME') {
      // Focus is inside a frame: that frame's own listeners record it; make sure they exist.
      attachFrame(innermost as HTMLIFrameElement);
      return;
    }
    const field = editableFieldOf(innermost);
    if (!field || isIgnored(chain, field, doc)) return;
    if (!trusted && recorded?.element !== field) return;
    if (trusted === 'press' && recorded?.element !== field && !pressChose(gesture, field)) return;
    record(field, doc);
  };

  /**
   * Refreshes the recorded selection when `doc`'s focus is still in the recorded field; moves to another field
   * only when the user is behind the change (`trusted`).
   */
  const refresh = (doc: Document, trusted: boolean | 'press') => {
    if (!recorded || recorded.document !== doc) {
      lookAt(doc, trusted);
      return;
    }
    const chain = activeChain(doc);
    const innermost = chain[chain.length - 1];
    const field = innermost ? editableFieldOf(innermost) : undefined;
    if (field === recorded.element) {
      const selection = readSelection(field, doc);
      if (selection) recorded.selection = selection;
    } else if (field && trusted && pressChose(gesture, field) && !isIgnored(chain, field, doc)) {
      record(field, doc);
    }
  };

  const attachFrame = (frame: HTMLIFrameElement | HTMLFrameElement) => {
    if (disposed) return;
    const tryAttach = guard(() => {
      // Cross-origin frames give null (or throw in some browsers): skipped.
      const inner = frame.contentDocument;
      if (inner) attachDocument(inner);
    });
    if (!frames.has(frame)) {
      // A frame's document is replaced when it loads (TinyMCE's about:srcdoc replaces the initial about:blank).
      frame.addEventListener('load', tryAttach);
      frames.set(frame, () => frame.removeEventListener('load', tryAttach));
    }
    tryAttach();
  };

  const attachDocument = (doc: Document) => {
    if (disposed || documents.has(doc)) return;
    const onFocus = guard(() => lookAt(doc, 'press'));
    // selectionchange fires for a script's selection changes as well, and a script's execCommand fires a
    // trusted input event: only keyup, mouseup or input right after a press of the user's moves the record.
    const onSelection = guard((event: Event) => refresh(doc, event.type !== 'selectionchange' && event.isTrusted ? 'press' : false));
    const onGesture = guard((event: Event) => {
      if (!event.isTrusted) return;
      const target = (event.composedPath?.()[0] ?? event.target) as Element | null;
      gesture = { at: Date.now(), target: target && target.nodeType === 1 ? target : null, key: (event as KeyboardEvent).key };
    });
    doc.addEventListener('focusin', onFocus, true);
    doc.addEventListener('selectionchange', onSelection);
    for (const type of SELECTION_EVENTS) doc.addEventListener(type, onSelection, true);
    for (const type of GESTURE_EVENTS) doc.addEventListener(type, onGesture, true);
    const stopComposition = watchComposition(doc);
    // Frames are attached lazily, when focus first moves into one, not at start-up: touching a frame's
    // document from an extension sets up the extension's context in that frame, which cost 5–15 ms per
    // frame at page load on the demo portal (tests/bench/startup.ts). Focus entering a frame blurs this
    // document's window while its activeElement becomes the frame.
    const view = doc.defaultView;
    const onBlur = guard(() => {
      const attachActive = () => {
        const active = doc.activeElement;
        if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) attachFrame(active as HTMLIFrameElement);
      };
      attachActive();
      view?.setTimeout(guard(attachActive), 0);
    });
    view?.addEventListener('blur', onBlur);
    documents.set(doc, () => {
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('selectionchange', onSelection);
      for (const type of SELECTION_EVENTS) doc.removeEventListener(type, onSelection, true);
      for (const type of GESTURE_EVENTS) doc.removeEventListener(type, onGesture, true);
      stopComposition();
      view?.removeEventListener('blur', onBlur);
    });
    // The panel may open while the caret already sits in a field: record that field now.
    if (doc.hasFocus?.() || doc === topWindow.document) lookAt(doc);
  };

  guard(() => attachDocument(topWindow.document))();

  return {
    current: publicCopy,
    restore() {
      try {
        if (!recorded || !recorded.element.isConnected) return false;
        const { element, document: doc } = recorded;
        const saved = copySelection(recorded.selection);
        const view = doc.defaultView;
        if (view && view !== topWindow) view.focus();
        if (isDesignModeDocument(doc) && element === doc.body) view?.focus();
        element.focus({ preventScroll: true });
        applySelection(element, doc, saved);
        recorded.selection = saved ?? readSelection(element, doc);
        const chain = activeChain(doc);
        return chain[chain.length - 1] === element || (isDesignModeDocument(doc) && element === doc.body);
      } catch {
        return false;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      for (const detach of documents.values()) guard(detach)();
      for (const detach of frames.values()) guard(detach)();
      documents.clear();
      frames.clear();
      listeners.clear();
      recorded = undefined;
    },
  };
}

function isTextEntry(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'range', 'color', 'file'].includes(type);
  }
  return editableFieldOf(el) !== undefined;
}

/**
 * Keeps the page's caret where it is when the user presses the mouse on a panel element that is not itself a
 * text entry (buttons, list items, tabs): the browser moves focus on mousedown, so that default is cancelled.
 * Clicks still fire. Text inputs of the panel keep normal focus. Mark any other element that must take
 * focus with `data-tianbao-focusable`. Returns a function that removes the listener.
 */
export function keepFocusOnMouseDown(root: ShadowRoot | HTMLElement): () => void {
  const onMouseDown = guard((event: Event) => {
    const target = (event.composedPath?.()[0] ?? event.target) as Element | null;
    if (!target || target.nodeType !== 1) return;
    if (isTextEntry(target)) return;
    if (target.closest('[data-tianbao-focusable], label')) return;
    event.preventDefault();
  });
  root.addEventListener('mousedown', onMouseDown, true);
  return () => root.removeEventListener('mousedown', onMouseDown, true);
}
