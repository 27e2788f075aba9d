// The panel's PageBridge when the panel is an extension page in the portal's frame: reads come from the
// latest snapshot the page side pushed (so the React code keeps its synchronous reads), and every action is a
// request over the private channel, answered by lib/host with the same lib/dom code as before.
import type { PageSnapshot, PanelRequest, PanelRequestResult } from '../protocol';
import type { ApplyFixOptions, InsertOptions, InsertOutcome, PageBridge, PanelField } from './bridge';
import type { Finding } from '../core/types';

export interface RemoteBridge extends PageBridge {
  /** The page side sent a new snapshot. */
  update(snapshot: PageSnapshot): void;
  snapshot(): PageSnapshot;
  /** The page's answer to request `id` arrived. */
  settle(id: number, result: PanelRequestResult): void;
  /** The channel closed: every open request fails. */
  close(): void;
}

/** How long an action may take on the page before the panel reports it as failed. */
const REQUEST_TIMEOUT_MS = 15_000;

const failed = (messageId: string): InsertOutcome => ({ ok: false, messageId });

function isOutcome(value: unknown): value is InsertOutcome {
  return typeof value === 'object' && value !== null && typeof (value as InsertOutcome).ok === 'boolean';
}

export function createRemoteBridge(post: (id: number, request: PanelRequest) => void, initial: PageSnapshot): RemoteBridge {
  let current = initial;
  let nextId = 1;
  const listeners = new Set<() => void>();
  const waiting = new Map<number, (result: PanelRequestResult | undefined) => void>();

  const request = (req: PanelRequest): Promise<PanelRequestResult | undefined> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(undefined);
      }, REQUEST_TIMEOUT_MS);
      waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      post(id, req);
    });

  const outcome = async (req: PanelRequest): Promise<InsertOutcome> => {
    const result = await request(req);
    return isOutcome(result) ? result : failed('panel.pageNoAnswer');
  };

  const update = (snapshot: PageSnapshot) => {
    current = snapshot;
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // One view's failure does not stop the others from hearing of the change.
      }
    }
  };

  return {
    readFields: (): PanelField[] => current.fields,
    lastFocusedLabel: () => current.target,
    pageTitle: () => current.pageTitle,
    insert: (text: string, options?: InsertOptions) =>
      outcome(options && options.paragraph !== undefined ? { kind: 'insert', text, options: { paragraph: options.paragraph } } : { kind: 'insert', text }),
    async focusTarget() {
      return (await request({ kind: 'focusTarget' })) === true;
    },
    reveal(target: Pick<Finding, 'fieldKey' | 'start' | 'end'>) {
      void request({ kind: 'reveal', target: { fieldKey: target.fieldKey, start: target.start, end: target.end } });
      return true;
    },
    applyFix: (finding: Finding, options: ApplyFixOptions = {}) => outcome({ kind: 'applyFix', finding, options }),
    replaceFieldText: (key: string, text: string) => outcome({ kind: 'replaceFieldText', key, text }),
    async freshFields() {
      const result = await request({ kind: 'snapshot' });
      if (typeof result === 'object' && result !== null && Array.isArray((result as PageSnapshot).fields)) {
        update(result as PageSnapshot);
      }
      return current.fields;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update,
    snapshot: () => current,
    settle(id, result) {
      const resolve = waiting.get(id);
      waiting.delete(id);
      resolve?.(result);
    },
    close() {
      for (const [id, resolve] of waiting) {
        waiting.delete(id);
        resolve(undefined);
      }
    },
  };
}
