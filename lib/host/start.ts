// Injected when the user opens the panel (toolbar, shortcut, slim tab) or the submit guard needs it: mounts
// the panel's frame once per page; the background's probe toggles an existing one (lib/background/panel.ts).
import { startAgent } from '../agent/agent';
import { mountHost } from './host';

export function startHost(win: Window = window): void {
  if (win.top !== win || globalThis.__tianbaoPanel) return;
  const agent = startAgent(win);
  if (!agent) return;
  const quiet = agent.quietMount === true;
  agent.quietMount = false;
  // Opened by the user (not loaded quietly by the guard of an enabled site): the guard covers this page now.
  if (!quiet) agent.panelOpened();
  globalThis.__tianbaoPanel = mountHost({ win, agent, quiet });
}
