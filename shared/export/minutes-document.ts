// The minutes (протокол) as an export document: built from the outline (the records, in the
// document's language) and the text of its rich-text parts, laid out as the record-keeping rules
// have it — organization, ПРОТОКОЛ, date and number, place; chair, secretary, present, invited;
// ПОВЕСТКА ДНЯ with items «О …» numbered 1., 2., …; per item СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ with
// numbered decisions, each with its responsible bodies and deadline; signatures; the appendix
// listing those present when over ten.
import { formatDate } from '../locale/dates';
import { minutesPartField, type MinutesOutline, type PeopleList, type PersonLine } from '../domain/minutes-outline';
import type { Block, BlockOf, ExportDocument, Run } from './document.schema';
import { organizationLines, pageFor, wordingFor, type ExportSettings } from './export-settings';

/** The blocks of a rich-text part by its field name ([] when empty). */
export type PartBlocks = (field: string) => Block[];

export type MinutesExportInput = {
  outline: MinutesOutline;
  /** The meeting's date 'YYYY-MM-DD' (the file name prints it as DD.MM.YYYY). */
  meetingDate: string;
  meetingNumber: number;
  minutesId: string;
  revision: number;
  parts: PartBlocks;
  settings: ExportSettings;
};

const bold = (text: string): Run => ({ text, bold: true });

function labelled(label: string, rest: string): BlockOf<'paragraph'> {
  return { type: 'paragraph', runs: [bold(`${label}: `), ...(rest ? [{ text: rest }] : [])], align: 'justify' };
}

function personText(p: PersonLine): string {
  return p.position ? `${p.name} — ${p.position}` : p.name;
}

function peopleBlocks(label: string, list: PeopleList, attached: string): Block[] {
  if (list.attached) return [labelled(label, `${attached}.`)];
  if (list.people.length === 0) return [labelled(label, '—')];
  return [
    { type: 'paragraph', runs: [bold(`${label}:`)], spaceBefore: 6, keepWithNext: true },
    ...list.people.map((p, i): Block => ({ type: 'paragraph', runs: [{ text: personText(p) + (i === list.people.length - 1 ? '.' : ';') }], align: 'justify', indent: true })),
  ];
}

/** The file name (no extension) the save dialog proposes: «Протокол №3 от 12.02.2026». */
export function minutesFileStem(lang: 'ru' | 'kk', number: number, date: string, kind: 'minutes' | 'extract' = 'minutes', body?: string): string {
  const d = formatDate(date);
  const base = lang === 'kk'
    ? `${kind === 'extract' ? 'Хаттамадан үзінді' : 'Хаттама'} №${number} ${d}`
    : `${kind === 'extract' ? 'Выписка из протокола' : 'Протокол'} №${number} от ${d}`;
  return body ? `${base} — ${body}` : base;
}

/** The header of the minutes (and of an extract): organization, title, date line, place. */
export function minutesHeader(outline: MinutesOutline, settings: ExportSettings, titleLine?: string): Block[] {
  const w = wordingFor(settings, outline.lang);
  const blocks: Block[] = [
    ...organizationLines(settings, outline.lang).map((name): Block => ({ type: 'paragraph', runs: [bold(name.toUpperCase())], align: 'center' })),
    { type: 'heading', level: 1, runs: [bold(titleLine ?? w.title)], align: 'center' },
  ];
  if (outline.subtitle) blocks.push({ type: 'paragraph', runs: [{ text: outline.subtitle }], align: 'center' });
  blocks.push({ type: 'dateline', left: outline.date, center: '', right: outline.number });
  const place = [outline.place, outline.time].filter(Boolean).join(', ');
  if (place) blocks.push({ type: 'paragraph', runs: [{ text: place }], align: 'center' });
  return blocks;
}

/** The decisions of an item as numbered decision blocks. */
export function decisionBlocks(outline: MinutesOutline, settings: ExportSettings, item: MinutesOutline['items'][number]): Block[] {
  const w = wordingFor(settings, outline.lang);
  return item.decisions.map((d): Block => ({
    type: 'decision',
    number: d.number,
    runs: [{ text: d.text }],
    responsibleLabel: w.responsible,
    responsible: d.responsible,
    deadlineLabel: w.deadline,
    deadline: d.deadline,
  }));
}

