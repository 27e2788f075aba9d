// The panel page (panel.html): an extension page that the page side (lib/host) loads in a frame of the portal
// page. It waits for the one message that carries its private channel and the secret from its own URL
// fragment, then renders the React panel, reads and writes storage itself (as an extension page, under the
// extension's Web Locks), and runs every analysis here, off the portal's main thread.
//
// Anything else posted to this window is ignored: the portal's scripts can address the frame but they do
// not know the secret, and after the first port is accepted no further one is.
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import { keepFocusOnMouseDown } from '../dom/focus';
import {
  getManagedConfig,
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
import { blockingFindings } from '../guard/findings';
import { createDraftSource } from '../drafts/source';
import { startCopyGuard } from './copies';
import type { SiteSwitches } from '@/components/panel/SubmitGuardSwitches';
import { isEnableableOrigin, type Message, type SiteStatus } from '../messages';
import {
  HOST_TO_PANEL_TYPES,
  hasType,
  isConnectMessage,
  type Handshake,
  type HostToPanel,
  type PanelToHost,
} from '../protocol';
import { createPanelStore } from './store';
import { createRemoteBridge } from './remote-bridge';
import { loadLanguage } from './language';
import { setPageOrigin } from './page-origin';
import { t } from '../i18n';

const SECRET = /^[0-9a-f]{32}$/;
/** After the last snapshot, how long to wait before recomputing the verdict the guard's fast path uses. */
const VERDICT_DELAY_MS = 250;

/** Resolves with the channel the page side hands over with our secret; the first one only. */
function acceptPort(win: Window, secret: string): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win.parent || !isConnectMessage(event.data, secret) || !event.ports[0]) return;
      win.removeEventListener('message', onMessage);
      resolve(event.ports[0]);
    };
    win.addEventListener('message', onMessage);
  });
}

/**
 * Resolves with the page side's hello. Messages that come after it, while the panel is still loading its
 * settings (a guard question right after loading, above all), wait in `backlog` for the real handler.
 */
function waitForHello(port: MessagePort, backlog: MessageEvent[]): Promise<Handshake> {
  return new Promise((resolve) => {
    let greeted = false;
    port.onmessage = (event: MessageEvent) => {
      const message = event.data as unknown;
      if (greeted) {
        backlog.push(event);
        return;
      }
      if (hasType<HostToPanel>(message, HOST_TO_PANEL_TYPES) && message.type === 'hello') {
        greeted = true;
        resolve(message.handshake);
      }
    };
    port.start();
    const ready: PanelToHost = { type: 'ready' };
    port.postMessage(ready);
  });
}

/** Opened by itself (not in a portal's frame): say what this page is instead of showing an empty panel. */
async function renderStandalone(win: Window): Promise<void> {
  await loadLanguage();
  const root = win.document.getElementById('root');
  if (root) root.textContent = t('panel.standalone');
}

