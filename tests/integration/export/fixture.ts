// A meeting's stored data for the export tests and the bench: records as the repository keeps them
// and the minutes' Yjs text (bold, italic, lists, a table, text typed as markup), in Russian and
// Kazakh; every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and ₸ appear in it.
import * as Y from 'yjs';
import { buildMinutesOutline, minutesPartField, type OutlineInput } from '../../../shared/domain/minutes-outline';
import type { DocLang } from '../../../shared/domain/meeting.schema';
import { buildMinutesDocument, type MinutesExportInput } from '../../../shared/export/minutes-document';
import { fragmentBlocks } from '../../../shared/export/rich-text';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/export/export-settings';
import type { ExportDocument } from '../../../shared/export/document.schema';

export const SCRIPT_TEXT = '<script>alert("x")</script> <b>не жирный</b>';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const ORGS = [
  { id: id(901), ru: 'Управление предпринимательства и индустриально-инновационного развития', kk: 'Кәсіпкерлік және индустриялық-инновациялық даму басқармасы' },
  { id: id(902), ru: 'АО «СЭЗ «Актобе»', kk: '«Ақтөбе» АЭА» АҚ' },
  { id: id(903), ru: 'Управление энергетики и ЖКХ', kk: 'Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы' },
];

type FixtureOptions = { items?: number; decisionsPerItem?: number; paragraphsPerPart?: number; participants?: number };

/** The meeting's records, the outline input for `lang`, and the Yjs text per language. */
export function fixtureMeeting(opts: FixtureOptions = {}) {
  const items = opts.items ?? 3;
  const perItem = opts.decisionsPerItem ?? 2;
  const paras = opts.paragraphsPerPart ?? 2;
  const participants = opts.participants ?? 12;
  const people = new Map<string, { id: string; fullName: string; position?: string }>();
  people.set(id(1), { id: id(1), fullName: 'Асхат Шахаров', position: 'аким Актюбинской области' });
  people.set(id(2), { id: id(2), fullName: 'Айгүл Қаһарманова', position: 'секретарь штаба' });
  for (let i = 0; i < participants; i++) people.set(id(10 + i), { id: id(10 + i), fullName: `Ұлан Өмірзақов ${i + 1}`, position: `руководитель ведомства № ${i + 1}` });
  const attendance = [...people.keys()].map((personId) => ({ personId, role: 'participant' as const, presence: 'present' as const }));
  const agenda = Array.from({ length: items }, (_, i) => ({
    id: id(100 + i), position: `a${String(i).padStart(3, '0')}`, kind: 'topic' as const,
    titleRu: `О ходе реализации инвестиционного проекта № ${i + 1} «Завод ферросплавов» (1,2 трлн ₸)`,
    titleKk: `№ ${i + 1} «Ферроқорытпа зауыты» инвестициялық жобасының іске асырылу барысы туралы (1,2 трлн ₸)`,
    speaker: i === 0 ? `${SCRIPT_TEXT} — Өмірзақов Ұ.` : 'Өмірзақов Ұ. — руководитель управления',
    projectIds: [],
  }));
  const decisions = agenda.flatMap((item, i) => Array.from({ length: perItem }, (_, j) => ({
    id: id(1000 + i * 100 + j), agendaItemId: item.id, position: `d${String(j).padStart(3, '0')}`,
    textRu: `Обеспечить подключение объекта № ${i + 1}.${j + 1} к газу и электроэнергии`,
    textKk: `№ ${i + 1}.${j + 1} нысанды газға және электр энергиясына қосуды қамтамасыз ету (әғқңөұүһі)`,
    responsibleOrgIds: [ORGS[j % ORGS.length]?.id ?? ''],
    deadline: { kind: 'date' as const, due: `2026-0${(j % 8) + 2}-15` },
  })));
  const meeting = { number: 3, date: '2026-02-12', time: '10:00', place: 'г. Актобе, Актюбинский ферросплавный завод', title: 'Выездное заседание регионального инвестиционного штаба', chairId: id(1), secretaryId: id(2) };
  const input = (lang: DocLang): OutlineInput => ({
    lang, meeting, people, attendance, agenda, decisions,
    organizations: new Map(ORGS.map((o) => [o.id, { name: lang === 'kk' ? o.kk : o.ru }])),
  });
  const docs = { ru: textDoc('ru', agenda, paras), kk: textDoc('kk', agenda, paras) };
  return { meeting, input, docs, decisions, agenda };
}

function paragraph(text: string, marks?: Record<string, object>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, marks);
  p.insert(0, [t]);
  return p;
}

