// How many endless animations (a spinner, striped bars) run on the page now. Long work shows its
// progress still: an endless animation redraws the window every frame for as long as it runs.
import type { Page } from 'playwright-core';

/** The running animations of the page that never end. */
export function endlessAnimations(page: Page): Promise<number> {
  return page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations === Infinity).length);
}
