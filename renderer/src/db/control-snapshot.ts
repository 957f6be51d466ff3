// A saved snapshot of the assignments' control rows (the dashboard's projection), so that opening
// the dashboard reads one record and the rows written since instead of 50,000 records — the same
// scheme as the board's snapshot (board-snapshot.ts): rows as of a control revision (`rev`, which
// every control-row write increases in its own transaction); rows with a higher revision are read
// by index and laid over it. The rows are stored in the compact form of the dashboard's facts
// (dash-facts.ts): typed columns, statuses and dates as indexes into small dictionaries, and the
// three lists of ids (responsible bodies, zones, projects) as one flat column of indexes into a
// dictionary of ids with a length per list — a few typed arrays to clone instead of 150,000 small
// arrays. A snapshot of another shape is ignored (and rebuilt from the rows).
import type { ControlRow, HattamaDb } from './db';
import { dictionary, joinIds, loadCompactSnapshot, splitIds, storedCount } from './compact-columns';

const KEY = 'control.snapshot';
/** The syncState key noting the revision of the control rows' base. */
export const CONTROL_BASE_MARKER = 'controlBase';
/** Bump when the stored shape (or ControlRow) changes. 1: plain columns with arrays per row. */
const SHAPE = 2;
const LISTS = ['responsibleOrgIds', 'zoneIds', 'projectIds'] as const;
/** A list's length standing for "no list at all" (undefined). */
const NO_LIST = -1;

type Stored = {
  shape: number;
  rev: number;
  count: number;
  /** The ids, each followed by a line break (see compact-columns.ts). */
  ids: string;
  alive: Uint8Array;
  /** Index into `statuses`. */
  status: Uint8Array;
  statuses: string[];
  /** Index into `dates`; 0: null, 1: undefined. */
  due: Uint16Array;
  doneOn: Uint16Array;
  dates: string[];
  /** Three per row (bodies, zones, projects): the list's length, or NO_LIST. */
  listLen: Int32Array;
  /** Every list's ids, one after another, as indexes into `refs`. */
  listItems: Uint32Array;
  refs: string[];
  /** Each row's revision, NaN for none. */
  revs: Float64Array;
};

/** The control revision now (0 before any control row was written with one). */
export async function currentControlRev(db: HattamaDb): Promise<number> {
  return (await db.syncState.get('controlRev'))?.version ?? 0;
}

/** The revision of the control rows' base (projections.ts), or null when there is none. */
export async function controlBaseRev(db: HattamaDb): Promise<number | null> {
  return (await db.syncState.get(CONTROL_BASE_MARKER))?.version ?? null;
}

/** The control rows as stored columns. */
export function encodeControlRows(rows: readonly ControlRow[], rev: number): Stored {
  const n = rows.length;
  const statuses = dictionary();
  const dates = dictionary(['', '']);
  const refs = dictionary();
  const date = (d: string | null | undefined) => (d === null ? 0 : d === undefined ? 1 : dates.code(d));
  let items = 0;
  for (const r of rows) for (const l of LISTS) items += r[l]?.length ?? 0;
  const out: Stored = {
    shape: SHAPE, rev, count: n, ids: joinIds(rows.map((r) => r.id)), alive: new Uint8Array(n), status: new Uint8Array(n), statuses: statuses.values,
    due: new Uint16Array(n), doneOn: new Uint16Array(n), dates: dates.values,
    listLen: new Int32Array(n * 3), listItems: new Uint32Array(items), refs: refs.values, revs: new Float64Array(n),
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ControlRow;
    out.alive[i] = r.alive;
    out.status[i] = statuses.code(r.status);
    out.due[i] = date(r.due);
    out.doneOn[i] = date(r.doneOn);
    for (let l = 0; l < 3; l++) {
      const list = r[LISTS[l] as (typeof LISTS)[number]] as readonly string[] | undefined;
      if (list === undefined) {
        out.listLen[i * 3 + l] = NO_LIST;
        continue;
      }
      out.listLen[i * 3 + l] = list.length;
      for (const id of list) out.listItems[at++] = refs.code(id);
    }
    out.revs[i] = r.rev === undefined ? NaN : r.rev;
  }
  if (statuses.values.length > 0xff || dates.values.length > 0xffff) throw new Error('Too many distinct statuses or dates for the compact control rows');
  return out;
}

