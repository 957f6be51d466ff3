// The dashboard's own UI strings in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  dashboard: {
    nav: 'Аналитика', title: 'Аналитика: инвестиции, реестр, поручения',
    loading: 'Считаем показатели…',
    filters: {
      label: 'Фильтры для всех графиков', from: 'С года', to: 'По год', districts: 'Районы', sectors: 'Отрасли (ОКЭД)', zones: 'СЭЗ / ИЗ',
      reset: 'Сбросить', measure: 'Показатель', volume: 'Объём, ₸', count: 'Количество',
      periodNote: 'Период относится к графикам по годам и месяцам; остальные показывают реестр на сегодня.',
      statsNote: 'Официальные итоги даны по области в целом: фильтры по районам, отраслям и зонам к ним не применяются.',
    },
    card: {
      chart: 'График', table: 'Таблица', view: 'Вид', png: 'PNG', svg: 'SVG', exportPng: 'Скачать «{{title}}» как PNG', exportSvg: 'Скачать «{{title}}» как SVG',
      exported: 'Файл сохранён: {{name}}', exportFailed: 'Не удалось сохранить картинку: {{message}}', openBoard: 'Открыть в реестре', clickHint: 'Щёлкните столбец, чтобы открыть эти проекты в реестре.',
    },
    units: {
      tenge: 'тенге ₸ (трлн, млрд, млн)', tengeGrowth: 'тенге ₸; индекс роста — % к предыдущему году', projects: 'проектов', projectsTenge: 'проектов и тенге ₸', jobs: 'рабочих мест', assignments: 'поручений',
    },
    investment: {
      title: 'Привлечённые инвестиции по годам', attracted: 'Привлечено', plan: 'План', growth: 'Индекс роста', year: 'Год', source: 'Индекс',
      computed: 'расчёт: текущий / предыдущий × 100', official: 'официальный', large: 'Крупных проектов введено',
      empty: 'Официальные итоги не внесены. Нажмите «Внести показатель» и укажите год, сумму привлечённых инвестиций и источник (например, отчёт акимата или БНС).',
      emptyPeriod: 'За выбранный период официальных итогов нет. Измените период или нажмите «Сбросить».',
    },
    stat: {
      add: 'Внести показатель', title: 'Официальный показатель', year: 'Год', indicator: 'Показатель', value: 'Значение', qualifier: 'Точность',
      exact: 'точно', more_than: 'более', source: 'Источник', sourceUrl: 'Ссылка', save: 'Сохранить', cancel: 'Отмена', saved: 'Показатель сохранён',
      badValue: 'Введите сумму, например «1,2 трлн» или «892 млрд»', badNumber: 'Введите число', required: 'Обязательное поле',
      indicators: {
        investment_attracted_tenge: 'Привлечённые инвестиции, ₸', investment_plan_tenge: 'План привлечения инвестиций, ₸', investment_growth_pct: 'Индекс роста, %', large_projects_commissioned: 'Введено крупных проектов',
        fixed_capital_tenge: 'Инвестиции в основной капитал, ₸', fdi_tenge: 'Прямые иностранные инвестиции, ₸', hq_attracted_tenge: 'Привлечено через инвестиционный штаб, ₸', other_tenge: 'Другой показатель, ₸',
      },
      period: 'Период', periods: { year: 'Год', quarter: 'Квартал', month: 'Месяц', ytd: 'С начала года' },
      periodNo: { quarter: 'Квартал', month: 'Месяц', ytd: 'С января по' },
      indicatorName: 'Название показателя', growth: 'Индекс роста, % к тому же периоду прошлого года', growthMore: 'более',
      badGrowth: 'Введите индекс числом, например 125,3', sourceDate: 'Дата источника', sourceDatePlaceholder: 'ДД.ММ.ГГГГ', badDate: 'Неверная дата: нужен день в виде ДД.ММ.ГГГГ', note: 'Примечание',
      editTitle: 'Исправить официальный показатель', changed: 'Показатель исправлен', replaced: 'Показатель заменён',
      duplicate: 'За {{period}} уже есть показатель «{{indicator}}»: {{value}} (источник: {{source}}). Заменить его введёнными данными?',
      duplicateTaken: 'За {{period}} уже есть другой показатель «{{indicator}}»: {{value}} (источник: {{source}}). Двух показателей за один период быть не может: исправьте или удалите тот показатель в списке.',
      replace: 'Заменить', keep: 'Не заменять',
      changedElsewhere: 'Показатель изменён в другом окне или другим секретарём', changedElsewhereMine: 'вы тоже изменили это поле: при сохранении останется ваше значение',
      deletedElsewhere: 'Показатель удалён в другом окне или другим секретарём', deletedElsewhereHint: 'Исправление сохранить нельзя — закройте форму.',
    },
    stats: {
      title: 'Официальные показатели', period: 'Период', indicator: 'Показатель', value: 'Значение', growth: 'Индекс роста', source: 'Источник',
      actions: 'Действия', edit: 'Исправить показатель: {{what}}', delete: 'Удалить показатель: {{what}}', editShort: 'Исправить', deleteShort: 'Удалить',
      removed: 'Показатель удалён: {{what}}', twin: 'Повтор', twinCounts: 'За этот период есть ещё запись ({{value}}). На панели учитывается эта: она введена позже. Удалите лишнюю.', twinOld: 'За этот период есть запись, введённая позже ({{value}}): на панели учитывается она. Удалите лишнюю.', undoTaken: 'Не восстановлено — {{what}}: за этот период уже введён другой показатель ({{value}})',
      empty: 'Официальные показатели не внесены. Нажмите «Внести показатель»: год, квартал, месяц или период с начала года, показатель, сумма и источник.',
    },
    empty: {
      noProjects: 'В реестре нет проектов. Добавьте проект (кнопка «Новый проект» в реестре) или загрузите пример в настройках.',
      noMatch: 'Ни один проект не подходит под выбранные фильтры. Измените фильтры или нажмите «Сбросить».',
      noAssignmentMatch: 'Ни одно поручение не подходит под выбранные фильтры. Измените фильтры или нажмите «Сбросить».',
    },
    stage: { title: 'Реестр по стадиям: от идеи до действующего' },
    sector: { title: 'Реестр по отраслям (ОКЭД)', empty: 'У проектов не указана отрасль. Укажите секцию ОКЭД в карточке проекта.' },
    district: { title: 'Реестр по районам', empty: 'У проектов не указан район. Укажите район на вкладке «Размещение» карточки проекта.' },
    zone: { title: 'Реестр по СЭЗ и индустриальным зонам', empty: 'Ни один проект не размещён в СЭЗ или индустриальной зоне. Укажите зону в карточке проекта.' },
    jobs: {
      title: 'Рабочие места: план и факт', planned: 'План', created: 'Создано', construction: 'На период строительства', permanent: 'Постоянные', kind: 'Вид',
      empty: 'Рабочие места не указаны. Внесите план и факт на вкладке «Показатели» карточки проекта.',
    },
    commissioned: { title: 'Введено в эксплуатацию по годам', year: 'Год', count: 'Проектов', volume: 'Объём', empty: 'Нет проектов с фактической датой ввода. Укажите её на вкладке «Сроки» карточки проекта.',
      emptyPeriod: 'За выбранный период нет проектов с фактической датой ввода. Измените период или нажмите «Сбросить»; дату ввода указывают на вкладке «Сроки» карточки проекта.' },
    barriers: { title: 'Проекты с открытыми проблемными вопросами', kind: 'Вид вопроса', projects: 'Проектов', empty: 'Открытых проблемных вопросов нет. Их вносят на вкладке «Проблемные вопросы» карточки проекта.' },
    execution: { on_time: 'Исполнено в срок', late: 'Исполнено с нарушением срока', overdue: 'Просрочено', pending: 'В работе, срок не наступил' },
    months: { title: 'Исполнение поручений по месяцам срока', month: 'Месяц', empty: 'Поручений со сроком нет. Поручения появляются из решений протокола и на странице «Поручения».' },
    bodies: { title: 'Исполнение поручений по ответственным', body: 'Ответственный', none: 'Ответственный не назначен', empty: 'Поручений нет. Создайте их из решений протокола или на странице «Поручения».' },
    zoneView: {
      title: 'Зона: {{zone}}', pick: 'Зона', stageTitle: 'Проекты зоны по стадиям', investment: 'Инвестиции: всего / введено', jobs: 'Постоянные рабочие места: план / создано',
      instructions: 'Поручения, которые исполняет зона', barriers: 'Открытые проблемные вопросы', noBarriers: 'нет',
      empty: 'В этой зоне нет проектов. Укажите зону в карточке проекта (вкладка «Размещение»).',
    },
    total: 'Итого', key: 'Значение', count: 'Проектов', volume: 'Объём', none: 'Не указано',
  },
} as const;

