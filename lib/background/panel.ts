// Opening the panel on a tab. The toolbar button, the keyboard command (_execute_action) and the agent's
// slim tab all come here, so every way in takes the same code path.
//
// The panel is not in the page until asked for: the agent (tiny, no React) is injected first and is
// idempotent; the panel bundle is injected only when it is not there yet, and otherwise told to toggle.
import { browser } from 'wxt/browser';

/** 'load' (the submit guard): inject the panel if it is missing, leave an existing one as it is. */
export type PanelAction = 'toggle' | 'open' | 'load';

export async function showPanel(tabId: number, action: PanelAction): Promise<void> {
  const target = { tabId };
  await browser.scripting.executeScript({ target, files: ['/agent.js'] });
  const [probe] = await browser.scripting.executeScript({
    target,
    func: (act: string) => {
      const panel = (globalThis as { __tianbaoPanel?: { toggle(): void; open(): void } }).__tianbaoPanel;
      if (!panel) return false;
      if (act === 'load') return true;
      if (act === 'open') panel.open();
      else panel.toggle();
      return true;
    },
    args: [action],
  });
  if (probe?.result !== true) {
    await browser.scripting.executeScript({ target, files: ['/host.js'] });
  }
}
