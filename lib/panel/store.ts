// The panel's UI state, one zustand store built from slices (zustand's slices pattern). Persistent data
// lives in lib/storage items, never in zustand `persist`: in a content script localStorage is the portal's.
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { PanelChange } from './undo';

export const MIN_WIDTH = 280;
export const MAX_WIDTH = 640;
export const DEFAULT_WIDTH = 360;

export type PanelTab = 'structure' | 'checks' | 'snippets' | 'fields';

export interface LayoutSlice {
  width: number;
  collapsed: boolean;
  /** The user is dragging the panel's edge: the frame spans the viewport so that the pointer stays in it. */
  dragging: boolean;
  setDragging(dragging: boolean): void;
  setWidth(width: number): void;
  setCollapsed(collapsed: boolean): void;
}

/** A request to go to the next (1) or previous (-1) finding: F8 / Shift+F8 in the panel, or the browser shortcut. */
export interface StepRequest {
  seq: number;
  direction: 1 | -1;
  /** 'panel': F8 pressed in the panel; 'page': F8 in the page while the panel is open, or the browser shortcut. */
  from: 'panel' | 'page';
}

export interface ViewSlice {
  tab: PanelTab;
  setTab(tab: PanelTab): void;
  /** The pending step, taken by the 检查 tab (which this request shows). */
  stepRequest?: StepRequest;
  requestStep(direction: 1 | -1, from: StepRequest['from']): void;
  clearStepRequest(): void;
}

export interface SiteSlice {
  origin: string;
  /** 「在此网站始终启用」 is on for this origin (permission held and agent registered). */
  siteEnabled: boolean;
  /** A user-visible notice (message id + params), e.g. after a failed save. */
  notice?: { messageId: string; params?: Record<string, string | number>; tone: 'info' | 'error' };
  setSiteEnabled(enabled: boolean): void;
  setNotice(notice: SiteSlice['notice']): void;
}

/** The panel's last change to the page, which 撤销 takes back. */
export interface UndoSlice {
  lastChange?: PanelChange;
  setLastChange(change: PanelChange | undefined): void;
}

export type PanelState = LayoutSlice & ViewSlice & SiteSlice & UndoSlice;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_WIDTH;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

const createLayoutSlice: StateCreator<PanelState, [], [], LayoutSlice> = (set) => ({
  width: DEFAULT_WIDTH,
  collapsed: false,
  dragging: false,
  setDragging: (dragging) => set({ dragging }),
  setWidth: (width) => set({ width: clampWidth(width) }),
  setCollapsed: (collapsed) => set({ collapsed }),
});

const createViewSlice: StateCreator<PanelState, [], [], ViewSlice> = (set, get) => ({
  tab: 'structure',
  setTab: (tab) => set({ tab }),
  stepRequest: undefined,
  requestStep: (direction, from) =>
    set({ tab: 'checks', stepRequest: { seq: (get().stepRequest?.seq ?? 0) + 1, direction, from } }),
  clearStepRequest: () => set({ stepRequest: undefined }),
});

const createSiteSlice = (origin: string): StateCreator<PanelState, [], [], SiteSlice> => (set) => ({
  origin,
  siteEnabled: false,
  notice: undefined,
  setSiteEnabled: (siteEnabled) => set({ siteEnabled }),
  setNotice: (notice) => set({ notice }),
});

const createUndoSlice: StateCreator<PanelState, [], [], UndoSlice> = (set) => ({
  lastChange: undefined,
  setLastChange: (lastChange) => set({ lastChange }),
});

export function createPanelStore(origin: string, initial: Partial<Pick<PanelState, 'width' | 'collapsed' | 'tab'>> = {}) {
  const store = createStore<PanelState>()((...a) => ({
    ...createLayoutSlice(...a),
    ...createViewSlice(...a),
    ...createSiteSlice(origin)(...a),
    ...createUndoSlice(...a),
  }));
  store.setState({
    ...initial,
    ...(initial.width !== undefined ? { width: clampWidth(initial.width) } : {}),
  });
  return store;
}

export type PanelStore = ReturnType<typeof createPanelStore>;
