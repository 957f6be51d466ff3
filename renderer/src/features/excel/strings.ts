// The register import's and the Excel exports' UI strings in Russian, Kazakh and English.
import type { Shape } from '../../i18n/types';

const ru = {
  import: {
    nav: 'Импорт из Excel', title: 'Импорт реестра из Excel или CSV', action: 'Импорт из Excel', back: 'Назад', next: 'Далее',
    steps: { file: 'Файл', sheet: 'Лист и заголовок', map: 'Столбцы', preview: 'Проверка', report: 'Отчёт' },
    file: {
      label: 'Файл реестра (.xlsx или .csv)', hint: 'CSV (.csv, .tsv) читается в UTF-8 или Windows-1251, с разделителем «;», «,» или табуляцией.', reading: 'Чтение файла…',
      read: 'Прочитан файл «{{name}}»: листов {{sheets}}', csvInfo: 'Кодировка {{encoding}}, разделитель «{{separator}}»',
    },
    error: {
      format: 'Файл «{{name}}» не импортируется: нужна книга Excel (.xlsx) или таблица CSV (.csv, .tsv). Реестр не изменён.',
      xls: 'Файл «{{name}}» — в старом формате Excel 97–2003 (.xls): откройте его в Excel и сохраните как «Книга Excel (.xlsx)». Реестр не изменён.', damaged: 'Файл повреждён или это не книга Excel (.xlsx)', empty: 'Файл пустой',
      failed: 'Не удалось прочитать файл: {{message}}', writeFailed: 'Импорт не выполнен, реестр не изменён: {{message}}', noTitle: 'Укажите столбец с наименованием проекта',
    },
    sheet: {
      sheet: 'Лист', headerRow: 'Строка заголовков', headerHint: 'Строки выше неё (названия таблицы) не импортируются', rows: 'строк: {{count}}', preview: 'Первые строки листа',
    },
    map: {
      column: 'Столбец', header: 'Заголовок', sample: 'Пример значения', field: 'Поле реестра', skip: '— не импортировать —', unit: 'Единица',
      remembered: 'Сопоставление столбцов запоминается для следующего импорта.', field_id: 'Идентификатор (id) проекта',
      scale: { one: 'тенге', thousand: 'тыс. тенге', million: 'млн тенге', billion: 'млрд тенге' },
    },
    preview: {
      planning: 'Проверка строк…', created: 'Новых проектов', updated: 'Будет обновлено', unchanged: 'Без изменений', rejected: 'Отклонено строк',
      skipped: 'Пропущено пустых строк: {{empty}}, строк-заголовков: {{titles}}', first: 'Первые строки', row: 'Строка', action: 'Действие',
      new: 'новый', update: 'обновление', run: 'Импортировать', rejectedHint: 'Отклонённые строки не импортируются; их список будет в отчёте.',
    },
    progress: { writing: 'Запись в реестр: {{done}} из {{total}}', cancel: 'Отменить импорт', cancelled: 'Импорт отменён, реестр не изменён' },
    report: {
      done: 'Импорт завершён: добавлено {{created}}, обновлено {{updated}}, отклонено строк {{rejected}}', noRejected: 'Все строки приняты.',
      rejectedTitle: 'Отклонённые строки', reason: 'Причина', value: 'Значение', copy: 'Копировать отчёт', copied: 'Отчёт скопирован',
      toBoard: 'Открыть реестр', again: 'Импортировать другой файл',
    },
    reason: {
      unreadable_number: 'Не читается как число',
      invalid_date: 'Неверная дата (нужен ДД.ММ.ГГГГ или дата Excel)', unknown_district: 'Неизвестный район', unknown_zone: 'Неизвестная зона',
      unknown_oked: 'Неизвестная отрасль (раздел ОКЭД)', unknown_stage: 'Неизвестная стадия', unknown_status: 'Неизвестный статус',
      invalid_id: 'Неверный идентификатор', duplicate_in_file: 'Тот же проект уже есть в строке {{value}} файла', deleted_project: 'Проект с этим идентификатором удалён',
    },
  },
  excel: {
    exportBoard: 'Экспорт в Excel', exportAssignments: 'Экспорт в Excel', saved: 'Сохранён файл «{{name}}»', failed: 'Не удалось сохранить Excel: {{message}}',
    boardSheet: 'Реестр', assignmentsSheet: 'Поручения', boardFile: 'Реестр проектов', assignmentsFile: 'Поручения', total: 'Итого', due: 'Срок (дата)', overdueDays: 'Просрочено, дней',
  },
} as const;

