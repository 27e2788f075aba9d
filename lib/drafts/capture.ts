// Draft autosave in the page (issue 5 item 6): what the user types into a portal field is sent to the
// background (the one writer of the drafts item, so tabs of the same portal never overwrite each other's
// drafts) a second after the typing stops, and at once when the page is hidden or unloaded.
//
// Only the user's own edits count (issue 9 item 5): an edit event must be trusted (a page script's synthetic
// input on 40 hidden textareas once planted 40 × 199k characters of drafts), and the field must be one the user
// can see and type into (see `usableField`).
//
// A submit is never judged from page text (issue 9 item 3: 提交成功后将不能修改 in a cancelled confirm, or
// 登录已超时，报告未提交成功, once counted as success and deleted the drafts). The one signal used is structural:
// the form's submit event went through unprevented and the page then unloaded. The page's drafts are then marked
// submitted, never deleted. A portal that submits by script without leaving the page marks nothing; its drafts
// simply stay until they expire.
//
// Per keystroke the work is constant: one delegated listener per document marks the edited field dirty and
// re-arms a timer. Fields are identified (stable key and label, via lib/dom discovery) once, on the first edit
// of each field, and remembered; the key is known before a page can remove the field, so a draft pending for
// a field that disappears is still saved under the right key.
import { discoverFields, type DiscoveredField } from '../dom/discovery';
import { editableFieldOf, isValueField } from '../dom/editable';
import type { FocusTracker } from '../dom/focus';
import { isReportForm, submitTrigger } from '../guard/detect';
import { isSensitiveField } from './sensitive';

export interface DraftWrite {
  fieldKey: string;
  fieldLabel: string;
  text: string;
}

export interface DraftCaptureOptions {
  win: Window;
  focus: FocusTracker;
  /** Is autosave switched on for this site right now? */
  enabled(): boolean;
  /** Elements that are Tianbao's own (panel, tab). */
  ignore(element: Element): boolean;
  /** `since`: when this page was loaded, so the writer keeps a draft from before it (Draft.earlier). */
  save(entries: DraftWrite[], pageUrl: string, since: number): void;
  /** The page's form was submitted and the page is unloading: mark the page's drafts submitted. */
  submitted(pageUrl: string): void;
  debounceMs?: number;
  /**
   * When this page was loaded (epoch ms); defaults to the time capture starts. Not performance.timeOrigin: a
   * reload's navigation starts before the old page's last save (on pagehide) reaches the writer.
   */
  loadedAt?: number;
}

export interface DraftCapture {
  /** Saves what is pending now. */
  flush(): void;
  stop(): void;
}

interface Identity {
  key: string;
  label: string;
}

const EDIT_EVENTS = ['input', 'keyup', 'compositionend', 'cut', 'paste', 'drop'] as const;
/** How soon after an unprevented form submit the page must unload for the submit to count as having gone. */
const SUBMIT_LEAVE_MS = 30_000;

/**
 * Can the user see and type into this field? Not disabled or read-only (inputs and textareas; editableFieldOf
 * already leaves out contenteditable=false), with a box of non-zero size, not visibility:hidden, and neither it
 * nor an ancestor display:none or [hidden]. A page's hidden textareas (mirrors of an editor, templates, bait) are skipped.
 * Rich editors in iframes are judged inside their own document; the iframe itself is not checked.
 */
export function usableField(element: HTMLElement): boolean {
  if (isValueField(element) && (element.disabled || element.readOnly)) return false;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    if (node === element && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
  }
  const box = element.getBoundingClientRect();
  // happy-dom lays nothing out: every box is 0 × 0 there, so size is only judged where layout exists.
  const laidOut = element.ownerDocument.documentElement.getBoundingClientRect().width > 0;
  return !laidOut || (box.width > 0 && box.height > 0);
}

export function readEditableText(element: HTMLElement): string {
  if (isValueField(element)) return element.value;
  return element.innerText ?? element.textContent ?? '';
}

