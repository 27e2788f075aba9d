// axe-core in real Chromium for the e2e suites (a11y, journey): run in a page or frame through the DevTools
// protocol, so that the extension pages' CSP does not apply to it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in a page or frame (through the DevTools protocol, so the extension pages' CSP does not
 * apply to it) and returns the violations that are serious or critical. */
export async function seriousViolations(target: Page | Frame, where: string): Promise<string[]> {
  const violations = (await target.evaluate(
    async ([source]) => {
      // eslint-disable-next-line no-new-func -- test-only: axe-core's own source, run in the page under test
      if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(source as string);
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    },
    [axeSource],
  )) as Violation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) {
    console.log(`[axe] ${where}: ${v.id} (${v.impact}) ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n'));
  }
  // One line per element, short enough for an assertion message to read.
  return serious.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} at ${n.target.join(' ')}`));
}

