// The page's side of the pull worker (pull-worker.ts): requests sent with an id, answers matched
// back. A worker that cannot start or fails leaves its requests — and every later one — to the
// page's own fetch: a pull is a GET, asked again without harm, so none is lost to the worker.
import { PULL_NEXT_HEADER, pullResponseSchema } from '@shared/sync/contract';
import { requestJson, type Answer, type HeaderGetter } from './request';
import type { PullAsk, PullTold } from './pull-worker';

/** Makes a pull request and reads its answer (as {@link requestJson} with the pull's schema). */
export type PullRequester = (url: string, init: RequestInit, onHeaders?: (get: HeaderGetter) => void) => Promise<Answer>;

/** What {@link pullsOnWorker} needs of a worker. */
export type PullWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

type Waiting = { ask: PullAsk; onHeaders?: (get: HeaderGetter) => void; heard: boolean; resolve: (answer: Answer) => void };

/**
 * Pulls made on a worker started by `start` when first needed; `fetchFn` (the page's fetch) makes
 * them where the worker cannot.
 */
export function pullsOnWorker(start: () => PullWorker, fetchFn: (input: string, init?: RequestInit) => Promise<Response>): PullRequester {
  let worker: PullWorker | null = null;
  let broken = false;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  // Asked again here: its headers are passed on only if the worker had not passed them already.
  const here = (w: Waiting) => void requestJson(fetchFn, w.ask.url, w.ask.init, pullResponseSchema, w.heard ? undefined : w.onHeaders).then(w.resolve);
  const fail = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) here(w);
  };
  const started = (): PullWorker | null => {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = start();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<PullTold>) => {
      const told = event.data;
      const w = waiting.get(told.id);
      if (!w) return;
      if (told.kind === 'headers') {
        w.heard = true;
        w.onHeaders?.((name) => (name === PULL_NEXT_HEADER ? told.next : null));
        return;
      }
      waiting.delete(told.id);
      w.resolve(told.answer);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail();
    };
    worker.onmessageerror = fail;
    return worker;
  };
  return (url, init, onHeaders) =>
    new Promise<Answer>((resolve) => {
      const w: Waiting = { ask: { id: nextId++, url, init }, heard: false, resolve, ...(onHeaders ? { onHeaders } : {}) };
      const on = started();
      if (!on) return here(w);
      waiting.set(w.ask.id, w);
      try {
        on.postMessage(w.ask);
      } catch {
        fail();
      }
    });
}

/**
 * The fewest cores on which pulls go to a worker. Measured here (2 cores, the server on the same
 * machine): the worker took the page's thread from 9.4 s to 7.5 s of work in a first sync of
 * 50,000 records, but the sync took no less (9.9 s on the page; 10.1 and 10.7 s with the worker) —
 * every core was busy, and handing each page across costs a copy on both sides. With cores to
 * spare the page's thread is what a first sync waits for.
 */
export const PULL_WORKER_MIN_CORES = 4;

/**
 * Pulls on a worker where the page can start one and the machine has {@link PULL_WORKER_MIN_CORES}
 * cores (`cores`: navigator.hardwareConcurrency), with the page's fetch elsewhere.
 */
export function pullRequester(fetchFn: (input: string, init?: RequestInit) => Promise<Response>, cores: number): PullRequester {
  if (typeof Worker !== 'function' || cores < PULL_WORKER_MIN_CORES) return (url, init, onHeaders) => requestJson(fetchFn, url, init, pullResponseSchema, onHeaders);
  return pullsOnWorker(() => new Worker(new URL('./pull-worker.ts', import.meta.url), { type: 'module', name: 'sync-pull' }), fetchFn);
}
