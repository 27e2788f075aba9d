// IME composition state per document. There is no DOM API that says "a composition is open now", so the state
// has to be recorded from compositionstart/compositionend as they happen. The focus tracker starts watching
// every document it attaches to; insertion asks here before writing, because inserting while a pinyin
// composition is open leaves raw pinyin in TinyMCE and commits characters in the wrong place in wangEditor
// (both measured in Chromium on the real editors).

interface CompositionState {
  composing: boolean;
  waiters: Set<() => void>;
  users: number;
  detach: () => void;
}

const states = new WeakMap<Document, CompositionState>();

/** Starts recording compositions in `doc`. Idempotent; returns a function that stops this watch. */
export function watchComposition(doc: Document): () => void {
  let state = states.get(doc);
  if (!state) {
    const created: CompositionState = { composing: false, waiters: new Set(), users: 0, detach: () => {} };
    const onStart = () => {
      created.composing = true;
    };
    const onEnd = () => {
      created.composing = false;
      for (const waiter of [...created.waiters]) waiter();
    };
    doc.addEventListener('compositionstart', onStart, true);
    doc.addEventListener('compositionend', onEnd, true);
    created.detach = () => {
      doc.removeEventListener('compositionstart', onStart, true);
      doc.removeEventListener('compositionend', onEnd, true);
    };
    states.set(doc, created);
    state = created;
  }
  const watched = state;
  watched.users += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watched.users -= 1;
    if (watched.users <= 0) {
      watched.detach();
      states.delete(doc);
      for (const waiter of [...watched.waiters]) waiter();
    }
  };
}

/** True while a composition is open in `doc` (only known for watched documents). */
export function isComposing(doc: Document): boolean {
  return states.get(doc)?.composing ?? false;
}

/**
 * Resolves true once no composition is open in `doc`, or false when `timeoutMs` passes first.
 * Resolves true at once when no composition is open.
 */
export function waitForCompositionEnd(doc: Document, timeoutMs: number): Promise<boolean> {
  const state = states.get(doc);
  if (!state || !state.composing) return Promise.resolve(true);
  return new Promise((resolve) => {
    const view = doc.defaultView ?? globalThis;
    const done = (ended: boolean) => {
      state.waiters.delete(onEnd);
      view.clearTimeout(timer);
      resolve(ended);
    };
    const onEnd = () => done(true);
    const timer = view.setTimeout(() => done(!state.composing), timeoutMs);
    state.waiters.add(onEnd);
  });
}
