// The agent's half of the submit guard: catches the page's submit in the capture phase before any of the
// page's own handlers, asks the panel for a verdict, and then either lets the submit go — exactly once — or
// leaves the user on the page to correct it. Kept small: it runs in the start-up script on every enabled page.
//
// The rules it keeps (DESIGN "Checks"; issue 9 item 2):
//  - the page can always submit. The panel is asked over its channel (lib/host); when it is missing, is
//    removed by the page, crashes, or gives no verdict within GUARD_TIMEOUT_MS of the click, the submit goes
//    through. While the dialog is up the panel must keep answering pings: when it stops, the submit goes
//    through within PANEL_SILENCE_MS (lib/host/host.ts). Only the user's own choice can keep it back.
//  - one dialog per submit: while a check or a dialog is pending, further submits (double clicks, a portal's
//    own retry) are held and decided by it; once a submit is approved, the page may submit again — a late
//    requestSubmit() after its own validation, a second button — without asking again, until the user edits
//    the form or APPROVAL_MS pass.
//  - the page's own handlers run once and only once per submit: a held submit is replayed (the click
//    re-dispatched on the element the user clicked, or form.requestSubmit() with the original submitter) while
//    a bypass flag lets the replay, and the submit event it causes, pass untouched;
//  - when the panel's latest verdict is for the page as it is and found nothing blocking, nothing is held:
//    the user's own event goes on.
import { isReportForm, submitTrigger } from './detect';

export type GuardDecision = 'submit' | 'cancel';

/** What the panel offers the agent (lib/host/host.ts, globalThis.__tianbaoPanel.guard). */
export interface PanelGuard {
  /** True when the panel's last verdict covers the form as it is now and found nothing blocking. */
  cleanNow(): boolean;
  /** Counts the blocking problems of the form as it is now; rejects when the panel cannot answer by `deadline`. */
  check(deadline: number): Promise<{ blocking: number }>;
  /** Shows the blocking problems with 返回修改 / 仍然提交; resolves with the user's choice, rejects if the panel goes. */
  ask(): Promise<GuardDecision>;
}

export interface InterceptOptions {
  win: Window;
  /** Is the guard switched on for this page right now? */
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

/** The longest a submit waits for a verdict when the user is not being asked (README states it). */
export const GUARD_TIMEOUT_MS = 8000;
/** How long an approved submit stays approved when the user does not edit the form again. */
export const APPROVAL_MS = 30_000;

export function startIntercept(options: InterceptOptions): Interceptor {
  const { win } = options;
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? GUARD_TIMEOUT_MS;
  let bypass = 0;
  let approvedUntil = 0;
  let pending = false;

  const approve = () => {
    approvedUntil = now() + APPROVAL_MS;
  };

  const go = (replay: () => void) => {
    approve();
    bypass++;
    try {
      replay();
    } catch {
      // The page's own handler threw: that is the page's behaviour without Tianbao too.
    } finally {
      bypass--;
    }
  };

  const decide = async (replay: () => void) => {
    const deadline = now() + timeoutMs;
    let timer: number | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = win.setTimeout(() => resolve(undefined), timeoutMs);
    });
    const verdict = (async () => {
      const guard = options.current() ?? (await options.load(deadline));
      if (!guard) return undefined;
      const { blocking } = await guard.check(deadline);
      return { guard, blocking };
    })().catch(() => undefined);
    const result = await Promise.race([verdict, late]);
    win.clearTimeout(timer);
    if (!result || !(result.blocking > 0)) return go(replay);
    let decision: GuardDecision;
    try {
      decision = await result.guard.ask();
    } catch {
      // The panel went away while the user was being asked: the page's submit is never kept back by us.
      return go(replay);
    }
    if (decision === 'submit') go(replay);
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
    // The same submit again (a double click, the portal retrying) while the first is being decided.
    if (pending) return stop();
    let clean = false;
    try {
      clean = options.current()?.cleanNow() === true;
    } catch {
      clean = false;
    }
    if (clean) {
      approve();
      return;
    }
    stop();
    pending = true;
    decide(replay)
      .catch(() => go(replay))
      .finally(() => {
        pending = false;
      });
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

  // The user edits the form again: the next submit is a new one and is checked again.
  const onEdit = (event: Event) => {
    if (event.isTrusted) approvedUntil = 0;
  };

  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit, true);
  win.addEventListener('input', onEdit, true);
  return {
    stop() {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('submit', onSubmit, true);
      win.removeEventListener('input', onEdit, true);
    },
  };
}
