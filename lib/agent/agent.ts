// The agent: the one script that runs at page load on an enabled site (and is injected first when the
// toolbar button is used). It must stay small and cheap — no React, no engine — because it runs on every
// visit: it remembers which page field was focused last (so the panel can insert at its caret later) and,
// on an enabled site, shows the slim 填报助手 tab until the panel itself is loaded.
//
// On an enabled site it also holds the page's submit until the panel's checks have had their say (the submit
// guard, lib/guard/intercept.ts) and autosaves drafts (lib/drafts/capture.ts); both are switched per site
// (SiteProfile.submitGuard / draftAutosave, null = the global setting) and follow changes at once.
import { browser } from 'wxt/browser';
import { createFocusTracker, type FocusTracker } from '../dom/focus';
import type { DraftMessageEntry, Message } from '../messages';
import { resolveLanguage, type Language } from '../i18n/language';
import { startIntercept, type PanelGuard } from '../guard/intercept';
import { startDraftCapture } from '../drafts/capture';

export interface Agent {
  focus: FocusTracker;
  /** The panel calls this when it mounts: it draws its own tab from then on. */
  hideTab(): void;
  /** The panel was opened on this page: the submit guard runs here from now on (siteState). */
  panelOpened(): void;
  /**
   * Set by the submit guard before it asks for the panel: the panel then mounts in the state the user left it
   * (collapsed or not) instead of opening, and opens only if it has findings to show. The panel resets it.
   */
  quietMount?: boolean;
}

export interface PanelHandle {
  toggle(): void;
  open(): void;
  /** Opens the panel at 检查 and goes to the next (1) or previous (-1) finding, revealing it in the page. */
  step?(direction: 1 | -1): void;
  /** The submit guard's link to the panel (lib/host/host.ts). */
  guard?: PanelGuard;
}

declare global {
  // eslint-disable-next-line no-var
  var __tianbaoAgent: Agent | undefined;
  // eslint-disable-next-line no-var
  var __tianbaoPanel: PanelHandle | undefined;
}

export const PANEL_HOST_TAG = 'tianbao-panel';

/**
 * The storage.local key of the site profiles item (lib/storage/items.ts). The agent peeks at it directly
 * instead of importing lib/storage, whose schemas and starter snippets would multiply the size of the script
 * every enabled page loads; tests/panel/agent.test.ts keeps the two in step.
 */
export const SITE_PROFILES_KEY = 'siteProfiles';

/** The settings item's key (lib/storage/items.ts), read for the interface language only. */
export const SETTINGS_KEY = 'settings';

/** The tab's two strings; the panel's full catalogs load with the panel. */
const TAB_TEXT: Record<Language, { label: string; title: string }> = {
  zh_CN: { label: '填报助手', title: '打开填报助手侧栏' },
  en: { label: 'Tianbao', title: 'Open the Tianbao side panel' },
};

interface SiteLayout {
  enabled?: boolean;
  panelCollapsed?: boolean;
  submitGuard?: boolean | null;
  draftAutosave?: boolean | null;
}

interface StoredSettings {
  language?: 'auto' | Language;
  submitGuard?: boolean;
  draftAutosave?: boolean;
}

/** What the agent does on this site; the same rule as lib/storage resolveSiteFlags (tests/panel/agent.test.ts). */
export interface SiteState {
  enabled: boolean;
  submitGuard: boolean;
  draftAutosave: boolean;
}

function siteOf(profiles: unknown, origin: string): SiteLayout | undefined {
  if (!profiles || typeof profiles !== 'object' || !Object.prototype.hasOwnProperty.call(profiles, origin)) return undefined;
  return (profiles as Record<string, SiteLayout>)[origin];
}

/**
 * `panelOpened`: the user opened the panel on this page (toolbar, shortcut, tab). The submit guard then runs for
 * the page's life on any site, enabled or not, unless switched off for the site or globally: a user who sees
 * blocking problems in the panel expects 提交 to stop at them. Drafts stay with enabled sites (they start at
 * page load, and the agent is registered only there).
 */
export function siteState(layout: SiteLayout | undefined, settings: StoredSettings | undefined, panelOpened = false): SiteState {
  const enabled = layout?.enabled === true;
  return {
    enabled,
    submitGuard: (enabled || panelOpened) && (layout?.submitGuard ?? settings?.submitGuard ?? true) === true,
    draftAutosave: enabled && (layout?.draftAutosave ?? settings?.draftAutosave ?? true) === true,
  };
}

async function readStartState(origin: string): Promise<{ layout?: SiteLayout; settings?: StoredSettings; language: Language }> {
  const stored = await browser.storage.local.get([SITE_PROFILES_KEY, SETTINGS_KEY]);
  const settings = stored[SETTINGS_KEY] as StoredSettings | undefined;
  const language = resolveLanguage(settings?.language ?? 'auto', browser.i18n.getUILanguage());
  return { layout: siteOf(stored[SITE_PROFILES_KEY], origin), settings, language };
}
const TAB_HOST_TAG = 'tianbao-tab';

