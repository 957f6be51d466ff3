// One request to the sync server and what came back, in a form that crosses to and from a worker
// (pull-worker.ts): the browser's transport (web-transport.ts) makes its calls with it on the page,
// and its pulls in a worker, where a page's text is decoded, parsed and checked off the page.
import type { z } from 'zod';
import { jsonOrNull, networkFailure, type SyncFailure } from '@shared/bridge/sync';

/**
 * What a request came back with: no answer (why), or the server's status, its Retry-After, and
 * its body as JSON (null when it is not JSON) — checked against the contract's schema when the
 * status is a success (`valid`; the body is then the schema's output).
 */
export type Answer =
  | { kind: 'network'; failure: SyncFailure }
  | { kind: 'http'; status: number; ok: boolean; retryAfter: string | null; body: unknown; valid: boolean };

/** A response's headers, as far as a caller reads them. */
export type HeaderGetter = (name: string) => string | null;

/**
 * Makes the request with `fetchFn` and reads its answer. `onHeaders` sees a successful answer's
 * headers before its body is read (a pull's next page is asked for meanwhile).
 */
export async function requestJson(
  fetchFn: (input: string, init?: RequestInit) => Promise<Response>,
  url: string,
  init: RequestInit,
  schema: z.ZodType | null,
  onHeaders?: (get: HeaderGetter) => void,
): Promise<Answer> {
  let res: Response;
  try {
    res = await fetchFn(url, init);
  } catch (error) {
    return { kind: 'network', failure: networkFailure(error) };
  }
  if (res.ok) onHeaders?.((name) => res.headers.get(name));
  const body = jsonOrNull(await res.text().catch(() => ''));
  const answer = { kind: 'http' as const, status: res.status, ok: res.ok, retryAfter: res.headers.get('retry-after') };
  if (!res.ok || !schema) return { ...answer, body, valid: true };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ...answer, body: parsed.data, valid: true } : { ...answer, body: null, valid: false };
}
