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
      settings: {
        title: 'Экспорт документов', hint: 'Как протоколы, выписки, паспорта и материалы выглядят в DOCX и PDF этого рабочего места.',
        organization: 'Наименование организации', font: 'Шрифт (DOCX)', fontSize: 'Кегль, пт', lineSpacing: 'Межстрочный интервал',
        margins: 'Поля, мм', top: 'Верхнее', right: 'Правое', bottom: 'Нижнее', left: 'Левое', standard: 'Стандартные 20/10/20/20', binding: 'Левое 30 мм (подшивка)',
        restricted: 'Гриф «ДСП» на первой странице', bilingual: 'Шапка на двух языках (казахский и русский)',
        wording: 'Формулировки', wordingHint: 'Пустое поле — слово по правилам делопроизводства.', wordRu: 'Русский', wordKk: 'Қазақша',
        words: { organization: 'Организация', title: 'Заголовок', chair: 'Председательствующий', secretary: 'Секретарь', heard: 'Слушали', spoke: 'Выступили', decided: 'Решили', responsible: 'Ответственные', deadline: 'Срок' },
        save: 'Сохранить настройки экспорта', saved: 'Настройки экспорта сохранены', reset: 'По умолчанию',
        errors: { required: 'Заполните поле', number: 'Введите число', margin: 'От 5 до 60 мм', fontSize: 'От 8 до 20 пт', lineSpacing: 'От 1 до 3', tooLong: 'Слишком длинно', fix: 'Исправьте поля, отмеченные красным: ничего не сохранено' },
      },
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
      settings: {
        title: 'Құжаттарды экспорттау', hint: 'Осы жұмыс орнының хаттамалары, үзінділері, паспорттары мен материалдары DOCX және PDF-те қалай көрінеді.',
        organization: 'Ұйымның атауы', font: 'Қаріп (DOCX)', fontSize: 'Кегль, пт', lineSpacing: 'Жоларалық интервал',
        margins: 'Жиектер, мм', top: 'Жоғарғы', right: 'Оң', bottom: 'Төменгі', left: 'Сол', standard: 'Стандартты 20/10/20/20', binding: 'Сол жақ 30 мм (тігу үшін)',
        restricted: 'Бірінші беттегі «ҚБП» белгісі', bilingual: 'Екі тілдегі бас жазу (қазақша және орысша)',
        wording: 'Тұжырымдар', wordingHint: 'Бос өріс — іс жүргізу ережелеріндегі сөз.', wordRu: 'Русский', wordKk: 'Қазақша',
        words: { organization: 'Ұйым', title: 'Тақырып', chair: 'Төрағалық етуші', secretary: 'Хатшы', heard: 'Тыңдалды', spoke: 'Сөйледі', decided: 'Шешті', responsible: 'Жауаптылар', deadline: 'Мерзімі' },
        save: 'Экспорт баптауларын сақтау', saved: 'Экспорт баптаулары сақталды', reset: 'Әдепкі',
        errors: { required: 'Өрісті толтырыңыз', number: 'Сан енгізіңіз', margin: '5-тен 60 мм-ге дейін', fontSize: '8-ден 20 пт-ға дейін', lineSpacing: '1-ден 3-ке дейін', tooLong: 'Тым ұзын', fix: 'Қызылмен белгіленген өрістерді түзетіңіз: ештеңе сақталған жоқ' },
      },
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
      settings: {
        title: 'Document export', hint: 'How this workspace\'s minutes, extracts, passports and packs look in DOCX and PDF.',
        organization: 'Organization name', font: 'Font (DOCX)', fontSize: 'Size, pt', lineSpacing: 'Line spacing',
        margins: 'Margins, mm', top: 'Top', right: 'Right', bottom: 'Bottom', left: 'Left', standard: 'Standard 20/10/20/20', binding: 'Left 30 mm (binding)',
        restricted: '«ДСП» (restricted) mark on the first page', bilingual: 'Header in both languages (Kazakh and Russian)',
        wording: 'Wording', wordingHint: 'An empty field means the record-keeping rules\' word.', wordRu: 'Russian', wordKk: 'Kazakh',
        words: { organization: 'Organization', title: 'Title', chair: 'Chair', secretary: 'Secretary', heard: 'Heard', spoke: 'Spoke', decided: 'Decided', responsible: 'Responsible', deadline: 'Deadline' },
        save: 'Save export settings', saved: 'Export settings saved', reset: 'Defaults',
        errors: { required: 'Fill in this field', number: 'Enter a number', margin: '5 to 60 mm', fontSize: '8 to 20 pt', lineSpacing: '1 to 3', tooLong: 'Too long', fix: 'Fix the fields marked red: nothing was saved' },
      },
      done: 'File ready: {{name}}', doneMany: 'Files ready: {{count}}', doneFolder: 'Files ready: {{count}} (folder {{folder}})', failed: 'Export failed: {{error}}',
    },
  },
} as const;