export function startDraftCapture(options: DraftCaptureOptions): DraftCapture {
  const { win, focus } = options;
  const debounceMs = options.debounceMs ?? 1000;
  const loadedAt = options.loadedAt ?? Date.now();
  const identities = new WeakMap<HTMLElement, Identity | null>();
  const lastSaved = new Map<string, string>();
  const dirty = new Set<HTMLElement>();
  const watched = new Set<Document>();
  const cleanups: Array<() => void> = [];
  let timer: number | undefined;
  /** When the page's form submit last went through unprevented; the page should leave soon after. */
  let nativeSubmitAt: number | undefined;

  const identify = (element: HTMLElement): Identity | null => {
    const known = identities.get(element);
    if (known !== undefined) return known;
    let found: DiscoveredField | undefined;
    for (const field of discoverFields(win.document, { ignore: options.ignore })) {
      if (field.kind === 'select') continue;
      const identity = isSensitiveField(field.element, field.label) ? null : { key: field.key, label: field.label };
      identities.set(field.element, identity);
      if (field.element === element) found = field;
    }
    if (!found) identities.set(element, null);
    return identities.get(element) ?? null;
  };

  const flush = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    const entries: DraftWrite[] = [];
    for (const element of dirty) {
      const identity = identities.get(element);
      if (!identity) continue;
      const text = readEditableText(element);
      if (lastSaved.get(identity.key) === text) continue;
      lastSaved.set(identity.key, text);
      entries.push({ fieldKey: identity.key, fieldLabel: identity.label, text });
    }
    dirty.clear();
    if (entries.length > 0) options.save(entries, win.location.href, loadedAt);
  };

  const onEdit = (event: Event) => {
    try {
      // A page script can dispatch input events on any field; only the user's own edits are drafted.
      if (!event.isTrusted || !options.enabled()) return;
      const field = editableFieldOf(event.target as Element | null);
      if (!field || options.ignore(field) || !usableField(field)) return;
      if (!identify(field)) return;
      dirty.add(field);
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(flush, debounceMs);
    } catch {
      // Autosave must never disturb the page.
    }
  };

  const watch = (doc: Document) => {
    if (watched.has(doc)) return;
    watched.add(doc);
    for (const type of EDIT_EVENTS) doc.addEventListener(type, onEdit, true);
    cleanups.push(() => {
      for (const type of EDIT_EVENTS) doc.removeEventListener(type, onEdit, true);
    });
  };
  watch(win.document);
  // Editors inside same-origin iframes: the focus tracker finds their documents; listen there once focused.
  const onFocused = (field: { document: Document } | undefined) => {
    if (field) watch(field.document);
  };
  cleanups.push(focus.subscribe(onFocused));
  onFocused(focus.current());

  // ---- after a submit ----

  /** The form was submitted and the page is leaving: save what is pending, then have the page's drafts marked. */
  const submitted = () => {
    // What was typed since the last save is what the form sent: save it first (messages are applied in
    // order by the background), then mark it.
    flush();
    options.submitted(win.location.href);
  };

  // Registered after the guard's listeners, so these see only the clicks and submits the guard let through.
  const onClick = (event: MouseEvent) => {
    try {
      // The page may leave at once: save what is pending. Whether the submit worked is not guessed here.
      if (submitTrigger(event.target)) flush();
    } catch {
      // ignore
    }
  };
  const onSubmit = (event: Event) => {
    const form = event.target as HTMLFormElement | null;
    // Read at the end of the bubble phase: the page's handlers have had their say.
    if (!event.defaultPrevented && form?.tagName === 'FORM' && isReportForm(form)) nativeSubmitAt = Date.now();
  };
  const onPageHide = () => {
    // A form posted into another frame or window leaves this page in place; its unload much later is no submit.
    if (nativeSubmitAt !== undefined && Date.now() - nativeSubmitAt < SUBMIT_LEAVE_MS) submitted();
    else flush();
  };
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit);
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onHidden);
  cleanups.push(() => {
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('submit', onSubmit);
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onHidden);
  });

  return {
    flush,
    stop() {
      flush();
      for (const cleanup of cleanups) cleanup();
    },
  };
}
