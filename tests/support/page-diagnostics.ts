// What an e2e failure prints about the pages it left open: each page's address, the text on its
// screen, and its last console messages and uncaught errors — so a failure on the CI machine, where
// no screenshot can be looked at, says what the clerk would have seen.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const KEEP = 40;
const pages = new Map<Page, string[]>();

function watch(page: Page): void {
  if (pages.has(page)) return;
  const log: string[] = [];
  pages.set(page, log);
  const push = (line: string) => {
    log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.length > KEEP) log.shift();
  };
  page.on('console', (m) => push(`[${m.type()}] ${m.text().slice(0, 400)}`));
  page.on('pageerror', (e) => push(`[pageerror] ${String(e).slice(0, 400)}`));
  page.on('load', () => push(`[load] ${page.url()}`));
  page.on('crash', () => push('[crash]'));
  page.on('close', () => pages.delete(page));
}

function watchContext(context: BrowserContext): BrowserContext {
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return context;
}

/** Follows every page the browser opens from now on (its contexts' pages included). */
export function followPages(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => watchContext(await newContext(...args));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    watch(page);
    return page;
  };
  return browser;
}

/** Prints each open page's state; saves a screenshot of each under `dir`. */
export async function describePages(testName: string, dir: string): Promise<string> {
  const out: string[] = [];
  let i = 0;
  mkdirSync(dir, { recursive: true });
  for (const [page, log] of pages) {
    i++;
    if (page.isClosed()) continue;
    const text = await page.evaluate(() => document.body?.innerText ?? '', undefined).catch((e: unknown) => `(unreadable: ${String(e)})`);
    const shot = path.join(dir, `${testName.replace(/[^\w-]+/g, '_').slice(0, 80)}-${i}.png`);
    await page.screenshot({ path: shot, timeout: 5000 }).catch(() => undefined);
    out.push(
      `── page ${i}: ${page.url()} (screenshot ${shot})`,
      `   screen: ${text.replace(/\s+/g, ' ').slice(0, 1500)}`,
      '   last console lines:',
      ...log.map((l) => `     ${l}`),
    );
  }
  return out.join('\n');
}
