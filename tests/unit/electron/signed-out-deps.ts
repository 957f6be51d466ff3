// The sync and live services of the bridge handlers as a signed-out desktop has them: every call
// refuses (for tests of the other channels).
import { vi } from 'vitest';

const UPDATES_OFF = { available: true, url: '', source: 'none' as const, state: 'off' as const, version: null, percent: null, error: null, checkedAt: null };

export function signedOutSyncDeps() {
  return {
    sync: {
      'sync:status': vi.fn(async () => ({ serverUrl: null, session: null })),
      'sync:login': vi.fn(async () => ({ ok: false as const, error: { code: 'unauthorized' as const, message: 'Wrong username or password.' } })),
      'sync:logout': vi.fn(async () => ({ ok: true })),
      'sync:push': vi.fn(async () => ({ ok: false as const, error: { code: 'not_signed_in' as const, message: 'Sign in to sync.' } })),
      'sync:pull': vi.fn(async () => ({ ok: false as const, error: { code: 'not_signed_in' as const, message: 'Sign in to sync.' } })),
      liveCredentials: vi.fn(async () => ({ reason: 'Sign in to work live.' })),
    },
    /** Updates as a fresh install has them: off. */
    updates: {
      status: vi.fn(() => ({ ...UPDATES_OFF })),
      setUrl: vi.fn(async () => ({ ok: true as const, status: { ...UPDATES_OFF } })),
      checkNow: vi.fn(async () => ({ ok: false as const, error: 'unavailable' as const, status: { ...UPDATES_OFF } })),
    },
    live: {
      'live:connect': vi.fn(async () => ({ started: false, reason: 'Sign in to work live.' })),
      'live:send': vi.fn(async () => ({ sent: false })),
      'live:disconnect': vi.fn(async () => ({ ok: true })),
    },
  };
}
