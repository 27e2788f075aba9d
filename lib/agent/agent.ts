// The agent: the one script that runs at page load on an enabled site (and is injected first when the
// toolbar button is used). It must stay small and cheap — no React, no engine — because it runs on every
// visit: it remembers which page field was focused last (so the panel can insert at its caret later) and,
// on an enabled site, shows the slim 填报助手 tab until the panel itself is loaded.
import { browser } from 'wxt/browser';
import { createFocusTracker, type FocusTracker } from '../dom/focus';
import type { Message } from '../messages';
import { resolveLanguage, type Language } from '../i18n/language';

export interface Agent {
  focus: FocusTracker;
  /** The panel calls this when it mounts: it draws its own tab from then on. */
  hideTab(): void;
}

declare global {
  // eslint-disable-next-line no-var
  var __tianbaoAgent: Agent | undefined;
  // eslint-disable-next-line no-var
  var __tianbaoPanel: { toggle(): void; open(): void } | undefined;
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
}

async function readStartState(origin: string): Promise<{ layout?: SiteLayout; language: Language }> {
  const stored = await browser.storage.local.get([SITE_PROFILES_KEY, SETTINGS_KEY]);
  const profiles = stored[SITE_PROFILES_KEY] as Record<string, SiteLayout> | undefined;
  const settings = stored[SETTINGS_KEY] as { language?: 'auto' | Language } | undefined;
  const language = resolveLanguage(settings?.language ?? 'auto', browser.i18n.getUILanguage());
  const has = profiles && typeof profiles === 'object' && Object.prototype.hasOwnProperty.call(profiles, origin);
  return { layout: has ? profiles[origin] : undefined, language };
}
const TAB_HOST_TAG = 'tianbao-tab';

const TAB_CSS = `
:host { all: initial; }
button {
  position: fixed; top: 40%; right: 0; z-index: 2147483646;
  writing-mode: vertical-rl; letter-spacing: 2px;
  font: 600 13px/1 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  padding: 12px 6px; border: 1px solid #c9302c; border-right: none; border-radius: 6px 0 0 6px;
  background: #c9302c; color: #fff; cursor: pointer; box-shadow: -2px 2px 8px rgba(0,0,0,.15);
}
button:hover, button:focus-visible { background: #a82824; outline: none; }
`;

function showTab(doc: Document, language: Language): () => void {
  const host = doc.createElement(TAB_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = TAB_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = TAB_TEXT[language].label;
  button.title = TAB_TEXT[language].title;
  // Keep the page field's caret: a mousedown on the tab must not move focus.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => {
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
  const focus = createFocusTracker(win, {
    ignore: (element) => {
      const root = element.getRootNode();
      return root instanceof ShadowRoot && (root.host.localName === PANEL_HOST_TAG || root.host.localName === TAB_HOST_TAG);
    },
  });
  const agent: Agent = {
    focus,
    hideTab() {
      removeTab?.();
      removeTab = undefined;
    },
  };
  globalThis.__tianbaoAgent = agent;

  // On an enabled site: reopen the panel if the user left it open, otherwise show the slim tab.
  void readStartState(win.location.origin)
    .then(({ layout, language }) => {
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
