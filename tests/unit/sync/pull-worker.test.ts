// The browser's pulls made in a worker (renderer/src/sync/pull-worker.ts, run here in a stand-in
// worker scope): the transport answers exactly as when it pulls on the page — a checked page, a
// contract failure, the server's refusal (the session forgotten), no answer — with the next
// page's header passed on before the body; answers find their requests whatever their order; a
// worker that fails or cannot start leaves its pulls to the page, none lost and none told twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PULL_NEXT_HEADER } from '../../../shared/sync/contract';
import { SESSION_KEY, createWebSyncTransport } from '../../../renderer/src/sync/web-transport';
import { PULL_WORKER_MIN_CORES, pullRequester, pullsOnWorker, type PullWorker } from '../../../renderer/src/sync/pull-client';
import { memoryStorage } from './support';

const ORIGIN = 'https://hattama.aktobe.kz';
const USER = { username: 'aigerim', displayName: 'Айгерим Серикова', role: 'clerk', regions: ['aktobe'], allRegions: false };
const TOKEN = 'tok_0123456789abcdef0123456789abcdef0123';
const HLC = '001795994752533-000000-c629253581002';
const PAGE = {
  changes: [{ version: 7, table: 'projects', recordId: '01a229a1-1615-74e5-a3f8-ffe85b6a4388', fields: { title: { hlc: HLC, value: 'Завод ферросплавов' } }, at: '2026-11-29T10:00:00.000Z', by: 'Айгерим' }],
  docs: [], version: 7, more: true, serverTime: 1,
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** pull-worker.ts loaded into a scope of its own, with `fetch` its fetch; messages are cloned both ways, a turn later. */
async function realWorker(fetchFn: Fetch): Promise<PullWorker & { terminated: boolean }> {
  const scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: unknown) => void } = { onmessage: null, postMessage: () => undefined };
  const worker = {
    onmessage: null as PullWorker['onmessage'],
    onerror: null as PullWorker['onerror'],
    onmessageerror: null as PullWorker['onmessageerror'],
    terminated: false,
    postMessage(m: unknown) {
      const data = structuredClone(m);
      setTimeout(() => scope.onmessage?.(new MessageEvent('message', { data })), 0);
    },
    terminate() {
      this.terminated = true;
    },
  };
  scope.postMessage = (m) => {
    const data = structuredClone(m);
    setTimeout(() => {
      if (!worker.terminated) worker.onmessage?.call(worker as unknown as Worker, new MessageEvent('message', { data }));
    }, 0);
  };
  vi.stubGlobal('self', scope);
  vi.stubGlobal('fetch', fetchFn);
  vi.resetModules();
  await import('../../../renderer/src/sync/pull-worker');
  vi.unstubAllGlobals();
  // The module keeps `self` and `fetch` as they were when it ran: give it its own for the test.
  vi.stubGlobal('fetch', fetchFn);
  return worker as PullWorker & { terminated: boolean };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function signedIn() {
  const storage = memoryStorage();
  storage.setItem(SESSION_KEY, JSON.stringify({ token: TOKEN, user: USER, expiresAt: '2026-03-15T21:00:00.000Z' }));
  return storage;
}

