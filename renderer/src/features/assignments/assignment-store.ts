// The control table's compact in-memory model: the live assignments, organization names, meetings
// and agenda items (for the decisions' numbers), the titles of the projects the assignments name,
// and the calendar's moved days — read once, then kept from the change feed: a changed assignment
// is re-read by its key, the small tables whole. One store per database, shared by the page, the
// card and the project's list.
import { useEffect, useSyncExternalStore } from 'react';
import type { CalendarOverride } from '@shared/domain/work-calendar';
import type { OrganizationFields } from '@shared/domain/people.schema';
import type { AssignmentRow, HattamaDb } from '../../db/db';
import { boardRowsOf } from '../../db/projections';
import { changedIn, subscribeChanges, type Changes } from '../../db/change-feed';
import type { ControlModel, ModelAgendaItem, ModelMeeting } from './assignment-table';

export type OrgOption = { id: string; name: string; kind: OrganizationFields['kind'] };

export type ControlSnapshot = {
  phase: 'loading' | 'ready' | 'error';
  model: ControlModel;
  /** Live organizations, for the pickers. */
  orgs: readonly OrgOption[];
  /** Live meetings, newest first. */
  meetings: readonly ModelMeeting[];
  /** The clerk's moved days of the working-day calendar. */
  overrides: readonly CalendarOverride[];
  error?: string;
};

const EMPTY_MODEL: ControlModel = { assignments: [], organizations: new Map(), meetings: new Map(), agendaItems: [], projects: new Map() };
const SMALL_TABLES = ['organizations', 'meetings', 'agendaItems', 'calendarDays'] as const;
type SmallTable = (typeof SMALL_TABLES)[number];

export class ControlStore {
  private snapshot: ControlSnapshot = { phase: 'loading', model: EMPTY_MODEL, orgs: [], meetings: [], overrides: [] };
  private listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private started = false;
  private assignments = new Map<string, AssignmentRow>();
  private projects = new Map<string, string>();
  /** What the feed named and is still to be read. */
  private pendingAssignments = new Set<string>();
  private pendingProjects = new Set<string>();
  private pendingTables = new Set<SmallTable>();
  private reloadAll = false;
  private running: Promise<void> | null = null;

  constructor(private readonly db: HattamaDb) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Starts listening and reads everything (once; later calls do nothing). */
  start() {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = subscribeChanges(this.db.name, (c) => this.onChanges(c));
    this.reloadAll = true;
    this.kick();
  }

  /** Stops listening (tests). */
  close() {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Resolves when what the feed named so far is read. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private emit(next: ControlSnapshot) {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  private onChanges(changes: Changes) {
    const a = changedIn(changes, 'assignments');
    if (a === 'all') this.reloadAll = true;
    else if (a) for (const k of a) this.pendingAssignments.add(k);
    for (const t of SMALL_TABLES) if (changedIn(changes, t)) this.pendingTables.add(t);
    const p = changedIn(changes, 'boardRows');
    if (p === 'all') for (const id of this.projects.keys()) this.pendingProjects.add(id);
    else if (p) for (const id of p) if (this.projects.has(id)) this.pendingProjects.add(id);
    this.kick();
  }

  private kick() {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.reloadAll || this.pendingAssignments.size > 0 || this.pendingTables.size > 0 || this.pendingProjects.size > 0) {
        await this.step();
      }
    } catch (e) {
      this.emit({ ...this.snapshot, phase: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async step(): Promise<void> {
    const db = this.db;
    let small: SmallTable[];
    if (this.reloadAll) {
      this.reloadAll = false;
      this.pendingAssignments.clear();
      small = [...SMALL_TABLES];
      this.pendingTables.clear();
      const rows = await db.assignments.toArray();
      this.assignments = new Map(rows.filter((r) => r.alive === 1).map((r) => [r.id, r]));
    } else {
      const ids = [...this.pendingAssignments];
      this.pendingAssignments.clear();
      small = [...this.pendingTables];
      this.pendingTables.clear();
      if (ids.length > 0) {
        const rows = await db.assignments.bulkGet(ids);
        ids.forEach((id, i) => {
          const r = rows[i];
          if (r && r.alive === 1) this.assignments.set(id, r);
          else this.assignments.delete(id);
        });
      }
    }
    const prev = this.snapshot;
    let { orgs, meetings, overrides } = prev;
    let { organizations, meetings: meetingMap, agendaItems } = prev.model;
    await Promise.all(small.map(async (t) => {
      if (t === 'organizations') {
        const all = await db.organizations.toArray();
        organizations = new Map(all.map((o) => [o.id, o.name]));
        orgs = all.filter((o) => o.alive === 1).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
      } else if (t === 'meetings') {
        const all = (await db.meetings.toArray()).filter((m) => m.alive === 1);
        meetings = all.map((m) => ({ id: m.id, number: m.number, date: m.date })).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.number - a.number));
        meetingMap = new Map(meetings.map((m) => [m.id, m]));
      } else if (t === 'agendaItems') {
        agendaItems = (await db.agendaItems.toArray()).filter((i) => i.alive === 1).map((i): ModelAgendaItem => ({ id: i.id, meetingId: i.meetingId, position: i.position }));
      } else {
        overrides = (await db.calendarDays.toArray()).filter((d) => d.alive === 1).map((d) => ({ date: d.date, kind: d.kind }));
      }
    }));
    // Titles of the projects the assignments name: new ones, and ones the feed says changed.
    const wanted = new Set<string>();
    for (const a of this.assignments.values()) for (const id of a.projectIds) if (!this.projects.has(id)) wanted.add(id);
    for (const id of this.pendingProjects) wanted.add(id);
    this.pendingProjects.clear();
    if (wanted.size > 0) {
      const ids = [...wanted];
      const rows = await boardRowsOf(db, ids);
      const next = new Map(this.projects);
      ids.forEach((id, i) => next.set(id, rows[i]?.title ?? ''));
      this.projects = next;
    }
    this.emit({
      phase: 'ready',
      model: { assignments: [...this.assignments.values()], organizations, meetings: meetingMap, agendaItems, projects: this.projects },
      orgs, meetings, overrides,
    });
  }
}

const stores = new WeakMap<HattamaDb, ControlStore>();

/** The control store of a database (one per database). */
export function controlStore(db: HattamaDb): ControlStore {
  let s = stores.get(db);
  if (!s) {
    s = new ControlStore(db);
    stores.set(db, s);
  }
  return s;
}

/** The control model, kept up to date from the change feed. */
export function useControlModel(db: HattamaDb): ControlSnapshot {
  const store = controlStore(db);
  useEffect(() => store.start(), [store]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
