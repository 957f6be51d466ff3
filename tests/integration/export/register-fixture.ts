// A small register as stored: two projects (one with a name typed as markup), their barriers (one
// resolved), assignments on control (one overdue, one done), two meetings whose agendas name them,
// and the official investment totals — read into passports and packs through register-input.ts.
import type { DocLang } from '../../../shared/domain/meeting.schema';
import type { RegisterSource, SourceProject, SourceStat } from '../../../shared/export/register-input';
import { kk } from '../../../renderer/src/i18n/kk';
import { ru } from '../../../renderer/src/i18n/ru';
import { ORGS } from './fixture';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const PROJECT_A = id(7001);
export const PROJECT_B = id(7002);
export const MEETING_NEXT = id(7101);
export const MARKUP_TITLE = '<b>Завод</b> <script>alert(1)</script> гидросульфида';

export const projects: SourceProject[] = [
  {
    id: PROJECT_A, title: 'Завод по производству гидросульфида натрия (Қаһарман-Өнім)', investorName: 'ТОО «Blue Sky Industrial Investment»', investorBin: '180240012342',
    okedSection: 'C', regionId: 'aktobe', zoneId: 'sez-aktobe', settlement: undefined, investmentTenge: 45.6e9,
    jobsConstructionPlanned: 400, jobsConstructionCreated: 120, jobsPermanentPlanned: 350, jobsPermanentCreated: 40, stage: 'construction',
    startDate: '2025-03-01', plannedCommissioningDate: '2027-06-30', actualCommissioningDate: undefined,
    supportMeasures: 'Преференции СЭЗ\nЛьготный кредит БРК', curatorId: id(2),
  },
  {
    id: PROJECT_B, title: MARKUP_TITLE, investorName: 'ТОО «Ақтөбе Ферро»', investorBin: undefined, okedSection: undefined, regionId: 'aktobe',
    zoneId: undefined, settlement: 'с. Қарабұтақ', investmentTenge: 1.2e12, jobsConstructionPlanned: undefined, jobsConstructionCreated: undefined,
    jobsPermanentPlanned: 1200, jobsPermanentCreated: undefined, stage: 'design', startDate: undefined, plannedCommissioningDate: undefined,
    actualCommissioningDate: undefined, supportMeasures: undefined, curatorId: undefined,
  },
];

export const stats: SourceStat[] = [2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, indicator: 'investment_attracted_tenge', value: (600 + i * 150) * 1e9 }));

export function registerSource(lang: DocLang): RegisterSource {
  const words = lang === 'kk' ? kk : ru;
  return {
    lang,
    today: '2026-02-01',
    labels: { stage: (s) => words.stage[s], barrierKind: (k) => words.barrierKind[k] },
    barriers: [
      { projectId: PROJECT_A, kind: 'gas', text: 'Подключение к газу: ТУ не выданы', openedOn: '2025-09-01' },
      { projectId: PROJECT_A, kind: 'land', text: 'Земельный участок оформлен', openedOn: '2025-04-01', resolvedOn: '2025-08-01' },
    ],
    assignments: [
      { id: id(7201), textRu: 'Обеспечить выдачу технических условий на газ', textKk: 'Газға техникалық шарттар беруді қамтамасыз ету', responsibleOrgIds: [ORGS[2]?.id ?? ''], deadline: { kind: 'date', due: '2026-01-15' }, status: 'open', projectIds: [PROJECT_A], agendaItemId: id(7301), meetingId: id(7100) },
      { id: id(7202), textRu: 'Предоставить земельный участок 12 га', textKk: '12 га жер учаскесін беру', responsibleOrgIds: [ORGS[1]?.id ?? ''], deadline: { kind: 'date', due: '2026-04-15' }, status: 'in_progress', projectIds: [PROJECT_A], agendaItemId: id(7301), meetingId: id(7100) },
      { id: id(7203), textRu: 'Исполненное поручение', textKk: 'Орындалған тапсырма', responsibleOrgIds: [ORGS[0]?.id ?? ''], deadline: { kind: 'date', due: '2025-12-01' }, status: 'done', projectIds: [PROJECT_A] },
    ],
    meetings: [
      { id: id(7100), number: 12, date: '2025-11-20', place: 'г. Актобе, акимат области' },
      { id: MEETING_NEXT, number: 3, date: '2026-02-12', time: '10:00', place: 'Актюбинский ферросплавный завод' },
    ],
    agendaItems: [
      { id: id(7301), meetingId: id(7100), position: 'a000', kind: 'topic', titleRu: 'О ходе строительства завода гидросульфида натрия', titleKk: 'Натрий гидросульфиді зауытының құрылысы барысы туралы', projectIds: [PROJECT_A] },
      { id: id(7302), meetingId: MEETING_NEXT, position: 'a000', kind: 'topic', titleRu: 'О подключении проектов СЭЗ «Актобе» к газу', titleKk: '«Ақтөбе» АЭА жобаларын газға қосу туралы', projectIds: [PROJECT_A, PROJECT_B] },
      { id: id(7303), meetingId: MEETING_NEXT, position: 'a001', kind: 'control', projectIds: [] },
    ],
    organizations: new Map(ORGS.map((o) => [o.id, { name: lang === 'kk' ? o.kk : o.ru }])),
    people: new Map([[id(2), { fullName: 'Айгүл Қаһарманова' }]]),
  };
}
