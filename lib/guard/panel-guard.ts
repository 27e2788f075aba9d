// The panel's half of the submit guard: runs the checks when the agent holds a submit, and shows the blocking
// findings with 返回修改 / 仍然提交 (components/panel/SubmitGuard.tsx) until the user chooses.
import { createStore } from 'zustand/vanilla';
import type { Finding } from '../core/types';
import type { ReportSettings } from '../panel/report';
import type { PageBridge, PanelField } from '../panel/bridge';
import type { GuardDecision } from './intercept';
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

/** The panel's side of the guard: counts on the form the page side sent, then asks the user. */
export interface PanelGuardCore {
  /** Checks the form as given (the page side's fresh snapshot), or as the bridge last saw it. */
  check(input?: { fields: PanelField[]; pageTitle: string }): { blocking: number };
  ask(): Promise<GuardDecision>;
  /** The submit was decided without the user (the page side stopped waiting): close the dialog. */
  cancel(): void;
}

export function createPanelGuard({ bridge, store, show, settings }: PanelGuardOptions): PanelGuardCore {
  let last: GuardRequest = { findings: [], fields: [] };
  let supersede: (() => void) | undefined;
  return {
    check(input) {
      const fields = input?.fields ?? bridge.readFields();
      const pageTitle = input?.pageTitle ?? bridge.pageTitle();
      last = { fields, findings: blockingFindings({ fields, pageTitle, settings: settings?.() ?? {} }) };
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
    cancel() {
      supersede?.();
    },
  };
}
