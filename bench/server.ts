// Benchmark of the sync server's write path, against a real server process on loopback:
// - sync.server_changes_per_s — 20 concurrent clients each pushing batches of 500 changes
//   (~300-byte records) to one server, until all are acknowledged: changes per second;
// - sync.server_vs_raw_insert_ratio — that throughput divided by plain multi-row INSERTs (1,000
//   rows a statement) of the same rows into a table of the same database, same run.
// On PostgreSQL when HATTAMA_TEST_PG_URL (or BENCH_PG_URL) names one — the production set-up —
// else on the embedded PGlite; the database used is printed on stderr.
// Prints one JSON line per figure: {"name","value","unit"}.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { formatHlc } from '../shared/sync/hlc';
import { SYNC_SCHEMA_VERSION } from '../shared/sync/contract';
import { openPostgres } from '../server/db/postgres';
import { openPglite } from '../server/db/pglite';
import type { Database } from '../server/db/database';
import { PASSWORD, fetchHttp, freshSchemaName, runCli, serverEnv, signIn, startServer } from '../tests/server/support';
import { report, runMain } from './support';

const CLIENTS = 20;
const BATCHES = Number(process.env.BENCH_SERVER_BATCHES ?? 5);
const BATCH = 500;
const PG = process.env.BENCH_PG_URL || process.env.HATTAMA_TEST_PG_URL || null;

/** One project's fields as a clerk's change carries them (~300 bytes of JSON). */
function fields(i: number) {
  return {
    title: `Проект № ${i} — строительство завода`, investorName: 'ТОО «Актобе Ферросплав»', regionId: 'aktobe',
    investmentTenge: 1_234_567_890 + i, stage: 'construction', status: 'on_track', jobsPermanentPlanned: 350, deletedAt: null,
  };
}

async function main() {
  const kind = PG ? 'postgres' : 'pglite';
  const schema = freshSchemaName();
  const dir = mkdtempSync(join(tmpdir(), 'hattama-bench-server-'));
  const env = serverEnv(kind, schema, join(dir, 'data'), PG ? { DATABASE_URL: PG } : {});
  const r = await runCli(['user', 'add', 'bench', '--role', 'clerk', '--regions', 'aktobe', '--password-stdin'], env, `${PASSWORD}\n`);
  if (r.code !== 0) throw new Error(r.output);
  const server = await startServer(env);
  let rawDb: Database | null = null;
  try {
    const http = fetchHttp(server.url);
    const token = await signIn(http, 'bench');
    // Every client's batches, made before the clock starts; the same rows for the raw INSERTs.
    const bodies: string[][] = [];
    const rows: [string, string][] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const clientId = `bench-${c}-${uuidv7().slice(-8)}`;
      const list: string[] = [];
      let seq = 0;
      for (let b = 0; b < BATCHES; b++) {
        const entries = [];
        for (let k = 0; k < BATCH; k++) {
          const hlc = formatHlc({ wallMs: Date.now(), counter: seq % 1000, node: clientId });
          const stamped = Object.fromEntries(Object.entries(fields(c * 100_000 + seq)).map(([n, v]) => [n, { value: v, hlc }]));
          const recordId = uuidv7();
          entries.push({ seq: ++seq, clientId, table: 'projects', recordId, op: 'upsert', fields: stamped, at: new Date().toISOString() });
          rows.push([recordId, JSON.stringify(stamped)]);
        }
        list.push(JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, regionId: 'aktobe', entries }));
      }
      bodies.push(list);
    }
    const total = CLIENTS * BATCHES * BATCH;
    console.error(`${kind}: ${CLIENTS} clients × ${BATCHES} batches × ${BATCH} changes, ~${Math.round(rows.reduce((n, [, f]) => n + f.length, 0) / rows.length)} bytes of fields each`);

    const t0 = performance.now();
    await Promise.all(bodies.map(async (list) => {
      for (const body of list) {
        const res = await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`push: ${res.status} ${text.slice(0, 300)}`);
      }
    }));
    const perS = total / ((performance.now() - t0) / 1000);
    await server.stop();

    // The same rows by plain multi-row INSERTs into the same database (the server is stopped:
    // PGlite's data folder has one user at a time).
    rawDb = PG ? await openPostgres(PG, schema, 2) : await openPglite(join(dir, 'data'), schema);
    await rawDb.query('CREATE TABLE bench_raw (region_id text NOT NULL, tbl text NOT NULL, record_id uuid NOT NULL, fields jsonb NOT NULL)');
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params: string[] = [];
      const values = chunk.map(([id, f], j) => {
        params.push(id, f);
        return `('aktobe', 'projects', $${2 * j + 1}, $${2 * j + 2})`;
      });
      await rawDb.query(`INSERT INTO bench_raw VALUES ${values.join(', ')}`, params);
    }
    const rawPerS = total / ((performance.now() - t1) / 1000);
    console.error(`${kind}: server ${Math.round(perS)} changes/s; raw INSERT ${Math.round(rawPerS)} rows/s`);
    report('sync.server_changes_per_s', perS, 'changes/s', 2);
    report('sync.server_vs_raw_insert_ratio', perS / rawPerS, 'ratio', 2);
  } finally {
    await server.stop().catch(() => undefined);
    if (rawDb) {
      if (PG) await rawDb.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await rawDb.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
