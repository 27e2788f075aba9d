// Mounts the panel into the page: a shadow root at the right edge, pushing the page aside, with the React
// UI inside. Runs only when the user opens the panel (toolbar, shortcut or the slim tab), never at page load.
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import panelCss from '@/components/panel/panel.css?inline';
import { startAgent, PANEL_HOST_TAG } from '../agent/agent';
import { keepFocusOnMouseDown } from '../dom/focus';
import { getSiteProfile, updateSiteProfile } from '../storage';
import { isEnableableOrigin, type Message, type SiteStatus } from '../messages';
import { createPanelStore, type PanelStore } from './store';
import { pushPage } from './page-push';
import { createDomBridge } from './dom-bridge';
import { loadLanguage } from './language';

function applyLayout(doc: Document, store: PanelStore): void {
  const { collapsed, width } = store.getState();
  pushPage(doc, collapsed ? 0 : width);
}

export async function mountPanel(win: Window = window): Promise<void> {
  if (win.top !== win || globalThis.__tianbaoPanel) return;
  const doc = win.document;
  const agent = startAgent(win);
  if (!agent) return;
  await loadLanguage();

  const origin = win.location.origin;
  const profile = await getSiteProfile(origin).catch(() => undefined);
  const store = createPanelStore(origin, { width: profile?.panelWidth, collapsed: false });
  const bridge = createDomBridge(win, agent.focus);

  const persistLayout = (layout: { width: number; collapsed: boolean }) => {
    updateSiteProfile(origin, { panelWidth: layout.width, panelCollapsed: layout.collapsed }).catch(() => {
      store.getState().setNotice({ messageId: 'panel.saveFailed', tone: 'error' });
    });
  };
  const actions: PanelActions = {
    enableSite() {
      if (!isEnableableOrigin(origin)) {
        store.getState().setNotice({ messageId: 'panel.cannotEnable', tone: 'error' });
        return;
      }
      const message: Message = { type: 'site:enable-request', origin };
      void browser.runtime.sendMessage(message);
      store.getState().setNotice({ messageId: 'panel.enableWindowOpened', tone: 'info' });
    },
    persistLayout,
  };

  const refreshSiteStatus = () => {
    const message: Message = { type: 'site:status', origin };
    browser.runtime
      .sendMessage(message)
      .then((status: SiteStatus | undefined) => store.getState().setSiteEnabled(status?.enabled === true))
      .catch(() => undefined);
  };
  refreshSiteStatus();
  // The enable-site window and the options page report back through storage: the profile flips.
  const onStorageChanged = (_changes: unknown, area: string) => {
    if (area === 'local') refreshSiteStatus();
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  const ctx = new ContentScriptContext('panel');
  const ui = await createShadowRootUi(ctx, {
    name: PANEL_HOST_TAG,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: panelCss,
    isolateEvents: true,
    onMount(container, shadow) {
      keepFocusOnMouseDown(shadow);
      const root = createRoot(container);
      root.render(<Panel store={store} bridge={bridge} actions={actions} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  agent.hideTab();
  applyLayout(doc, store);
  store.subscribe(() => applyLayout(doc, store));
  ctx.onInvalidated(() => {
    pushPage(doc, 0);
    browser.storage.onChanged.removeListener(onStorageChanged);
  });

  globalThis.__tianbaoPanel = {
    toggle() {
      const next = !store.getState().collapsed;
      store.getState().setCollapsed(next);
      persistLayout({ width: store.getState().width, collapsed: next });
    },
    open() {
      store.getState().setCollapsed(false);
      persistLayout({ width: store.getState().width, collapsed: false });
    },
  };
  persistLayout({ width: store.getState().width, collapsed: false });
}