describe('pulls in a worker', () => {
  it('answer as pulls on the page do: a checked page, a contract failure, a refusal, no answer', async () => {
    let answer: { status: number; body?: unknown; text?: string } = { status: 200 };
    const fetchFn = vi.fn<Fetch>(async (_url, init) => {
      if ((init?.headers as Record<string, string>).authorization !== `Bearer ${TOKEN}`) throw new Error('no token sent');
      if (answer.status === 0) throw new TypeError('Failed to fetch');
      const headers = answer.status === 200 && (answer.body as { more?: boolean } | undefined)?.more ? { [PULL_NEXT_HEADER]: '7' } : undefined;
      return new Response(answer.text ?? JSON.stringify(answer.body), { status: answer.status, ...(headers ? { headers } : {}) });
    });
    const cases: (typeof answer)[] = [
      { status: 200, body: PAGE },
      { status: 200, body: { ...PAGE, version: 'x' } },
      { status: 200, text: '<!doctype html>' },
      { status: 502, text: 'Bad gateway' },
      { status: 429, body: { code: 'rate_limited', message: 'Too many', serverTime: 1 } },
      { status: 0 },
      { status: 401, body: { code: 'unauthorized', message: 'The session has expired', serverTime: 1 } },
    ];
    for (const c of cases) {
      answer = c;
      const onPage = createWebSyncTransport({ fetch: fetchFn, storage: signedIn(), origin: ORIGIN });
      const storage = signedIn();
      const worker = await realWorker(fetchFn);
      const inWorker = createWebSyncTransport({ fetch: fetchFn, storage, origin: ORIGIN, pull: pullsOnWorker(() => worker, fetchFn) });
      const nextHere: number[] = [];
      const nextThere: number[] = [];
      const here = await onPage.syncPull({ region: 'aktobe', since: 0, limit: 10 }, (v) => nextHere.push(v));
      const there = await inWorker.syncPull({ region: 'aktobe', since: 0, limit: 10 }, (v) => nextThere.push(v));
      expect(there).toEqual(here);
      expect(nextThere).toEqual(nextHere);
      expect(storage.map.has(SESSION_KEY)).toBe(c.status !== 401);
    }
    expect(fetchFn).toHaveBeenCalledTimes(cases.length * 2);
  });

  it('passes the next page on before the body, and matches answers to their pulls in any order', async () => {
    const release = new Map<number, () => void>();
    const fetchFn = vi.fn<Fetch>(async (url) => {
      const since = Number(new URL(url).searchParams.get('since'));
      const page = { ...PAGE, changes: [{ ...PAGE.changes[0]!, version: since + 1 }], version: since + 1 };
      // Headers at once, the body when released.
      let open: () => void = () => undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          open = () => {
            controller.enqueue(new TextEncoder().encode(JSON.stringify(page)));
            controller.close();
          };
        },
      });
      release.set(since, open);
      return new Response(body, { status: 200, headers: { [PULL_NEXT_HEADER]: String(since + 1) } });
    });
    const worker = await realWorker(fetchFn);
    const sync = createWebSyncTransport({ fetch: fetchFn, storage: signedIn(), origin: ORIGIN, pull: pullsOnWorker(() => worker, fetchFn) });
    const told: string[] = [];
    const a = sync.syncPull({ region: 'aktobe', since: 10, limit: 10 }, (v) => told.push(`next ${v}`)).then((r) => told.push(`a ${r.ok ? r.value.version : 'failed'}`));
    const b = sync.syncPull({ region: 'aktobe', since: 20, limit: 10 }, (v) => told.push(`next ${v}`)).then((r) => told.push(`b ${r.ok ? r.value.version : 'failed'}`));
    await vi.waitFor(() => expect(told).toEqual(expect.arrayContaining(['next 11', 'next 21'])));
    expect(told).toHaveLength(2);
    release.get(20)?.();
    await b;
    release.get(10)?.();
    await a;
    expect(told.slice(2)).toEqual(['b 21', 'a 11']);
  });

  it('leaves its pulls to the page when the worker fails, none lost and no next page told twice', async () => {
    let fail: () => void = () => undefined;
    const fetchFn = vi.fn<Fetch>(async (url) => new Response(JSON.stringify(PAGE), { status: 200, headers: { [PULL_NEXT_HEADER]: String(Number(new URL(url).searchParams.get('since')) + 7) } }));
    const worker = await realWorker(fetchFn);
    const failing: PullWorker = {
      get onmessage() { return worker.onmessage; },
      set onmessage(f) {
        // The headers pass; then the worker dies before its answer.
        worker.onmessage = function (this: Worker, e: MessageEvent) {
          f?.call(this, e);
          if ((e.data as { kind: string }).kind === 'headers') fail();
        };
      },
      onerror: null,
      onmessageerror: null,
      postMessage: (m: unknown) => worker.postMessage(m),
      terminate: () => worker.terminate(),
    };
    fail = () => failing.onerror?.call(failing as unknown as Worker, Object.assign(new Event('error'), { message: 'boom' }) as ErrorEvent);
    const sync = createWebSyncTransport({ fetch: fetchFn, storage: signedIn(), origin: ORIGIN, pull: pullsOnWorker(() => failing, fetchFn) });
    const next: number[] = [];
    expect(await sync.syncPull({ region: 'aktobe', since: 0, limit: 10 }, (v) => next.push(v))).toEqual({ ok: true, value: PAGE });
    expect(next).toEqual([7]);
    expect(worker.terminated).toBe(true);
    // Asked once in the worker, once again on the page; the next pull goes to the page straight away.
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(await sync.syncPull({ region: 'aktobe', since: 7, limit: 10 }, (v) => next.push(v))).toEqual({ ok: true, value: PAGE });
    expect(fetchFn).toHaveBeenCalledTimes(3);
    expect(next).toEqual([7, 14]);

    // A worker that cannot start: every pull on the page.
    const page = vi.fn<Fetch>(async () => new Response(JSON.stringify({ ...PAGE, more: false }), { status: 200 }));
    const none = createWebSyncTransport({ fetch: page, storage: signedIn(), origin: ORIGIN, pull: pullsOnWorker(() => { throw new Error('no workers here'); }, page) });
    expect(await none.syncPull({ region: 'aktobe', since: 0, limit: 10 })).toEqual({ ok: true, value: { ...PAGE, more: false } });
    expect(page).toHaveBeenCalledTimes(1);
  });

  it('go to a worker only on a machine with cores to spare (on 2 the page and a worker compete)', async () => {
    const started: string[] = [];
    vi.stubGlobal('Worker', class {
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      onmessageerror: (() => void) | null = null;
      constructor(url: URL) {
        started.push(String(url));
      }
      postMessage(m: { id: number }) {
        // Answers at once, as a worker whose server said 503 would.
        setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: { id: m.id, kind: 'answer', answer: { kind: 'http', status: 503, ok: false, retryAfter: null, body: null, valid: true } } })), 0);
      }
      terminate() {}
    });
    const fetchFn = vi.fn<Fetch>(async () => new Response(JSON.stringify(PAGE), { status: 200 }));
    const few = pullRequester(fetchFn, PULL_WORKER_MIN_CORES - 2);
    expect(await few(`${ORIGIN}/api/v1/pull`, {})).toMatchObject({ kind: 'http', status: 200, valid: true });
    expect(started).toEqual([]);
    const many = pullRequester(fetchFn, PULL_WORKER_MIN_CORES);
    expect(await many(`${ORIGIN}/api/v1/pull`, {})).toMatchObject({ kind: 'http', status: 503 });
    expect(started).toHaveLength(1);
    expect(started[0]).toContain('pull-worker');
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });
});