const kk: Shape<typeof ru> = {
  dashboard: {
    nav: 'Талдау', title: 'Талдау: инвестициялар, тізілім, тапсырмалар',
    loading: 'Көрсеткіштер есептелуде…',
    filters: {
      label: 'Барлық графиктерге арналған сүзгілер', from: 'Жылдан', to: 'Жылға дейін', districts: 'Аудандар', sectors: 'Салалар (ЭҚЖЖ)', zones: 'АЭА / ИА',
      reset: 'Тазалау', measure: 'Көрсеткіш', volume: 'Көлемі, ₸', count: 'Саны',
      periodNote: 'Кезең жылдар мен айлар бойынша графиктерге қолданылады; қалғандары тізілімді бүгінгі күнге көрсетеді.',
      statsNote: 'Ресми қорытындылар облыс бойынша тұтас берілген: аудан, сала және аймақ сүзгілері оларға қолданылмайды.',
    },
    card: {
      chart: 'График', table: 'Кесте', view: 'Көрініс', png: 'PNG', svg: 'SVG', exportPng: '«{{title}}» PNG ретінде жүктеу', exportSvg: '«{{title}}» SVG ретінде жүктеу',
      exported: 'Файл сақталды: {{name}}', exportFailed: 'Суретті сақтау мүмкін болмады: {{message}}', openBoard: 'Тізілімде ашу', clickHint: 'Осы жобаларды тізілімде ашу үшін бағанды басыңыз.',
    },
    units: {
      tenge: 'теңге ₸ (трлн, млрд, млн)', tengeGrowth: 'теңге ₸; өсу индексі — алдыңғы жылға %', projects: 'жоба', projectsTenge: 'жоба және теңге ₸', jobs: 'жұмыс орны', assignments: 'тапсырма',
    },
    investment: {
      title: 'Тартылған инвестициялар жылдар бойынша', attracted: 'Тартылды', plan: 'Жоспар', growth: 'Өсу индексі', year: 'Жыл', source: 'Индекс',
      computed: 'есеп: ағымдағы / алдыңғы × 100', official: 'ресми', large: 'Іске қосылған ірі жобалар',
      empty: 'Ресми қорытындылар енгізілмеген. «Көрсеткіш енгізу» батырмасын басып, жылды, тартылған инвестициялар сомасын және дереккөзді көрсетіңіз (мысалы, әкімдік немесе ҰСБ есебі).',
      emptyPeriod: 'Таңдалған кезеңде ресми қорытындылар жоқ. Кезеңді өзгертіңіз немесе «Тазалау» батырмасын басыңыз.',
    },
    stat: {
      add: 'Көрсеткіш енгізу', title: 'Ресми көрсеткіш', year: 'Жыл', indicator: 'Көрсеткіш', value: 'Мәні', qualifier: 'Дәлдігі',
      exact: 'дәл', more_than: 'астам', source: 'Дереккөз', sourceUrl: 'Сілтеме', save: 'Сақтау', cancel: 'Болдырмау', saved: 'Көрсеткіш сақталды',
      badValue: 'Соманы енгізіңіз, мысалы «1,2 трлн» немесе «892 млрд»', badNumber: 'Санды енгізіңіз', required: 'Міндетті өріс',
      indicators: {
        investment_attracted_tenge: 'Тартылған инвестициялар, ₸', investment_plan_tenge: 'Инвестиция тарту жоспары, ₸', investment_growth_pct: 'Өсу индексі, %', large_projects_commissioned: 'Іске қосылған ірі жобалар',
        fixed_capital_tenge: 'Негізгі капиталға инвестициялар, ₸', fdi_tenge: 'Тікелей шетелдік инвестициялар, ₸', hq_attracted_tenge: 'Инвестициялық штаб арқылы тартылды, ₸', other_tenge: 'Басқа көрсеткіш, ₸',
      },
      period: 'Кезең', periods: { year: 'Жыл', quarter: 'Тоқсан', month: 'Ай', ytd: 'Жыл басынан' },
      periodNo: { quarter: 'Тоқсан', month: 'Ай', ytd: 'Қаңтардан бастап' },
      indicatorName: 'Көрсеткіштің атауы', growth: 'Өсу индексі, өткен жылдың сол кезеңіне %', growthMore: 'астам',
      badGrowth: 'Индексті санмен енгізіңіз, мысалы 125,3', sourceDate: 'Дереккөз күні', sourceDatePlaceholder: 'КК.АА.ЖЖЖЖ', badDate: 'Қате күн: КК.АА.ЖЖЖЖ түрінде енгізіңіз', note: 'Ескертпе',
      editTitle: 'Ресми көрсеткішті түзету', changed: 'Көрсеткіш түзетілді', replaced: 'Көрсеткіш ауыстырылды',
      duplicate: '{{period}} бойынша «{{indicator}}» көрсеткіші бар: {{value}} (дереккөзі: {{source}}). Оны енгізілген деректермен ауыстыру керек пе?',
      duplicateTaken: '{{period}} бойынша басқа «{{indicator}}» көрсеткіші бар: {{value}} (дереккөзі: {{source}}). Бір кезеңге екі көрсеткіш болмайды: тізімде сол көрсеткішті түзетіңіз немесе жойыңыз.',
      replace: 'Ауыстыру', keep: 'Ауыстырмау',
      changedElsewhere: 'Көрсеткішті басқа терезеде немесе басқа хатшы өзгертті', changedElsewhereMine: 'сіз де бұл өрісті өзгерттіңіз: сақтағанда сіздің мәніңіз қалады',
      deletedElsewhere: 'Көрсеткішті басқа терезеде немесе басқа хатшы жойды', deletedElsewhereHint: 'Түзетуді сақтау мүмкін емес — пішінді жабыңыз.',
    },
    stats: {
      title: 'Ресми көрсеткіштер', period: 'Кезең', indicator: 'Көрсеткіш', value: 'Мәні', growth: 'Өсу индексі', source: 'Дереккөз',
      actions: 'Әрекеттер', edit: 'Көрсеткішті түзету: {{what}}', delete: 'Көрсеткішті жою: {{what}}', editShort: 'Түзету', deleteShort: 'Жою',
      removed: 'Көрсеткіш жойылды: {{what}}', twin: 'Қайталау', twinCounts: 'Осы кезеңге тағы бір жазба бар ({{value}}). Панельде осы жазба ескеріледі: ол кейінірек енгізілген. Артығын жойыңыз.', twinOld: 'Осы кезеңге кейінірек енгізілген жазба бар ({{value}}): панельде сол ескеріледі. Артығын жойыңыз.', undoTaken: 'Қалпына келтірілмеді — {{what}}: осы кезеңге басқа көрсеткіш енгізілген ({{value}})',
      empty: 'Ресми көрсеткіштер енгізілмеген. «Көрсеткіш енгізу» батырмасын басыңыз: жыл, тоқсан, ай немесе жыл басынан кезең, көрсеткіш, сома және дереккөз.',
    },
    empty: {
      noProjects: 'Тізілімде жоба жоқ. Жоба қосыңыз (тізілімдегі «Жаңа жоба» батырмасы) немесе баптауларда мысалды жүктеңіз.',
      noMatch: 'Таңдалған сүзгілерге бірде-бір жоба сәйкес келмейді. Сүзгілерді өзгертіңіз немесе «Тазалау» батырмасын басыңыз.',
      noAssignmentMatch: 'Таңдалған сүзгілерге бірде-бір тапсырма сәйкес келмейді. Сүзгілерді өзгертіңіз немесе «Тазалау» батырмасын басыңыз.',
    },
    stage: { title: 'Тізілім кезеңдер бойынша: идеядан жұмыс істеп тұрғанға дейін' },
    sector: { title: 'Тізілім салалар бойынша (ЭҚЖЖ)', empty: 'Жобалардың саласы көрсетілмеген. Жоба карточкасында ЭҚЖЖ бөлімін көрсетіңіз.' },
    district: { title: 'Тізілім аудандар бойынша', empty: 'Жобалардың ауданы көрсетілмеген. Жоба карточкасының «Орналасуы» қойындысында ауданды көрсетіңіз.' },
    zone: { title: 'Тізілім АЭА және индустриялық аймақтар бойынша', empty: 'Бірде-бір жоба АЭА немесе индустриялық аймақта орналаспаған. Жоба карточкасында аймақты көрсетіңіз.' },
    jobs: {
      title: 'Жұмыс орындары: жоспар және нақты', planned: 'Жоспар', created: 'Құрылды', construction: 'Құрылыс кезеңінде', permanent: 'Тұрақты', kind: 'Түрі',
      empty: 'Жұмыс орындары көрсетілмеген. Жоспар мен нақтыны жоба карточкасының «Көрсеткіштер» қойындысына енгізіңіз.',
    },
    commissioned: { title: 'Жылдар бойынша пайдалануға берілгені', year: 'Жыл', count: 'Жоба', volume: 'Көлемі', empty: 'Нақты іске қосу күні бар жоба жоқ. Оны жоба карточкасының «Мерзімдер» қойындысында көрсетіңіз.',
      emptyPeriod: 'Таңдалған кезеңде нақты іске қосу күні бар жоба жоқ. Кезеңді өзгертіңіз немесе «Тазалау» батырмасын басыңыз; іске қосу күні жоба карточкасының «Мерзімдер» қойындысында көрсетіледі.' },
    barriers: { title: 'Ашық проблемалық мәселелері бар жобалар', kind: 'Мәселе түрі', projects: 'Жоба', empty: 'Ашық проблемалық мәселелер жоқ. Олар жоба карточкасының «Проблемалық мәселелер» қойындысына енгізіледі.' },
    execution: { on_time: 'Мерзімінде орындалды', late: 'Мерзімі бұзылып орындалды', overdue: 'Мерзімі өтті', pending: 'Орындалуда, мерзімі келмеді' },
    months: { title: 'Тапсырмалардың орындалуы мерзім айлары бойынша', month: 'Ай', empty: 'Мерзімі бар тапсырма жоқ. Тапсырмалар хаттама шешімдерінен және «Тапсырмалар» бетінде пайда болады.' },
    bodies: { title: 'Тапсырмалардың орындалуы жауаптылар бойынша', body: 'Жауапты', none: 'Жауапты тағайындалмаған', empty: 'Тапсырма жоқ. Оларды хаттама шешімдерінен немесе «Тапсырмалар» бетінде жасаңыз.' },
    zoneView: {
      title: 'Аймақ: {{zone}}', pick: 'Аймақ', stageTitle: 'Аймақ жобалары кезеңдер бойынша', investment: 'Инвестициялар: барлығы / іске қосылғаны', jobs: 'Тұрақты жұмыс орындары: жоспар / құрылды',
      instructions: 'Аймақ орындайтын тапсырмалар', barriers: 'Ашық проблемалық мәселелер', noBarriers: 'жоқ',
      empty: 'Бұл аймақта жоба жоқ. Жоба карточкасында аймақты көрсетіңіз («Орналасуы» қойындысы).',
    },
    total: 'Барлығы', key: 'Мәні', count: 'Жоба', volume: 'Көлемі', none: 'Көрсетілмеген',
  },
};

