// Draft autosave in the page (issue 5 item 6): what the user types into a portal field is sent to the
// background (the one writer of the drafts item, so tabs of the same portal never overwrite each other's
// drafts) a second after the typing stops, and at once when the page is hidden or unloaded.
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
  /** A submit went through: the page's drafts are no longer needed. */
  clear(pageUrl: string): void;
  debounceMs?: number;
  /**
   * When this page was loaded (epoch ms); defaults to the time capture starts. Not performance.timeOrigin: a
   * reload's navigation starts before the old page's last save (on pagehide) reaches the writer.
   */
  loadedAt?: number;
  /** How long after a submit a success message counts as its result. */
  successWindowMs?: number;
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
/** Success messages portals show after a submit that does not leave the page (Element Plus, antd, layui toasts). */
const SUCCESS_TEXT = /(?:提交|上报|报送|保存|填报)成功|成功(?:提交|上报|报送)/;

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
  let nativeSubmit = false;
  let stopSuccessWatch: (() => void) | undefined;

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
      if (!options.enabled()) return;
      const field = editableFieldOf(event.target as Element | null);
      if (!field || options.ignore(field)) return;
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

  /** The submit worked: drop the page's drafts, and do not save the same texts again. */
  const submitted = () => {
    stopSuccessWatch?.();
    stopSuccessWatch = undefined;
    for (const element of dirty) {
      const identity = identities.get(element);
      if (identity) lastSaved.set(identity.key, readEditableText(element));
    }
    dirty.clear();
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    options.clear(win.location.href);
  };

  const watchForSuccess = () => {
    stopSuccessWatch?.();
    const doc = win.document;
    const seen = (node: Node | null) => {
      const text = node?.textContent ?? '';
      return text.length > 0 && text.length < 200 && SUCCESS_TEXT.test(text);
    };
    const Observer = (win as Window & typeof globalThis).MutationObserver ?? MutationObserver;
    const observer = new Observer((records: MutationRecord[]) => {
      for (const record of records) {
        const node = record.type === 'characterData' ? record.target.parentNode : record.target;
        if (record.type === 'childList') {
          for (const added of Array.from(record.addedNodes)) if (seen(added)) return submitted();
        } else if (seen(node)) {
          return submitted();
        }
      }
    });
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'style', 'class'],
    });
    const until = win.setTimeout(() => stopSuccessWatch?.(), options.successWindowMs ?? 15_000);
    stopSuccessWatch = () => {
      observer.disconnect();
      win.clearTimeout(until);
    };
  };

  // Registered after the guard's listeners, so these see only the clicks and submits the guard let through.
  const onClick = (event: MouseEvent) => {
    try {
      if (submitTrigger(event.target)) {
        flush();
        watchForSuccess();
      }
    } catch {
      // ignore
    }
  };
  const onSubmit = (event: Event) => {
    const form = event.target as HTMLFormElement | null;
    // Read at the end of the bubble phase: the page's handlers have had their say.
    if (!event.defaultPrevented && form?.tagName === 'FORM' && isReportForm(form)) nativeSubmit = true;
  };
  const onPageHide = () => {
    if (nativeSubmit) submitted();
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
      stopSuccessWatch?.();
      for (const cleanup of cleanups) cleanup();
    },
  };
}