function richParagraph(lang: DocLang): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  const pieces: [string, Record<string, object>?][] = lang === 'kk'
    ? [['Жоба бойынша '], ['жұмыс орындары', { bold: {} }], [' және '], ['салық түсімдері', { italic: {} }], ['.']]
    : [['По проекту '], ['рабочие места', { bold: {} }], [' и '], ['налоговые поступления', { italic: {} }], ['.']];
  // A text not yet in a document cannot be read (its length): insert at the running offset.
  let at = 0;
  for (const [s, marks] of pieces) {
    t.insert(at, s, marks);
    at += s.length;
  }
  p.insert(0, [t]);
  return p;
}

function list(lines: string[]): Y.XmlElement {
  const l = new Y.XmlElement('bulletList');
  l.insert(0, lines.map((s) => {
    const li = new Y.XmlElement('listItem');
    li.insert(0, [paragraph(s)]);
    return li;
  }));
  return l;
}

function table(rows: string[][]): Y.XmlElement {
  const tbl = new Y.XmlElement('table');
  tbl.insert(0, rows.map((r, ri) => {
    const row = new Y.XmlElement('tableRow');
    row.insert(0, r.map((c) => {
      const cell = new Y.XmlElement(ri === 0 ? 'tableHeader' : 'tableCell');
      cell.insert(0, [paragraph(c)]);
      return cell;
    }));
    return row;
  }));
  return tbl;
}

const LOREM_RU = 'Инвестор доложил о ходе строительно-монтажных работ, о получении технических условий на подключение к сетям и о потребности в земельном участке площадью 12 га; объём инвестиций составляет 45,6 млрд ₸, будет создано 350 постоянных рабочих мест.';
const LOREM_KK = 'Инвестор құрылыс-монтаж жұмыстарының барысы, желілерге қосылуға техникалық шарттар алу және ауданы 12 га жер учаскесіне қажеттілік туралы баяндады; инвестиция көлемі 45,6 млрд ₸, 350 тұрақты жұмыс орны құрылады, һ әріпі де бар.';

function textDoc(lang: DocLang, agenda: { id: string }[], paras: number): Y.Doc {
  const doc = new Y.Doc();
  const lorem = lang === 'kk' ? LOREM_KK : LOREM_RU;
  doc.getXmlFragment(minutesPartField({ kind: 'preamble' })).insert(0, [paragraph(lang === 'kk' ? 'Отырысты Төрағалық етуші ашты.' : 'Заседание открыл председательствующий.')]);
  agenda.forEach((item, i) => {
    const heard = doc.getXmlFragment(minutesPartField({ kind: 'item', itemId: item.id, part: 'heard' }));
    heard.insert(0, [
      ...Array.from({ length: paras }, () => paragraph(lorem)),
      richParagraph(lang),
      ...(i === 0 ? [paragraph(SCRIPT_TEXT), list(lang === 'kk' ? ['газ', 'электр қуаты'] : ['газ', 'электроэнергия']), table([['Показатель', '2025'], ['Инвестиции, млрд ₸', '1 200']])] : []),
    ]);
    doc.getXmlFragment(minutesPartField({ kind: 'item', itemId: item.id, part: 'spoke' })).insert(0, [paragraph(lang === 'kk' ? 'Облыс прокуроры жобаның құқықтық мәселелері бойынша сөз сөйледі.' : 'Прокурор области выступил по правовым вопросам проекта.')]);
  });
  return doc;
}

/** What the minutes' builders take, for the fixture minutes in `lang` (`tweak` changes the records first). */
export function fixtureExportInput(lang: DocLang, opts: FixtureOptions = {}, settings: ExportSettings = DEFAULT_EXPORT_SETTINGS, tweak: (input: OutlineInput) => OutlineInput = (i) => i): MinutesExportInput {
  const f = fixtureMeeting(opts);
  const doc = f.docs[lang];
  return {
    outline: buildMinutesOutline(tweak(f.input(lang))),
    meetingDate: f.meeting.date,
    meetingNumber: f.meeting.number,
    minutesId: '0190a000-0000-7000-8000-00000000abcd',
    revision: 1,
    parts: (field) => fragmentBlocks(doc.getXmlFragment(field)),
    settings,
  };
}

/** The export document of the fixture minutes in `lang`. */
export function fixtureMinutes(lang: DocLang, opts: FixtureOptions = {}, settings: ExportSettings = DEFAULT_EXPORT_SETTINGS): ExportDocument {
  return buildMinutesDocument(fixtureExportInput(lang, opts, settings));
}

/** The id of the fixture's agenda item `n` (0-based) and of its decision `j`. */
export const fixtureItemId = (n: number) => id(100 + n);
export const fixtureDecisionId = (n: number, j: number) => id(1000 + n * 100 + j);
