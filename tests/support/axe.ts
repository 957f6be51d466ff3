// Accessibility checks for the end-to-end tests: axe-core run in the page, serious and critical
// violations only (the bar the register holds itself to).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** Serious and critical axe violations within `selector` (the whole document by default). */
export async function axeViolations(p: Page, selector: string = 'html'): Promise<Violation[]> {
  await p.addScriptTag({ path: AXE });
  return p.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const res = await w.axe.run(sel, { resultTypes: ['violations'] });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
}
