// The settings' own UI strings (settings, official figures) in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  settings: {
    nav: 'Настройки',
    region: 'Регион рабочего места', regionHint: 'Новые проекты и участники создаются в этом регионе',
    title: 'Настройки', userName: 'Ваше имя (для журнала изменений)', userNameHint: 'Записывается в историю изменений', theme: 'Оформление',
    light: 'Светлая', dark: 'Тёмная', auto: 'Как в системе', language: 'Язык интерфейса', demo: 'Демонстрационные данные',
    demoLoaded: 'Пример Актюбинской области загружен', demoNotLoaded: 'Пример не загружен', dataLocation: 'Где хранятся данные',
    dataLocationText: 'Данные хранятся на этом компьютере (IndexedDB приложения) и работают без подключения к сети.',
    people: 'Участники и кураторы', peopleHint: 'Люди, которых можно назначить куратором проекта', fullName: 'ФИО', position: 'Должность', addPerson: 'Добавить', noPeople: 'Список пуст', personAdded: 'Добавлен: {{name}}', personRemoved: 'Удалён: {{name}}',
    stats: 'Официальные итоги', source: 'Источник',
    clearTitle: 'Очистить пример?', clearIntro: 'Из реестра будут удалены записи примера Актюбинской области:',
    clearProjects: 'Проекты: {{count}}', clearPeople: 'Участники и кураторы: {{count}}', clearOrganizations: 'Организации: {{count}}', clearStats: 'Официальные итоги: {{count}}', clearMeetings: 'Заседания (с повесткой, участниками и протоколом): {{count}}', clearAssignments: 'Поручения: {{count}}',
    clearEdits: 'Вместе с записями удаляются и внесённые в них изменения (изменённых записей: {{count}}).',
    clearKept: 'Ваши собственные проекты и записи не затрагиваются.', clearUndoHint: 'Сразу после удаления его можно отменить.',
    clearConfirm: 'Удалить пример', cleared: 'Пример удалён из реестра (записей: {{count}})', clearUndone: 'Пример восстановлен (записей: {{count}})',
    clearUndoNothing: 'Восстанавливать нечего: пример уже загружен заново',
    calendar: 'Производственный календарь', calendarHint: 'Сроки «в течение N рабочих дней» считаются без выходных, праздников и перенесённых дней',
    calendarHolidays: 'Праздники (по закону)', calendarPrevYear: 'Предыдущий год', calendarNextYear: 'Следующий год', calendarCarried: 'перенос',
    calendarMoved: 'Дни, перенесённые постановлением Правительства', calendarNone: 'Перенесённых дней нет',
    calendarDate: 'Дата', calendarDatePlaceholder: 'ДД.ММ.ГГГГ', calendarNote: 'Основание', calendarNotePlaceholder: 'Постановление Правительства № …', calendarAdd: 'Добавить день',
    calendarDuplicate: 'День {{date}} уже есть в списке', calendarRemoved: 'Удалён перенос дня {{date}}',
    calendarKind: { day_off: 'Выходной день', workday: 'Рабочий день' },
    holiday: { new_year: 'Новый год', orthodox_christmas: 'Православное Рождество', womens_day: 'Международный женский день', nauryz: 'Наурыз мейрамы', unity_day: 'Праздник единства народа Казахстана', defender_day: 'День защитника Отечества', victory_day: 'День Победы', capital_day: 'День Столицы', constitution_day: 'День Конституции', republic_day: 'День Республики', independence_day: 'День Независимости', kurban_ait: 'Курбан айт' },
  },
  stat: { investment_attracted_tenge: 'Привлечено инвестиций', investment_growth_pct: 'Рост инвестиций', large_projects_commissioned: 'Введено крупных проектов', more_than: 'более {{value}}' },
} as const;