export async function startPanel(win: Window = window): Promise<void> {
  const secret = win.location.hash.slice(1);
  if (win.parent === win || !SECRET.test(secret)) return renderStandalone(win);
  // Only a frame whose secret the page side of this tab registered may connect: a portal that frames
  // panel.html itself, with an address it chose, is refused here and shows just the notice.
  // The port may arrive while the claim is on its way (the frame's load event does not wait for it): listen first.
  const offered = acceptPort(win, secret);
  const claim: Message = { type: 'panel:claim', secret };
  const claimed = await browser.runtime.sendMessage(claim).catch(() => false);
  if (claimed !== true) return renderStandalone(win);
  const port = await offered;
  const backlog: MessageEvent[] = [];
  const [handshake] = await Promise.all([waitForHello(port, backlog), loadLanguage()]);
  const send = (message: PanelToHost) => port.postMessage(message);

  const origin = handshake.origin;
  setPageOrigin(origin);
  const quiet = handshake.quiet;
  const profile = await getSiteProfile(origin).catch(() => undefined);
  const store = createPanelStore(origin, { width: profile?.panelWidth, collapsed: quiet ? profile?.panelCollapsed !== false : false });
  const bridge = createRemoteBridge((id, request) => send({ type: 'request', id, request }), handshake.snapshot);
  const guardStore = createGuardStore();

  // The site's report settings (rule switches, chosen template, field mapping, report period, user templates),
  // for the guard as for the 检查 tab, kept current when the options page or another tab changes them.
  let reportSettings: ReportSettings = {};
  const loadReportSettings = () =>
    Promise.all([getRuleSettings(), getSiteProfile(origin), listUserTemplates()])
      .then(([rules, site, templates]) => {
        reportSettings = siteReportSettings(site, { rules: ruleConfigFor(rules, origin), templates: toEngineTemplates(templates) });
        scheduleVerdict();
      })
      .catch(() => undefined);
  watchSettings(() => void loadReportSettings());
  watchSiteProfiles(() => void loadReportSettings());
  watchUserTemplates(() => void loadReportSettings());

  const guard = createPanelGuard({
    bridge,
    store: guardStore,
    settings: () => reportSettings,
    show: () => store.getState().setCollapsed(false),
  });

  // The verdict on the form as last sent: with nothing blocking, the page side lets a submit go unheld.
  let verdictTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleVerdict() {
    clearTimeout(verdictTimer);
    verdictTimer = setTimeout(() => {
      const snapshot = bridge.snapshot();
      let blocking = 1;
      try {
        blocking = blockingFindings({ fields: snapshot.fields, pageTitle: snapshot.pageTitle, settings: reportSettings }).length;
      } catch {
        blocking = 1;
      }
      send({ type: 'verdict', version: snapshot.version, blocking });
    }, VERDICT_DELAY_MS);
  }

  const asking = new Set<number>();
  const onMessage = (event: MessageEvent) => {
    const message = event.data as unknown;
    if (!hasType<HostToPanel>(message, HOST_TO_PANEL_TYPES)) return;
    switch (message.type) {
      case 'reply':
        bridge.settle(message.id, message.result);
        break;
      case 'snapshot':
        bridge.update(message.snapshot);
        scheduleVerdict();
        break;
      case 'show':
        if (message.how === 'open' || store.getState().collapsed) setCollapsed(false);
        else setCollapsed(true);
        break;
      case 'step':
        if (store.getState().collapsed) setCollapsed(false);
        store.getState().requestStep(message.direction === -1 ? -1 : 1, 'page');
        break;
      case 'guard-check': {
        bridge.update(message.snapshot);
        let blocking = 1;
        try {
          blocking = guard.check({ fields: message.snapshot.fields, pageTitle: message.snapshot.pageTitle }).blocking;
        } catch {
          // The checks failed: the page side lets the submit go when it has no count.
          send({ type: 'guard-reply', id: message.id });
          break;
        }
        send({ type: 'guard-reply', id: message.id, blocking, version: message.snapshot.version });
        break;
      }
      case 'guard-ask': {
        const id = message.id;
        asking.add(id);
        guard.ask().then(
          (decision) => {
            if (asking.delete(id)) send({ type: 'guard-reply', id, decision });
          },
          () => {
            if (asking.delete(id)) send({ type: 'guard-reply', id, decision: 'submit' });
          },
        );
        break;
      }
      case 'guard-cancel':
        if (asking.delete(message.id)) guard.cancel();
        break;
      case 'ping':
        send({ type: 'pong', seq: message.seq });
        break;
      case 'hello':
        break;
    }
  };
  port.onmessage = onMessage;

  const drafts = createDraftSource({ origin, pageUrl: () => bridge.snapshot().url });
  // 上期重复率/范文相似度 over the site's threshold: a warning the guard lists (issue 13).
  startCopyGuard(origin, () => bridge.snapshot().url);
  const switches: SiteSwitches = {
    async load() {
      const [site, settings, unit] = await Promise.all([getSiteProfile(origin), getSettings(), getManagedConfig()]);
      const flags = resolveSiteFlags(site, settings);
      return { submitGuard: flags.submitGuard, draftAutosave: flags.draftAutosave, guardLocked: unit?.locks.submitGuard === true };
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
  function setCollapsed(next: boolean) {
    store.getState().setCollapsed(next);
    persistLayout({ width: store.getState().width, collapsed: next });
  }
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
  watchSiteProfiles(refreshSiteStatus);

  // The frame's size follows the panel's: the page side sizes the frame and pushes the page aside.
  let sentLayout = '';
  const sendLayout = () => {
    const { width, collapsed, dragging } = store.getState();
    const key = `${width}:${collapsed}:${dragging}`;
    if (key === sentLayout) return;
    sentLayout = key;
    send({ type: 'layout', width, collapsed, dragging });
  };
  store.subscribe(sendLayout);
  sendLayout();

  const container = win.document.getElementById('root') ?? win.document.body.appendChild(win.document.createElement('div'));
  keepFocusOnMouseDown(win.document.documentElement);
  const root = createRoot(container);
  const render = () =>
    root.render(
      <Panel store={store} bridge={bridge} actions={actions} guard={guardStore} drafts={drafts} switches={switches} />,
    );
  render();
  // A language chosen in the options page applies at once: the same tree rendered again, state kept.
  watchSettings(() => {
    void loadLanguage().then(render);
  });
  // The site's rule switches first: a guard question waiting in the backlog is answered as the 检查 tab would.
  await loadReportSettings();
  for (const event of backlog.splice(0)) onMessage(event);
  if (!quiet) persistLayout({ width: store.getState().width, collapsed: false });
}
