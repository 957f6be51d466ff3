// Runs in the page (bundled by the benchmark with esbuild): writes synthetic meetings, agenda
// items, state bodies and assignments straight into the app's IndexedDB in the shape the
// repository stores, and one meeting whose minutes are ~50 pages (22,000 words in 40 sections with
// paragraphs, lists and tables) as stored Yjs state — what a year of a busy headquarters holds.
import * as Y from 'yjs';
import { HattamaDb, type AgendaItemRow, type AssignmentRow, type MeetingRow, type MinutesRow, type OrganizationRow } from '../renderer/src/db/db';
import { childId } from '../shared/domain/derived-id';
import { minutesDocId } from '../shared/domain/meeting.schema';

const WORDS = ('инвестиционный проект штаб поручение область строительство завод земельный участок газ электроэнергия ' +
  'инвестор акимат управление срок исполнение мощность рабочие места экспорт логистика переработка ' +
  'жоба инвестиция тапсырма мерзім зауыт өндіріс').split(' ');

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function uuid(ms: number, n: number): string {
  const t = ms.toString(16).padStart(12, '0');
  const r = n.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7000-8000-${r}`;
}

function paragraph(text: string, bold = false): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, bold ? { bold: true } : {});
  p.insert(0, [t]);
  return p;
}

function list(items: string[]): Y.XmlElement {
  const l = new Y.XmlElement('bulletList');
  l.insert(0, items.map((s) => {
    const li = new Y.XmlElement('listItem');
    li.insert(0, [paragraph(s)]);
    return li;
  }));
  return l;
}

function table(rows: number, cols: number): Y.XmlElement {
  const tb = new Y.XmlElement('table');
  tb.insert(0, Array.from({ length: rows }, () => {
    const tr = new Y.XmlElement('tableRow');
    tr.insert(0, Array.from({ length: cols }, () => {
      const td = new Y.XmlElement('tableCell');
      td.setAttribute('colspan', 1 as unknown as string);
      td.setAttribute('rowspan', 1 as unknown as string);
      td.insert(0, [paragraph(words(5))]);
      return td;
    }));
    return tr;
  }));
  return tb;
}

/** The Yjs state of 40 sections: СЛУШАЛИ (4 paragraphs and a list), ВЫСТУПИЛИ (2 paragraphs and a table). */
function bigMinutes(itemIds: string[]): { state: Uint8Array; words: number } {
  const doc = new Y.Doc();
  let count = 0;
  for (const id of itemIds) {
    const heard = doc.getXmlFragment(`item/${id}/heard`);
    const spoke = doc.getXmlFragment(`item/${id}/spoke`);
    heard.insert(0, [paragraph(words(80), true), paragraph(words(80)), paragraph(words(80)), paragraph(words(80)), list(Array.from({ length: 5 }, () => words(10)))]);
    spoke.insert(0, [paragraph(words(60)), paragraph(words(60)), table(4, 3)]);
    count += 80 * 4 + 50 + 120 + 60;
  }
  return { state: Y.encodeStateAsUpdate(doc), words: count };
}

declare global {
  interface Window {
    __seedMeetings: (assignments: number) => Promise<{ bigMeetingId: string; words: number; assignments: number }>;
  }
}

window.__seedMeetings = async (assignmentCount: number) => {
  const db = new HattamaDb('hattama');
  await db.open();
  const at = '2026-01-15T05:00:00.000Z';
  const base = Date.parse(at);
  const meta = { createdAt: at, updatedAt: at, deletedAt: null, alive: 1 as const };
  let n = 1;
  const orgs: OrganizationRow[] = Array.from({ length: 40 }, (_, i) => ({
    ...meta, id: uuid(base, n++), name: `Управление ${i + 1} ${pick(WORDS)}`, kind: 'state_body', regionId: 'aktobe', search: `управление ${i + 1}`,
  }));
  const perMeeting = 40;
  const meetings: MeetingRow[] = [];
  const items: AgendaItemRow[] = [];
  const assignments: AssignmentRow[] = [];
  const minutes: MinutesRow[] = [];
  const meetingCount = Math.max(1, Math.ceil(assignmentCount / perMeeting));
  for (let m = 0; m < meetingCount; m++) {
    const year = 2020 + Math.floor(m / 80);
    const day = (m % 80) * 4;
    const date = new Date(Date.UTC(year, 0, 10 + day)).toISOString().slice(0, 10);
    const id = uuid(base + m, n++);
    meetings.push({ ...meta, id, regionId: 'aktobe', number: (m % 80) + 1, kind: pick(['regular', 'on_site', 'extended'] as const), date, time: '10:00', place: 'Акимат', search: `${m + 1} акимат` });
    const itemIds: string[] = [];
    const itemsHere = m === 0 ? 40 : 10;
    for (let k = 0; k < itemsHere; k++) {
      const itemId = uuid(base + m, n++);
      itemIds.push(itemId);
      items.push({ ...meta, id: itemId, meetingId: id, position: `a${k.toString(36).padStart(2, '0')}`, kind: 'topic', titleRu: `О ${words(6)}`, projectIds: [] });
    }
    if (m === 0) minutes.push({ ...meta, id: childId(id, 'minutes/1'), meetingId: id, revision: 1, status: 'draft', languages: ['ru'] });
    for (let d = 0; d < perMeeting && assignments.length < assignmentCount; d++) {
      const itemId = itemIds[d % itemIds.length] as string;
      const due = new Date(Date.parse(date) + (5 + Math.floor(rnd() * 200)) * 86_400_000).toISOString().slice(0, 10);
      const status = pick(['open', 'open', 'in_progress', 'done', 'cancelled'] as const);
      const text = `${pick(['Обеспечить', 'Рассмотреть', 'Проработать', 'Представить'])} ${words(18)}`;
      assignments.push({
        ...meta, id: uuid(base + m, n++), regionId: 'aktobe', origin: 'decision', meetingId: id, agendaItemId: itemId,
        position: `a${d.toString(36).padStart(2, '0')}`, textRu: text, responsibleOrgIds: [pick(orgs).id], deadline: { kind: 'date', due },
        status, projectIds: [], zoneIds: [], meetingIds: [], search: text.toLocaleLowerCase('ru'),
      });
    }
  }
  const big = meetings[0] as MeetingRow;
  const bigItems = items.filter((i) => i.meetingId === big.id).map((i) => i.id);
  const { state, words: wordCount } = bigMinutes(bigItems);
  await db.transaction('rw', [db.organizations, db.meetings, db.agendaItems, db.assignments, db.minutes, db.docUpdates], async () => {
    await db.organizations.bulkPut(orgs);
    await db.meetings.bulkPut(meetings);
    await db.agendaItems.bulkPut(items);
    await db.assignments.bulkPut(assignments);
    await db.minutes.bulkPut(minutes);
    await db.docUpdates.add({ docId: minutesDocId(childId(big.id, 'minutes/1'), 'ru'), update: state, at });
  });
  db.close();
  return { bigMeetingId: big.id, words: wordCount, assignments: assignments.length };
};
