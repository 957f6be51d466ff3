// What the dashboard reads, all from the change feed: its compact facts of the register, the
// assignments' control rows, the official figures and the organizations' names (for the
// responsible bodies).
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/app-context';
import { aliveRows, withStamp, type ControlRow, type InvestmentStatRow } from '../../db/db';
import type { ProjectColumns } from '@shared/dashboard/project-columns';
import { useControlRows } from './control-store';
import { useDashFacts } from './facts-store';

export type DashboardInputs = {
  projects: ProjectColumns;
  assignments: readonly ControlRow[];
  stats: readonly InvestmentStatRow[];
  orgNames: ReadonlyMap<string, string>;
  /** Everything is read (the register in full). */
  ready: boolean;
};

const NO_STATS: readonly InvestmentStatRow[] = [];
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** A performance mark, once per page (the benchmark reads them). */
export function markOnce(name: string) {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

export function useDashboardInputs(): DashboardInputs {
  const { db } = useApp();
  const facts = useDashFacts(db);
  const control = useControlRows(db);
  if (facts.ready) markOnce('hattama:dashboard-projects');
  if (control.ready) markOnce('hattama:dashboard-control-rows');
  // Each figure with its latest stamp: which of two figures for one period counts is then the same on every replica.
  const stats = useLiveQuery(async () => (await aliveRows(db.investmentStats).toArray()).map(withStamp), [db]);
  const orgNames = useLiveQuery(async () => new Map((await db.organizations.toArray()).map((o) => [o.id, o.name])), [db]);
  return {
    projects: facts.value,
    assignments: control.value,
    stats: stats ?? NO_STATS,
    orgNames: orgNames ?? NO_NAMES,
    ready: facts.ready && control.ready && stats !== undefined && orgNames !== undefined,
  };
}
