// The daily reminder of assignments under control: once a day (at start, then checked every hour)
// the clerk is told how many assignments are overdue and how many fall due within the next
// working days — in the app (a toast that opens the control table) and, on the desktop, as an OS
// notification through the bridge. The day it was given is kept in the local settings.
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import type { HostBridge } from '@shared/bridge/contract';
import { buildWorkCalendar } from '@shared/domain/work-calendar';
import { todayIso } from '@shared/locale/dates';
import { dueSoon } from '../features/assignments';
import type { HattamaDb } from '../db/db';

const NOTIFIED_KEY = 'reminders.notifiedOn';
/** «Срок в ближайшие N рабочих дней». */
export const REMINDER_WORKING_DAYS = 3;

export type ReminderCounts = { overdue: number; soon: number };

/** How many assignments under control are overdue and due soon on `today`. */
export async function reminderCounts(db: HattamaDb, today: string, workingDays = REMINDER_WORKING_DAYS): Promise<ReminderCounts> {
  const [assignments, days] = await Promise.all([
    db.assignments.filter((a) => a.alive === 1 && (a.status === 'open' || a.status === 'in_progress')).toArray(),
    db.calendarDays.filter((d) => d.alive === 1).toArray(),
  ]);
  let calendar;
  try {
    calendar = buildWorkCalendar(days.map((d) => ({ date: d.date, kind: d.kind })));
  } catch {
    calendar = buildWorkCalendar();
  }
  const { overdue, soon } = dueSoon(assignments, today, calendar, workingDays);
  return { overdue: overdue.length, soon: soon.length };
}

/**
 * Gives the day's reminder unless it was given today or there is nothing to remind of: the OS
 * notification (the browser host shows none) and `onShow` (the in-app toast). Returns what it
 * counted, or null when it did nothing.
 */
export async function dailyReminder(deps: {
  db: HattamaDb;
  host: Pick<HostBridge, 'notify'>;
  now: Date;
  text: (counts: ReminderCounts) => { title: string; body: string };
  onShow: (counts: ReminderCounts) => void;
}): Promise<ReminderCounts | null> {
  const today = todayIso(deps.now);
  const last = await deps.db.settings.get(NOTIFIED_KEY);
  if (last?.value === today) return null;
  const counts = await reminderCounts(deps.db, today);
  if (counts.overdue + counts.soon === 0) return null;
  await deps.db.settings.put({ key: NOTIFIED_KEY, value: today });
  deps.onShow(counts);
  const { title, body } = deps.text(counts);
  await deps.host.notify({ title, body }).catch(() => ({ shown: false }));
  return counts;
}

/** Runs the daily reminder a few seconds after start and then every hour. */
export function useDailyReminders(db: HattamaDb, host: () => Pick<HostBridge, 'notify'>, t: TFunction, open: () => void): void {
  useEffect(() => {
    let stopped = false;
    const run = () => {
      if (stopped) return;
      void dailyReminder({
        db, host: host(), now: new Date(),
        text: (c) => ({ title: t('reminders.title'), body: t('reminders.body', { overdue: c.overdue, soon: c.soon, days: REMINDER_WORKING_DAYS }) }),
        onShow: (c) => notifications.show({
          id: 'daily-reminder', color: c.overdue > 0 ? 'red' : 'yellow', autoClose: 15_000, withCloseButton: true,
          title: t('reminders.title'),
          message: t('reminders.body', { overdue: c.overdue, soon: c.soon, days: REMINDER_WORKING_DAYS }),
          onClick: () => { notifications.hide('daily-reminder'); open(); },
          style: { cursor: 'pointer' },
        }),
      }).catch(() => undefined);
    };
    const first = setTimeout(run, 3000);
    const hourly = setInterval(run, 3_600_000);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(hourly);
    };
  }, [db, host, t, open]);
}
