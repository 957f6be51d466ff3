// Russian UI strings (default language): the words the shell and several features share. Each
// feature keeps its own strings in its folder (features/*/strings.ts); kk.ts and en.ts must have
// the same keys as this file (type-checked).
export const ru = {
  app: { name: 'Hattama', subtitle: 'Секретариат регионального инвестиционного штаба', skip: 'Перейти к содержимому' },
  nav: { main: 'Разделы' },
  actions: {
    newProject: 'Новый проект', save: 'Сохранить', cancel: 'Отмена', delete: 'Удалить', duplicate: 'Дублировать', undo: 'Отменить',
    close: 'Закрыть', loadDemo: 'Загрузить пример (Актюбинская область)', clearDemo: 'Очистить пример', columns: 'Столбцы',
    resetFilters: 'Сбросить фильтры', addBarrier: 'Добавить проблемный вопрос', remove: 'Убрать', moveUp: 'Выше', moveDown: 'Ниже',
    open: 'Открыть', language: 'Язык', theme: 'Тема', shortcuts: 'Горячие клавиши', resetColumns: 'Столбцы по умолчанию', discard: 'Не сохранять',
  },
  stage: { idea: 'Идея', negotiation: 'Переговоры', design: 'Проектирование', construction: 'Строительство', commissioning: 'Ввод в эксплуатацию', operating: 'Действующий', suspended: 'Приостановлен', cancelled: 'Отменён' },
  status: { on_track: 'По графику', at_risk: 'Под угрозой', blocked: 'Заблокирован' },
  barrierKind: { land: 'Земля', gas: 'Газ', power: 'Электроэнергия', water: 'Вода', roads: 'Дороги', permits: 'Разрешения', financing: 'Финансирование', other: 'Прочее' },
  fields: {
    title: 'Наименование проекта', investorName: 'Инвестор (наименование)', investorBin: 'БИН инвестора', investorBinHint: '12 цифр с контрольным разрядом',
    investorCountry: 'Страна инвестора', okedSection: 'Отрасль (раздел ОКЭД)', regionId: 'Регион', districtId: 'Район / город', settlement: 'Населённый пункт',
    zoneId: 'СЭЗ / индустриальная зона', investmentTenge: 'Объём инвестиций, ₸', investmentHint: 'Например: 25 млрд или 25 000 000 000',
    foreignSharePct: 'Доля иностранных инвестиций, %', jobsConstructionPlanned: 'Рабочие места на период строительства — план',
    jobsConstructionCreated: 'Рабочие места на период строительства — создано', jobsPermanentPlanned: 'Постоянные рабочие места — план',
    jobsPermanentCreated: 'Постоянные рабочие места — создано', capacity: 'Мощность / продукция', stage: 'Стадия', status: 'Статус',
    startDate: 'Начало реализации', plannedCommissioningDate: 'Ввод в эксплуатацию — план', actualCommissioningDate: 'Ввод в эксплуатацию — факт',
    supportMeasures: 'Меры государственной поддержки', curatorId: 'Куратор', notes: 'Примечания', tags: 'Метки', tagsHint: 'Enter — добавить метку',
    barrierKind: 'Вид вопроса', barrierText: 'Суть вопроса', openedOn: 'Открыт', resolvedOn: 'Решён', daysOpen: 'Дней открыт: {{count}}',
    datePlaceholder: 'ДД.ММ.ГГГГ', none: '—',
  },
  validation: {
    required: 'Обязательное поле', too_long: 'Слишком длинный текст', control_chars: 'Текст содержит недопустимые управляющие символы',
    no_markup: 'HTML-разметка не допускается — введите обычный текст', single_line: 'Должно быть в одну строку', invalid_bin: 'Неверный БИН: нужно 12 цифр с правильным контрольным разрядом',
    invalid_date: 'Неверная дата: нужен существующий день в виде ДД.ММ.ГГГГ', not_a_number: 'Введите число цифрами, например 1 200', not_integer: 'Введите целое число (без запятой и точки)', negative: 'Не может быть отрицательным',
    too_big: 'Слишком большое значение', max_100: 'Не больше 100', district_region: 'Район не относится к выбранному региону',
    zone_region: 'Зона не относится к выбранному региону', before_start: 'Раньше даты начала', before_opened: 'Раньше даты открытия',
    too_many: 'Слишком много значений', duplicate_tag: 'Такая метка уже есть', invalid_country: 'Выберите страну из списка', invalid_id: 'Неверная ссылка', invalid_money: 'Не похоже на сумму: например 25 млрд или 25 000 000 000',
    paste_too_long: 'Вставлен слишком длинный текст ({{count}} символов, допускается не больше {{max}}); поле не изменено',
    period_no_for_year: 'Для года квартал или месяц не указывается', quarter_range: 'Квартал — от 1 до 4',
    unknown: 'Неверное значение',
  },
  reminders: { title: 'Поручения на контроле', body: 'Просрочено: {{overdue}} · срок в ближайшие {{days}} рабочих дня: {{soon}}' },
  notify: {
    saved: 'Проект сохранён', created: 'Проект добавлен в реестр', deleted: 'Проект «{{title}}» удалён', restored: 'Проект восстановлен',
    duplicated: 'Создана копия проекта', demoLoaded: 'Пример загружен, проектов: {{count}}', demoCleared: 'Пример удалён из реестра',
    saveFailed: 'Не удалось сохранить: {{message}}', stageChanged: '«{{title}}»: {{from}} → {{to}}',
  },
  shortcuts: { title: 'Горячие клавиши', help: 'Эта справка' },
  menu: {
    file: 'Файл', edit: 'Правка', view: 'Вид', window: 'Окно', help: 'Справка', about: 'О программе Hattama',
    quit: 'Выход', undo: 'Отменить', redo: 'Повторить', cut: 'Вырезать', copy: 'Копировать', paste: 'Вставить',
    selectAll: 'Выделить всё', reload: 'Перезагрузить', toggleDevTools: 'Инструменты разработчика', zoomIn: 'Увеличить', zoomOut: 'Уменьшить', resetZoom: 'Исходный масштаб',
    fullscreen: 'Полноэкранный режим', toggleFullScreen: 'Полноэкранный режим', minimize: 'Свернуть', close: 'Закрыть окно', shortcuts: 'Горячие клавиши',
  },
} as const;
