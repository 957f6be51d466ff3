// The meetings list's read, for its live query: the live meetings, agenda items and minutes, and
// of the people only the chairs, by id — so the list is read again when one of them changes, not
// whenever anyone of the region's thousands of people does (a first sync brings them page by page).
import { aliveRows, type HattamaDb } from '../../db/db';
import { buildMeetingRows, type MeetingListRow } from './meeting-list';

/** The list's rows as stored now. */
export async function readMeetingRows(db: HattamaDb): Promise<MeetingListRow[]> {
  const [meetings, items, minutes] = await Promise.all([aliveRows(db.meetings).toArray(), aliveRows(db.agendaItems).toArray(), aliveRows(db.minutes).toArray()]);
  const chairs = [...new Set(meetings.flatMap((m) => (m.chairId ? [m.chairId] : [])))];
  const people = (await db.people.bulkGet(chairs)).filter((p) => p !== undefined);
  return buildMeetingRows(meetings, items, minutes, people);
}
