// UI strings of attachments (вложения) on the project card, the meeting page and the assignment card (ru/kk/en).
export const strings = {
  ru: {
    attachments: {
      title: 'Вложения',
      hint: {
        project: 'Фото и документы с выезда на объект, до 25 МБ каждый.',
        meeting: 'Материалы заседания: презентации, справки, скан подписанного протокола — до 25 МБ каждый.',
        assignment: 'Отчёты об исполнении и подтверждающие документы, до 25 МБ каждый.',
      },
      add: 'Добавить файлы', adding: 'Добавляется…',
      drop: 'Перетащите файлы сюда или нажмите «Добавить файлы»', dropActive: 'Отпустите, чтобы добавить',
      empty: 'Вложений пока нет', name: 'Файл', size: 'Размер', added: 'Добавлен', actions: 'Действия',
      open: 'Открыть', export: 'Сохранить как…', remove: 'Удалить',
      openNamed: 'Открыть «{{name}}»', exportNamed: 'Сохранить «{{name}}» как…', removeNamed: 'Удалить «{{name}}»',
      onlyExport: 'Только сохранение', onlyExportHint: 'Программы и сценарии не открываются из приложения: сохраните файл и проверьте его антивирусом.',
      addedMany: 'Добавлено файлов: {{count}}', removed: 'Вложение «{{name}}» удалено', missingHere: 'нет на этом компьютере',
      units: { b: 'Б', kb: 'КБ', mb: 'МБ' },
      errors: {
        too_big: '«{{name}}» больше 25 МБ — не добавлен', empty: '«{{name}}» пустой — не добавлен', no_name: 'У файла нет имени — не добавлен',
        failed: '«{{name}}» не добавлен: {{message}}', dangerous: 'Программы и сценарии не открываются из приложения: сохраните файл и проверьте его антивирусом.',
        missing: 'Содержимого файла нет на этом компьютере: он добавлен на другом рабочем месте.', openFailed: 'Не удалось открыть файл', exportFailed: 'Не удалось сохранить файл: {{message}}',
      },
    },
  },
  kk: {
    attachments: {
      title: 'Тіркемелер',
      hint: {
        project: 'Нысанға барғандағы фотолар мен құжаттар, әрқайсысы 25 МБ-қа дейін.',
        meeting: 'Отырыс материалдары: презентациялар, анықтамалар, қол қойылған хаттаманың сканы — әрқайсысы 25 МБ-қа дейін.',
        assignment: 'Орындалуы туралы есептер және растайтын құжаттар, әрқайсысы 25 МБ-қа дейін.',
      },
      add: 'Файл қосу', adding: 'Қосылуда…',
      drop: 'Файлдарды осында сүйреңіз немесе «Файл қосу» түймесін басыңыз', dropActive: 'Қосу үшін жіберіңіз',
      empty: 'Әзірге тіркеме жоқ', name: 'Файл', size: 'Көлемі', added: 'Қосылды', actions: 'Әрекеттер',
      open: 'Ашу', export: 'Басқаша сақтау…', remove: 'Жою',
      openNamed: '«{{name}}» ашу', exportNamed: '«{{name}}» басқаша сақтау…', removeNamed: '«{{name}}» жою',
      onlyExport: 'Тек сақтау', onlyExportHint: 'Бағдарламалар мен сценарийлер қолданбадан ашылмайды: файлды сақтап, антивируспен тексеріңіз.',
      addedMany: 'Қосылған файлдар: {{count}}', removed: '«{{name}}» тіркемесі жойылды', missingHere: 'бұл компьютерде жоқ',
      units: { b: 'Б', kb: 'КБ', mb: 'МБ' },
      errors: {
        too_big: '«{{name}}» 25 МБ-тан үлкен — қосылмады', empty: '«{{name}}» бос — қосылмады', no_name: 'Файлдың атауы жоқ — қосылмады',
        failed: '«{{name}}» қосылмады: {{message}}', dangerous: 'Бағдарламалар мен сценарийлер қолданбадан ашылмайды: файлды сақтап, антивируспен тексеріңіз.',
        missing: 'Файлдың мазмұны бұл компьютерде жоқ: ол басқа жұмыс орнында қосылған.', openFailed: 'Файлды ашу мүмкін болмады', exportFailed: 'Файлды сақтау мүмкін болмады: {{message}}',
      },
    },
  },
  en: {
    attachments: {
      title: 'Attachments',
      hint: {
        project: 'Photos and documents from a site visit, up to 25 MB each.',
        meeting: 'The meeting\'s materials: presentations, briefing notes, a scan of the signed minutes — up to 25 MB each.',
        assignment: 'Reports on execution and supporting documents, up to 25 MB each.',
      },
      add: 'Add files', adding: 'Adding…',
      drop: 'Drop files here or press «Add files»', dropActive: 'Release to add',
      empty: 'No attachments yet', name: 'File', size: 'Size', added: 'Added', actions: 'Actions',
      open: 'Open', export: 'Save as…', remove: 'Remove',
      openNamed: 'Open «{{name}}»', exportNamed: 'Save «{{name}}» as…', removeNamed: 'Remove «{{name}}»',
      onlyExport: 'Save only', onlyExportHint: 'Programs and scripts are never opened from the app: save the file and check it with an antivirus.',
      addedMany: 'Files added: {{count}}', removed: 'Attachment «{{name}}» removed', missingHere: 'not on this computer',
      units: { b: 'B', kb: 'KB', mb: 'MB' },
      errors: {
        too_big: '«{{name}}» is larger than 25 MB — not added', empty: '«{{name}}» is empty — not added', no_name: 'The file has no name — not added',
        failed: '«{{name}}» not added: {{message}}', dangerous: 'Programs and scripts are never opened from the app: save the file and check it with an antivirus.',
        missing: 'This file\'s content is not on this computer: it was added at another workstation.', openFailed: 'The file could not be opened', exportFailed: 'The file could not be saved: {{message}}',
      },
    },
  },
} as const;