const kk: Shape<typeof ru> = {
  settings: {
    nav: 'Баптаулар',
    region: 'Жұмыс орнының өңірі', regionHint: 'Жаңа жобалар мен қатысушылар осы өңірде құрылады',
    title: 'Баптаулар', userName: 'Сіздің атыңыз (өзгерістер журналы үшін)', userNameHint: 'Өзгерістер тарихына жазылады', theme: 'Безендіру',
    light: 'Ашық', dark: 'Күңгірт', auto: 'Жүйедегідей', language: 'Интерфейс тілі', demo: 'Демонстрациялық деректер',
    demoLoaded: 'Ақтөбе облысының мысалы жүктелді', demoNotLoaded: 'Мысал жүктелмеген', dataLocation: 'Деректер қайда сақталады',
    dataLocationText: 'Деректер осы компьютерде (қолданбаның IndexedDB қоймасында) сақталады және желіге қосылмай жұмыс істейді.',
    people: 'Қатысушылар мен кураторлар', peopleHint: 'Жобаның кураторы етіп тағайындауға болатын адамдар', fullName: 'Аты-жөні', position: 'Лауазымы', addPerson: 'Қосу', noPeople: 'Тізім бос', personAdded: 'Қосылды: {{name}}', personRemoved: 'Жойылды: {{name}}',
    stats: 'Ресми қорытындылар', source: 'Дереккөз',
    clearTitle: 'Мысалды тазалау керек пе?', clearIntro: 'Тізілімнен Ақтөбе облысы мысалының жазбалары жойылады:',
    clearProjects: 'Жобалар: {{count}}', clearPeople: 'Қатысушылар мен кураторлар: {{count}}', clearOrganizations: 'Ұйымдар: {{count}}', clearStats: 'Ресми қорытындылар: {{count}}', clearMeetings: 'Отырыстар (күн тәртібімен, қатысушылармен және хаттамамен): {{count}}', clearAssignments: 'Тапсырмалар: {{count}}',
    clearEdits: 'Жазбалармен бірге оларға енгізілген өзгерістер де жойылады (өзгертілген жазбалар: {{count}}).',
    clearKept: 'Сіздің өз жобаларыңыз бен жазбаларыңызға әсер етпейді.', clearUndoHint: 'Жойғаннан кейін бірден болдырмауға болады.',
    clearConfirm: 'Мысалды жою', cleared: 'Мысал тізілімнен жойылды (жазбалар: {{count}})', clearUndone: 'Мысал қалпына келтірілді (жазбалар: {{count}})',
    clearUndoNothing: 'Қалпына келтіретін ештеңе жоқ: мысал қайта жүктелген',
    calendar: 'Өндірістік күнтізбе', calendarHint: '«N жұмыс күні ішінде» мерзімдері демалыс, мереке және ауыстырылған күндерсіз есептеледі',
    calendarHolidays: 'Мерекелер (заң бойынша)', calendarPrevYear: 'Алдыңғы жыл', calendarNextYear: 'Келесі жыл', calendarCarried: 'ауыстыру',
    calendarMoved: 'Үкімет қаулысымен ауыстырылған күндер', calendarNone: 'Ауыстырылған күндер жоқ',
    calendarDate: 'Күні', calendarDatePlaceholder: 'КК.АА.ЖЖЖЖ', calendarNote: 'Негіздеме', calendarNotePlaceholder: 'Үкіметтің № … қаулысы', calendarAdd: 'Күн қосу',
    calendarDuplicate: '{{date}} күні тізімде бар', calendarRemoved: '{{date}} күнінің ауыстырылуы жойылды',
    calendarKind: { day_off: 'Демалыс күні', workday: 'Жұмыс күні' },
    holiday: { new_year: 'Жаңа жыл', orthodox_christmas: 'Православиелік Рождество', womens_day: 'Халықаралық әйелдер күні', nauryz: 'Наурыз мейрамы', unity_day: 'Қазақстан халқының бірлігі мерекесі', defender_day: 'Отан қорғаушы күні', victory_day: 'Жеңіс күні', capital_day: 'Астана күні', constitution_day: 'Конституция күні', republic_day: 'Республика күні', independence_day: 'Тәуелсіздік күні', kurban_ait: 'Құрбан айт' },
  },
  stat: { investment_attracted_tenge: 'Тартылған инвестициялар', investment_growth_pct: 'Инвестициялардың өсуі', large_projects_commissioned: 'Іске қосылған ірі жобалар', more_than: '{{value}} астам' },
};

