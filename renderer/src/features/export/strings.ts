// UI strings of the exports shared by several pages: the export dialog, the project passport, the
// briefing pack, the extracts (ru/kk/en, the same keys in each).
export const strings = {
  ru: {
    export: {
      format: 'Формат', language: 'Язык документа', run: 'Экспортировать', langRu: 'Русский', langKk: 'Қазақша',
      passport: 'Паспорт проекта', passportTitle: 'Паспорт проекта',
      pack: 'Материалы к заседанию', packTitle: 'Материалы к заседанию', packHint: 'Повестка, диаграмма инвестиций, неисполненные и просроченные поручения, паспорта проектов повестки.',
      extracts: 'Выписки', extractsTitle: 'Выписки из протокола', extractsHint: 'По одной выписке каждому ответственному органу.',
      extractsNone: 'В решениях не указаны ответственные органы: выписывать нечего.',
      done: 'Файл готов: {{name}}', doneMany: 'Готово файлов: {{count}}', doneFolder: 'Готово файлов: {{count}} (папка {{folder}})', failed: 'Экспорт не удался: {{error}}',
    },
  },
  kk: {
    export: {
      format: 'Пішімі', language: 'Құжат тілі', run: 'Экспорттау', langRu: 'Русский', langKk: 'Қазақша',
      passport: 'Жоба паспорты', passportTitle: 'Жоба паспорты',
      pack: 'Отырыс материалдары', packTitle: 'Отырысқа арналған материалдар', packHint: 'Күн тәртібі, инвестициялар диаграммасы, орындалмаған және мерзімі өткен тапсырмалар, күн тәртібіндегі жобалардың паспорттары.',
      extracts: 'Үзінділер', extractsTitle: 'Хаттамадан үзінділер', extractsHint: 'Әрбір жауапты органға бір үзіндіден.',
      extractsNone: 'Шешімдерде жауапты органдар көрсетілмеген: үзінді жасалмайды.',
      done: 'Файл дайын: {{name}}', doneMany: 'Дайын файлдар: {{count}}', doneFolder: 'Дайын файлдар: {{count}} ({{folder}} қалтасы)', failed: 'Экспорт сәтсіз аяқталды: {{error}}',
    },
  },
  en: {
    export: {
      format: 'Format', language: 'Document language', run: 'Export', langRu: 'Russian', langKk: 'Kazakh',
      passport: 'Project passport', passportTitle: 'Project passport',
      pack: 'Briefing pack', packTitle: 'Briefing pack for the meeting', packHint: 'Agenda, investment chart, open and overdue assignments, passports of the projects on the agenda.',
      extracts: 'Extracts', extractsTitle: 'Extracts from the minutes', extractsHint: 'One extract for each responsible body.',
      extractsNone: 'No decision names a responsible body: there is nothing to extract.',
      done: 'File ready: {{name}}', doneMany: 'Files ready: {{count}}', doneFolder: 'Files ready: {{count}} (folder {{folder}})', failed: 'Export failed: {{error}}',
    },
  },
} as const;
