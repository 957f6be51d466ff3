// Kazakh UI strings (қазақ тілі) shared by the shell and the features; same keys as ru.ts.
import type { Strings } from './types';

export const kk: Strings = {
  app: { name: 'Hattama', subtitle: 'Өңірлік инвестициялық штабтың хатшылығы', skip: 'Мазмұнға өту' },
  nav: { main: 'Бөлімдер' },
  actions: {
    newProject: 'Жаңа жоба', save: 'Сақтау', cancel: 'Болдырмау', delete: 'Жою', duplicate: 'Көшірме жасау', undo: 'Қайтару',
    close: 'Жабу', loadDemo: 'Мысалды жүктеу (Ақтөбе облысы)', clearDemo: 'Мысалды тазалау', columns: 'Бағандар',
    resetFilters: 'Сүзгілерді тазалау', addBarrier: 'Проблемалық мәселе қосу', remove: 'Алып тастау', moveUp: 'Жоғары', moveDown: 'Төмен',
    open: 'Ашу', language: 'Тіл', theme: 'Тақырып', shortcuts: 'Жылдам пернелер', resetColumns: 'Әдепкі бағандар', discard: 'Сақтамау',
  },
  stage: { idea: 'Идея', negotiation: 'Келіссөздер', design: 'Жобалау', construction: 'Құрылыс', commissioning: 'Пайдалануға беру', operating: 'Жұмыс істеп тұр', suspended: 'Тоқтатылған', cancelled: 'Күші жойылған' },
  status: { on_track: 'Кесте бойынша', at_risk: 'Қауіп төніп тұр', blocked: 'Бұғатталған' },
  barrierKind: { land: 'Жер', gas: 'Газ', power: 'Электр энергиясы', water: 'Су', roads: 'Жолдар', permits: 'Рұқсаттар', financing: 'Қаржыландыру', other: 'Басқа' },
  fields: {
    title: 'Жобаның атауы', investorName: 'Инвестор (атауы)', investorBin: 'Инвестордың БСН', investorBinHint: 'Бақылау разряды бар 12 цифр',
    investorCountry: 'Инвестордың елі', okedSection: 'Сала (ЭҚЖЖ бөлімі)', regionId: 'Өңір', districtId: 'Аудан / қала', settlement: 'Елді мекен',
    zoneId: 'АЭА / индустриялық аймақ', investmentTenge: 'Инвестициялар көлемі, ₸', investmentHint: 'Мысалы: 25 млрд немесе 25 000 000 000',
    foreignSharePct: 'Шетелдік инвестициялар үлесі, %', jobsConstructionPlanned: 'Құрылыс кезеңіндегі жұмыс орындары — жоспар',
    jobsConstructionCreated: 'Құрылыс кезеңіндегі жұмыс орындары — құрылды', jobsPermanentPlanned: 'Тұрақты жұмыс орындары — жоспар',
    jobsPermanentCreated: 'Тұрақты жұмыс орындары — құрылды', capacity: 'Қуаты / өнімі', stage: 'Кезең', status: 'Мәртебе',
    startDate: 'Іске асырудың басталуы', plannedCommissioningDate: 'Пайдалануға беру — жоспар', actualCommissioningDate: 'Пайдалануға беру — факт',
    supportMeasures: 'Мемлекеттік қолдау шаралары', curatorId: 'Куратор', notes: 'Ескертпелер', tags: 'Белгілер', tagsHint: 'Enter — белгі қосу',
    barrierKind: 'Мәселе түрі', barrierText: 'Мәселенің мәні', openedOn: 'Ашылды', resolvedOn: 'Шешілді', daysOpen: 'Ашық күндер: {{count}}',
    datePlaceholder: 'КК.АА.ЖЖЖЖ', none: '—',
  },
  validation: {
    required: 'Міндетті өріс', too_long: 'Мәтін тым ұзын', control_chars: 'Мәтінде рұқсат етілмеген басқару таңбалары бар',
    no_markup: 'HTML белгілеуге болмайды — қарапайым мәтін енгізіңіз', single_line: 'Бір жолда болуы керек', invalid_bin: 'БСН қате: дұрыс бақылау разряды бар 12 цифр қажет',
    invalid_date: 'Күні қате: бар күнді КК.АА.ЖЖЖЖ түрінде енгізіңіз', not_a_number: 'Санды цифрмен енгізіңіз, мысалы 1 200', not_integer: 'Бүтін сан енгізіңіз (үтірсіз және нүктесіз)', negative: 'Теріс болмауы керек',
    too_big: 'Мәні тым үлкен', max_100: '100-ден аспауы керек', district_region: 'Аудан таңдалған өңірге жатпайды',
    zone_region: 'Аймақ таңдалған өңірге жатпайды', before_start: 'Басталу күнінен ерте', before_opened: 'Ашылу күнінен ерте',
    too_many: 'Мәндер тым көп', duplicate_tag: 'Мұндай белгі бар', invalid_country: 'Тізімнен елді таңдаңыз', invalid_id: 'Сілтеме қате', invalid_money: 'Сомаға ұқсамайды: мысалы 25 млрд немесе 25 000 000 000',
    paste_too_long: 'Тым ұзын мәтін қойылды ({{count}} таңба, {{max}}-ден аспауы керек); өріс өзгертілмеді',
    period_no_for_year: 'Жыл үшін тоқсан не ай көрсетілмейді', quarter_range: 'Тоқсан — 1-ден 4-ке дейін',
    unknown: 'Мәні қате',
  },
  reminders: { title: 'Бақылаудағы тапсырмалар', body: 'Мерзімі өткен: {{overdue}} · алдағы {{days}} жұмыс күнінде мерзімі келетін: {{soon}}' },
  notify: {
    saved: 'Жоба сақталды', created: 'Жоба тізілімге қосылды', deleted: '«{{title}}» жобасы жойылды', restored: 'Жоба қалпына келтірілді',
    duplicated: 'Жобаның көшірмесі жасалды', demoLoaded: 'Мысал жүктелді: {{count}} жоба', demoCleared: 'Мысал тізілімнен жойылды',
    saveFailed: 'Сақтау мүмкін болмады: {{message}}', stageChanged: '«{{title}}»: {{from}} → {{to}}',
  },
  shortcuts: { title: 'Жылдам пернелер', help: 'Осы анықтама' },
  menu: {
    file: 'Файл', edit: 'Түзету', view: 'Көрініс', window: 'Терезе', help: 'Анықтама', about: 'Hattama бағдарламасы туралы',
    quit: 'Шығу', undo: 'Қайтару', redo: 'Қайталау', cut: 'Қиып алу', copy: 'Көшіру', paste: 'Қою',
    selectAll: 'Барлығын белгілеу', reload: 'Қайта жүктеу', toggleDevTools: 'Әзірлеуші құралдары', zoomIn: 'Үлкейту', zoomOut: 'Кішірейту', resetZoom: 'Бастапқы масштаб',
    fullscreen: 'Толық экран режимі', toggleFullScreen: 'Толық экран режимі', minimize: 'Жиыру', close: 'Терезені жабу', shortcuts: 'Жылдам пернелер',
  },
};
