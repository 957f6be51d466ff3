// The project passport (паспорт проекта: one page per project from the register) and the briefing
// pack for a meeting (agenda, the investment chart, the open and overdue assignments, the passport
// of each project on the agenda). Input is plain data read from the stored records; the chart is
// drawn by each renderer from the figures (no PNG needed).
import type { DocLang } from '../domain/meeting.schema';
import { formatDate } from '../locale/dates';
import type { Block, ExportDocument, Run } from './document.schema';
import { DEFAULT_EXPORT_SETTINGS, organizationLines, pageFor, type ExportSettings } from './export-settings';

export type PassportInput = {
  id: string;
  title: string;
  investor: string;
  bin: string;
  sector: string;
  location: string;
  /** Formatted: «45,6 млрд ₸». */
  volume: string;
  jobs: string;
  stage: string;
  dates: string;
  curator: string;
  barriers: string[];
  support: string[];
  openAssignments: { number: string; text: string; responsible: string; deadline: string; overdue: boolean }[];
  meetings: { date: string; number: number; decision: string }[];
};

export type PackInput = {
  lang: DocLang;
  meeting: { id: string; number: number; date: string; place: string };
  agenda: { number: number; title: string }[];
  chart: { title: string; unit: string; bars: { label: string; value: number; text: string }[] };
  assignments: { number: string; text: string; responsible: string; deadline: string; overdue: boolean }[];
  projects: PassportInput[];
  settings?: ExportSettings;
};

const L = {
  ru: {
    passport: 'ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА', investor: 'Инвестор', bin: 'БИН', sector: 'Отрасль', location: 'Место реализации', volume: 'Объём инвестиций',
    jobs: 'Рабочие места', stage: 'Стадия', dates: 'Сроки', curator: 'Куратор', barriers: 'Проблемные вопросы', support: 'Меры поддержки',
    open: 'Поручения на контроле', history: 'Рассмотрение на заседаниях штаба', none: 'нет', pack: 'МАТЕРИАЛЫ К ЗАСЕДАНИЮ', agenda: 'ПОВЕСТКА ДНЯ',
    assignments: 'Неисполненные и просроченные поручения', no: '№', text: 'Поручение', responsible: 'Ответственные', deadline: 'Срок', overdue: 'просрочено',
    meetingOf: (n: number, d: string) => `№ ${n} от ${d}`,
  },
  kk: {
    passport: 'ИНВЕСТИЦИЯЛЫҚ ЖОБАНЫҢ ПАСПОРТЫ', investor: 'Инвестор', bin: 'БСН', sector: 'Сала', location: 'Іске асыру орны', volume: 'Инвестиция көлемі',
    jobs: 'Жұмыс орындары', stage: 'Кезеңі', dates: 'Мерзімдері', curator: 'Куратор', barriers: 'Проблемалық мәселелер', support: 'Қолдау шаралары',
    open: 'Бақылаудағы тапсырмалар', history: 'Штаб отырыстарында қаралуы', none: 'жоқ', pack: 'ОТЫРЫСҚА АРНАЛҒАН МАТЕРИАЛДАР', agenda: 'КҮН ТӘРТІБІ',
    assignments: 'Орындалмаған және мерзімі өткен тапсырмалар', no: '№', text: 'Тапсырма', responsible: 'Жауаптылар', deadline: 'Мерзімі', overdue: 'мерзімі өтті',
    meetingOf: (n: number, d: string) => `${d} № ${n}`,
  },
} as const;

const b = (text: string): Run[] => [{ text, bold: true }];
const t = (text: string): Run[] => (text ? [{ text }] : [{ text: '—' }]);

function assignmentTable(lang: DocLang, rows: PackInput['assignments']): Block {
  const l = L[lang];
  return {
    type: 'table', header: true, widths: [1.2, 7, 4, 2.6],
    rows: [
      [b(l.no), b(l.text), b(l.responsible), b(l.deadline)],
      ...rows.map((a) => [t(a.number), t(a.text), t(a.responsible), a.overdue ? [{ text: `${a.deadline} (${l.overdue})`, bold: true }] : t(a.deadline)]),
    ],
  };
}