const kk: Shape<typeof ru> = {
  import: {
    nav: 'Excel-ден импорт', title: 'Тізілімді Excel немесе CSV-ден импорттау', action: 'Excel-ден импорт', back: 'Артқа', next: 'Әрі қарай',
    steps: { file: 'Файл', sheet: 'Парақ және тақырып', map: 'Бағандар', preview: 'Тексеру', report: 'Есеп' },
    file: {
      label: 'Тізілім файлы (.xlsx немесе .csv)', hint: 'CSV (.csv, .tsv) UTF-8 немесе Windows-1251 кодтауында, «;», «,» немесе табуляция бөлгішімен оқылады.', reading: 'Файл оқылуда…',
      read: '«{{name}}» файлы оқылды: парақтар саны {{sheets}}', csvInfo: 'Кодтау {{encoding}}, бөлгіш «{{separator}}»',
    },
    error: {
      format: '«{{name}}» файлы импортталмайды: Excel кітабы (.xlsx) немесе CSV кестесі (.csv, .tsv) қажет. Тізілім өзгертілмеді.',
      xls: '«{{name}}» файлы Excel 97–2003 ескі пішімінде (.xls): оны Excel-де ашып, «Excel кітабы (.xlsx)» ретінде сақтаңыз. Тізілім өзгертілмеді.', damaged: 'Файл бүлінген немесе Excel кітабы (.xlsx) емес', empty: 'Файл бос',
      failed: 'Файлды оқу мүмкін болмады: {{message}}', writeFailed: 'Импорт орындалмады, тізілім өзгермеді: {{message}}', noTitle: 'Жоба атауы бар бағанды көрсетіңіз',
    },
    sheet: {
      sheet: 'Парақ', headerRow: 'Тақырыптар жолы', headerHint: 'Одан жоғары жолдар (кесте атаулары) импортталмайды', rows: 'жолдар: {{count}}', preview: 'Парақтың алғашқы жолдары',
    },
    map: {
      column: 'Баған', header: 'Тақырып', sample: 'Мән үлгісі', field: 'Тізілім өрісі', skip: '— импорттамау —', unit: 'Бірлік',
      remembered: 'Бағандардың сәйкестігі келесі импорт үшін есте сақталады.', field_id: 'Жобаның идентификаторы (id)',
      scale: { one: 'теңге', thousand: 'мың теңге', million: 'млн теңге', billion: 'млрд теңге' },
    },
    preview: {
      planning: 'Жолдар тексерілуде…', created: 'Жаңа жобалар', updated: 'Жаңартылады', unchanged: 'Өзгеріссіз', rejected: 'Қабылданбаған жолдар',
      skipped: 'Өткізілген бос жолдар: {{empty}}, тақырып жолдары: {{titles}}', first: 'Алғашқы жолдар', row: 'Жол', action: 'Әрекет',
      new: 'жаңа', update: 'жаңарту', run: 'Импорттау', rejectedHint: 'Қабылданбаған жолдар импортталмайды; олардың тізімі есепте болады.',
    },
    progress: { writing: 'Тізілімге жазу: {{total}} ішінен {{done}}', cancel: 'Импортты болдырмау', cancelled: 'Импорт болдырылмады, тізілім өзгермеді' },
    report: {
      done: 'Импорт аяқталды: қосылды {{created}}, жаңартылды {{updated}}, қабылданбаған жолдар {{rejected}}', noRejected: 'Барлық жолдар қабылданды.',
      rejectedTitle: 'Қабылданбаған жолдар', reason: 'Себебі', value: 'Мәні', copy: 'Есепті көшіру', copied: 'Есеп көшірілді',
      toBoard: 'Тізілімді ашу', again: 'Басқа файлды импорттау',
    },
    reason: {
      unreadable_number: 'Сан ретінде оқылмайды',
      invalid_date: 'Күні қате (КК.АА.ЖЖЖЖ немесе Excel күні қажет)', unknown_district: 'Белгісіз аудан', unknown_zone: 'Белгісіз аймақ',
      unknown_oked: 'Белгісіз сала (ЭҚЖЖ бөлімі)', unknown_stage: 'Белгісіз кезең', unknown_status: 'Белгісіз мәртебе',
      invalid_id: 'Идентификатор қате', duplicate_in_file: 'Бұл жоба файлдың {{value}} жолында бар', deleted_project: 'Осы идентификаторы бар жоба жойылған',
    },
  },
  excel: {
    exportBoard: 'Excel-ге экспорт', exportAssignments: 'Excel-ге экспорт', saved: '«{{name}}» файлы сақталды', failed: 'Excel сақталмады: {{message}}',
    boardSheet: 'Тізілім', assignmentsSheet: 'Тапсырмалар', boardFile: 'Жобалар тізілімі', assignmentsFile: 'Тапсырмалар', total: 'Барлығы', due: 'Мерзімі (күні)', overdueDays: 'Мерзімі өткен, күн',
  },
};

