// The project card's own UI strings (card, history) in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  project: {
    feature: 'Карточка проекта', notFound: 'Проект не найден: возможно, он удалён или ссылка неверна', commands: { save: 'Сохранить карточку' },
    newTitle: 'Новый проект', editTitle: 'Паспорт проекта', tabs: { main: 'Основное', location: 'Размещение', figures: 'Показатели', timeline: 'Сроки', barriers: 'Проблемные вопросы', control: 'Заседания и поручения', attachments: 'Вложения', history: 'История' },
    assignments: 'Поручения по проекту',
    noBarriers: 'Проблемных вопросов нет', stageLog: 'Журнал стадий', noHistory: 'Изменений пока нет', unsaved: 'Есть несохранённые изменения', unsavedQuestion: 'Закрыть карточку, не сохраняя их?',
    draftFound: 'Найден несохранённый черновик от {{at}}', draftStale: 'Проект с тех пор изменён; черновик заменит текущие значения полей.', draftRestore: 'Восстановить черновик',
    fixErrors: 'Исправьте отмеченные поля: {{count}}', copySuffix: '(копия)',
    changedElsewhere: 'Проект изменён в другом окне или при синхронизации', changedElsewhereMine: 'вы тоже меняете это поле: при сохранении будет записано ваше значение',
    changedElsewhereOk: 'Понятно', deletedElsewhere: 'Проект удалён в другом окне; сохранить изменения нельзя', tabErrors: 'ошибок: {{count}}',
    barrierCount: 'вопросов: {{count}}',
  },
  history: { create: 'Создан', update: 'Изменён', delete: 'Удалён', restore: 'Восстановлен', by: '{{actor}}', field: 'Поле', from: 'Было', to: 'Стало' },
} as const;

const kk: Shape<typeof ru> = {
  project: {
    feature: 'Жоба карточкасы', notFound: 'Жоба табылмады: ол жойылған немесе сілтеме қате болуы мүмкін', commands: { save: 'Карточканы сақтау' },
    newTitle: 'Жаңа жоба', editTitle: 'Жоба паспорты', tabs: { main: 'Негізгі', location: 'Орналасуы', figures: 'Көрсеткіштер', timeline: 'Мерзімдер', barriers: 'Проблемалық мәселелер', control: 'Отырыстар мен тапсырмалар', attachments: 'Тіркемелер', history: 'Тарих' },
    assignments: 'Жоба бойынша тапсырмалар',
    noBarriers: 'Проблемалық мәселелер жоқ', stageLog: 'Кезеңдер журналы', noHistory: 'Әзірге өзгерістер жоқ', unsaved: 'Сақталмаған өзгерістер бар', unsavedQuestion: 'Карточканы оларды сақтамай жабу керек пе?',
    draftFound: '{{at}} кезіндегі сақталмаған жоба нұсқасы табылды', draftStale: 'Жоба содан бері өзгерді; нұсқа өрістердің ағымдағы мәндерін ауыстырады.', draftRestore: 'Нұсқаны қалпына келтіру',
    fixErrors: 'Белгіленген өрістерді түзетіңіз: {{count}}', copySuffix: '(көшірме)',
    changedElsewhere: 'Жоба басқа терезеде немесе синхрондау кезінде өзгертілді', changedElsewhereMine: 'бұл өрісті сіз де өзгертудесіз: сақтағанда сіздің мәніңіз жазылады',
    changedElsewhereOk: 'Түсінікті', deletedElsewhere: 'Жоба басқа терезеде жойылды; өзгерістерді сақтау мүмкін емес', tabErrors: 'қателер: {{count}}',
    barrierCount: 'мәселелер: {{count}}',
  },
  history: { create: 'Құрылды', update: 'Өзгертілді', delete: 'Жойылды', restore: 'Қалпына келтірілді', by: '{{actor}}', field: 'Өріс', from: 'Болды', to: 'Қазір' },
};

const en: Shape<typeof ru> = {
  project: {
    feature: 'Project card', notFound: 'Project not found: it may have been deleted, or the link is wrong', commands: { save: 'Save the card' },
    newTitle: 'New project', editTitle: 'Project passport', tabs: { main: 'Main', location: 'Location', figures: 'Figures', timeline: 'Timeline', barriers: 'Barriers', control: 'Meetings and assignments', attachments: 'Attachments', history: 'History' },
    assignments: 'Assignments on the project',
    noBarriers: 'No barriers', stageLog: 'Stage log', noHistory: 'No changes yet', unsaved: 'Unsaved changes', unsavedQuestion: 'Close the card without saving them?',
    draftFound: 'An unsaved draft from {{at}} was found', draftStale: 'The project has changed since; the draft will replace the current field values.', draftRestore: 'Restore the draft',
    fixErrors: 'Fix the marked fields: {{count}}', copySuffix: '(copy)',
    changedElsewhere: 'The project was changed in another window or by sync', changedElsewhereMine: 'you are changing this field too: saving writes your value',
    changedElsewhereOk: 'Got it', deletedElsewhere: 'The project was deleted in another window; the changes cannot be saved', tabErrors: 'errors: {{count}}',
    barrierCount: 'barriers: {{count}}',
  },
  history: { create: 'Created', update: 'Changed', delete: 'Deleted', restore: 'Restored', by: '{{actor}}', field: 'Field', from: 'Was', to: 'Now' },
};

export const strings = { ru, kk, en };
