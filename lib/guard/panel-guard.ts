// The panel's half of the submit guard: runs the checks when the agent holds a submit, and shows the blocking
// findings with 返回修改 / 仍然提交 (components/panel/SubmitGuard.tsx) until the user chooses.
import { createStore } from 'zustand/vanilla';
import type { Finding } from '../core/types';
import type { ReportSettings } from '../panel/report';
import type { PageBridge, PanelField } from '../panel/bridge';
import type { GuardDecision, PanelGuard } from './intercept';
import { blockingFindings } from './findings';

export interface GuardRequest {
  findings: Finding[];
  fields: PanelField[];
}

export interface GuardState {
  /** The held submit's findings while the dialog is up. */
  request?: GuardRequest;
  decide(decision: GuardDecision): void;
}

export type GuardStore = ReturnType<typeof createGuardStore>;

export function createGuardStore() {
  return createStore<GuardState>()(() => ({ request: undefined, decide: () => undefined }));
}

export interface PanelGuardOptions {
  bridge: Pick<PageBridge, 'readFields' | 'reveal' | 'pageTitle'>;
  /** The site's rule switches, as the 检查 tab applies them (undefined until loaded: the defaults). */
  /** The site's report settings (rule switches, template, field mapping), as the panel's tabs use them. */
  settings?: () => ReportSettings;
  store: GuardStore;
  /** Brings the panel into view (it may be collapsed to its tab). */
  show(): void;
}

export function createPanelGuard({ bridge, store, show, settings }: PanelGuardOptions): PanelGuard {
  let last: GuardRequest = { findings: [], fields: [] };
  let supersede: (() => void) | undefined;
  return {
    check() {
      const fields = bridge.readFields();
      last = { fields, findings: blockingFindings({ fields, pageTitle: bridge.pageTitle(), settings: settings?.() ?? {} }) };
      return { blocking: last.findings.length };
    },
    ask() {
      // A newer submit replaces a dialog still open: the old one ends as 返回修改, without moving the caret.
      supersede?.();
      const request = last;
      return new Promise<GuardDecision>((resolve) => {
        let settled = false;
        const settle = (decision: GuardDecision, reveal: boolean) => {
          if (settled) return;
          settled = true;
          supersede = undefined;
          if (store.getState().request === request) store.setState({ request: undefined, decide: () => undefined });
          resolve(decision);
          const first = request.findings[0];
          if (reveal && first) bridge.reveal(first);
        };
        supersede = () => settle('cancel', false);
        store.setState({ request, decide: (decision) => settle(decision, decision === 'cancel') });
        show();
      });
    },
  };
}