const en: Shape<typeof ru> = {
  dashboard: {
    nav: 'Dashboard', title: 'Dashboard: investment, register, assignments',
    loading: 'Computing the figures…',
    filters: {
      label: 'Filters for every chart', from: 'From year', to: 'To year', districts: 'Districts', sectors: 'Sectors (OKED)', zones: 'SEZ / IZ',
      reset: 'Reset', measure: 'Measure', volume: 'Volume, ₸', count: 'Count',
      periodNote: 'The period applies to the charts by year and month; the others show the register as of today.',
      statsNote: 'Official totals are for the whole region: district, sector and zone filters do not apply to them.',
    },
    card: {
      chart: 'Chart', table: 'Table', view: 'View', png: 'PNG', svg: 'SVG', exportPng: 'Download “{{title}}” as PNG', exportSvg: 'Download “{{title}}” as SVG',
      exported: 'File saved: {{name}}', exportFailed: 'Could not save the image: {{message}}', openBoard: 'Open in the register', clickHint: 'Click a bar to open those projects in the register.',
    },
    units: {
      tenge: 'tenge ₸ (trn, bn, mn)', tengeGrowth: 'tenge ₸; growth index — % of the previous year', projects: 'projects', projectsTenge: 'projects and tenge ₸', jobs: 'jobs', assignments: 'assignments',
    },
    investment: {
      title: 'Attracted investment by year', attracted: 'Attracted', plan: 'Plan', growth: 'Growth index', year: 'Year', source: 'Index',
      computed: 'computed: current / previous × 100', official: 'official', large: 'Large projects commissioned',
      empty: 'No official totals yet. Press “Enter a figure” and give the year, the amount of attracted investment and the source (e.g. the akimat\'s or the statistics bureau\'s report).',
      emptyPeriod: 'No official totals for the selected period. Change the period or press “Reset”.',
    },
    stat: {
      add: 'Enter a figure', title: 'Official figure', year: 'Year', indicator: 'Indicator', value: 'Value', qualifier: 'Precision',
      exact: 'exact', more_than: 'more than', source: 'Source', sourceUrl: 'Link', save: 'Save', cancel: 'Cancel', saved: 'Figure saved',
      badValue: 'Enter an amount, e.g. “1.2 trn” or “892 bn”', badNumber: 'Enter a number', required: 'Required',
      indicators: {
        investment_attracted_tenge: 'Attracted investment, ₸', investment_plan_tenge: 'Investment plan, ₸', investment_growth_pct: 'Growth index, %', large_projects_commissioned: 'Large projects commissioned',
        fixed_capital_tenge: 'Investment in fixed capital, ₸', fdi_tenge: 'Foreign direct investment, ₸', hq_attracted_tenge: 'Attracted through the investment headquarters, ₸', other_tenge: 'Other indicator, ₸',
      },
      period: 'Period', periods: { year: 'Year', quarter: 'Quarter', month: 'Month', ytd: 'Year to date' },
      periodNo: { quarter: 'Quarter', month: 'Month', ytd: 'January to' },
      indicatorName: 'Name of the indicator', growth: 'Growth index, % of the same period last year', growthMore: 'more than',
      badGrowth: 'Enter the index as a number, e.g. 125.3', sourceDate: 'Date of the source', sourceDatePlaceholder: 'DD.MM.YYYY', badDate: 'Invalid date: enter a day as DD.MM.YYYY', note: 'Note',
      editTitle: 'Correct an official figure', changed: 'Figure corrected', replaced: 'Figure replaced',
      duplicate: 'There is already a figure “{{indicator}}” for {{period}}: {{value}} (source: {{source}}). Replace it with the values entered?',
      duplicateTaken: 'There is already another figure “{{indicator}}” for {{period}}: {{value}} (source: {{source}}). A period cannot have two: correct or delete that figure in the list.',
      replace: 'Replace', keep: 'Do not replace',
      changedElsewhere: 'This figure was changed in another window or by another clerk', changedElsewhereMine: 'you changed this field too: saving keeps your value',
      deletedElsewhere: 'This figure was deleted in another window or by another clerk', deletedElsewhereHint: 'The correction cannot be saved — close the form.',
    },
    stats: {
      title: 'Official figures', period: 'Period', indicator: 'Indicator', value: 'Value', growth: 'Growth index', source: 'Source',
      actions: 'Actions', edit: 'Correct the figure: {{what}}', delete: 'Delete the figure: {{what}}', editShort: 'Correct', deleteShort: 'Delete',
      removed: 'Figure deleted: {{what}}', twin: 'Duplicate', twinCounts: 'There is another entry for this period ({{value}}). The dashboard counts this one: it was entered later. Delete the one you do not need.', twinOld: 'An entry made later exists for this period ({{value}}): the dashboard counts that one. Delete the one you do not need.', undoTaken: 'Not restored — {{what}}: another figure has been entered for this period ({{value}})',
      empty: 'No official figures yet. Press “Add a figure”: the year, quarter, month or year to date, the indicator, the amount and the source.',
    },
    empty: {
      noProjects: 'The register is empty. Add a project (“New project” on the register) or load the example in the settings.',
      noMatch: 'No project matches the selected filters. Change the filters or press “Reset”.',
      noAssignmentMatch: 'No assignment matches the selected filters. Change the filters or press “Reset”.',
    },
    stage: { title: 'Register by stage: from idea to operating' },
    sector: { title: 'Register by sector (OKED)', empty: 'No project has a sector. Set the OKED section on the project card.' },
    district: { title: 'Register by district', empty: 'No project has a district. Set it on the “Location” tab of the project card.' },
    zone: { title: 'Register by SEZ and industrial zone', empty: 'No project is in a SEZ or an industrial zone. Set the zone on the project card.' },
    jobs: {
      title: 'Jobs: planned and created', planned: 'Planned', created: 'Created', construction: 'During construction', permanent: 'Permanent', kind: 'Kind',
      empty: 'No jobs entered. Enter planned and created jobs on the “Figures” tab of the project card.',
    },
    commissioned: { title: 'Commissioned by year', year: 'Year', count: 'Projects', volume: 'Volume', empty: 'No project has an actual commissioning date. Set it on the “Timeline” tab of the project card.',
      emptyPeriod: 'No project has an actual commissioning date in the selected period. Change the period or press “Reset”; the date is set on the “Timeline” tab of the project card.' },
    barriers: { title: 'Projects with open barriers', kind: 'Barrier', projects: 'Projects', empty: 'No open barriers. They are entered on the “Barriers” tab of the project card.' },
    execution: { on_time: 'Executed on time', late: 'Executed late', overdue: 'Overdue', pending: 'In progress, not yet due' },
    months: { title: 'Execution of assignments by month due', month: 'Month', empty: 'No assignment has a due date. Assignments come from the decisions of the minutes and the “Assignments” page.' },
    bodies: { title: 'Execution of assignments by responsible body', body: 'Responsible', none: 'Not assigned yet', empty: 'No assignments. Create them from the decisions of the minutes or on the “Assignments” page.' },
    zoneView: {
      title: 'Zone: {{zone}}', pick: 'Zone', stageTitle: 'The zone\'s projects by stage', investment: 'Investment: total / commissioned', jobs: 'Permanent jobs: planned / created',
      instructions: 'Instructions the zone carries out', barriers: 'Open barriers', noBarriers: 'none',
      empty: 'No projects in this zone. Set the zone on the project card (“Location” tab).',
    },
    total: 'Total', key: 'Value', count: 'Projects', volume: 'Volume', none: 'Not set',
  },
};

export const strings = { ru, kk, en };
