// End-to-end harness: serves the built web host on a free loopback port and drives Debian's
// Chromium with Playwright (never a downloaded browser).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { followPages } from './page-diagnostics';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const root = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `scripts/serve-web.mjs` (the same server `npm run web` runs) on `fixedPort` or a free port. */
export async function startWeb(fixedPort?: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = fixedPort ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve-web.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('web server did not start')), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('http://')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Debian's Chromium, its pages followed for the report of a failed test (support/e2e-setup). */
export async function launchChromium(): Promise<Browser> {
  return followPages(await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }));
}

/** The browser host serving the app, one Chromium page on it, the example register loaded. */
export type DemoRegister = { web: Awaited<ReturnType<typeof startWeb>>; page: Page; close: () => Promise<void> };

/** Starts the web host and Chromium, opens the app in Russian at `viewport` and loads the example. */
export async function openDemoRegister(viewport = { width: 1440, height: 900 }): Promise<DemoRegister> {
  const web = await startWeb();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(web.url);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('board-row').first().waitFor();
  return {
    web,
    page,
    close: async () => {
      await browser.close();
      await web.stop();
    },
  };
}

/**
 * Scrolls an element into view, again if it is replaced meanwhile: a part of the minutes drawn as
 * text while it waits is swapped for its editor (a new element) when that editor is made, and
 * Playwright's scroll gives up on an element that leaves the DOM mid-action.
 */
export async function scrollIntoViewSettled(target: Locator, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.scrollIntoViewIfNeeded({ timeout: Math.max(1000, until - Date.now()) });
      return;
    } catch (e) {
      if (Date.now() >= until || !String(e).includes('not attached')) throw e;
    }
  }
}
