// The register board's own UI strings (board, grouping, columns) in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  board: {
    nav: 'Реестр проектов', commands: { search: 'Поиск по реестру' },
    title: 'Реестр инвестиционных проектов', search: 'Поиск по реестру…', searchLabel: 'Поиск', groupBy: 'Группировать',
    total: 'Итого', print: { action: 'Печать', made: 'Сформировано {{at}}', filters: 'Фильтры', noFilters: 'Без фильтров', search: 'Поиск', limited: 'Напечатаны первые {{count}} строк — уточните фильтры' }, noData: 'нет данных', missingData: 'У {{count}} проектов показатель не заполнен', missingShort: 'нет данных: {{count}}', shown: 'Показано {{shown}} из {{total}}', loading: 'Загрузка реестра…', loadingMore: 'Загрузка реестра: показаны первые {{count}} из {{total}}…', loadingFirst: 'Загрузка реестра: показаны первые {{count}}…',
    syncingTitle: 'Загружаем реестр с сервера региона', syncingText: 'Получено записей: {{count}}. Проекты появятся здесь, когда синхронизация закончится.', syncingTextOf: 'Получено записей: {{count}} из {{total}}. Проекты появятся здесь, когда синхронизация закончится.',
    emptyTitle: 'Реестр пока пуст', emptyText: 'Добавьте первый проект или загрузите пример — проекты выездного заседания инвестиционного штаба Актюбинской области.',
    noMatch: 'Нет проектов, отвечающих условиям поиска', filters: 'Фильтры', table: 'Таблица проектов', groupRows: 'проектов: {{count}}',
    columnFilters: 'Фильтры по столбцам', investorContains: 'Инвестор содержит', rangeInvestment: 'Объём инвестиций, ₸', rangeJobs: 'Постоянные рабочие места (план)', from: 'от', to: 'до', onlyOpenBarriers: 'Только с открытыми проблемными вопросами', barrierKinds: 'Открытые вопросы вида',
    loadFailed: 'Не удалось прочитать реестр на этом компьютере', retry: 'Повторить', notGiven: 'Не указано',
  },
  group: { none: 'Без группировки', districtId: 'По району', okedSection: 'По отрасли', stage: 'По стадии', status: 'По статусу', zoneId: 'По СЭЗ / ИЗ' },
  columns: {
    title: 'Проект', investorName: 'Инвестор', investorBin: 'БИН', okedSection: 'Отрасль (ОКЭД)', regionId: 'Регион', districtId: 'Район',
    zoneId: 'СЭЗ / ИЗ', investmentTenge: 'Инвестиции', jobsPermanentPlanned: 'Постоянные раб. места (план)',
    jobsPermanentCreated: 'Постоянные раб. места (создано)', jobsConstructionPlanned: 'Раб. места на стройке (план)', stage: 'Стадия', status: 'Статус',
    plannedCommissioningDate: 'Ввод (план)', openBarriers: 'Открытые вопросы', updatedAt: 'Изменён', curator: 'Куратор',
  },
} as const;

