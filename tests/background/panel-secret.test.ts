import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimPanelSecret, registerPanelSecret } from '@/lib/background/panel';

const SECRET = '0123456789abcdef0123456789abcdef';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the panel frame secret', () => {
  it('is claimed once by the tab that registered it', async () => {
    expect(await registerPanelSecret(7, SECRET, 1000)).toBe(true);
    expect(await claimPanelSecret(7, SECRET, 1100)).toBe(true);
    expect(await claimPanelSecret(7, SECRET, 1200)).toBe(false);
  });

  it('is refused to another tab, and used up by the attempt', async () => {
    await registerPanelSecret(7, SECRET, 1000);
    expect(await claimPanelSecret(8, SECRET, 1100)).toBe(false);
    expect(await claimPanelSecret(7, SECRET, 1200)).toBe(false);
  });

  it('is refused when nobody registered it (a panel the page framed with an address of its own)', async () => {
    expect(await claimPanelSecret(7, SECRET, 1000)).toBe(false);
  });

  it('expires when the frame never came to claim it', async () => {
    await registerPanelSecret(7, SECRET, 1000);
    expect(await claimPanelSecret(7, SECRET, 1000 + 61_000)).toBe(false);
  });

  it('takes only 128-bit hex secrets', async () => {
    for (const bad of ['', 'xyz', SECRET.toUpperCase(), `${SECRET}0`, 42, null]) {
      expect(await registerPanelSecret(7, bad)).toBe(false);
    }
  });
});
