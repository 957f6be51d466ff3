// Attendance as pure functions: the order people are listed in (the order they were added, so the
// clerk's order — the chair first — holds) and the count of each mark.
import type { Presence } from '@shared/domain/meeting.schema';

/** In the order they were added (then by id, the same on every machine). */
export function byAddition<T extends { createdAt: string; id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many people have each mark. */
export function attendanceSummary(rows: readonly { presence: Presence }[]): Record<Presence, number> {
  const out: Record<Presence, number> = { unknown: 0, present: 0, absent: 0, video: 0 };
  for (const r of rows) out[r.presence] += 1;
  return out;
}
