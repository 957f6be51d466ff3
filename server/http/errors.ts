// Errors the API answers with: a code from the sync contract (SYNC_ERROR_CODES), its HTTP status
// and a message a clerk or an administrator can act on.
import { SYNC_ERROR_STATUS, type SyncErrorCode } from '../../shared/sync/contract';

/** Extra members of an error body (see syncErrorSchema). */
export type ErrorExtra = { lastSeq?: number; entrySeq?: number };

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
    status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? SYNC_ERROR_STATUS[code];
  }
}

/** Throws an {@link ApiError}. */
export function fail(code: SyncErrorCode, message: string, extra?: ErrorExtra): never {
  throw new ApiError(code, message, extra);
}
