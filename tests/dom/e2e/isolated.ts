// Runs lib/dom the way the content script does: bundled to an IIFE and evaluated in a CDP isolated world of
// the page's top frame (Page.createIsolatedWorld + Runtime.evaluate), so that it sees the DOM but not the
// page's JavaScript globals. Iframe editors are reached from there through contentDocument.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

const ENTRY = resolve(import.meta.dirname, 'entry.ts');
let bundled: Promise<string> | undefined;

export function domBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

export interface IsolatedWorld {
  session: CDPSession;
  contextId: number;
  /** Evaluates `expression` (awaiting promises) in the isolated world and returns its JSON value. */
  run<T = unknown>(expression: string): Promise<T>;
}

export async function isolatedWorld(page: Page): Promise<IsolatedWorld> {
  const session = await page.context().newCDPSession(page);
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await session.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'tianbao',
    grantUniveralAccess: false,
  })) as { executionContextId: number };
  const run = async <T>(expression: string): Promise<T> => {
    const result = (await session.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value as T;
  };
  await run(await domBundle());
  return { session, contextId: executionContextId, run };
}
