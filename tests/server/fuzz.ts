// Malformed push bodies for the fuzz tests: each one is invalid for a reason the server must
// catch (shape, types, sizes, values the database would refuse, clocks, sequence, access) —
// random JSON, mutations of a valid batch, truncated and non-JSON bytes, huge strings.
import { SYNC_SCHEMA_VERSION, type OutboxEntry } from '../../shared/sync/contract';
import { formatHlc } from '../../shared/sync/hlc';
import type { HttpRequest, TestClient } from './support';

export type FuzzBody = Pick<HttpRequest, 'json' | 'raw' | 'contentType'>;

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Obj = Record<string, unknown>;

export function malformedPushBodies(count: number, seed: number, client: TestClient): FuzzBody[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const now = client.now();
  const hlc = (ms = now) => formatHlc({ wallMs: ms, counter: int(100), node: client.clientId });
  const uuid7 = () => {
    const hex = () => int(16).toString(16);
    const h = (n: number) => Array.from({ length: n }, hex).join('');
    return `${h(8)}-${h(4)}-7${h(3)}-${pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
  };

  const randomString = (max: number) => {
    const alphabet = 'abcxyzАБВәғқ0123456789 "\\/{}[]:,\u0001\u00e9\u4e2d😀';
    return Array.from({ length: int(max) }, () => alphabet[int(alphabet.length)]).join('');
  };
  const randomJson = (depth = 0): unknown => {
    switch (depth > 3 ? int(4) : int(7)) {
      case 0: return null;
      case 1: return rnd() < 0.5;
      case 2: return pick([0, -1, 1.5, 1e308, -1e-9, 2 ** 53 + 2, int(1000)]);
      case 3: return randomString(20);
      case 4: return Array.from({ length: int(4) }, () => randomJson(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(4) }, () => [randomString(8), randomJson(depth + 1)]));
    }
  };

  const validEntry = (seq: number): Obj => ({
    seq, clientId: client.clientId, table: 'projects', recordId: uuid7(), op: 'upsert',
    fields: { title: { value: randomString(30) || 'Завод', hlc: hlc() }, 'tags/gas': { value: true, hlc: hlc() } },
    at: new Date(now).toISOString(),
  });
  const validDoc = (seq: number): Obj => ({ seq, clientId: client.clientId, kind: 'doc', docId: `minutes/${uuid7()}/ru`, update: 'AAA=', at: new Date(now).toISOString() });
  const base = (): Obj => ({
    schemaVersion: SYNC_SCHEMA_VERSION, clientId: client.clientId, regionId: client.region,
    entries: [validEntry(client.seq + 1), validEntry(client.seq + 2)],
  });
  const entry0 = (b: Obj) => (b.entries as Obj[])[0]!;
  const deep = (n: number): unknown => (n === 0 ? 'bottom' : [deep(n - 1)]);

  const mutations: Array<(b: Obj) => void> = [
    (b) => { delete b[pick(['schemaVersion', 'clientId', 'regionId', 'entries'])]; },
    (b) => { b.schemaVersion = pick(['1', 0, -1, 1.5, null, [], {}, 99, 2 ** 60]); },
    (b) => { b.clientId = pick(['', 'bad id!', 'x'.repeat(65), 42, null, 'ö']); },
    (b) => { b.regionId = pick(['Aktobe', '', 42, '../etc', 'astana', 'almaty-city', null, 'a'.repeat(70)]); },
    (b) => { b.entries = pick([{}, 'x', null, 7, [null], [[]], [7], Array.from({ length: 1001 }, (_, i) => validEntry(client.seq + 1 + i))]); },
    (b) => { b[pick(['extra', 'token', 'user', '__proto'])] = randomJson(); },
    (b) => { delete entry0(b)[pick(['clientId', 'table', 'recordId', 'op', 'fields', 'at', 'seq'])]; },
    (b) => { entry0(b).table = pick(['unknown', 42, null, 'auditLog', 'PROJECTS', '']); },
    (b) => { entry0(b).recordId = pick(['not-a-uuid', '123e4567-e89b-42d3-a456-426614174000', 42, '', uuid7().toUpperCase()]); },
    (b) => { entry0(b).op = pick(['merge', '', null, 1]); },
    (b) => { entry0(b).fields = pick([[], 'x', null, { title: 1 }, { title: { value: 1 } }, { title: { value: 1, hlc: 'bad' } }, { '1bad': { value: 1, hlc: hlc() } }, { title: { value: 1, hlc: hlc(), extra: true } }, { 'a b': { value: 1, hlc: hlc() } }]); },
    (b) => { entry0(b).at = pick(['yesterday', 123, null, '2026-13-01T00:00:00Z', '2026-01-01T00:00:00+05:00']); },
    (b) => { entry0(b).base = pick([{ title: 'bad' }, [], 'x', { title: 7 }]); },
    (b) => { entry0(b).seq = pick([0, -1, 1.5, 'x', null]); },
    (b) => { entry0(b).clientId = pick(['other', '']); },
    (b) => { entry0(b).extra = randomJson(); },
    (b) => { (b.entries as Obj[]).reverse(); },
    (b) => { (entry0(b).fields as Obj).title = { value: pick(['a\u0000b', '\ud800', { k: '\udfff' }, deep(40), { ['x\u0000']: 1 }]), hlc: hlc() }; },
    (b) => { (entry0(b).fields as Obj)[pick(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])] = { value: 1, hlc: hlc() }; },
    (b) => { (entry0(b).fields as Obj).deletedAt = { value: pick(['yesterday', 5, true, {}]), hlc: hlc() }; },
    (b) => { (entry0(b).fields as Obj).title = { value: 'из будущего', hlc: hlc(now + pick([6 * 60_000, 86_400_000, 10 * 365 * 86_400_000])) }; },
    (b) => { for (const e of b.entries as Obj[]) e.seq = (e.seq as number) + pick([1, 5, 1000]); },
    (b) => { (b.entries as Obj[])[1]!.seq = (b.entries as Obj[])[0]!.seq; },
    (b) => { b.entries = [validDoc(client.seq + 1)]; (b.entries as Obj[])[0]![pick(['docId', 'update'])] = pick(['', 'bad doc', '!!!notbase64', 42, 'minutes/x/ru', '/////w==']); },
    (b) => { b.entries = [validDoc(client.seq + 1)]; (b.entries as Obj[])[0]!.kind = pick(['docs', 'record', 1]); },
    (b) => { (entry0(b).fields as Obj)[`tags/${'x'.repeat(200)}`] = { value: true, hlc: hlc() }; },
    (b) => { (entry0(b) as OutboxEntry & Obj).fields = { ['f' + 'x'.repeat(100)]: { value: 1, hlc: hlc() } }; },
  ];

  const out: FuzzBody[] = [];
  for (let i = 0; i < count; i++) {
    const kind = int(100);
    if (kind < 8) {
      // Random JSON of any shape.
      out.push({ json: randomJson() ?? {} });
    } else if (kind < 14) {
      // Truncated JSON, random bytes, or the right JSON under the wrong content type.
      const text = JSON.stringify(base());
      const which = int(3);
      if (which === 0) out.push({ raw: text.slice(0, 1 + int(text.length - 2)) });
      else if (which === 1) out.push({ raw: Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))) });
      else {
        const b = base();
        pick(mutations)(b);
        out.push({ raw: JSON.stringify(b), contentType: pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) });
      }
    } else if (kind < 15) {
      // Huge strings (some over the 32 MiB body limit: 'я' is two bytes).
      const b = base();
      const huge = 'я'.repeat(pick([200_000, 1_000_000, 1_000_000, 17_000_000]));
      const where = int(3);
      if (where === 0) b.clientId = huge;
      else if (where === 1) entry0(b).recordId = huge;
      else (entry0(b).fields as Obj).title = { value: huge, hlc: 'x' };
      out.push({ json: b });
    } else {
      const b = base();
      const first = pick(mutations);
      first(b);
      if (rnd() < 0.3) {
        // A second mutation may find what it changes already gone: the first one stands. It is
        // never the first again (the entries reversed twice are a valid batch).
        const second = pick(mutations.filter((m) => m !== first));
        try {
          second(b);
        } catch {
          /* keep the first */
        }
      }
      out.push({ json: b });
    }
  }
  return out;
}