/** The signature block: chair and secretary. */
export function signatureBlock(outline: MinutesOutline, settings: ExportSettings): Block {
  const w = wordingFor(settings, outline.lang);
  return { type: 'signatures', rows: [{ role: w.chair, name: outline.chair?.name ?? '' }, { role: w.secretary, name: outline.secretary?.name ?? '' }] };
}

/** The minutes as an export document in the outline's language. */
export function buildMinutesDocument(input: MinutesExportInput): ExportDocument {
  const { outline, settings } = input;
  const w = wordingFor(settings, outline.lang);
  const blocks: Block[] = [...minutesHeader(outline, settings)];

  blocks.push({ ...labelled(w.chair, outline.chair ? personText(outline.chair) : '—'), spaceBefore: 12 });
  blocks.push(labelled(w.secretary, outline.secretary ? personText(outline.secretary) : '—'));
  blocks.push(...peopleBlocks(w.present, outline.present, outline.headings.attached));
  if (outline.invited.people.length > 0 || outline.invited.attached) blocks.push(...peopleBlocks(w.invited, outline.invited, outline.headings.attached));

  blocks.push({ type: 'heading', level: 3, runs: [bold(`${w.agenda}:`)], align: 'center' });
  for (const a of outline.agenda) blocks.push({ type: 'paragraph', runs: [{ text: `${a.number}. ${a.title}` }], align: 'justify', indent: true });

  const preamble = input.parts(minutesPartField({ kind: 'preamble' }));
  const first = preamble[0];
  if (first?.type === 'paragraph') preamble[0] = { ...first, spaceBefore: 6 };
  blocks.push(...preamble);

  for (const item of outline.items) {
    blocks.push({ type: 'heading', level: 2, runs: [bold(`${item.number}. ${item.title}`)], align: 'center' });
    const heard = input.parts(minutesPartField({ kind: 'item', itemId: item.id, part: 'heard' }));
    blocks.push({ type: 'paragraph', runs: [bold(`${w.heard}: `), ...(item.speaker ? [{ text: item.speaker }] : [])], keepWithNext: true, spaceBefore: 6 });
    blocks.push(...heard);
    const spoke = input.parts(minutesPartField({ kind: 'item', itemId: item.id, part: 'spoke' }));
    if (spoke.length) blocks.push({ type: 'paragraph', runs: [bold(`${w.spoke}:`)], keepWithNext: true, spaceBefore: 6 }, ...spoke);
    blocks.push({ type: 'paragraph', runs: [bold(`${w.decided}:`)], keepWithNext: true, spaceBefore: 6 });
    blocks.push(...decisionBlocks(outline, settings, item));
  }

  blocks.push(...input.parts(minutesPartField({ kind: 'closing' })));
  blocks.push(signatureBlock(outline, settings));

  if (outline.appendix) {
    const ap = outline.appendix;
    blocks.push({ type: 'pageBreak' });
    blocks.push({ type: 'paragraph', runs: [{ text: ap.title }], align: 'right', small: true });
    const list = (title: string, people: PersonLine[]) => {
      if (!people.length) return;
      blocks.push({ type: 'heading', level: 3, runs: [bold(title)], align: 'center' });
      blocks.push({
        type: 'table',
        header: true,
        widths: [1, 6, 10],
        rows: [
          [[bold('№')], [bold(outline.lang === 'kk' ? 'Т.А.Ә.' : 'Ф.И.О.')], [bold(outline.lang === 'kk' ? 'Лауазымы' : 'Должность')]],
          ...people.map((p, i) => [[{ text: `${i + 1}.` }], [{ text: p.name }], [{ text: p.position }]]),
        ],
      });
    };
    list(w.appendixPresent ?? outline.headings.appendixPresent, ap.present);
    list(outline.headings.appendixInvited, ap.invited);
  }

  return {
    kind: 'minutes',
    lang: outline.lang,
    title: `${w.title} ${outline.number}, ${outline.date}`,
    fileStem: minutesFileStem(outline.lang, input.meetingNumber, input.meetingDate),
    source: { id: input.minutesId, revision: input.revision },
    page: pageFor(settings, outline.lang),
    pageLabel: '',
    blocks,
  };
}
