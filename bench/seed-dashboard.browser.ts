// Runs in the page (bundled by the dashboard benchmark with esbuild): writes the synthetic register
// and assignments of bench/dashboard-data.ts straight into the app's IndexedDB in the shape the
// repository stores — projects with their board rows and open barriers, assignments with their
// control rows, the responsible bodies and the official totals by year.
import { HattamaDb, type AssignmentRow, type BarrierRow, type BoardRow, type ControlRow, type InvestmentStatRow, type OrganizationRow, type ProjectRow } from '../renderer/src/db/db';
import { BODY_IDS, benchId, makeFacts } from './dashboard-data';

declare global {
  interface Window { __seedDashboard: (projects: number, assignments: number) => Promise<{ projects: number; assignments: number }> }
}

window.__seedDashboard = async (nProjects, nAssignments) => {
  const db = new HattamaDb('hattama');
  await db.open();
  const { projects, assignments, stats } = makeFacts(nProjects, nAssignments);
  const at = '2026-01-10T05:00:00.000Z';
  const meta = { createdAt: at, updatedAt: at, deletedAt: null, alive: 1 as const };
  const batch = 5000;
  let barrierNo = 0;
  for (let start = 0; start < projects.length; start += batch) {
    const rows: ProjectRow[] = [];
    const board: BoardRow[] = [];
    const barriers: BarrierRow[] = [];
    for (const f of projects.slice(start, start + batch)) {
      const title = `Завод №${f.id.slice(-6)}`;
      const fields = {
        title, investorName: `ТОО «Инвестор ${f.id.slice(-4)}»`, regionId: 'aktobe', stage: f.stage, status: 'on_track' as const, tags: [],
        ...(f.districtId ? { districtId: f.districtId } : {}), ...(f.okedSection ? { okedSection: f.okedSection as ProjectRow['okedSection'] } : {}), ...(f.zoneId ? { zoneId: f.zoneId } : {}),
        investmentTenge: f.investmentTenge, jobsConstructionPlanned: f.jobsConstructionPlanned, jobsConstructionCreated: f.jobsConstructionCreated,
        jobsPermanentPlanned: f.jobsPermanentPlanned, jobsPermanentCreated: f.jobsPermanentCreated,
        ...(f.actualCommissioningDate ? { actualCommissioningDate: f.actualCommissioningDate } : {}),
      };
      rows.push({ id: f.id, ...meta, ...fields, notes: 'Проект будет дополнительно изучен.' } as unknown as ProjectRow);
      const kinds = [...(f.openBarrierKinds ?? [])];
      board.push({ id: f.id, createdAt: at, updatedAt: at, alive: 1, ...fields, search: title.toLocaleLowerCase('ru'), openBarriers: kinds.length, openBarrierKinds: kinds, stageHlc: null } as unknown as BoardRow);
      for (const kind of kinds) barriers.push({ id: benchId(3, barrierNo++), ...meta, projectId: f.id, kind, text: 'Нет подключения', openedOn: '2026-01-05' });
    }
    await db.transaction('rw', [db.projects, db.boardRows, db.barriers], async () => {
      await db.projects.bulkPut(rows);
      await db.boardRows.bulkPut(board);
      await db.barriers.bulkPut(barriers);
    });
  }
  for (let start = 0; start < assignments.length; start += batch) {
    const rows: AssignmentRow[] = [];
    const control: ControlRow[] = [];
    for (const a of assignments.slice(start, start + batch)) {
      rows.push({
        id: a.id, ...meta, regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', status: a.status,
        textRu: 'Обеспечить подключение объекта к инженерным сетям и представить информацию в штаб.',
        responsibleOrgIds: [...a.responsibleOrgIds], projectIds: [...a.projectIds], zoneIds: [...a.zoneIds], meetingIds: [],
        ...(a.due ? { deadline: { kind: 'date' as const, due: a.due } } : {}),
      } as AssignmentRow);
      control.push({ ...a, alive: 1, responsibleOrgIds: [...a.responsibleOrgIds], zoneIds: [...a.zoneIds], projectIds: [...a.projectIds] });
    }
    await db.transaction('rw', [db.assignments, db.controlRows], async () => {
      await db.assignments.bulkPut(rows);
      await db.controlRows.bulkPut(control);
    });
  }
  await db.organizations.bulkPut(BODY_IDS.map((id, i): OrganizationRow => ({ id, ...meta, name: `Управление №${i + 1} Актюбинской области`, kind: 'state_body', regionId: 'aktobe' } as OrganizationRow)));
  await db.investmentStats.bulkPut(stats.map((s, i): InvestmentStatRow => ({ id: benchId(4, i), ...meta, regionId: s.regionId, year: s.year, indicator: s.indicator, value: s.value, qualifier: s.qualifier, sourceTitle: 'Бюро национальной статистики' })));
  db.close();
  return { projects: projects.length, assignments: assignments.length };
};
