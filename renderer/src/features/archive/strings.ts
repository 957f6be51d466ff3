// UI strings of the whole-workspace archive in Settings (ru/kk/en).
export const strings = {
  ru: {
    workspaceArchive: {
      title: 'Архив рабочего места', hint: 'Все данные, настройки и вложения одним файлом ZIP — для переноса на новый компьютер. Перед загрузкой архив проверяется целиком; повреждённый архив не принимается.',
      export: 'Сохранить архив', import: 'Загрузить архив…', exporting: 'Архив собирается…',
      exported: 'Архив сохранён: проектов {{projects}}, файлов вложений {{files}}', missing: 'Вложений без содержимого на этом компьютере (в архив не вошли): {{count}}',
      previewTitle: 'Загрузить архив рабочего места?', file: 'Файл', created: 'Создан', app: 'Версия программы', schema: 'Версия данных',
      holds: 'В архиве', records: 'записей',
      counts: {
        projects: 'Проекты', organizations: 'Организации', people: 'Люди', meetings: 'Заседания', assignments: 'Поручения', minutes: 'Протоколы',
        investmentStats: 'Официальные показатели', attachments: 'Вложения', attachmentFiles: 'Файлы вложений', other: 'Прочие записи',
      },
      warning: 'Все текущие данные этого рабочего места будут заменены содержимым архива. Отменить это нельзя — при необходимости сначала сохраните архив текущих данных.',
      confirm: 'Заменить данные', replaced: 'Рабочее место загружено из архива: проектов {{projects}}',
      refusedTitle: 'Архив не принят — данные не изменены', where: 'Где: {{detail}}', tooLarge: 'Файл больше 1 ГБ — не загружен', failed: 'Не удалось: {{message}}',
      errors: {
        too_large: 'Архив слишком большой.', not_zip: 'Это не архив ZIP, или он повреждён.', no_manifest: 'В архиве нет описания (manifest.json) — это не архив рабочего места Hattama.',
        bad_manifest: 'Описание архива повреждено.', newer_schema: 'Архив создан более новой версией программы — обновите программу.', missing_file: 'В архиве не хватает файла.',
        extra_file: 'В архиве есть файл, которого нет в описании.', checksum: 'Контрольная сумма не совпадает: файл повреждён или изменён.', bad_json: 'Данные архива повреждены.',
        bad_record: 'Запись не проходит проверку.', count_mismatch: 'Число записей не совпадает с описанием.', duplicate_id: 'В архиве повторяются записи.',
      },
    },
  },
  kk: {
    workspaceArchive: {
      title: 'Жұмыс орнының мұрағаты', hint: 'Барлық деректер, баптаулар мен тіркемелер бір ZIP файлында — жаңа компьютерге көшіру үшін. Жүктеу алдында мұрағат толық тексеріледі; бүлінген мұрағат қабылданбайды.',
      export: 'Мұрағатты сақтау', import: 'Мұрағатты жүктеу…', exporting: 'Мұрағат жиналуда…',
      exported: 'Мұрағат сақталды: жобалар {{projects}}, тіркеме файлдары {{files}}', missing: 'Мазмұны бұл компьютерде жоқ тіркемелер (мұрағатқа кірмеді): {{count}}',
      previewTitle: 'Жұмыс орнының мұрағатын жүктеу керек пе?', file: 'Файл', created: 'Жасалған', app: 'Бағдарлама нұсқасы', schema: 'Деректер нұсқасы',
      holds: 'Мұрағатта', records: 'жазба',
      counts: {
        projects: 'Жобалар', organizations: 'Ұйымдар', people: 'Адамдар', meetings: 'Отырыстар', assignments: 'Тапсырмалар', minutes: 'Хаттамалар',
        investmentStats: 'Ресми көрсеткіштер', attachments: 'Тіркемелер', attachmentFiles: 'Тіркеме файлдары', other: 'Басқа жазбалар',
      },
      warning: 'Осы жұмыс орнының барлық ағымдағы деректері мұрағат мазмұнымен ауыстырылады. Мұны болдырмау мүмкін емес — қажет болса, алдымен ағымдағы деректердің мұрағатын сақтаңыз.',
      confirm: 'Деректерді ауыстыру', replaced: 'Жұмыс орны мұрағаттан жүктелді: жобалар {{projects}}',
      refusedTitle: 'Мұрағат қабылданбады — деректер өзгерген жоқ', where: 'Қай жерде: {{detail}}', tooLarge: 'Файл 1 ГБ-тан үлкен — жүктелмеді', failed: 'Сәтсіз аяқталды: {{message}}',
      errors: {
        too_large: 'Мұрағат тым үлкен.', not_zip: 'Бұл ZIP мұрағаты емес немесе ол бүлінген.', no_manifest: 'Мұрағатта сипаттама (manifest.json) жоқ — бұл Hattama жұмыс орнының мұрағаты емес.',
        bad_manifest: 'Мұрағат сипаттамасы бүлінген.', newer_schema: 'Мұрағат бағдарламаның жаңарақ нұсқасымен жасалған — бағдарламаны жаңартыңыз.', missing_file: 'Мұрағатта файл жетіспейді.',
        extra_file: 'Мұрағатта сипаттамада жоқ файл бар.', checksum: 'Бақылау сомасы сәйкес емес: файл бүлінген немесе өзгертілген.', bad_json: 'Мұрағат деректері бүлінген.',
        bad_record: 'Жазба тексеруден өтпейді.', count_mismatch: 'Жазбалар саны сипаттамаға сәйкес емес.', duplicate_id: 'Мұрағатта жазбалар қайталанады.',
      },
    },
  },
  en: {
    workspaceArchive: {
      title: 'Workspace archive', hint: 'All data, settings and attachments in one ZIP file — for moving to a new computer. An archive is checked completely before it is loaded; a damaged one is refused.',
      export: 'Save archive', import: 'Load archive…', exporting: 'Building the archive…',
      exported: 'Archive saved: {{projects}} projects, {{files}} attachment files', missing: 'Attachments whose content is not on this computer (not in the archive): {{count}}',
      previewTitle: 'Load this workspace archive?', file: 'File', created: 'Created', app: 'App version', schema: 'Data version',
      holds: 'The archive holds', records: 'records',
      counts: {
        projects: 'Projects', organizations: 'Organizations', people: 'People', meetings: 'Meetings', assignments: 'Assignments', minutes: 'Minutes',
        investmentStats: 'Official figures', attachments: 'Attachments', attachmentFiles: 'Attachment files', other: 'Other records',
      },
      warning: 'All current data of this workspace will be replaced by the archive. This cannot be undone — save an archive of the current data first if you need it.',
      confirm: 'Replace the data', replaced: 'Workspace loaded from the archive: {{projects}} projects',
      refusedTitle: 'Archive refused — nothing was changed', where: 'Where: {{detail}}', tooLarge: 'The file is larger than 1 GB — not loaded', failed: 'Failed: {{message}}',
      errors: {
        too_large: 'The archive is too large.', not_zip: 'This is not a ZIP archive, or it is damaged.', no_manifest: 'The archive has no manifest (manifest.json) — it is not a Hattama workspace archive.',
        bad_manifest: 'The archive\'s manifest is damaged.', newer_schema: 'The archive was made by a newer version of the app — update the app.', missing_file: 'A file is missing from the archive.',
        extra_file: 'The archive holds a file its manifest does not list.', checksum: 'A checksum does not match: a file is damaged or was changed.', bad_json: 'The archive\'s data is damaged.',
        bad_record: 'A record does not pass validation.', count_mismatch: 'The number of records does not match the manifest.', duplicate_id: 'The archive repeats records.',
      },
    },
  },
} as const;
