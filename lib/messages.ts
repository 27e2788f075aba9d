// Messages between the content scripts (agent, panel), extension pages and the background. One union, so
// that every sender and receiver is type-checked against the same shapes.

export type Message =
  /** The agent's slim tab or the panel asks the background to open / close / toggle the panel on this tab. */
  | { type: 'panel:open' }
  | { type: 'panel:toggle' }
  /** The submit guard needs the panel's checks: load the panel if it is not there, without opening it. */
  | { type: 'panel:load' }
  /**
   * The page side is about to load the panel's frame with this secret in its address (top frame content
   * scripts only). The panel page claims it before it connects: a panel.html that the portal frames itself,
   * with an address of the portal's choosing, finds nothing to claim and stays inert (lib/protocol.ts).
   */
  | { type: 'panel:register'; secret: string }
  /** The panel page claims its secret (once); true when the page side of its own tab registered it. */
  | { type: 'panel:claim'; secret: string }
  /**
   * The agent's draft autosave (the background is the one writer of the drafts item; origin = the sender's).
   * `since`: when the page was loaded, so the writer can keep the text from before that load (Draft.earlier).
   * Replies with a DraftSaveResult.
   */
  | { type: 'draft:save'; pageUrl: string; entries: DraftMessageEntry[]; since?: number }
  /**
   * The page's form was submitted and the page left (lib/drafts/capture.ts): its drafts are marked submitted,
   * not deleted (issue 9 item 3). Replies with the number marked.
   */
  | { type: 'draft:submitted'; pageUrl: string }
  /**
   * The panel's 忽略/删除 on drafts. `origin`: the portal the panel serves, taken only from the extension's own
   * pages (the panel page); from a content script the sender's origin is used.
   */
  | { type: 'draft:delete'; fieldKeys: string[]; origin?: string }
  /** The panel restored (or discarded) a draft's text from before the page load (lib/storage settleEarlierDraft). */
  | { type: 'draft:settle'; fieldKey: string; how: 'restored' | 'discarded'; origin?: string }
  /** The panel asks the background to start 「在此网站始终启用」 for the page's origin. */
  | { type: 'site:enable-request'; origin: string }
  /** The enable-site page (extension origin) reports a granted permission; background registers the agent. */
  | { type: 'site:enabled'; origin: string }
  /** The options page revokes a site. */
  | { type: 'site:revoke'; origin: string }
  /** Is the agent registered for this origin? */
  | { type: 'site:status'; origin: string }
  /** Does the unit's configuration (checked whole, lib/storage/managed.ts) lock the submit guard on? Replies a boolean. */
  | { type: 'managed:guard-locked' };

export interface DraftMessageEntry {
  fieldKey: string;
  fieldLabel: string;
  text: string;
}

/**
 * The background's reply to `draft:save`: each entry is saved or refused on its own. Refused fields keep their
 * older draft and carry an `unsaved` note the panel shows (lib/storage/drafts.ts DRAFT_BUDGET).
 */
export interface DraftSaveResult {
  saved: number;
  /** Field keys whose text is over the per-field cap. */
  tooLong: string[];
  /** Field keys refused because the site's drafts are full. */
  siteFull: string[];
  /** Entries that were not a field key and text. */
  invalid: number;
}

export interface SiteStatus {
  enabled: boolean;
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * The match pattern asked for and registered for a site: `https://example.gov.cn` → `https://example.gov.cn/*`.
 * Chromium honours a port in a pattern (`http://10.1.2.3:8080/*` matches that port only). Firefox does not:
 * a pattern with a port matches nothing, so the permission would be granted and the agent registered but never
 * loaded on an intranet portal at :8080. There the pattern names the host alone (every port of it); the agent
 * still acts only on the exact origin the user enabled, since it reads that origin's own site profile.
 */
export function originPattern(origin: string, browserName: string = import.meta.env.BROWSER): string {
  const url = new URL(origin);
  return browserName === 'firefox' ? `${url.protocol}//${url.hostname}/*` : `${url.origin}/*`;
}

/** Only http(s) pages can be enabled; about:, file:, chrome: and extension pages cannot. */
export function isEnableableOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}
