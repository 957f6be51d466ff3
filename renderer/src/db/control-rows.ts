// The dashboard's projection of an assignment (a local, derived row; never synced): where it
// stands against its deadline, without its texts. The repository keeps it in the same transaction
// as every write to an assignment or one of its execution reports, so the dashboard reads 50,000
// small rows instead of 50,000 assignments with their texts.
import type { Assignment, Report } from '@shared/domain/assignment.schema';
import { dueOf } from '@shared/domain/assignment.schema';
import type { AssignmentFacts } from '@shared/dashboard/aggregate';

export type ControlRow = AssignmentFacts & {
  /** 1 while the assignment is not deleted. */
  alive: 0 | 1;
  responsibleOrgIds: string[];
  zoneIds: string[];
  projectIds: string[];
  /** Local revision: increases with every write of a control row (see control-snapshot.ts). */
  rev?: number;
};

/** The control row of an assignment and its execution reports (others' reports are ignored). */
export function toControlRow(a: Assignment, reports: readonly Pick<Report, 'assignmentId' | 'on' | 'deletedAt'>[]): ControlRow {
  let doneOn: string | null = null;
  if (a.status === 'done') {
    for (const r of reports) if (r.assignmentId === a.id && !r.deletedAt && (doneOn === null || r.on > doneOn)) doneOn = r.on;
  }
  return {
    id: a.id,
    alive: a.deletedAt ? 0 : 1,
    status: a.status,
    due: dueOf(a.deadline) ?? null,
    doneOn,
    responsibleOrgIds: [...a.responsibleOrgIds],
    zoneIds: [...a.zoneIds],
    projectIds: [...a.projectIds],
  };
}
