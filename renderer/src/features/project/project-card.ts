// What the project card reads and writes: the project with its field stamps and barriers, read in
// one transaction; a save that sends only what the clerk changed (with the stamps the clerk saw as
// the base of guarded fields) and the barriers added, changed or removed — all in one transaction.
import type { FieldClocks } from '@shared/sync/merge';
import type { BarrierRow, HattamaDb, ProjectRow, StageLogRow } from '../../db/db';
import { clocksOf } from '../../db/db';
import type { Repos } from '../../db/repos';
import { barrierChanges, barrierFromForm, changedFields, fromForm, type ProjectForm } from './project-form';

/** A project as the card opened it. */
export type OpenedProject = { row: ProjectRow; clocks: FieldClocks; barriers: BarrierRow[]; stageLog: StageLogRow[] };

/** Reads a project, its stamps, live barriers and stage log in one read transaction (undefined: none or deleted). */
export async function loadProjectCard(db: HattamaDb, id: string): Promise<OpenedProject | undefined> {
  return db.transaction('r', [db.projects, db.barriers, db.stageLog], async () => {
    const row = await db.projects.get(id);
    if (!row || row.deletedAt) return undefined;
    const clocks = clocksOf(row);
    const barriers = (await db.barriers.where('projectId').equals(id).toArray()).filter((b) => !b.deletedAt).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    const stageLog = (await db.stageLog.where('projectId').equals(id).toArray()).filter((e) => !e.deletedAt).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { row, clocks, barriers, stageLog };
  });
}

/**
 * Saves the card: creates the project, or writes only the fields changed against `initial`; then
 * its barriers. Returns the project's id. Throws the repository's ValidationError (nothing written).
 */
export async function saveProjectCard(repos: Repos, opened: Pick<OpenedProject, 'row' | 'clocks'> | null, initial: ProjectForm, values: ProjectForm): Promise<string> {
  return repos.transaction(async () => {
    let id: string;
    if (!opened) {
      id = (await repos.projects.create(fromForm(values))).id;
    } else {
      id = opened.row.id;
      const patch = changedFields(initial, values);
      if (Object.keys(patch).length > 0) await repos.projects.update(id, patch, { seen: opened.clocks });
    }
    const changes = barrierChanges(opened ? initial.barriers : [], values.barriers);
    for (const b of changes.created) await repos.barriers.create(barrierFromForm(b, id));
    for (const u of changes.updated) await repos.barriers.update(u.id, u.patch);
    for (const r of changes.removed) await repos.barriers.remove(r);
    return id;
  });
}

/** Record field names behind a form field (their stamps say whether it changed elsewhere). */
export function recordFieldsOf(formField: keyof ProjectForm): string[] {
  if (formField === 'investment') return ['investmentTenge'];
  return [formField];
}

/**
 * The stamps to keep as "seen" after the record changed underneath the card: the new stamps for
 * the fields the card took over, the old ones for the fields the clerk is editing — so a save of
 * a field that changed elsewhere still carries, as its base, the stamp of the value the clerk saw.
 */
export function seenAfterChange(oldSeen: FieldClocks, fresh: FieldClocks, dirty: readonly (keyof ProjectForm)[]): FieldClocks {
  const kept = new Set(dirty.flatMap(recordFieldsOf));
  const out: FieldClocks = {};
  for (const [k, v] of Object.entries(fresh)) {
    const field = k.split('/')[0] ?? k;
    if (!kept.has(field)) out[k] = v;
  }
  for (const [k, v] of Object.entries(oldSeen)) {
    const field = k.split('/')[0] ?? k;
    if (kept.has(field)) out[k] = v;
  }
  return out;
}
