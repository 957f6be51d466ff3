// The daily reminder: once a day, only when something is overdue or due within three working days
// (Kazakhstan's calendar with the clerk's moved days), through the host's notification.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailyReminder, reminderCounts } from '../../../renderer/src/app/reminders';
import { openHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

async function directive(due: string, status: 'open' | 'done' | 'cancelled' = 'open') {
  return h.repos.assignments.create({
    regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', textRu: `Поручение до ${due}`, status,
    deadline: { kind: 'date', due }, responsibleOrgIds: [], projectIds: [], zoneIds: [], meetingIds: [],
  });
}

const text = () => ({ title: 'Поручения', body: 'текст' });

describe('daily reminder', () => {
  it('counts overdue and due-within-three-working-days assignments, skipping closed ones and those further off', async () => {
    h = openHarness();
    await directive('2026-03-13'); // Friday before: overdue on Monday 16 March
    await directive('2026-03-18'); // Wednesday: within 3 working days of Monday
    await directive('2026-03-20'); // Friday: 4 working days away
    await directive('2026-03-10', 'cancelled');
    expect(await reminderCounts(h.db, '2026-03-16')).toEqual({ overdue: 1, soon: 1 });
    // A weekday made a day off by decree pushes the third working day out to Friday.
    await h.repos.calendarDays.create({ date: '2026-03-17', kind: 'day_off' });
    expect(await reminderCounts(h.db, '2026-03-16')).toEqual({ overdue: 1, soon: 2 });
  });

  it('notifies once a day, and not at all when nothing is due', async () => {
    h = openHarness();
    const host = { notify: vi.fn(async () => ({ shown: true })) };
    const onShow = vi.fn();
    const monday = new Date('2026-03-16T04:00:00Z');
    expect(await dailyReminder({ db: h.db, host, now: monday, text, onShow })).toBeNull();
    expect(host.notify).not.toHaveBeenCalled();

    await directive('2026-03-13');
    expect(await dailyReminder({ db: h.db, host, now: monday, text, onShow })).toEqual({ overdue: 1, soon: 0 });
    expect(host.notify).toHaveBeenCalledExactlyOnceWith({ title: 'Поручения', body: 'текст' });
    expect(onShow).toHaveBeenCalledTimes(1);
    // Later the same day: nothing again; the next day: again.
    expect(await dailyReminder({ db: h.db, host, now: new Date('2026-03-16T12:00:00Z'), text, onShow })).toBeNull();
    expect(await dailyReminder({ db: h.db, host, now: new Date('2026-03-17T04:00:00Z'), text, onShow })).toEqual({ overdue: 1, soon: 0 });
    expect(host.notify).toHaveBeenCalledTimes(2);
  });
});