const TAB_CSS = `
:host { all: initial !important; position: fixed !important; top: 40% !important; right: 0 !important; z-index: 2147483646 !important; display: block !important; }
button {
  writing-mode: vertical-rl; letter-spacing: 2px;
  font: 600 13px/1 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  padding: 12px 6px; border: 1px solid #c9302c; border-right: none; border-radius: 6px 0 0 6px;
  background: #c9302c; color: #fff; cursor: pointer; box-shadow: -2px 2px 8px rgba(0,0,0,.15);
}
button:hover, button:focus-visible { background: #a82824; outline: none; }
`;

function showTab(doc: Document, language: Language): () => void {
  const host = doc.createElement(TAB_HOST_TAG);
  // Closed: the page cannot reach the button (or fake a click on it through the shadow root).
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = TAB_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = TAB_TEXT[language].label;
  button.title = TAB_TEXT[language].title;
  // Keep the page field's caret: a mousedown on the tab must not move focus.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    // Only the user's own click opens the panel; a page script's synthetic click does nothing.
    if (!event.isTrusted) return;
    const message: Message = { type: 'panel:open' };
    void browser.runtime.sendMessage(message);
  });
  shadow.append(style, button);
  doc.documentElement.append(host);
  return () => host.remove();
}

export function startAgent(win: Window = window): Agent | undefined {
  if (win.top !== win) return undefined;
  if (globalThis.__tianbaoAgent) return globalThis.__tianbaoAgent;
  const doc = win.document;
  let removeTab: (() => void) | undefined;
  // Focus inside the panel's frame or on the tab shows up, at the page's level, on their hosts.
  const ours = (element: Element) => element.localName === PANEL_HOST_TAG || element.localName === TAB_HOST_TAG;
  const focus = createFocusTracker(win, {
    ignore: (element) => {
      if (ours(element)) return true;
      const root = element.getRootNode();
      return root instanceof ShadowRoot && ours(root.host);
    },
  });
  let opened = false;
  const agent: Agent = {
    focus,
    hideTab() {
      removeTab?.();
      removeTab = undefined;
    },
    panelOpened() {
      opened = true;
      state = siteState(layout, settings, opened);
    },
  };
  globalThis.__tianbaoAgent = agent;

  const origin = win.location.origin;
  let state: SiteState = { enabled: false, submitGuard: false, draftAutosave: false };
  let layout: SiteLayout | undefined;
  let settings: StoredSettings | undefined;
  const send = (message: Message) => browser.runtime.sendMessage(message);
  const ignore = (element: Element) => {
    if (element.localName.startsWith('tianbao-')) return true;
    const root = element.getRootNode();
    return root instanceof ShadowRoot && root.host.localName.startsWith('tianbao-');
  };

  // Registered before the draft capture's listeners, so that capture sees only submits the guard let through.
  startIntercept({
    win,
    // The unit's lock (单位统一配置) keeps the guard on wherever it runs, whatever the site's own switch says.
    enabled: () => state.submitGuard || (guardLocked && (state.enabled || opened)),
    current: () => globalThis.__tianbaoPanel?.guard,
    async load(deadline) {
      agent.quietMount = true;
      await send({ type: 'panel:load' });
      while (Date.now() < deadline) {
        const guard = globalThis.__tianbaoPanel?.guard;
        if (guard) return guard;
        await new Promise((resolve) => win.setTimeout(resolve, 40));
      }
      return undefined;
    },
  });
  startDraftCapture({
    win,
    focus,
    enabled: () => state.draftAutosave,
    ignore,
    save(entries: DraftMessageEntry[], pageUrl: string, since: number) {
      void send({ type: 'draft:save', pageUrl, entries, since }).catch(() => undefined);
    },
    submitted(pageUrl: string) {
      void send({ type: 'draft:submitted', pageUrl }).catch(() => undefined);
    },
  });
  // Whether the unit's configuration locks the guard on: the background checks the policy whole (lib/storage/managed.ts).
  let guardLocked = false;
  const readGuardLock = () =>
    void send({ type: 'managed:guard-locked' }).then(
      (locked: unknown) => (guardLocked = locked === true),
      () => undefined,
    );
  readGuardLock();
  // The switches take effect at once: the panel, the options page or another tab may flip them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') readGuardLock();
    if (area !== 'local') return;
    if (changes[SITE_PROFILES_KEY]) layout = siteOf(changes[SITE_PROFILES_KEY].newValue, origin);
    if (changes[SETTINGS_KEY]) settings = changes[SETTINGS_KEY].newValue as StoredSettings | undefined;
    if (changes[SITE_PROFILES_KEY] || changes[SETTINGS_KEY]) state = siteState(layout, settings, opened);
  });

  // On an enabled site: reopen the panel if the user left it open, otherwise show the slim tab.
  void readStartState(origin)
    .then((start) => {
      layout = start.layout;
      settings = start.settings;
      state = siteState(layout, settings, opened);
      const language = start.language;
      if (!layout?.enabled || globalThis.__tianbaoPanel) return;
      if (layout.panelCollapsed === false) {
        const message: Message = { type: 'panel:open' };
        void browser.runtime.sendMessage(message);
      } else {
        removeTab = showTab(doc, language);
      }
    })
    .catch(() => undefined);
  return agent;
}
