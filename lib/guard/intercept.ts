// The agent's half of the submit guard: catches the page's submit in the capture phase before any of the
// page's own handlers, asks the panel for a verdict, and then either lets the submit go — exactly once — or
// leaves the user on the page to correct it. Kept small: it runs in the start-up script on every enabled page.
//
// The rules it keeps (issue 5 item 5, DESIGN "Checks"):
//  - the page can always submit: a failure anywhere in Tianbao, or no verdict within `timeoutMs`, lets the
//    submit through;
//  - the page's own handlers run once and only once per submit: a held submit is replayed (the click
//    re-dispatched on the element the user clicked, or form.requestSubmit() with the original submitter) while
//    a bypass flag lets the replay, and the submit event it causes, pass untouched;
//  - when the panel is already loaded and the text is clean, nothing is held at all: the user's own event
//    goes on.
import { isReportForm, submitTrigger } from './detect';

export type GuardDecision = 'submit' | 'cancel';

/** What the panel offers the agent (globalThis.__tianbaoPanel.guard). */
export interface PanelGuard {
  /** Runs the checks over the page now; synchronous so a clean page needs no hold. */
  check(): { blocking: number };
  /** Shows the blocking findings with 返回修改 / 仍然提交 and resolves with the user's choice. */
  ask(): Promise<GuardDecision>;
}

export interface InterceptOptions {
  win: Window;
  /** Is the guard switched on for this site right now? */
  enabled(): boolean;
  /** The loaded panel's guard, if the panel is in the page. */
  current(): PanelGuard | undefined;
  /** Loads the panel and resolves with its guard (undefined when it cannot). */
  load(deadline: number): Promise<PanelGuard | undefined>;
  /** How long loading the panel and checking may take before the submit proceeds unchecked. */
  timeoutMs?: number;
  now?: () => number;
}

export interface Interceptor {
  stop(): void;
}

export const GUARD_TIMEOUT_MS = 8000;
/** A submit approved moments ago is not checked again (pages that validate, then requestSubmit()). */
const APPROVAL_MS = 1500;

export function startIntercept(options: InterceptOptions): Interceptor {
  const { win } = options;
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? GUARD_TIMEOUT_MS;
  let bypass = 0;
  let approvedUntil = 0;
  let loading = false;
  let round = 0;

  const go = (replay: () => void) => {
    approvedUntil = now() + APPROVAL_MS;
    bypass++;
    try {
      replay();
    } catch {
      // The page's own handler threw: that is the page's behaviour without Tianbao too.
    } finally {
      bypass--;
    }
  };

  const askThen = (guard: PanelGuard, replay: () => void, mine: number) => {
    let asked: Promise<GuardDecision>;
    try {
      asked = guard.ask();
    } catch {
      go(replay);
      return;
    }
    asked.then(
      (decision) => {
        if (mine === round && decision === 'submit') go(replay);
      },
      () => {
        if (mine === round) go(replay);
      },
    );
  };

  const hold = (event: Event, replay: () => void) => {
    if (bypass > 0 || now() < approvedUntil) return;
    try {
      if (!options.enabled()) return;
    } catch {
      return;
    }
    const stop = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    // A second click while the panel loads is the same submit: hold it, the first one decides.
    if (loading) return stop();
    const mine = ++round;
    const guard = options.current();
    if (guard) {
      let blocking: number;
      try {
        blocking = guard.check().blocking;
      } catch {
        return;
      }
      if (!(blocking > 0)) {
        approvedUntil = now() + APPROVAL_MS;
        return;
      }
      stop();
      askThen(guard, replay, mine);
      return;
    }
    stop();
    loading = true;
    const deadline = now() + timeoutMs;
    const timer = new Promise<'timeout'>((resolve) => win.setTimeout(() => resolve('timeout'), timeoutMs));
    const verdict = options
      .load(deadline)
      .then((loaded) => (loaded ? { guard: loaded, blocking: loaded.check().blocking } : undefined));
    Promise.race([verdict, timer]).then(
      (result) => {
        loading = false;
        if (mine !== round) return;
        if (result === 'timeout' || result === undefined || !(result.blocking > 0)) go(replay);
        else askThen(result.guard, replay, mine);
      },
      () => {
        loading = false;
        if (mine === round) go(replay);
      },
    );
  };

  const onClick = (event: MouseEvent) => {
    if (bypass > 0 || event.button !== 0) return;
    const trigger = submitTrigger(event.target);
    if (!trigger) return;
    const target = event.target as Element;
    const init: MouseEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      view: win,
      detail: event.detail,
      clientX: event.clientX,
      clientY: event.clientY,
      screenX: event.screenX,
      screenY: event.screenY,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
    };
    // Re-dispatching on the element the user clicked runs the same handlers the click would have run, and
    // its activation (form submission for a submit button) as well.
    hold(event, () => {
      if (target.isConnected) target.dispatchEvent(new ((win as Window & typeof globalThis).MouseEvent ?? MouseEvent)('click', init));
    });
  };

  const onSubmit = (event: SubmitEvent) => {
    if (bypass > 0) return;
    const form = event.target as HTMLFormElement;
    if (!form || form.tagName !== 'FORM' || !isReportForm(form)) return;
    const submitter = event.submitter;
    hold(event, () => {
      if (!form.isConnected) return;
      const usable = submitter && (submitter as HTMLButtonElement).form === form ? submitter : null;
      if (typeof form.requestSubmit === 'function') form.requestSubmit(usable);
      else form.submit();
    });
  };

  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit, true);
  return {
    stop() {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('submit', onSubmit, true);
    },
  };
}
