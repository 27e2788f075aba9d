import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { t } from '@/lib/i18n';
import type { PanelStore, PanelTab } from '@/lib/panel/store';
import type { PageBridge } from '@/lib/panel/bridge';
import { ResizeHandle } from './ResizeHandle';
import { usePageAnalysis } from './usePageAnalysis';
import { FieldsView } from './FieldsView';
import { ChecksView } from './ChecksView';
import { StructureView } from './StructureView';
import { SnippetsView } from './SnippetsView';
import { SubmitGuard } from './SubmitGuard';
import { SubmitGuardSwitches, type SiteSwitches } from './SubmitGuardSwitches';
import { DraftRestore } from './DraftRestore';
import { Readiness } from './Readiness';
import { UndoBar } from './UndoBar';
import { SplitOffer } from './SplitOffer';
import { CopiesSection, ReportHistoryBar } from './ReportHistoryBar';
import type { PanelChange } from '@/lib/panel/undo';
import type { GuardStore } from '@/lib/guard/panel-guard';
import type { DraftSource } from '@/lib/drafts/source';

export interface PanelActions {
  /** 「在此网站始终启用」: opens the permission window. */
  enableSite(): void;
  /** Called when width or collapsed state settle, to remember them for this site. */
  persistLayout(layout: { width: number; collapsed: boolean }): void;
}

export interface PanelProps {
  store: PanelStore;
  bridge: PageBridge;
  actions: PanelActions;
  /** The submit guard's dialog state (lib/guard/panel-guard.ts). */
  guard?: GuardStore;
  /** The site's drafts, offered back for restore. */
  drafts?: DraftSource;
  /** Per-site switches of the submit guard and draft autosave. */
  switches?: SiteSwitches;
}

const TABS: PanelTab[] = ['structure', 'checks', 'snippets', 'fields'];

export function Panel({ store, bridge, actions, guard, drafts, switches }: PanelProps) {
  const { width, collapsed, tab, siteEnabled, notice, origin, stepRequest } = useStore(
    store,
    useShallow((s) => ({
      stepRequest: s.stepRequest,
      width: s.width,
      collapsed: s.collapsed,
      tab: s.tab,
      siteEnabled: s.siteEnabled,
      notice: s.notice,
      origin: s.origin,
    })),
  );
  const [dragWidth, setDragWidth] = useState<number | undefined>(undefined);
  const analysis = usePageAnalysis(bridge, !collapsed);

  // F8 / Shift+F8 anywhere in the panel: the next / previous problem in 检查 (the browser shortcut next-problem,
  // Alt+Shift+N, does the same from the page).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8' || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      store.getState().requestStep(event.shiftKey ? -1 : 1, 'panel');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  const setCollapsed = (next: boolean) => {
    store.getState().setCollapsed(next);
    actions.persistLayout({ width: store.getState().width, collapsed: next });
  };

  if (collapsed) {
    return (
      <button type="button" className="tb-tab" title={t('panel.expandTitle')} onClick={() => setCollapsed(false)}>
        {t('panel.name')}
        {analysis.blocking > 0 && <span className="tb-tab-count">{analysis.blocking}</span>}
      </button>
    );
  }

  // The last change a tab made to the page, which the bar below the readiness figure offers to take back.
  const record = (change: PanelChange) => store.getState().setLastChange(change);
  let view: ReactNode;
  if (tab === 'fields') view = <FieldsView analysis={analysis} />;
  else if (tab === 'checks') {
    view = (
      <ChecksView
        analysis={analysis}
        bridge={bridge}
        record={record}
        step={stepRequest}
        onStepTaken={() => store.getState().clearStepRequest()}
      />
    );
  }
  else if (tab === 'snippets') view = <SnippetsView bridge={bridge} origin={origin} />;
  else view = <StructureView analysis={analysis} bridge={bridge} record={record} />;

  const shownWidth = dragWidth ?? width;
  return (
    <aside className="tb-panel" style={{ width: shownWidth }} aria-label={t('panel.name')} data-testid="tianbao-panel">
      <ResizeHandle
        width={shownWidth}
        onDrag={(dragging) => store.getState().setDragging(dragging)}
        onResize={(next) => {
          setDragWidth(next);
          store.getState().setWidth(next);
        }}
        onResizeEnd={(next) => {
          setDragWidth(undefined);
          store.getState().setWidth(next);
          actions.persistLayout({ width: store.getState().width, collapsed: false });
        }}
      />
      <header className="tb-header">
        <span className="tb-title">{t('panel.name')}</span>
        <span className="tb-local" title={t('panel.localOnlyTitle')}>
          {t('panel.localOnly')}
        </span>
        <button type="button" className="tb-icon" aria-label={t('panel.collapse')} title={t('panel.collapse')} onClick={() => setCollapsed(true)}>
          ⟩
        </button>
      </header>
      <nav className="tb-tabs" role="tablist" aria-label={t('panel.tabsLabel')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tb-tabbtn tb-active' : 'tb-tabbtn'}
            onClick={() => store.getState().setTab(id)}
          >
            {t(`panel.tab.${id}`)}
            {/* 需修改: the figure the collapsed tab and the guard show too (suggestions are counted in the tab). */}
            {id === 'checks' && analysis.blocking > 0 && <span className="tb-badge">{analysis.blocking}</span>}
          </button>
        ))}
      </nav>
      {guard && <SubmitGuard store={guard} />}
      {drafts && <DraftRestore bridge={bridge} source={drafts} />}
      {/* 已打开授权窗口… has served its purpose once the site is enabled. */}
      {notice && !(siteEnabled && notice.messageId === 'panel.enableWindowOpened') && (
        <div className={`tb-notice tb-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {t(notice.messageId, notice.params)}
          <button type="button" className="tb-link" onClick={() => store.getState().setNotice(undefined)}>
            {t('panel.dismiss')}
          </button>
        </div>
      )}
      {/* Above the tab's content, on every tab: whether the report can go in, and what is still missing. */}
      <Readiness analysis={analysis} bridge={bridge} showStructure={() => store.getState().setTab('structure')} />
      <UndoBar store={store} bridge={bridge} />
      {/* On every tab: a report pasted whole into one field is offered to be split into the form's own fields. */}
      <SplitOffer analysis={analysis} bridge={bridge} record={record} />
      {/* 从上期报告开始 on an empty form, 标记为已提交 on a filled one (issue 13). */}
      <ReportHistoryBar analysis={analysis} bridge={bridge} record={record} {...(drafts ? { pageUrl: drafts.pageUrl } : {})} />
      <section className="tb-body" role="tabpanel">
        {tab === 'checks' && <CopiesSection analysis={analysis} bridge={bridge} {...(drafts ? { pageUrl: drafts.pageUrl } : {})} />}
        {view}
      </section>
      <footer className="tb-footer">
        {siteEnabled ? (
          <span className="tb-muted">{t('panel.siteEnabled')}</span>
        ) : (
          <>
            <p className="tb-muted" style={{ margin: '0 0 4px' }}>
              {t('panel.guardThisPage')}
            </p>
            <button type="button" className="tb-secondary" onClick={actions.enableSite}>
              {t('panel.enableSite')}
            </button>
          </>
        )}
        {switches && <SubmitGuardSwitches switches={switches} drafts={siteEnabled} />}
      </footer>
    </aside>
  );
}
