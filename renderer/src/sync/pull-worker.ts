// The browser's pulls made in a worker (pull-client.ts starts it, on machines with cores to
// spare): a first sync brings tens of megabytes of JSON, and decoding, parsing and checking each
// page against the contract took the page's thread ~0.15 s a page of 5,000 changes here — time the
// page's thread needs for storing the page before. Here they run beside it; the page receives the
// checked page (a structured clone). The worker keeps nothing between requests: the token comes
// with each.
import { PULL_NEXT_HEADER, pullResponseSchema } from '@shared/sync/contract';
import { requestJson, type Answer } from './request';

/** To the worker: one pull request (its URL and init, the token in its headers). */
export type PullAsk = { id: number; url: string; init: RequestInit };

/** From the worker: a successful answer's next-page header (before its body), then the answer. */
export type PullTold = { id: number; kind: 'headers'; next: string | null } | { id: number; kind: 'answer'; answer: Answer };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PullAsk>) => void) | null;
  postMessage: (message: PullTold) => void;
};

scope.onmessage = (event) => {
  const { id, url, init } = event.data;
  void requestJson(fetch, url, init, pullResponseSchema, (get) => scope.postMessage({ id, kind: 'headers', next: get(PULL_NEXT_HEADER) })).then((answer) =>
    scope.postMessage({ id, kind: 'answer', answer }),
  );
};
