// The page side of the panel: the content script that owns the panel's frame in the portal page.
//
// The panel itself is an extension page (panel.html) in an iframe. The frame sits in a *closed* shadow root
// that this script creates in its isolated world, so the portal's scripts cannot reach the frame element, its
// URL or its secret; and because the frame is of the extension's origin, the page can neither read what it
// shows nor dispatch events into it (a synthetic click on 插入 or 仍然提交 has nothing to land on). The frame
// runs in the extension's own process, so the analysis never occupies the page's main thread either.
//
// What stays here is what only the page can do: reading the form (lib/dom discovery), remembering the field
// the user last worked in (the agent's focus tracker), inserting text, selecting a range, and holding a submit.
// Everything crosses to the panel over one MessageChannel (lib/protocol.ts), handed to the frame together
// with a per-frame random secret; nothing is posted on the page's window but that one message, and it is
// addressed to the extension's origin only.
import { browser } from 'wxt/browser';
import { PANEL_HOST_TAG, type Agent, type PanelHandle } from '../agent/agent';
import type { GuardDecision, PanelGuard } from '../guard/intercept';
import type { PageBridge } from '../panel/bridge';
import type { Message } from '../messages';
import {
  hasType,
  newSecret,
  PANEL_TO_HOST_TYPES,
  type HostToPanel,
  type PageSnapshot,
  type PanelRequest,
  type PanelRequestResult,
  type PanelToHost,
} from '../protocol';
import { createDomBridge } from './dom-bridge';
import { pushPage } from './page-push';

/** How long the panel may stay silent while a guard question is open before it counts as gone. */
export const PANEL_SILENCE_MS = 3000;
/** Width and height of the frame while the panel is collapsed to its tab. */
const TAB_BOX = { width: 40, height: 150 };

const HOST_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important; right: 0 !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important; }
iframe { position: fixed; right: 0; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal;
  display: block; visibility: visible; opacity: 1; }
