// What the sync UI says, as pure functions of the status: the header's short label, the time since
// the last sync, the reason a sync failed (in the UI language, with the clock's offset where the
// clock is the reason), and a conflicting field's name and values as a clerk reads them.
import type { TFunction } from 'i18next';
import { formatDate } from '@shared/locale/dates';
import { formatNumber } from '@shared/locale/money';
import type { Lang } from '@shared/locale/lang';
import type { SyncProblem, SyncStatus } from '../../sync/status';

/** «только что», «5 мин назад», «2 ч назад», or the date for a sync before today. */
export function agoText(at: number, now: number, t: TFunction): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return t('sync.ago.now');
  if (minutes < 60) return t('sync.ago.minutes', { count: minutes });
  if (minutes < 24 * 60) return t('sync.ago.hours', { count: Math.floor(minutes / 60) });
  return formatDate(at);
}

/** How many the sync under way brings in all, when the server has said so; null otherwise. */
export function syncTotal(status: Pick<SyncStatus, 'expected'>): number | null {
  return status.expected !== null && status.expected > 0 ? status.expected : null;
}

/** How much of the sync under way has come, in whole percent (0 while nothing is known). */
export function syncPercent(status: Pick<SyncStatus, 'received' | 'expected'>): number {
  const total = syncTotal(status);
  return total === null ? 0 : Math.max(0, Math.min(100, Math.floor((status.received / total) * 100)));
}

/** «Получено с сервера: 15 000 из 50 000» while a sync whose size is known is under way; null otherwise. */
export function progressText(status: SyncStatus, t: TFunction, lang: Lang = 'ru'): string | null {
  const total = syncTotal(status);
  if (status.phase !== 'syncing' || total === null) return null;
  return t('sync.progress', { count: formatNumber(status.received, lang), total: formatNumber(total, lang) });
}

/** The header's label: the state in a word or two. */
export function shortLabel(status: SyncStatus, now: number, t: TFunction, lang: Lang = 'ru'): string {
  switch (status.phase) {
    case 'signedOut':
      return t('sync.short.signedOut');
    case 'offline':
      return t('sync.short.offline');
    case 'syncing':
      if (syncTotal(status) !== null) return t('sync.short.receivedOf', { percent: syncPercent(status) });
      return status.received > 0 ? t('sync.short.received', { count: formatNumber(status.received, lang) }) : t('sync.short.syncing');
    case 'error':
      return t('sync.short.error');
    default:
      return status.lastSyncedAt !== null ? t('sync.short.synced', { ago: agoText(status.lastSyncedAt, now, t) }) : t('sync.short.never');
  }
}

/** Whole minutes of a clock offset, at least 1. */
function minutesOf(ms: number | undefined | null): number {
  return Math.max(1, Math.round(Math.abs(ms ?? 0) / 60_000));
}

/** A network failure's code worth telling support (ECONNREFUSED, ENOTFOUND, net::ERR_…, a timeout); null for a bare "Failed to fetch". */
export function networkCode(message: string): string | null {
  const found = /\b(E[A-Z0-9]{3,}|UND_ERR_[A-Z_]+|ERR_[A-Z_]+|TimeoutError)\b/.exec(message);
  return found?.[1] ?? null;
}

/**
 * Why a sync (or a sign-in) failed, in the UI language, with the answer's HTTP status or the
 * network's error code in brackets for support: «По этому адресу нет сервера Hattama (ответ 405).
 * Проверьте адрес.»
 * @param context `login`: a 401 means a wrong password, not an expired session, and no answer
 *   means the address may be wrong
 */
export function problemText(problem: SyncProblem, t: TFunction, clockOffsetMs: number | null = null, context: 'sync' | 'login' = 'sync'): string {
  const tag = problem.status !== undefined ? t('sync.errors.status', { status: problem.status }) : problem.code === 'network' ? networkCode(problem.message) : null;
  const code = tag ? ` (${tag})` : '';
  switch (problem.code) {
    case 'network':
      return t(context === 'login' ? 'sync.errors.unreachable' : 'sync.errors.network', { code });
    case 'invalid_url':
      return t('sync.invalidUrl');
    case 'invalid_response':
      // An HTTP answer that breaks the contract: not a Hattama server (a web page answered 200). Else the bridge's own failure.
      if (problem.status !== undefined) return t('sync.errors.invalid_response', { code });
      return t('sync.errors.other', { code, message: problem.message.slice(0, 300) });
    case 'rate_limited':
      return problem.retryAfterSeconds !== undefined && problem.retryAfterSeconds > 0
        ? t('sync.errors.rate_limited_wait', { code, minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) })
        : t('sync.errors.rate_limited', { code });
    case 'forbidden':
    case 'schema_outdated':
    case 'server_error':
    case 'not_found':
    case 'not_signed_in':
      return t(`sync.errors.${problem.code}`, { code });
    case 'unauthorized':
      return t(context === 'login' ? 'sync.errors.wrongPassword' : 'sync.errors.unauthorized', { code });
    case 'clock_ahead':
    case 'clock_behind':
      return t(`sync.errors.${problem.code}`, { minutes: minutesOf(problem.clockOffsetMs ?? clockOffsetMs) });
    default:
      return t('sync.errors.other', { code, message: problem.message.slice(0, 300) });
  }
}

/** A conflicting field's name. */
export function fieldLabel(table: string, field: string, t: TFunction): string {
  if (table === 'assignments') return t(`assignments.columns.${field}`, { defaultValue: field });
  return t(`fields.${field}`, { defaultValue: field });
}

/** A conflicting field's value as the clerk reads it (a stage's name, a deadline as the minutes word it). */
export function valueText(table: string, field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (table === 'projects' && (field === 'stage' || field === 'status') && typeof value === 'string') return t(`${field}.${value}`, { defaultValue: value });
  if (table === 'assignments' && field === 'status' && typeof value === 'string') return t(`assignments.status.${value}`, { defaultValue: value });
  if (table === 'assignments' && field === 'deadline' && typeof value === 'object') {
    const d = value as { kind?: string; due?: string; days?: number };
    if (d.kind === 'date' && d.due) return formatDate(d.due);
    if (d.kind === 'workdays' && d.due) return t('sync.workdays', { n: d.days ?? 0, date: formatDate(d.due) });
    if (d.kind === 'permanent' || d.kind === 'quarterly') return t(`assignments.deadline.${d.kind}`);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
