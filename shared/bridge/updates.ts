// The update channels of the bridge: the desktop app updates itself from the organization's own
// update server (electron-updater, generic provider). Off by default: with no address nothing
// checks or downloads. The address is a setting (Settings → Updates, or the organization's
// configuration: the HATTAMA_UPDATE_URL environment variable, or updates.json in the app's data folder).
import { z } from 'zod';
import { MAX_URL_LENGTH, parseStrictUrl } from '../security/urls';

/** Longest update server address accepted. */
export const MAX_UPDATE_URL_LENGTH = 500;

/** Why an address is refused (the UI translates the code). */
export type UpdateUrlProblem = 'not_https' | 'invalid' | 'credentials' | 'query';

/**
 * Checks an update server address: https only (the update's metadata and its hash come from it),
 * a host, no `user:password@`, no query or fragment.
 * @returns null when the address is fine, else why not
 */
export function updateUrlProblem(url: string): UpdateUrlProblem | null {
  const trimmed = url.trim();
  const parsed = parseStrictUrl(trimmed);
  if (parsed === null || trimmed.length > MAX_UPDATE_URL_LENGTH || trimmed.includes('\\')) return 'invalid';
  if (parsed.protocol !== 'https:') return 'not_https';
  if (parsed.hostname.length === 0) return 'invalid';
  if (parsed.username !== '' || parsed.password !== '') return 'credentials';
  if (/[?#]/.test(trimmed)) return 'query';
  return null;
}

/** The address as stored: trimmed, with one trailing slash (electron-updater resolves latest.yml against it). */
export function normaliseUpdateUrl(url: string): string {
  return `${url.trim().replace(/\/+$/, '')}/`;
}

/** An update server address as a setting: '' turns updates off. */
export const updateUrlSettingSchema = z
  .string()
  .max(MAX_URL_LENGTH)
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    if (s === '') return;
    const problem = updateUrlProblem(s);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((s) => (s === '' ? '' : normaliseUpdateUrl(s)));

/** Where the address in force comes from: the environment (managed, read-only in the app), the settings file, or nowhere (off). */
export const UPDATE_URL_SOURCES = ['env', 'settings', 'none'] as const;

/** What the updater is doing. */
export const UPDATE_STATES = ['off', 'idle', 'checking', 'downloading', 'ready', 'error'] as const;

/** `updates:status`: the address in force and what the updater is doing. */
export const updateStatusSchema = z
  .object({
    /** False in the browser: the web version is updated with its server. */
    available: z.boolean(),
    url: z.string().max(MAX_UPDATE_URL_LENGTH + 10),
    source: z.enum(UPDATE_URL_SOURCES),
    state: z.enum(UPDATE_STATES),
    /** The version being downloaded or ready to install. */
    version: z.string().max(100).nullable(),
    /** Download progress, 0–100, while downloading. */
    percent: z.number().min(0).max(100).nullable(),
    /** The last check's failure (the updater's message). */
    error: z.string().max(2000).nullable(),
    /** When the last check finished (ms since the epoch). */
    checkedAt: z.number().int().nullable(),
  })
  .strict();
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** An answer that may be refused: the new status, or why not. */
export const updateResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), status: updateStatusSchema }).strict(),
  z.object({ ok: z.literal(false), error: z.enum(['managed', 'unavailable']), status: updateStatusSchema }).strict(),
]);
export type UpdateResult = z.infer<typeof updateResultSchema>;

/** The update channels' entries of the bridge contract (shared/bridge/contract.ts spreads them in). */
export const updatesBridgeContract = {
  /** The update server's address and the updater's state. */
  'updates:status': { method: 'updatesStatus', request: z.object({}).strict(), response: updateStatusSchema },
  /** Sets the update server's address ('' turns updates off); refused when the organization's environment sets it. */
  'updates:set-url': { method: 'updatesSetUrl', request: z.object({ url: updateUrlSettingSchema }).strict(), response: updateResultSchema },
  /** Checks now (when updates are on). */
  'updates:check': { method: 'updatesCheck', request: z.object({}).strict(), response: updateResultSchema },
} as const;
