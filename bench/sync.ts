// Benchmarks of sync, measured in Chromium against a real sync server process (embedded database)
// that serves the built web app:
// - sync.initial_50k_ms — a new clerk signs in and pulls 50,000 records (projects, their barriers,
//   assignments, people) into Dexie: from the click on «Войти» to the end of the first sync;
// - sync.initial_50k_wire_mb — what those pulls carried over the wire (the server gzips its answers,
//   their changes compact: shared/sync/contract.ts compactChangeRowSchema);
// - sync.push_1k_ms — 1,000 changes queued offline are pushed and acknowledged: from the connection
//   coming back to the last one acknowledged (the outbox empty).
// - sync.initial_50k_floor_ms (extra): the floor on this machine, measured in the same run — every
//   row that first sync left in the database put again into a fresh one of the same schema, table by
//   table in transactions of a pull page (median of 3); and sync.initial_vs_floor_ratio, the first
//   sync over that floor.
// Prints one JSON line per figure: {"name","value","unit"}.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import { CHROMIUM_ARGS, CHROMIUM } from '../tests/support/web-host';
import { chromium } from 'playwright-core';
import { PASSWORD, TestClient, fetchHttp, freshSchemaName, runCli, serverEnv, signIn, startServer } from '../tests/server/support';
import { compactChange, type OutboxItem } from '../shared/sync/contract';
import { browserBundle, median, report, runMain } from './support';

const RECORDS = Number(process.env.BENCH_SYNC_RECORDS ?? 50_000);
const PUSH = Number(process.env.BENCH_SYNC_PUSH ?? 1000);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Pushes RECORDS records to the server as another clerk would have: projects, barriers, assignments, people. */
async function seedServer(url: string): Promise<void> {
  const http = fetchHttp(url);
  const client = new TestClient(http, await signIn(http, 'seeder'), 'aktobe');
  const stages = ['idea', 'negotiation', 'design', 'construction', 'commissioning', 'operating'];
  const projects = Math.round(RECORDS * 0.2);
  const projectIds: string[] = [];
  let batch: OutboxItem[] = [];
  let made = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const res = await client.push(batch);
    if (res.status !== 200) throw new Error(`seed push: ${res.status} ${res.text.slice(0, 300)}`);
    batch = [];
  };
  const add = async (e: OutboxItem) => {
    batch.push(e);
    made++;
    if (batch.length === 1000) await flush();
  };
  for (let i = 0; i < projects; i++) {
    const id = uuidv7();
    projectIds.push(id);
    await add(client.entry('projects', id, {
      title: `Завод № ${i} по переработке сырья`, investorName: `ТОО «Инвестор ${i % 997}»`, regionId: 'aktobe', stage: stages[i % stages.length], status: 'on_track',
      investmentTenge: 1_000_000_000 + i * 1000, jobsPermanentPlanned: 50 + (i % 300), okedSection: 'C', [`tags/СЭЗ`]: i % 3 === 0, deletedAt: null,
    }));
  }
  while (made < RECORDS) {
    const i = made;
    const p = projectIds[i % projectIds.length]!;
    const kind = i % 3;
    if (kind === 0) await add(client.entry('barriers', uuidv7(), { projectId: p, kind: 'gas', text: 'Нет подключения к газопроводу высокого давления', openedOn: '2026-01-15', deletedAt: null }));
    else if (kind === 1) await add(client.entry('assignments', uuidv7(), {
      regionId: 'aktobe', origin: 'directive', textRu: `Обеспечить подключение объекта № ${i} к инженерным сетям`, status: 'open',
      deadline: { kind: 'date', due: '2026-06-30' }, [`projectIds/${p}`]: true, deletedAt: null,
    }));
    else await add(client.entry('people', uuidv7(), { fullName: `Сотрудник ${i}`, position: 'главный специалист', regionId: 'aktobe', deletedAt: null }));
  }
  await flush();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hattama-bench-sync-'));
  const env = serverEnv('pglite', freshSchemaName(), join(dir, 'data'), { HATTAMA_WEB_ROOT: join(root, 'dist-web') });
  for (const u of ['seeder', 'aigerim']) {
    const r = await runCli(['user', 'add', u, '--role', 'clerk', '--regions', 'aktobe', '--password-stdin'], env, `${PASSWORD}\n`);
    if (r.code !== 0) throw new Error(r.output);
  }
  const server = await startServer(env);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const t = Date.now();
    await seedServer(server.url);
    console.error(`seeded ${RECORDS} records on the server in ${Date.now() - t} ms`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/settings`);
    await page.getByTestId('sync-username').fill('aigerim');
    await page.getByTestId('sync-password').fill(PASSWORD);
    const indicator = page.getByTestId('sync-indicator');
    // What the first sync's pulls carried over the wire (gzipped when the browser accepts it) and
    // what their JSON was before that.
    let wire = 0;
    const sized: Promise<void>[] = [];
    page.on('requestfinished', (req) => {
      if (req.url().includes('/api/v1/pull')) sized.push(req.sizes().then((s) => void (wire += s.responseBodySize)));
    });
    const t0 = Date.now();
    await page.getByTestId('sync-sign-in').click();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=sync-indicator]');
      return el?.getAttribute('data-synced-at') !== '' && el?.getAttribute('data-phase') === 'idle';
    }, undefined, { timeout: 600_000, polling: 50 });
    const initial = Date.now() - t0;
    await page.addScriptTag({ content: await browserBundle('seed-sync.browser.ts') });
    const counts = await page.evaluate(() => window.__countRecords());
    console.error(`pulled: ${JSON.stringify(counts)}`);
    if (counts.boardRows !== counts.projects || counts.controlRows !== counts.assignments) throw new Error('the projections do not hold every pulled project and assignment');
    report('sync.initial_50k_ms', initial, 'ms');
    const floors: number[] = [];
    for (let i = 0; i < 3; i++) {
      const f = await page.evaluate(() => window.__syncFloor());
      console.error(`floor: ${f.rows} rows put in ${Math.round(f.ms)} ms`);
      floors.push(f.ms);
    }
    report('sync.initial_50k_floor_ms', median(floors), 'ms');
    report('sync.initial_vs_floor_ratio', initial / median(floors), 'ratio', 2);
    await Promise.all(sized);
    const http = fetchHttp(server.url);
    const reader = new TestClient(http, await signIn(http, 'aigerim'), 'aktobe');
    const pages = await reader.pullAll(5000);
    const json = pages.reduce((n, p) => n + Buffer.byteLength(JSON.stringify({ ...p, changes: p.changes.map(compactChange) })), 0);
    const whole = pages.reduce((n, p) => n + Buffer.byteLength(JSON.stringify(p)), 0);
    console.error(`the first sync's pages: ${(json / 1048576).toFixed(1)} MB of JSON (whole changes: ${(whole / 1048576).toFixed(1)} MB), ${(wire / 1048576).toFixed(1)} MB over the wire`);
    report('sync.initial_50k_wire_mb', wire / 1048576, 'MB');

    await context.setOffline(true);
    const waiting = await page.evaluate((n) => window.__queueChanges(n), PUSH);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-pending')) >= n, PUSH, { timeout: 60_000 });
    console.error(`queued ${waiting} changes offline`);
    const t1 = Date.now();
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-pending') === '0', undefined, { timeout: 120_000, polling: 20 });
    report('sync.push_1k_ms', Date.now() - t1, 'ms');
    void indicator;
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
