// Accessibility checks for the end-to-end tests: axe-core run in the page, serious and critical
// violations only (the bar the register holds itself to).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let source: string | null = null;

export type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** Serious and critical axe violations within `selector` (the whole document by default). */
export async function axeViolations(p: Page, selector: string = 'html'): Promise<Violation[]> {
  // Evaluated through the test's own channel, not added as a script: pages served under the app's
  // CSP (the sync server's, the desktop's) refuse inline scripts.
  source ??= readFileSync(AXE, 'utf8');
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(source);
  // Colours are measured as shown: a dialog still fading in (a transition of its opacity) shows
  // its text paler than it is. Transitions and finite animations are let finish first.
  await p.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
  );
  return p.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const res = await w.axe.run(sel, { resultTypes: ['violations'] });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
}
