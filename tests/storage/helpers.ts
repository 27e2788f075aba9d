// Shared helpers of the storage tests.
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Everything in storage.local, serialised: two equal snapshots mean byte-identical storage. */
export async function snapshotLocal(): Promise<string> {
  const all = await fakeBrowser.storage.local.get();
  const sorted = Object.fromEntries(Object.keys(all).sort().map((key) => [key, all[key]]));
  return JSON.stringify(sorted);
}

export const ORIGIN = 'https://tb.example.gov.cn';
export const OTHER_ORIGIN = 'http://127.0.0.1:8080';
export const DAY = 24 * 60 * 60 * 1000;