const kk: Shape<typeof ru> = {
  board: {
    nav: 'Жобалар тізілімі', commands: { search: 'Тізілім бойынша іздеу' },
    title: 'Инвестициялық жобалар тізілімі', search: 'Тізілім бойынша іздеу…', searchLabel: 'Іздеу', groupBy: 'Топтау',
    total: 'Барлығы', print: { action: 'Басып шығару', made: 'Құрастырылды: {{at}}', filters: 'Сүзгілер', noFilters: 'Сүзгісіз', search: 'Іздеу', limited: 'Алғашқы {{count}} жол басылды — сүзгілерді нақтылаңыз' }, noData: 'дерек жоқ', missingData: '{{count}} жобада көрсеткіш толтырылмаған', missingShort: 'дерек жоқ: {{count}}', shown: '{{total}} ішінен {{shown}} көрсетілді', loading: 'Тізілім жүктелуде…', loadingMore: 'Тізілім жүктелуде: {{total}} ішінен алғашқы {{count}} көрсетілді…', loadingFirst: 'Тізілім жүктелуде: алғашқы {{count}} көрсетілді…',
    syncingTitle: 'Тізілімді өңір серверінен жүктеп жатырмыз', syncingText: 'Алынған жазбалар: {{count}}. Синхрондау аяқталғанда жобалар осында шығады.', syncingTextOf: 'Алынған жазбалар: {{total}} ішінен {{count}}. Синхрондау аяқталғанда жобалар осында шығады.',
    emptyTitle: 'Тізілім әзірге бос', emptyText: 'Алғашқы жобаны қосыңыз немесе мысалды жүктеңіз — Ақтөбе облысы инвестициялық штабының көшпелі отырысының жобалары.',
    noMatch: 'Іздеу шарттарына сәйкес жоба жоқ', filters: 'Сүзгілер', table: 'Жобалар кестесі', groupRows: 'жобалар: {{count}}',
    columnFilters: 'Бағандар бойынша сүзгілер', investorContains: 'Инвестор атауында', rangeInvestment: 'Инвестициялар көлемі, ₸', rangeJobs: 'Тұрақты жұмыс орындары (жоспар)', from: 'бастап', to: 'дейін', onlyOpenBarriers: 'Тек ашық проблемалық мәселелері барлар', barrierKinds: 'Ашық мәселелердің түрі',
    loadFailed: 'Осы компьютердегі тізілімді оқу мүмкін болмады', retry: 'Қайталау', notGiven: 'Көрсетілмеген',
  },
  group: { none: 'Топтаусыз', districtId: 'Аудан бойынша', okedSection: 'Сала бойынша', stage: 'Кезең бойынша', status: 'Мәртебе бойынша', zoneId: 'АЭА / ИА бойынша' },
  columns: {
    title: 'Жоба', investorName: 'Инвестор', investorBin: 'БСН', okedSection: 'Сала (ЭҚЖЖ)', regionId: 'Өңір', districtId: 'Аудан',
    zoneId: 'АЭА / ИА', investmentTenge: 'Инвестициялар', jobsPermanentPlanned: 'Тұрақты жұмыс орындары (жоспар)',
    jobsPermanentCreated: 'Тұрақты жұмыс орындары (құрылды)', jobsConstructionPlanned: 'Құрылыс кезеңіндегі жұмыс орындары (жоспар)', stage: 'Кезең', status: 'Мәртебе',
    plannedCommissioningDate: 'Іске қосу (жоспар)', openBarriers: 'Ашық мәселелер', updatedAt: 'Өзгертілді', curator: 'Куратор',
  },
};

const en: Shape<typeof ru> = {
  board: {
    nav: 'Project register', commands: { search: 'Search the register' },
    title: 'Register of investment projects', search: 'Search the register…', searchLabel: 'Search', groupBy: 'Group by',
    total: 'Total', print: { action: 'Print', made: 'Made {{at}}', filters: 'Filters', noFilters: 'No filters', search: 'Search', limited: 'The first {{count}} rows are printed — narrow the filters' }, noData: 'no data', missingData: '{{count}} projects have no figure here', missingShort: 'no data: {{count}}', shown: 'Showing {{shown}} of {{total}}', loading: 'Loading the register…', loadingMore: 'Loading the register: showing the first {{count}} of {{total}}…', loadingFirst: 'Loading the register: showing the first {{count}}…',
    syncingTitle: 'Loading the register from the region’s server', syncingText: 'Records received: {{count}}. The projects appear here when the sync ends.', syncingTextOf: 'Records received: {{count}} of {{total}}. The projects appear here when the sync ends.',
    emptyTitle: 'The register is empty', emptyText: 'Add the first project or load the example — the projects of the on-site session of the Aktobe region investment headquarters.',
    noMatch: 'No projects match the search', filters: 'Filters', table: 'Projects table', groupRows: 'projects: {{count}}',
    columnFilters: 'Column filters', investorContains: 'Investor contains', rangeInvestment: 'Investment, ₸', rangeJobs: 'Permanent jobs (planned)', from: 'from', to: 'to', onlyOpenBarriers: 'Only with open barriers', barrierKinds: 'Open barriers of kind',
    loadFailed: 'The register on this computer could not be read', retry: 'Try again', notGiven: 'Not given',
  },
  group: { none: 'No grouping', districtId: 'By district', okedSection: 'By sector', stage: 'By stage', status: 'By status', zoneId: 'By SEZ / IZ' },
  columns: {
    title: 'Project', investorName: 'Investor', investorBin: 'BIN', okedSection: 'Sector (OKED)', regionId: 'Region', districtId: 'District',
    zoneId: 'SEZ / IZ', investmentTenge: 'Investment', jobsPermanentPlanned: 'Permanent jobs (planned)',
    jobsPermanentCreated: 'Permanent jobs (created)', jobsConstructionPlanned: 'Construction jobs (planned)', stage: 'Stage', status: 'Status',
    plannedCommissioningDate: 'Commissioning (plan)', openBarriers: 'Open barriers', updatedAt: 'Changed', curator: 'Curator',
  },
};

export const strings = { ru, kk, en };
