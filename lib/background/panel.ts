// Opening the panel on a tab. The toolbar button, the keyboard command (_execute_action) and the agent's
// slim tab all come here, so every way in takes the same code path.
//
// The panel is not in the page until asked for: the agent (tiny, no React) is injected first and is
// idempotent; the panel bundle is injected only when it is not there yet, and otherwise told to toggle.
import { browser } from 'wxt/browser';

/**
 * 'load' (the submit guard): inject the panel if it is missing, leave an existing one as it is. 'next' (the
 * next-problem shortcut): open the panel at 检查 and go to the next finding, loading the panel first if needed.
 */
export type PanelAction = 'toggle' | 'open' | 'load' | 'next';

export async function showPanel(tabId: number, action: PanelAction): Promise<void> {
  const target = { tabId };
  await browser.scripting.executeScript({ target, files: ['/agent.js'] });
  const [probe] = await browser.scripting.executeScript({
    target,
    func: (act: string) => {
      const panel = (globalThis as { __tianbaoPanel?: { toggle(): void; open(): void; step?(d: 1 | -1): void } }).__tianbaoPanel;
      if (!panel) return false;
      if (act === 'load') return true;
      if (act === 'open') panel.open();
      else if (act === 'next') panel.step?.(1);
      else panel.toggle();
      return true;
    },
    args: [action],
  });
  if (probe?.result !== true) {
    await browser.scripting.executeScript({ target, files: ['/host.js'] });
    // The freshly loaded panel opens by itself; the step waits in the page side until the panel connects.
    if (action === 'next') {
      await browser.scripting.executeScript({
        target,
        func: () => (globalThis as { __tianbaoPanel?: { step?(d: 1 | -1): void } }).__tianbaoPanel?.step?.(1),
      });
    }
  }
}

// ---- the panel frame's secret (lib/protocol.ts) ----
//
// Kept in storage.session, not only in memory: the service worker may be stopped between the page side's
// registration and the panel's claim. storage.session is not readable by content scripts by default, and it
// is cleared when the browser closes.
const SECRETS_KEY = 'panelSecrets';
/** A registered secret that was never claimed (the frame never loaded) is dropped after this long. */
const SECRET_TTL_MS = 60_000;
const SECRET_SHAPE = /^[0-9a-f]{32}$/;

type Secrets = Record<string, { tabId: number; at: number }>;

async function readSecrets(): Promise<Secrets> {
  const stored = await browser.storage.session.get(SECRETS_KEY);
  const value = stored[SECRETS_KEY];
  return value && typeof value === 'object' ? (value as Secrets) : {};
}

function fresh(secrets: Secrets, now: number): Secrets {
  return Object.fromEntries(Object.entries(secrets).filter(([, entry]) => now - entry.at < SECRET_TTL_MS));
}

export async function registerPanelSecret(tabId: number, secret: unknown, now = Date.now()): Promise<boolean> {
  if (typeof secret !== 'string' || !SECRET_SHAPE.test(secret)) return false;
  const secrets = fresh(await readSecrets(), now);
  secrets[secret] = { tabId, at: now };
  await browser.storage.session.set({ [SECRETS_KEY]: secrets });
  return true;
}

/** True once for a secret registered by the same tab's page side; the secret is used up. */
export async function claimPanelSecret(tabId: number, secret: unknown, now = Date.now()): Promise<boolean> {
  if (typeof secret !== 'string' || !SECRET_SHAPE.test(secret)) return false;
  const secrets = fresh(await readSecrets(), now);
  const entry = secrets[secret];
  const ok = entry !== undefined && entry.tabId === tabId;
  if (entry) delete secrets[secret];
  await browser.storage.session.set({ [SECRETS_KEY]: secrets });
  return ok;
}