const en: Shape<typeof ru> = {
  settings: {
    nav: 'Settings',
    region: 'Region of this workplace', regionHint: 'New projects and people are created in this region',
    title: 'Settings', userName: 'Your name (for the change log)', userNameHint: 'Recorded in the change history', theme: 'Appearance',
    light: 'Light', dark: 'Dark', auto: 'As the system', language: 'Interface language', demo: 'Demo data',
    demoLoaded: 'The Aktobe region example is loaded', demoNotLoaded: 'The example is not loaded', dataLocation: 'Where the data lives',
    dataLocationText: 'Data is kept on this computer (the app’s IndexedDB) and works without a network connection.',
    people: 'Participants and curators', peopleHint: 'People who can be assigned as a project curator', fullName: 'Full name', position: 'Position', addPerson: 'Add', noPeople: 'The list is empty', personAdded: 'Added: {{name}}', personRemoved: 'Removed: {{name}}',
    stats: 'Official figures', source: 'Source',
    clearTitle: 'Clear the example?', clearIntro: 'These records of the Aktobe region example will be removed from the register:',
    clearProjects: 'Projects: {{count}}', clearPeople: 'Participants and curators: {{count}}', clearOrganizations: 'Organizations: {{count}}', clearStats: 'Official figures: {{count}}', clearMeetings: 'Meetings (with agenda, participants and minutes): {{count}}', clearAssignments: 'Assignments: {{count}}',
    clearEdits: 'Changes made to these records go with them (records changed: {{count}}).',
    clearKept: 'Your own projects and records are not touched.', clearUndoHint: 'You can undo this right after.',
    clearConfirm: 'Remove the example', cleared: 'Example removed from the register ({{count}} records)', clearUndone: 'Example restored ({{count}} records)',
    clearUndoNothing: 'Nothing to restore: the example was loaded again',
    calendar: 'Working-day calendar', calendarHint: 'Deadlines "within N working days" skip weekends, public holidays and moved days',
    calendarHolidays: 'Public holidays (by law)', calendarPrevYear: 'Previous year', calendarNextYear: 'Next year', calendarCarried: 'carried over',
    calendarMoved: 'Days moved by Government decree', calendarNone: 'No moved days',
    calendarDate: 'Date', calendarDatePlaceholder: 'DD.MM.YYYY', calendarNote: 'Basis', calendarNotePlaceholder: 'Government decree No. …', calendarAdd: 'Add day',
    calendarDuplicate: '{{date}} is already in the list', calendarRemoved: 'Moved day {{date}} removed',
    calendarKind: { day_off: 'Day off', workday: 'Working day' },
    holiday: { new_year: 'New Year', orthodox_christmas: 'Orthodox Christmas', womens_day: "International Women's Day", nauryz: 'Nauryz', unity_day: 'Day of Unity of the People of Kazakhstan', defender_day: 'Defender of the Fatherland Day', victory_day: 'Victory Day', capital_day: 'Capital Day', constitution_day: 'Constitution Day', republic_day: 'Republic Day', independence_day: 'Independence Day', kurban_ait: 'Kurban Ait' },
  },
  stat: { investment_attracted_tenge: 'Investment attracted', investment_growth_pct: 'Investment growth', large_projects_commissioned: 'Large projects commissioned', more_than: 'more than {{value}}' },
};

export const strings = { ru, kk, en };
