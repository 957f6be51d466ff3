// How a sync transport words a failed call (shared/bridge/sync.ts): the Hattama server's own error
// with its status and Retry-After; an answer that is not a Hattama server's told by its status; a
// request nobody answered told from one whose address is not a URL, with the cause's code.
import { describe, expect, it } from 'vitest';
import { httpFailure, networkFailure, retryAfterSeconds, syncFailureSchema } from '@shared/bridge/sync';

const NOW = Date.UTC(2026, 2, 15, 9, 0, 0);

describe('sync failures', () => {
  it('keep the Hattama server\'s own error, with the status and the wait it asks for', () => {
    const body = { code: 'rate_limited', message: 'Too many failed sign-ins for aigerim; try again in 15 min.', serverTime: 7 };
    expect(httpFailure(429, body, '900', NOW)).toEqual({ ...body, status: 429, retryAfterSeconds: 900 });
    expect(httpFailure(401, { code: 'unauthorized', message: 'Wrong username or password.', serverTime: 7 }, null, NOW)).toEqual({
      code: 'unauthorized', message: 'Wrong username or password.', serverTime: 7, status: 401,
    });
    expect(httpFailure(409, { code: 'seq_gap', message: 'gap', serverTime: 7, lastSeq: 12 }, null, NOW)).toMatchObject({ code: 'seq_gap', lastSeq: 12, status: 409 });
  });

  it('tell an answer that is not a Hattama server\'s by its status', () => {
    expect(httpFailure(405, null, null, NOW)).toEqual({ code: 'not_found', message: 'HTTP 405: not an answer of the Hattama sync API', status: 405 });
    expect(httpFailure(404, '<html>', null, NOW)).toMatchObject({ code: 'not_found', status: 404 });
    expect(httpFailure(403, { error: 'forbidden' }, null, NOW)).toMatchObject({ code: 'not_found', status: 403 });
    expect(httpFailure(502, null, null, NOW)).toMatchObject({ code: 'server_error', status: 502 });
    expect(httpFailure(429, null, 'Sun, 15 Mar 2026 09:02:00 GMT', NOW)).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 120 });
    for (const f of [httpFailure(405, null, null, NOW), httpFailure(429, null, '60', NOW)]) expect(syncFailureSchema.safeParse(f).success).toBe(true);
  });

  it('read Retry-After as seconds or a date, and nothing else', () => {
    expect(retryAfterSeconds('120', NOW)).toBe(120);
    expect(retryAfterSeconds(' 0 ', NOW)).toBe(0);
    expect(retryAfterSeconds('Sun, 15 Mar 2026 09:00:30 GMT', NOW)).toBe(30);
    expect(retryAfterSeconds('Sun, 15 Mar 2026 08:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterSeconds('99999999', NOW)).toBe(86_400);
    expect(retryAfterSeconds('soon', NOW)).toBeNull();
    expect(retryAfterSeconds(null, NOW)).toBeNull();
  });

  it('tell no answer from an address that is not a URL, with the cause\'s code first', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }) });
    expect(networkFailure(refused)).toEqual({ code: 'network', message: 'ECONNREFUSED: fetch failed' });
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND hattama.example'), { code: 'ENOTFOUND' }) });
    expect(networkFailure(dns).message).toBe('ENOTFOUND: fetch failed');
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(networkFailure(timeout)).toEqual({ code: 'network', message: 'TimeoutError: The operation was aborted due to timeout' });
    expect(networkFailure(new TypeError('Failed to fetch'))).toEqual({ code: 'network', message: 'TypeError: Failed to fetch' });
    const badUrl = new TypeError('Failed to parse URL from hattama/api/v1/login', { cause: Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }) });
    expect(networkFailure(badUrl)).toMatchObject({ code: 'invalid_url' });
    expect(networkFailure(new TypeError("Failed to execute 'fetch' on 'Window': Invalid URL"))).toMatchObject({ code: 'invalid_url' });
  });
});
