import { browser, type Browser } from 'wxt/browser';
import { claimPanelSecret, registerPanelSecret, showPanel } from '@/lib/background/panel';
import { markPageSubmitted, pruneOldDrafts, removeDrafts, saveDrafts, senderOrigin, settleDraft } from '@/lib/background/drafts';
import { enableSite, isSiteActive, resyncRegistration, revokeSite } from '@/lib/background/sites';
import { isEnableableOrigin, isMessage, type Message } from '@/lib/messages';
import { getManagedConfig } from '@/lib/storage/managed';

export default defineBackground(() => {
  // The toolbar button and the keyboard command (_execute_action) both arrive here, with activeTab granted.
  const onToolbarClick = async (tab: Browser.tabs.Tab) => {
    if (tab.id == null) return;
    try {
      await showPanel(tab.id, 'toggle');
      await browser.action.setBadgeText({ tabId: tab.id, text: '' });
    } catch {
      // Browser pages (chrome://, the web store, PDF viewers) refuse scripts: say so on the button itself.
      await browser.action.setBadgeText({ tabId: tab.id, text: '!' });
      await browser.action.setTitle({ tabId: tab.id, title: browser.i18n.getMessage('actionUnavailable') });
    }
  };
  browser.action.onClicked.addListener(onToolbarClick);
  // 下一个问题 (Alt+Shift+N): the panel opens at 检查, goes to the next finding and shows it in the page. A
  // command grants activeTab like the toolbar button does.
  const onNextProblem = async (tab: Browser.tabs.Tab) => {
    if (tab.id == null) return;
    try {
      await showPanel(tab.id, 'next');
    } catch {
      await browser.action.setBadgeText({ tabId: tab.id, text: '!' });
      await browser.action.setTitle({ tabId: tab.id, title: browser.i18n.getMessage('actionUnavailable') });
    }
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-problem' && tab) void onNextProblem(tab);
  });
  // The end-to-end suite calls this handler too (no keyboard reaches a headless browser's commands).
  (globalThis as { tianbaoNextProblem?: typeof onNextProblem }).tianbaoNextProblem = onNextProblem;
  // The end-to-end suite calls this exact handler, since a headless browser has no toolbar to click.
  (globalThis as { tianbaoToolbarClick?: typeof onToolbarClick }).tianbaoToolbarClick = onToolbarClick;

  // The extension's own pages (the panel page in a portal's frame, the options page, the enable-site window).
  // Only they may ask for the permission window, revoke a site or act on drafts of a portal they name: a
  // content script lives in a page whose scripts can drive its DOM, so what it asks for is limited to its own
  // page's origin.
  const ownPagePrefix = browser.runtime.getURL('/');
  const fromOwnPage = (sender: Browser.runtime.MessageSender) =>
    sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(ownPagePrefix);

  const handle = async (message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> => {
    switch (message.type) {
      case 'panel:open':
      case 'panel:toggle':
        if (sender.tab?.id == null) return false;
        await showPanel(sender.tab.id, message.type === 'panel:open' ? 'open' : 'toggle');
        return true;
      case 'panel:load':
        if (sender.tab?.id == null) return false;
        await showPanel(sender.tab.id, 'load');
        return true;
      case 'panel:register':
        // From the content script of a tab's top frame, never from an extension page.
        if (sender.tab?.id == null || sender.frameId !== 0 || fromOwnPage(sender)) return false;
        return registerPanelSecret(sender.tab.id, message.secret);
      case 'panel:claim':
        if (sender.tab?.id == null || !fromOwnPage(sender) || !sender.url?.startsWith(browser.runtime.getURL('/panel.html'))) return false;
        return claimPanelSecret(sender.tab.id, message.secret);
      case 'draft:save':
      case 'draft:submitted':
      case 'draft:delete':
      case 'draft:settle': {
        // Filed under the page's own origin for content scripts; the panel page names the portal it serves.
        const named = 'origin' in message && typeof message.origin === 'string' ? message.origin : undefined;
        const origin = fromOwnPage(sender)
          ? named !== undefined && isEnableableOrigin(named) && (message.type === 'draft:delete' || message.type === 'draft:settle')
            ? named
            : undefined
          : sender.tab
            ? senderOrigin(sender.url)
            : undefined;
        if (!origin) return false;
        if (message.type === 'draft:save') return saveDrafts(origin, message.pageUrl, message.entries, Date.now(), message.since);
        if (message.type === 'draft:settle') return settleDraft(origin, message.fieldKey, message.how);
        if (message.type === 'draft:submitted') return markPageSubmitted(origin, message.pageUrl);
        return removeDrafts(origin, message.fieldKeys);
      }
      case 'site:enable-request': {
        if (!fromOwnPage(sender) || !isEnableableOrigin(message.origin)) return false;
        const url = browser.runtime.getURL(`/enable-site.html?origin=${encodeURIComponent(message.origin)}`);
        await browser.windows.create({ url, type: 'popup', width: 480, height: 360 });
        return true;
      }
      case 'site:enabled':
        if (!fromOwnPage(sender)) return false;
        return enableSite(message.origin);
      case 'site:revoke':
        if (!fromOwnPage(sender)) return false;
        await revokeSite(message.origin);
        return true;
      case 'site:status':
        return { enabled: await isSiteActive(message.origin) };
      case 'managed:guard-locked':
        return (await getManagedConfig())?.locks.submitGuard === true;
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message)) return false;
    handle(message, sender).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  });

  const resync = () => {
    resyncRegistration().catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener((details) => {
    resync();
    // A first installation opens the options page at its 使用说明 (what Tianbao does, how to open and pin it,
    // where the text stays); updates open nothing.
    if (details.reason === 'install') {
      browser.tabs.create({ url: browser.runtime.getURL('/options.html?installed=1#welcome') }).catch(() => undefined);
    }
  });
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  // Drafts past Settings.draftRetentionDays go whenever the background starts (browser start, install, and
  // each time the service worker wakes).
  pruneOldDrafts().catch(() => undefined);
});