const isStored = (s: unknown): s is Stored => {
  const n = storedCount(s, SHAPE);
  if (n === null) return false;
  const v = s as Partial<Stored>;
  return Array.isArray(v.statuses) && Array.isArray(v.dates) && Array.isArray(v.refs)
    && v.alive instanceof Uint8Array && v.alive.length === n
    && v.status instanceof Uint8Array && v.status.length === n
    && v.due instanceof Uint16Array && v.due.length === n
    && v.doneOn instanceof Uint16Array && v.doneOn.length === n
    && v.listLen instanceof Int32Array && v.listLen.length === n * 3
    && v.listItems instanceof Uint32Array
    && v.revs instanceof Float64Array && v.revs.length === n;
};

/** The control rows from stored columns (null when they are not of this shape or damaged). */
export function decodeControlRows(s: unknown): ControlRow[] | null {
  if (!isStored(s)) return null;
  const ids = splitIds(s.ids, s.count);
  if (!ids) return null;
  const { dates, refs, statuses, listLen, listItems } = s;
  let total = 0;
  for (const len of listLen) {
    if (len < NO_LIST) return null;
    if (len > 0) total += len;
  }
  if (total !== listItems.length) return null;
  for (const r of listItems) if (r >= refs.length) return null;
  for (let i = 0; i < s.count; i++) {
    if ((s.status[i] as number) >= statuses.length || (s.due[i] as number) >= dates.length || (s.doneOn[i] as number) >= dates.length) return null;
  }
  const date = (i: number) => (i === 0 ? null : i === 1 ? undefined : dates[i]);
  const rows = new Array<ControlRow>(s.count);
  let at = 0;
  // Equal lists are one (frozen) array: most assignments name the same few bodies and zones, so
  // 50,000 rows hold a few thousand arrays instead of 150,000 (less to keep, less to collect).
  const lists = new Map<string, string[]>();
  const list = (len: number): string[] | undefined => {
    if (len === NO_LIST) return undefined;
    let key = '';
    for (let k = 0; k < len; k++) key += `${listItems[at + k] as number},`;
    let out = lists.get(key);
    if (!out) {
      out = new Array<string>(len);
      for (let k = 0; k < len; k++) out[k] = refs[listItems[at + k] as number] as string;
      lists.set(key, Object.freeze(out) as string[]);
    }
    at += len;
    return out;
  };
  for (let i = 0; i < s.count; i++) {
    const row: Record<string, unknown> = {
      id: ids[i],
      alive: s.alive[i],
      status: statuses[s.status[i] as number],
      due: date(s.due[i] as number),
      doneOn: date(s.doneOn[i] as number),
      responsibleOrgIds: list(listLen[i * 3] as number),
      zoneIds: list(listLen[i * 3 + 1] as number),
      projectIds: list(listLen[i * 3 + 2] as number),
    };
    const rev = s.revs[i] as number;
    if (!Number.isNaN(rev)) row.rev = rev;
    rows[i] = row as ControlRow;
  }
  return rows;
}

/** Saves the live rows as of revision `rev`. */
export async function saveControlSnapshot(db: HattamaDb, rows: readonly ControlRow[], rev: number): Promise<void> {
  await db.settings.put({ key: KEY, value: encodeControlRows(rows, rev) });
}

/** The saved rows and the rows written since, or null when there is no usable snapshot. */
export async function loadControlSnapshot(db: HattamaDb): Promise<{ rows: ControlRow[]; since: ControlRow[]; rev: number } | null> {
  return loadCompactSnapshot(db, { key: KEY, decode: decodeControlRows, since: db.controlRows, currentRev: currentControlRev, baseRev: controlBaseRev });
}
