// The one thing the page side (lib/host: the content script that owns the panel's frame in the portal page)
// and the panel side (lib/panel: the extension page inside that frame) share: the messages they exchange over
// their private MessageChannel.
//
// Why a channel of its own: the panel runs in an extension-origin iframe, so the portal's scripts can neither
// read it nor click in it. The host creates the frame inside a closed shadow root with a fresh random secret in
// the frame's URL fragment, registered with the background first (panel:register, from the tab's top-frame
// content script only). The panel claims the secret from the background (panel:claim, checked against its own
// tab, usable once) and renders nothing otherwise, so a panel.html the portal frames itself with an address
// of its own choosing stays inert. Once the frame has loaded, the host hands it one end of a MessageChannel
// together with the secret (postMessage addressed to the extension's origin only); the panel accepts the first
// port that carries its secret and ignores every other message. A page script that learns nothing can send
// nothing that is acted on, and nothing Tianbao shows ever passes through the page's window.
import type { ApplyFixOptions, InsertOptions, InsertOutcome, PanelField } from './panel/bridge';
import type { Finding } from './core/types';

/** The page as the panel sees it: sent on connect and after every edit or change of the form. */
export interface PageSnapshot {
  /** Increases with every snapshot; a verdict names the snapshot it was computed on. */
  version: number;
  url: string;
  pageTitle: string;
  fields: PanelField[];
  /** Label of the field an insertion would go to; '' = unlabelled field; undefined = none. */
  target?: string;
}

export interface Handshake {
  origin: string;
  /** The panel was loaded by the submit guard: come up as the user left it, open only to ask. */
  quiet: boolean;
  snapshot: PageSnapshot;
}

/** Requests the panel makes of the page; each is answered by a `reply` with the same id. */
export type PanelRequest =
  | { kind: 'insert'; text: string; options?: InsertOptions }
  /**
   * Give the keyboard back to the field the user last worked in (片段's Esc, and after an insertion). Names no
   * field: the page side focuses only the field its own focus tracker holds, so the panel cannot send the
   * caret anywhere the user did not choose.
   */
  | { kind: 'focusTarget' }
  | { kind: 'reveal'; target: Pick<Finding, 'fieldKey' | 'start' | 'end'> }
  | { kind: 'applyFix'; finding: Finding; options: ApplyFixOptions }
  | { kind: 'replaceFieldText'; key: string; text: string }
  | { kind: 'snapshot' };

export type PanelRequestResult = InsertOutcome | boolean | PageSnapshot;

/** Panel → page. */
export type PanelToHost =
  | { type: 'ready' }
  | { type: 'request'; id: number; request: PanelRequest }
  /** The panel's size: the host sizes the frame and pushes the page aside. */
  | { type: 'layout'; width: number; collapsed: boolean; dragging?: boolean }
  /** Answer to a guard question from the host. */
  | { type: 'guard-reply'; id: number; blocking?: number; decision?: 'submit' | 'cancel'; version?: number }
  /** The blocking count for a snapshot, sent after each analysis: a clean, current verdict needs no hold. */
  | { type: 'verdict'; version: number; blocking: number }
  | { type: 'pong'; seq: number };

/** Page → panel. */
export type HostToPanel =
  | { type: 'hello'; handshake: Handshake }
  | { type: 'reply'; id: number; result: PanelRequestResult }
  | { type: 'snapshot'; snapshot: PageSnapshot }
  /** Open (or toggle) the panel: the toolbar button, the keyboard command or the slim tab was used. */
  | { type: 'show'; how: 'open' | 'toggle' }
  /** Go to the next (1) or previous (-1) problem: the browser shortcut (next-problem) was used in the page. */
  | { type: 'step'; direction: 1 | -1 }
  /** The submit guard holds a submit: count the blocking problems of this snapshot. */
  | { type: 'guard-check'; id: number; snapshot: PageSnapshot }
  /** Show the blocking problems with 返回修改 / 仍然提交 and answer with the user's choice. */
  | { type: 'guard-ask'; id: number }
  /** The held submit was decided elsewhere (superseded or timed out): close the dialog. */
  | { type: 'guard-cancel'; id: number }
  | { type: 'ping'; seq: number };

/** The first message on the window, from host to frame, carrying the port. */
export interface ConnectMessage {
  tianbaoConnect: string;
}

export function isConnectMessage(data: unknown, secret: string): data is ConnectMessage {
  return typeof data === 'object' && data !== null && (data as ConnectMessage).tianbaoConnect === secret;
}

/** 128 random bits, hex: the frame's secret. */
export function newSecret(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Is `value` a well-formed message of the given side? Only the `type` is checked; shapes are ours alone. */
export function hasType<T extends { type: string }>(value: unknown, types: ReadonlySet<string>): value is T {
  return typeof value === 'object' && value !== null && types.has((value as { type?: unknown }).type as string);
}

export const PANEL_TO_HOST_TYPES: ReadonlySet<string> = new Set(['ready', 'request', 'layout', 'guard-reply', 'verdict', 'pong']);
export const HOST_TO_PANEL_TYPES: ReadonlySet<string> = new Set([
  'hello',
  'reply',
  'snapshot',
  'show',
  'step',
  'guard-check',
  'guard-ask',
  'guard-cancel',
  'ping',
]);
