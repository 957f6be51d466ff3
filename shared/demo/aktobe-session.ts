// The demo workspace, taken from the seed news text (shared/seed/aktobe-investment-hq-session.ru.txt):
// the on-site session of the Aktobe regional investment HQ at the Aktobe ferroalloy plant.
// Only what the text says is filled in; figures it does not give stay empty.
import type { ProjectFieldsInput } from '../domain/project.schema';
import type { PersonFields, OrganizationFields } from '../domain/people.schema';
import type { InvestmentStatFields } from '../domain/investment-stat.schema';

export const DEMO_SOURCE_TITLE =
  'BAQ.KZ: выездное заседание регионального инвестиционного штаба на базе Актюбинского ферросплавного завода';

const NOTE = 'Представлен на выездном заседании регионального инвестиционного штаба на базе Актюбинского ферросплавного завода. Проект будет дополнительно изучен.';

export type DemoProject = ProjectFieldsInput;

/** The six projects of the session, investor and product as the text gives them. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  { title: 'Завод по производству гидросульфида натрия', investorName: 'ТОО «Blue Sky Industrial Investment CO., Ltd»', capacity: 'Гидросульфид натрия', okedSection: 'C' },
  { title: 'Производственный комплекс по регенерации отработанного масла и производству смазочных материалов', investorName: 'ТОО «EcoNovaOilGroup»', capacity: 'Регенерация отработанного масла, смазочные материалы', okedSection: 'C' },
  { title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', capacity: 'Пластиковые трубы', okedSection: 'C' },
  { title: 'Курьерский центр и логистический хаб', investorName: 'ТОО «IZBAS Logistics»', capacity: 'Курьерские и логистические услуги', okedSection: 'H' },
  { title: 'Цех по ремонту газовых турбин и газопоршневых двигателей', investorName: 'ТОО «Азия Мунай Групп Сервис»', capacity: 'Ремонт газовых турбин и газопоршневых двигателей', okedSection: 'C' },
  { title: 'Логистический производственно-складской комплекс', investorName: 'ТОО «Триумф Инжиниринг»', capacity: 'Производственно-складские и логистические услуги', okedSection: 'H' },
].map((p) => ({ ...p, regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: ['выездное заседание штаба'], notes: NOTE }) satisfies DemoProject);

/** People named in the text. */
export const DEMO_PEOPLE: readonly PersonFields[] = [
  { fullName: 'Асхат Шахаров', position: 'аким Актюбинской области, председатель регионального инвестиционного штаба', regionId: 'aktobe' },
  { fullName: 'Марат Абишев', position: 'прокурор Актюбинской области', regionId: 'aktobe' },
];

/** Organizations named in the text: the six investors, the host plant, the akimat. */
export const DEMO_ORGANIZATIONS: readonly OrganizationFields[] = [
  ...DEMO_PROJECTS.map((p) => ({ name: p.investorName, kind: 'investor' as const, regionId: 'aktobe' })),
  { name: 'Актюбинский ферросплавный завод', kind: 'other', regionId: 'aktobe' },
  { name: 'Акимат Актюбинской области', kind: 'state_body', regionId: 'aktobe' },
];

/** The official 2025 figures the akim gave. */
export const DEMO_STATS: readonly InvestmentStatFields[] = [
  { regionId: 'aktobe', year: 2025, indicator: 'investment_attracted_tenge', value: 1.2e12, qualifier: 'more_than', sourceTitle: DEMO_SOURCE_TITLE, sourceNote: 'По итогам 2025 года в экономику региона привлечено более 1,2 трлн тенге инвестиций' },
  { regionId: 'aktobe', year: 2025, indicator: 'investment_growth_pct', value: 125, qualifier: 'more_than', sourceTitle: DEMO_SOURCE_TITLE, sourceNote: 'рост более 125%' },
  { regionId: 'aktobe', year: 2025, indicator: 'large_projects_commissioned', value: 10, qualifier: 'exact', sourceTitle: DEMO_SOURCE_TITLE, sourceNote: 'введено в эксплуатацию 10 крупных стратегических проектов' },
];

/**
 * The session itself: on-site, at the Aktobe ferroalloy plant, chaired by the akim; the text
 * gives neither its date nor its number (the demo dates it on the day it is loaded and takes the
 * next free number, and says so in the notes), nor a secretary.
 */
export const DEMO_MEETING = {
  kind: 'on_site',
  title: 'Выездное заседание регионального инвестиционного штаба по вопросам привлечения инвестиций',
  place: 'Актюбинский ферросплавный завод',
  notes: 'Дата и номер заседания в источнике не указаны: проставлены при загрузке примера.',
} as const;

/** The agenda as the text reports it: the SEZ «Актобе» question, then the six projects. */
export const DEMO_AGENDA = {
  sez: {
    titleRu: 'О развитии специальной экономической зоны «Актобе» и внедрении в неё новых инвестиционных проектов',
    titleKk: '«Ақтөбе» арнайы экономикалық аймағын дамыту және оған жаңа инвестициялық жобаларды енгізу туралы',
  },
  projects: {
    titleRu: 'О инвестиционных проектах, направленных на развитие промышленного и логистического потенциала региона',
    titleKk: 'Өңірдің өнеркәсіптік және логистикалық әлеуетін дамытуға бағытталған инвестициялық жобалар туралы',
  },
} as const;

/** What the akim said on the SEZ question (ВЫСТУПИЛИ), in the text's words. */
export const DEMO_AKIM_SPOKE =
  'Аким области А. Шахаров: главная задача – превратить специальную экономическую зону «Актобе» в реальный промышленный кластер, создать новые рабочие места и повысить экономическую и социальную отдачу от инвестиций.';

/** The one decision the text reports: the projects are to be studied further. */
export const DEMO_DECISION = {
  textRu: 'Представленные инвестиционные проекты дополнительно изучить.',
  textKk: 'Ұсынылған инвестициялық жобалар қосымша зерделенсін.',
} as const;

/** The Head of State's instruction the session took up for the SEZ «Актобе». */
export const DEMO_DIRECTIVE = {
  origin: 'directive',
  sourceKind: 'head_of_state',
  sourceDate: '2026-02-10',
  sourceTitle: 'Расширенное заседание Правительства',
  textRu: 'Повысить эффективность работы специальных экономических зон, превратив их из «бумажных» проектов в реальные индустриальные драйверы экономики.',
  zoneIds: ['sez-aktobe'],
} as const;