const en: Shape<typeof ru> = {
  import: {
    nav: 'Import from Excel', title: 'Import the register from Excel or CSV', action: 'Import from Excel', back: 'Back', next: 'Next',
    steps: { file: 'File', sheet: 'Sheet and header', map: 'Columns', preview: 'Check', report: 'Report' },
    file: {
      label: 'Register file (.xlsx or .csv)', hint: 'CSV (.csv, .tsv) is read as UTF-8 or Windows-1251, separated by ";", "," or tabs.', reading: 'Reading the file…',
      read: 'Read “{{name}}”: {{sheets}} sheet(s)', csvInfo: 'Encoding {{encoding}}, separator "{{separator}}"',
    },
    error: {
      format: 'The file “{{name}}” cannot be imported: an Excel workbook (.xlsx) or a CSV table (.csv, .tsv) is needed. The register is unchanged.',
      xls: 'The file “{{name}}” is in the old Excel 97–2003 format (.xls): open it in Excel and save it as “Excel Workbook (.xlsx)”. The register is unchanged.', damaged: 'The file is damaged or not an Excel workbook (.xlsx)', empty: 'The file is empty',
      failed: 'Could not read the file: {{message}}', writeFailed: 'The import failed; the register is unchanged: {{message}}', noTitle: 'Choose the column with the project title',
    },
    sheet: {
      sheet: 'Sheet', headerRow: 'Header row', headerHint: 'Rows above it (table titles) are not imported', rows: 'rows: {{count}}', preview: 'The first rows of the sheet',
    },
    map: {
      column: 'Column', header: 'Header', sample: 'Sample value', field: 'Register field', skip: '— do not import —', unit: 'Unit',
      remembered: 'The column mapping is remembered for the next import.', field_id: 'Project identifier (id)',
      scale: { one: 'tenge', thousand: 'thousand tenge', million: 'million tenge', billion: 'billion tenge' },
    },
    preview: {
      planning: 'Checking the rows…', created: 'New projects', updated: 'To be updated', unchanged: 'Unchanged', rejected: 'Rejected rows',
      skipped: 'Skipped empty rows: {{empty}}, title rows: {{titles}}', first: 'First rows', row: 'Row', action: 'Action',
      new: 'new', update: 'update', run: 'Import', rejectedHint: 'Rejected rows are not imported; the report lists them.',
    },
    progress: { writing: 'Writing to the register: {{done}} of {{total}}', cancel: 'Cancel the import', cancelled: 'Import cancelled; the register is unchanged' },
    report: {
      done: 'Import finished: {{created}} added, {{updated}} updated, {{rejected}} rows rejected', noRejected: 'Every row was accepted.',
      rejectedTitle: 'Rejected rows', reason: 'Reason', value: 'Value', copy: 'Copy the report', copied: 'Report copied',
      toBoard: 'Open the register', again: 'Import another file',
    },
    reason: {
      unreadable_number: 'Not readable as a number',
      invalid_date: 'Invalid date (DD.MM.YYYY or an Excel date is needed)', unknown_district: 'Unknown district', unknown_zone: 'Unknown zone',
      unknown_oked: 'Unknown sector (OKED section)', unknown_stage: 'Unknown stage', unknown_status: 'Unknown status',
      invalid_id: 'Invalid identifier', duplicate_in_file: 'The same project is already in row {{value}} of the file', deleted_project: 'The project with this identifier was deleted',
    },
  },
  excel: {
    exportBoard: 'Export to Excel', exportAssignments: 'Export to Excel', saved: 'Saved “{{name}}”', failed: 'Could not save the Excel file: {{message}}',
    boardSheet: 'Register', assignmentsSheet: 'Assignments', boardFile: 'Project register', assignmentsFile: 'Assignments', total: 'Total', due: 'Due date', overdueDays: 'Overdue, days',
  },
};

export const strings = { ru, kk, en };
