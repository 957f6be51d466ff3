// What an empty chart of the dashboard says. A chart is empty for one of three reasons, and the
// clerk must be told which: the register has no projects at all (add one or load the example), the
// dashboard's filters leave none (change or reset them), or there are projects but none has what
// the chart counts (enter it on the project card: the chart's own hint). The same for the
// assignments' charts and the official totals (whose only filter is the period).
import type { ProjectColumns } from '@shared/dashboard/aggregate';

/** The dashboard's charts, by the id of their card. */
export type DashboardCard = 'investment' | 'stage' | 'district' | 'sector' | 'zone' | 'jobs' | 'commissioned' | 'barriers' | 'months' | 'bodies';

export type EmptyContext = {
  /** Live projects in the register, before any filter. */
  registerProjects: number;
  /** Projects the filters leave (the dashboard's totals). */
  matchedProjects: number;
  /** Assignments counted (alive, not cancelled), before any filter. */
  allAssignments: number;
  /** Assignments the filters leave. */
  matchedAssignments: number;
  /** Years with official totals, before the period filter. */
  officialYears: number;
  /** A year filter (from or to) is set. */
  periodSet: boolean;
};

const OWN: Record<DashboardCard, string> = {
  investment: 'dashboard.investment.empty',
  stage: 'dashboard.empty.noProjects',
  district: 'dashboard.district.empty',
  sector: 'dashboard.sector.empty',
  zone: 'dashboard.zone.empty',
  jobs: 'dashboard.jobs.empty',
  commissioned: 'dashboard.commissioned.empty',
  barriers: 'dashboard.barriers.empty',
  months: 'dashboard.months.empty',
  bodies: 'dashboard.bodies.empty',
};

/** The i18n key of the text an empty `card` shows. */
export function emptyTextKey(card: DashboardCard, ctx: EmptyContext): string {
  switch (card) {
    case 'investment':
      // Official totals are not filtered by place: only the period can hide them.
      return ctx.officialYears > 0 && ctx.periodSet ? 'dashboard.investment.emptyPeriod' : OWN.investment;
    case 'months':
    case 'bodies':
      return ctx.allAssignments > 0 && ctx.matchedAssignments === 0 ? 'dashboard.empty.noAssignmentMatch' : OWN[card];
    default:
      if (ctx.registerProjects === 0) return 'dashboard.empty.noProjects';
      if (ctx.matchedProjects === 0) return 'dashboard.empty.noMatch';
      if (card === 'commissioned' && ctx.periodSet) return 'dashboard.commissioned.emptyPeriod';
      return OWN[card];
  }
}

/** Live projects of the columns. */
export function liveProjects(c: ProjectColumns): number {
  let n = 0;
  for (let i = 0; i < c.count; i++) if (c.alive[i] === 1) n++;
  return n;
}

/** Assignments the dashboard counts (alive, not cancelled). */
export function countedAssignments(rows: readonly { alive?: 0 | 1; status: string }[]): number {
  let n = 0;
  for (const a of rows) if (a.alive !== 0 && a.status !== 'cancelled') n++;
  return n;
}