/** The blocks of one project's passport (one page). */
export function passportBlocks(lang: DocLang, p: PassportInput): Block[] {
  const l = L[lang];
  const blocks: Block[] = [
    { type: 'heading', level: 1, runs: b(l.passport), align: 'center' },
    { type: 'paragraph', runs: b(p.title), align: 'center' },
    {
      type: 'table', widths: [1, 2],
      rows: [
        [b(l.investor), t(p.investor)], [b(l.bin), t(p.bin)], [b(l.sector), t(p.sector)], [b(l.location), t(p.location)],
        [b(l.volume), t(p.volume)], [b(l.jobs), t(p.jobs)], [b(l.stage), t(p.stage)], [b(l.dates), t(p.dates)], [b(l.curator), t(p.curator)],
      ],
    },
    { type: 'paragraph', runs: b(`${l.barriers}:`), keepWithNext: true },
    p.barriers.length ? { type: 'list', ordered: true, items: p.barriers.map((x) => [{ text: x }]) } : { type: 'paragraph', runs: t(l.none), indent: true },
    { type: 'paragraph', runs: b(`${l.support}:`), keepWithNext: true, spaceBefore: 4 },
    p.support.length ? { type: 'list', ordered: false, items: p.support.map((x) => [{ text: x }]) } : { type: 'paragraph', runs: t(l.none), indent: true },
    { type: 'paragraph', runs: b(`${l.open}:`), keepWithNext: true, spaceBefore: 4 },
    p.openAssignments.length ? assignmentTable(lang, p.openAssignments) : { type: 'paragraph', runs: t(l.none), indent: true },
    { type: 'paragraph', runs: b(`${l.history}:`), keepWithNext: true, spaceBefore: 4 },
    p.meetings.length
      ? { type: 'list', ordered: false, items: p.meetings.map((m) => [{ text: `${l.meetingOf(m.number, formatDate(m.date))}: ${m.decision}` }]) }
      : { type: 'paragraph', runs: t(l.none), indent: true },
  ];
  return blocks;
}

/** One or more projects' passports, each on its own page. */
export function buildPassportDocument(lang: DocLang, projects: PassportInput[], settings: ExportSettings = DEFAULT_EXPORT_SETTINGS): ExportDocument {
  const l = L[lang];
  const blocks = projects.flatMap((p, i) => [...(i ? [{ type: 'pageBreak' } as Block] : []), ...passportBlocks(lang, p)]);
  const first = projects[0];
  return {
    kind: 'passport', lang, title: `${l.passport}${first ? ` — ${first.title}` : ''}`,
    fileStem: `${lang === 'kk' ? 'Жоба паспорты' : 'Паспорт проекта'}${projects.length === 1 && first ? ` — ${first.title.slice(0, 100)}` : ''}`,
    source: { id: first?.id ?? 'projects', revision: 0 },
    page: { ...pageFor(settings, lang), fontSizePt: Math.min(12, settings.page.fontSizePt) },
    pageLabel: '',
    blocks,
  };
}

/** The briefing pack for a meeting. */
export function buildPackDocument(input: PackInput): ExportDocument {
  const settings = input.settings ?? DEFAULT_EXPORT_SETTINGS;
  const { lang } = input;
  const l = L[lang];
  const date = formatDate(input.meeting.date);
  const blocks: Block[] = [
    ...organizationLines(settings, lang).map((name): Block => ({ type: 'paragraph', runs: b(name.toUpperCase()), align: 'center' })),
    { type: 'heading', level: 1, runs: b(l.pack), align: 'center' },
    { type: 'dateline', left: date, center: '', right: `№ ${input.meeting.number}` },
    { type: 'paragraph', runs: t(input.meeting.place), align: 'center' },
    { type: 'heading', level: 3, runs: b(`${l.agenda}:`), align: 'center' },
    ...input.agenda.map((a): Block => ({ type: 'paragraph', runs: t(`${a.number}. ${a.title}`), align: 'justify', indent: true })),
    { type: 'barChart', ...input.chart },
    { type: 'heading', level: 3, runs: b(l.assignments), align: 'center' },
    input.assignments.length ? assignmentTable(lang, input.assignments) : { type: 'paragraph', runs: t(l.none), indent: true },
    ...input.projects.flatMap((p): Block[] => [{ type: 'pageBreak' }, ...passportBlocks(lang, p)]),
  ];
  return {
    kind: 'pack', lang, title: `${l.pack} ${date}`,
    fileStem: lang === 'kk' ? `Отырыс материалдары №${input.meeting.number} ${date}` : `Материалы к заседанию №${input.meeting.number} от ${date}`,
    source: { id: input.meeting.id, revision: 0 },
    page: { ...pageFor(settings, lang), fontSizePt: Math.min(12, settings.page.fontSizePt) },
    pageLabel: '',
    blocks,
  };
}