iframe.tb-open { top: 0; height: 100vh; }
iframe.tb-collapsed { top: 40%; }
iframe.tb-pending { visibility: hidden; }
`;

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

class PanelGoneError extends Error {
  override readonly name = 'PanelGoneError';
}

export interface HostOptions {
  win: Window;
  agent: Agent;
  /** Loaded by the submit guard: the panel comes up as the user left it and opens only to ask. */
  quiet: boolean;
  /** The page bridge; tests hand in a fake. Defaults to lib/host/dom-bridge over the agent's focus tracker. */
  bridge?: PageBridge;
  /** The panel page's URL (without fragment). */
  panelUrl?: string;
  /** Tells the background the frame's secret before the frame loads (tests replace it). */
  register?: (secret: string) => Promise<unknown>;
}

const defaultRegister = (secret: string) => browser.runtime.sendMessage({ type: 'panel:register', secret } satisfies Message);

export interface Host extends PanelHandle {
  /** The frame element (tests). */
  frame(): HTMLIFrameElement;
  /** Tears everything down (extension reload). */
  dispose(): void;
}

export function mountHost(options: HostOptions): Host {
  const { win, agent } = options;
  const doc = win.document;
  const bridge = options.bridge ?? createDomBridge(win, agent.focus);
  const panelUrl = options.panelUrl ?? browser.runtime.getURL('/panel.html');
  const panelOrigin = new URL(panelUrl).origin;

  const hostElement = doc.createElement(PANEL_HOST_TAG);
  const shadow = hostElement.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  shadow.append(style);

  let frame: HTMLIFrameElement;
  let port: MessagePort | undefined;
  let connected = false;
  let quiet = options.quiet;
  let layout = { width: 0, collapsed: true, dragging: false };
  let version = 0;
  let lastSnapshot: PageSnapshot | undefined;
  let dirty = true;
  let verdict: { version: number; blocking: number } | undefined;
  let lastHeard = Date.now();
  let nextId = 1;
  const guardWaits = new Map<number, Pending<{ blocking?: number; decision?: GuardDecision }>>();
  const connectWaits: Array<() => void> = [];
  let disposed = false;
  // The panel page never navigates by itself: a second load of its frame means the page sent the frame
  // elsewhere. That frame gets nothing; the next open brings up a fresh one.
  let hijacked = false;
  /** A step asked for before the panel connected (the shortcut loaded it): sent with the hello. */
  let pendingStep: 1 | -1 | undefined;

  const send = (message: HostToPanel) => {
    try {
      port?.postMessage(message);
    } catch {
      // A closed port: the panel is gone; the guard's own timers decide.
    }
  };

  const snapshot = (): PageSnapshot => {
    const next: PageSnapshot = {
      version: ++version,
      url: win.location.href,
      pageTitle: bridge.pageTitle(),
      fields: bridge.readFields(),
    };
    const target = bridge.lastFocusedLabel();
    if (target !== undefined) next.target = target;
    lastSnapshot = next;
    dirty = false;
    return next;
  };

  // Edits and focus changes reach the panel as snapshots, a little after the typing pauses.
  let pushTimer: number | undefined;
  const schedulePush = () => {
    dirty = true;
    if (pushTimer !== undefined) win.clearTimeout(pushTimer);
    pushTimer = win.setTimeout(() => {
      pushTimer = undefined;
      if (connected) send({ type: 'snapshot', snapshot: snapshot() });
    }, 150);
  };
  const stopChanges = bridge.onChange(schedulePush);
  // A new target field is sent at once: the user may click 插入 right after clicking into the field, and the
  // panel names the field (and refuses to insert without one) from the latest snapshot.
  // F8 / Shift+F8 in the page while the panel is open: the next / previous problem, as in the panel itself
  // (定位 leaves the caret in the page's field, so the next press comes from here).
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'F8' || event.altKey || event.ctrlKey || event.metaKey || !event.isTrusted) return;
    if (!connected || layout.collapsed || hijacked) return;
    event.preventDefault();
    send({ type: 'step', direction: event.shiftKey ? -1 : 1 });
  };
  win.addEventListener('keydown', onKey, true);
  const stopFocus = agent.focus.subscribe(() => {
    if (pushTimer !== undefined) win.clearTimeout(pushTimer);
    pushTimer = undefined;
    if (connected) send({ type: 'snapshot', snapshot: snapshot() });
    else dirty = true;
  });

  const applyLayout = () => {
    const open = connected && !hijacked && !layout.collapsed && hostElement.isConnected;
    pushPage(doc, open ? layout.width : 0);
    frame.className = !connected ? 'tb-pending' : layout.collapsed ? 'tb-collapsed' : 'tb-open';
    // While the user drags the panel's edge the frame spans the viewport (transparent left of the panel), so
    // the pointer stays over the frame and the drag goes on wherever it moves.
    frame.style.width = layout.dragging && !layout.collapsed ? '100vw' : `${layout.collapsed ? TAB_BOX.width : layout.width}px`;
    frame.style.height = layout.collapsed ? `${TAB_BOX.height}px` : '';
  };

  const answer = async (id: number, request: PanelRequest) => {
    let result: PanelRequestResult;
    try {
      switch (request.kind) {
        case 'insert':
          // Only the one option there is, as a boolean: nothing else of the message reaches the page code.
          result = await bridge.insert(String(request.text), { paragraph: request.options?.paragraph === true });
          break;
        case 'focusTarget':
          result = bridge.focusTarget ? await bridge.focusTarget() : false;
          break;
        case 'reveal':
          result = bridge.reveal(request.target);
          break;
        case 'applyFix':
          result = await bridge.applyFix(request.finding, request.options ?? {});
          break;
        case 'replaceFieldText':
          result = bridge.replaceFieldText
            ? await bridge.replaceFieldText(String(request.key), String(request.text))
            : { ok: false, messageId: 'drafts.restoreFailed' };
          break;
        case 'snapshot':
          result = snapshot();
          break;
        default:
          result = { ok: false, messageId: 'panel.insertFailed' };
      }
    } catch {
      result = { ok: false, messageId: 'panel.insertFailed' };
    }
    send({ type: 'reply', id, result });
    // An insertion or fix changed the page: the panel sees the new text at once.
    if (request.kind !== 'snapshot' && request.kind !== 'reveal' && request.kind !== 'focusTarget') schedulePush();
  };

  const onPanelMessage = (event: MessageEvent) => {
    const message = event.data as unknown;
    if (!hasType<PanelToHost>(message, PANEL_TO_HOST_TYPES)) return;
    lastHeard = Date.now();
    switch (message.type) {
      case 'ready':
        connected = true;
        send({ type: 'hello', handshake: { origin: win.location.origin, quiet, snapshot: snapshot() } });
        quiet = false;
        if (pendingStep !== undefined) send({ type: 'step', direction: pendingStep });
        pendingStep = undefined;
        for (const wake of connectWaits.splice(0)) wake();
        applyLayout();
        agent.hideTab();
        break;
      case 'request':
        void answer(message.id, message.request);
        break;
      case 'layout':
        layout = {
          width: Math.max(0, Math.min(4000, Number(message.width) || 0)),
          collapsed: message.collapsed === true,
          dragging: message.dragging === true,
        };
        applyLayout();
        break;
      case 'verdict':
        verdict = { version: message.version, blocking: message.blocking };
        break;
      case 'guard-reply': {
        const wait = guardWaits.get(message.id);
        if (!wait) break;
        guardWaits.delete(message.id);
        wait.resolve({ blocking: message.blocking, decision: message.decision });
        break;
      }
      case 'pong':
        break;
    }
  };

  const goneAll = () => {
    connected = false;
    for (const [id, wait] of guardWaits) {
      guardWaits.delete(id);
      wait.reject(new PanelGoneError('panel gone'));
    }
  };

  const createFrame = () => {
    const secret = newSecret();
    const next = doc.createElement('iframe');
    let loads = 0;
    next.className = 'tb-pending';
    next.setAttribute('allow', 'clipboard-write');
    next.setAttribute('title', '填报助手 Tianbao');
    next.setAttribute('scrolling', 'no');
    // A new channel for every document the frame loads: a page that navigates the frame away and back gets
    // nothing, and our port is only ever posted to the extension's origin.
    let addressed = false;
    next.addEventListener('load', () => {
      // The frame's initial about:blank, before its address is set, is not the panel.
      if (!addressed) return;
      goneAll();
      port?.close();
      port = undefined;
      if (++loads > 1) {
        hijacked = true;
        applyLayout();
        pushPage(doc, 0);
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = onPanelMessage;
      port = channel.port1;
      try {
        next.contentWindow?.postMessage({ tianbaoConnect: secret }, panelOrigin, [channel.port2]);
      } catch {
        // The frame holds a page of another origin (navigated away): it gets nothing.
      }
    });
    // The background learns the secret first; the panel claims it before it connects (lib/protocol.ts).
    const register = options.register ?? defaultRegister;
    const address = () => {
      addressed = true;
      next.src = `${panelUrl}#${secret}`;
    };
    // Without the background's answer the panel will refuse to connect; the frame is loaded all the same so
    // that it can say so, and the guard, finding no panel, lets submits through.
    register(secret).then(address, address);
    return next;
  };

  frame = createFrame();
  shadow.append(frame);
  doc.documentElement.append(hostElement);
  applyLayout();

  /** Puts the panel back if the page removed it (the toolbar always brings the panel back). */
  const ensureMounted = (): boolean => {
    if (hostElement.isConnected && frame.isConnected && !hijacked) return false;
    hijacked = false;
    goneAll();
    port?.close();
    port = undefined;
    frame.remove();
    frame = createFrame();
    shadow.append(frame);
    doc.documentElement.append(hostElement);
    applyLayout();
    return true;
  };

  // A page that removes the panel's host loses the panel, and the guard stops waiting for it at once.
  const removal = new MutationObserver(() => {
    if (!hostElement.isConnected || !frame.isConnected) {
      goneAll();
      pushPage(doc, 0);
    }
  });
  removal.observe(doc.documentElement, { childList: true });

  const whenConnected = (deadline: number): Promise<void> => {
    if (connected && hostElement.isConnected) return Promise.resolve();
    // Removed or sent elsewhere by the page: no panel will answer, so the submit need not wait.
    if (hijacked || !hostElement.isConnected) return Promise.reject(new PanelGoneError('panel gone'));
    return new Promise((resolve, reject) => {
      const timer = win.setTimeout(() => reject(new PanelGoneError('panel did not load')), Math.max(0, deadline - Date.now()));
      connectWaits.push(() => {
        win.clearTimeout(timer);
        resolve();
      });
    });
  };

  /** Sends a guard question and waits for its reply while the panel keeps answering pings. */
  const ask = <T>(make: (id: number) => HostToPanel, limitMs: number | undefined): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        win.clearInterval(beat);
        if (limitTimer !== undefined) win.clearTimeout(limitTimer);
      };
      guardWaits.set(id, {
        resolve(value) {
          if (settled) return;
          finish();
          resolve(value as T);
        },
        reject(error) {
          if (settled) return;
          finish();
          reject(error);
        },
      });
      const fail = (why: string) => {
        const wait = guardWaits.get(id);
        guardWaits.delete(id);
        wait?.reject(new PanelGoneError(why));
        send({ type: 'guard-cancel', id });
      };
      const started = Date.now();
      lastHeard = Math.max(lastHeard, started);
      let seq = 0;
      // Liveness: the panel answers pings while the user reads the dialog; a removed, navigated-away or crashed
      // panel stops answering, and the submit goes on within PANEL_SILENCE_MS.
      const beat = win.setInterval(() => {
        if (!hostElement.isConnected || !frame.isConnected) return fail('panel removed');
        if (Date.now() - lastHeard > PANEL_SILENCE_MS) return fail('panel silent');
        send({ type: 'ping', seq: ++seq });
      }, 500);
      const limitTimer = limitMs === undefined ? undefined : win.setTimeout(() => fail('panel too slow'), limitMs);
      send(make(id));
    });
  };

  const guard: PanelGuard = {
    cleanNow() {
      return connected && !dirty && verdict !== undefined && verdict.version === lastSnapshot?.version && verdict.blocking === 0;
    },
    async check(deadline: number) {
      await whenConnected(deadline);
      const current = snapshot();
      const reply = await ask<{ blocking?: number }>(
        (id) => ({ type: 'guard-check', id, snapshot: current }),
        Math.max(0, deadline - Date.now()),
      );
      const blocking = Number(reply.blocking);
      if (!Number.isFinite(blocking)) throw new PanelGoneError('no count');
      return { blocking };
    },
    async ask() {
      const reply = await ask<{ decision?: GuardDecision }>((id) => ({ type: 'guard-ask', id }), undefined);
      return reply.decision === 'submit' ? 'submit' : 'cancel';
    },
  };

  const host: Host = {
    toggle() {
      if (ensureMounted()) return;
      if (connected) send({ type: 'show', how: 'toggle' });
    },
    open() {
      if (ensureMounted()) return;
      if (connected) send({ type: 'show', how: 'open' });
    },
    step(direction) {
      const fresh = ensureMounted();
      if (connected && !fresh) send({ type: 'step', direction: direction === -1 ? -1 : 1 });
      else pendingStep = direction === -1 ? -1 : 1;
    },
    guard,
    frame: () => frame,
    dispose() {
      if (disposed) return;
      disposed = true;
      goneAll();
      stopChanges();
      stopFocus();
      win.removeEventListener('keydown', onKey, true);
      removal.disconnect();
      port?.close();
      hostElement.remove();
      pushPage(doc, 0);
    },
  };
  return host;
}
