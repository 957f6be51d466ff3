// A sync server in memory for the property-based tests: the same contract (every body parsed with
// the shared zod schemas, answers passed through JSON), the same rules as server/sync — consecutive
// seq per client, skip what was applied, refuse gaps and stamps ahead, merge per field with the
// shared merge, guarded fields' conflicts reported again on a retry — and a version-ordered log.
// Fast enough for a thousand runs; the real server runs the same property fewer times.
import {
  MAX_PULL_LIMIT, SET_FIELDS, SYNCED_TABLES, isRecordChange, parseSetElementField, pushRequestSchema,
  type ChangeRow, type DocRow, type OutboxEntry, type PullResponse, type PushConflict, type PushResponse, type SyncedTable,
} from '@shared/sync/contract';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '@shared/sync/hlc';
import { mergeChanges, sameValue, type FieldClocks } from '@shared/sync/merge';
import type { SyncResult } from '@shared/bridge/sync';
import type { SyncTransport } from '../../../renderer/src/sync/transport';

type Stored = { table: SyncedTable; fields: Record<string, unknown>; clocks: FieldClocks };
type LogItem = { kind: 'c'; row: ChangeRow } | { kind: 'd'; row: DocRow };

const fail = (code: 'bad_request' | 'seq_gap' | 'clock_ahead', message: string, extra: { lastSeq?: number; serverTime?: number } = {}) =>
  ({ ok: false as const, error: { code, message, ...extra } });

function currentValue(fields: Record<string, unknown>, name: string, setFields: readonly string[]): unknown {
  const el = parseSetElementField(name);
  if (el && setFields.includes(el.field)) {
    const list = fields[el.field];
    return Array.isArray(list) && list.includes(el.element);
  }
  return Object.hasOwn(fields, name) ? fields[name] : null;
}

export class MemoryServer {
  readonly records = new Map<string, Stored>();
  readonly log: LogItem[] = [];
  readonly lastSeq = new Map<string, number>();
  /** Conflicts recorded per `clientId/seq`, reported again when the batch is retried. */
  readonly conflicts = new Map<string, PushConflict[]>();

  constructor(public now: () => number) {}

  push(body: unknown, by: string): SyncResult<PushResponse> {
    const parsed = pushRequestSchema.safeParse(JSON.parse(JSON.stringify(body)));
    if (!parsed.success) return fail('bad_request', parsed.error.message);
    const req = parsed.data;
    const now = this.now();
    let previous = 0;
    for (const e of req.entries) {
      if (e.seq === undefined || e.seq <= previous || e.clientId !== req.clientId) return fail('bad_request', 'seq order or client');
      previous = e.seq;
      if (isRecordChange(e)) {
        for (const c of Object.values(e.fields)) {
          if (parseHlc(c.hlc).wallMs - now > MAX_CLOCK_DRIFT_MS) return fail('clock_ahead', 'stamp ahead', { serverTime: now });
        }
      }
    }
    const last = this.lastSeq.get(req.clientId) ?? 0;
    const fresh = req.entries.filter((e) => (e.seq ?? 0) > last);
    let expected = last + 1;
    for (const e of fresh) if (e.seq !== expected++) return fail('seq_gap', 'gap', { lastSeq: last, serverTime: now });
    const earlier = req.entries.filter((e) => (e.seq ?? 0) <= last).flatMap((e) => this.conflicts.get(`${req.clientId}/${e.seq}`) ?? []);
    const conflicts: PushConflict[] = [];
    for (const e of fresh) {
      const seq = e.seq as number;
      if (!isRecordChange(e)) {
        this.log.push({ kind: 'd', row: { version: this.log.length + 1, docId: e.docId, update: e.update, by } });
        continue;
      }
      const key = `${e.table}/${e.recordId}`;
      const st = this.records.get(key) ?? { table: e.table, fields: {}, clocks: {} };
      const sets = SET_FIELDS[e.table] ?? [];
      const incoming: OutboxEntry['fields'] = { ...e.fields };
      for (const [name, base] of Object.entries(e.base ?? {})) {
        const change = incoming[name];
        if (!change) continue;
        const serverHlc = Object.hasOwn(st.clocks, name) ? (st.clocks[name] ?? null) : null;
        if (serverHlc === base) continue;
        const serverValue = currentValue(st.fields, name, sets);
        if (sameValue(serverValue, change.value)) continue;
        const c: PushConflict = { seq, table: e.table, recordId: e.recordId, field: name, base, value: change.value, hlc: change.hlc, serverValue, serverHlc };
        conflicts.push(c);
        this.conflicts.set(`${req.clientId}/${seq}`, [...(this.conflicts.get(`${req.clientId}/${seq}`) ?? []), c]);
        delete incoming[name];
      }
      const merged = mergeChanges(st.fields, st.clocks, incoming, sets);
      if (merged.applied.length === 0) continue;
      this.records.set(key, { table: e.table, fields: merged.fields, clocks: merged.clocks });
      const applied: OutboxEntry['fields'] = {};
      for (const name of merged.applied) applied[name] = incoming[name]!;
      this.log.push({ kind: 'c', row: { version: this.log.length + 1, table: e.table, recordId: e.recordId, fields: applied, by } });
    }
    if (fresh.length > 0) this.lastSeq.set(req.clientId, fresh[fresh.length - 1]!.seq as number);
    return { ok: true, value: JSON.parse(JSON.stringify({ lastSeq: this.lastSeq.get(req.clientId) ?? last, version: this.log.length, conflicts: [...earlier, ...conflicts], serverTime: now })) };
  }

  pull(since: number, limit: number): SyncResult<PullResponse> {
    const items = this.log.slice(since, since + Math.min(limit, MAX_PULL_LIMIT));
    const changes = items.flatMap((i) => (i.kind === 'c' ? [i.row] : []));
    const docs = items.flatMap((i) => (i.kind === 'd' ? [i.row] : []));
    const version = items.length > 0 ? since + items.length : since;
    return { ok: true, value: JSON.parse(JSON.stringify({ changes, docs, version, more: version < this.log.length, serverTime: this.now() })) };
  }

  /** A signed-in user's transport to this server. */
  transport(displayName: string): SyncTransport {
    const session = { user: { username: displayName, displayName, role: 'clerk' as const, regions: ['aktobe'], allRegions: false }, expiresAt: '2099-01-01T00:00:00.000Z' };
    return {
      syncStatus: async () => ({ serverUrl: 'memory://server', session }),
      syncLogin: async () => ({ ok: true, value: { ...session, serverTime: this.now() } }),
      syncLogout: async () => ({ ok: true }),
      syncPush: async (req) => this.push(req, displayName),
      syncPull: async (q) => this.pull(q.since, q.limit),
    };
  }

  /** The live records, as the tests compare them. */
  liveRecords(): { table: SyncedTable; id: string; fields: Record<string, unknown> }[] {
    return [...this.records.entries()]
      .filter(([, r]) => typeof r.fields.deletedAt !== 'string')
      .map(([key, r]) => ({ table: r.table, id: key.slice(key.indexOf('/') + 1), fields: r.fields }));
  }

  /** The stamp the server holds for a record's field (undefined: none). */
  clockOf(table: SyncedTable, id: string, field: string): string | undefined {
    return this.records.get(`${table}/${id}`)?.clocks[field];
  }
}

export { SYNCED_TABLES };
