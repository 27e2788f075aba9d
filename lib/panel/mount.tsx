// Mounts the panel into the page: a shadow root at the right edge, pushing the page aside, with the React
// UI inside. Runs only when the user opens the panel (toolbar, shortcut or the slim tab), never at page load.
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import panelCss from '@/components/panel/panel.css?inline';
import { startAgent, PANEL_HOST_TAG, SITE_PROFILES_KEY } from '../agent/agent';
import { keepFocusOnMouseDown } from '../dom/focus';
import {
  getRuleSettings,
  getSettings,
  getSiteProfile,
  listUserTemplates,
  resolveSiteFlags,
  updateSiteProfile,
  watchSettings,
  watchSiteProfiles,
  watchUserTemplates,
} from '../storage';
import { ruleConfigFor } from '../core/rules/settings';
import { siteReportSettings, type ReportSettings } from './report';
import { toEngineTemplates } from './user-templates';
import { createGuardStore, createPanelGuard } from '../guard/panel-guard';
import { createDraftSource } from '../drafts/source';
import type { SiteSwitches } from '@/components/panel/SubmitGuardSwitches';
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

  // Loaded by the submit guard rather than by the user: come up as the user left the panel, and open only
  // when there are findings to show.
  const quiet = agent.quietMount === true;
  agent.quietMount = false;

  const origin = win.location.origin;
  const profile = await getSiteProfile(origin).catch(() => undefined);
  const store = createPanelStore(origin, { width: profile?.panelWidth, collapsed: quiet ? profile?.panelCollapsed !== false : false });
  const bridge = createDomBridge(win, agent.focus);
  const guardStore = createGuardStore();
  // The site's report settings (rule switches, chosen template, field mapping, report period, user templates), for the guard
  // as for the 检查 tab, kept current when the options page or another tab changes them.
  let reportSettings: ReportSettings = {};
  const loadReportSettings = () =>
    Promise.all([getRuleSettings(), getSiteProfile(origin), listUserTemplates()])
      .then(([rules, site, templates]) => {
        reportSettings = siteReportSettings(site, { rules: ruleConfigFor(rules, origin), templates: toEngineTemplates(templates) });
      })
      .catch(() => undefined);
  void loadReportSettings();
  const stopRuleWatch = watchSettings(() => void loadReportSettings());
  const stopProfileWatch = watchSiteProfiles(() => void loadReportSettings());
  const stopTemplateWatch = watchUserTemplates(() => void loadReportSettings());
  const guard = createPanelGuard({
    bridge,
    store: guardStore,
    settings: () => reportSettings,
    show: () => store.getState().setCollapsed(false),
  });
  const drafts = createDraftSource(win);
  const switches: SiteSwitches = {
    async load() {
      const [site, settings] = await Promise.all([getSiteProfile(origin), getSettings()]);
      const flags = resolveSiteFlags(site, settings);
      return { submitGuard: flags.submitGuard, draftAutosave: flags.draftAutosave };
    },
    async set(patch) {
      await updateSiteProfile(origin, patch);
    },
  };

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
  // Only site profile changes can flip it; drafts are saved every second while the user types.
  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SITE_PROFILES_KEY in changes) refreshSiteStatus();
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
      root.render(<Panel store={store} bridge={bridge} actions={actions} guard={guardStore} drafts={drafts} switches={switches} />);
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
    stopRuleWatch();
    stopProfileWatch();
    stopTemplateWatch();
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
    guard,
  };
  if (!quiet) persistLayout({ width: store.getState().width, collapsed: false });
}
