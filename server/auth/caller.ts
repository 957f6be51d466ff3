// The signed-in user a request runs for, and the access checks every endpoint makes with it.
import type { UserRole } from '../../shared/sync/contract';
import { fail } from '../http/errors';

export type Caller = {
  userId: number;
  username: string;
  displayName: string;
  role: UserRole;
  /** Granted regions ('*' is kept as `allRegions`). */
  regions: ReadonlySet<string>;
  allRegions: boolean;
  /** SHA-256 of the bearer token the request came with. */
  tokenHash: Buffer;
  expiresAt: Date;
};

/** Whether the caller may see region `regionId`. */
export function mayRead(caller: Caller, regionId: string): boolean {
  return caller.allRegions || caller.regions.has(regionId);
}

/** 403 unless the caller may see region `regionId`. */
export function assertRead(caller: Caller, regionId: string): void {
  if (!mayRead(caller, regionId)) fail('forbidden', `Region "${regionId}" is not granted to ${caller.username}.`);
}

/** 403 unless the caller may change region `regionId` (admins and clerks of the region). */
export function assertWrite(caller: Caller, regionId: string): void {
  assertRead(caller, regionId);
  if (caller.role === 'viewer') fail('forbidden', `${caller.username} is a viewer and cannot change data.`);
}
