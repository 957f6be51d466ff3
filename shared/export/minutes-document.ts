// The minutes (протокол) as an export document: built from the outline (the records, in the
// document's language) and the text of its rich-text parts, laid out as the record-keeping rules
// have it — organization, ПРОТОКОЛ, date and number, place; chair, secretary, present, invited;
// ПОВЕСТКА ДНЯ with items «О …» numbered 1., 2., …; per item СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ with
// numbered decisions, each with its responsible bodies and deadline (a section with nothing under it
// is left out); signatures; the appendix listing those present when over ten.
import { formatDate } from '../locale/dates';
import { minutesPartField, type MinutesOutline, type PeopleList, type PersonLine } from '../domain/minutes-outline';
import type { DocLang } from '../domain/meeting.schema';
import type { Block, BlockOf, CellBlock, ExportDocument, Run } from './document.schema';
import { organizationLines, pageFor, RESTRICTED_MARK, wordingFor, type ExportSettings } from './export-settings';

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
export function minutesHeader(outline: MinutesOutline, settings: ExportSettings, titleLine?: string, ownLanguageOnly = false): Block[] {
  const w = wordingFor(settings, outline.lang);
  const names = ownLanguageOnly ? [w.organization] : organizationLines(settings, outline.lang);
  const blocks: Block[] = [
    ...names.map((name): Block => ({ type: 'paragraph', runs: [bold(name.toUpperCase())], align: 'center' })),
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

/**
 * A part of the minutes, named so that the same part of the other language's minutes has the same
 * key (the two-column document pairs them): 'header', 'chair', 'agenda/<item>', 'item/<item>/lead',
 * 'item/<item>/decision/<decision>', 'signatures', …
 */
export type MinutesSection = { key: string; blocks: Block[]; keepTogether?: boolean };

/** A paragraph short enough to keep on one page with the heading or label above it. */
const KEEP_WITH_LABEL_CHARS = 900;

/** The label (and heading) of a part with its first paragraph when that is short, then the rest. */
function leadAndRest(key: string, head: Block[], body: Block[]): MinutesSection[] {
  const first = body[0];
  const takeFirst = first?.type === 'paragraph' && runsTextLength(first.runs) <= KEEP_WITH_LABEL_CHARS;
  const out: MinutesSection[] = [{ key: `${key}/lead`, blocks: [...head, ...(takeFirst ? [first] : [])], keepTogether: true }];
  const rest = takeFirst ? body.slice(1) : body;
  if (rest.length) out.push({ key: `${key}/rest`, blocks: rest });
  return out;
}

function runsTextLength(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + r.text.length, 0);
}

type SectionOptions = {
  /** The header names the organization only in the outline's language (each column has its own). */
  ownLanguageOnly?: boolean;
  /** Leave out what has no text of its own in the outline's language (the other language's text stands in for it otherwise). */
  omitUntranslated?: boolean;
};

/** The minutes as named sections in reading order, and the appendix (the lists of over ten people). */
export function minutesSections(input: MinutesExportInput, opts: SectionOptions = {}): { sections: MinutesSection[]; appendix: Block[] } {
  const { outline, settings } = input;
  const w = wordingFor(settings, outline.lang);
  // The header in three parts, so that in two columns the titles and the date lines stand level
  // whatever the length of the organization's name in each language.
  const header = minutesHeader(outline, settings, undefined, opts.ownLanguageOnly);
  const titleAt = header.findIndex((b) => b.type === 'heading');
  const dateAt = header.findIndex((b) => b.type === 'dateline');
  const sections: MinutesSection[] = [
    { key: 'header/organization', blocks: header.slice(0, titleAt), keepTogether: true },
    { key: 'header/title', blocks: header.slice(titleAt, dateAt), keepTogether: true },
    { key: 'header/date', blocks: header.slice(dateAt), keepTogether: true },
  ];

  sections.push({ key: 'chair', blocks: [{ ...labelled(w.chair, outline.chair ? personText(outline.chair) : '—'), spaceBefore: 12 }], keepTogether: true });
  sections.push({ key: 'secretary', blocks: [labelled(w.secretary, outline.secretary ? personText(outline.secretary) : '—')], keepTogether: true });
  sections.push({ key: 'present', blocks: peopleBlocks(w.present, outline.present, outline.headings.attached) });
  if (outline.invited.people.length > 0 || outline.invited.attached) sections.push({ key: 'invited', blocks: peopleBlocks(w.invited, outline.invited, outline.headings.attached) });

  const titled = (i: { number: number; title: string; untranslated?: boolean }) => (opts.omitUntranslated && i.untranslated ? `${i.number}.` : `${i.number}. ${i.title}`);
  const agendaHeading: Block = { type: 'heading', level: 3, runs: [bold(`${w.agenda}:`)], align: 'center' };
  outline.items.forEach((a, i) => {
    const line: Block = { type: 'paragraph', runs: [{ text: titled(a) }], align: 'justify', indent: true };
    sections.push({ key: `agenda/${a.id}`, blocks: i === 0 ? [agendaHeading, line] : [line], keepTogether: true });
  });
  if (outline.items.length === 0) sections.push({ key: 'agenda', blocks: [agendaHeading], keepTogether: true });

  const preamble = input.parts(minutesPartField({ kind: 'preamble' }));
  const first = preamble[0];
  if (first?.type === 'paragraph') preamble[0] = { ...first, spaceBefore: 6 };
  if (preamble.length) sections.push({ key: 'preamble', blocks: preamble });

  // Per item СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ, each only when it has something under it (as the
  // record-keeping rules have it: no speeches, no ВЫСТУПИЛИ). СЛУШАЛИ stands with the speaker alone
  // (the short form names who was heard); РЕШИЛИ heads the first decision printed. A decision keeps
  // its number from the records («2.1»), whatever is left out around it.
  for (const item of outline.items) {
    const heading: Block = { type: 'heading', level: 2, runs: [bold(titled(item))], align: 'center' };
    const heard = input.parts(minutesPartField({ kind: 'item', itemId: item.id, part: 'heard' }));
    if (item.speaker || heard.length) {
      const heardLabel: Block = { type: 'paragraph', runs: [bold(`${w.heard}: `), ...(item.speaker ? [{ text: item.speaker }] : [])], keepWithNext: true, spaceBefore: 6 };
      sections.push(...leadAndRest(`item/${item.id}/heard`, [heading, heardLabel], heard));
    } else {
      // The title alone, under the key the heard part has otherwise: in two columns the item's titles stand level.
      sections.push({ key: `item/${item.id}/heard/lead`, blocks: [heading], keepTogether: true });
    }
    const spoke = input.parts(minutesPartField({ kind: 'item', itemId: item.id, part: 'spoke' }));
    if (spoke.length) sections.push(...leadAndRest(`item/${item.id}/spoke`, [{ type: 'paragraph', runs: [bold(`${w.spoke}:`)], keepWithNext: true, spaceBefore: 6 }], spoke));
    const decidedLabel: Block = { type: 'paragraph', runs: [bold(`${w.decided}:`)], keepWithNext: true, spaceBefore: 6 };
    const decisions = decisionBlocks(outline, settings, item);
    let labelled = false;
    item.decisions.forEach((d, i) => {
      const block = decisions[i];
      if (!block || (opts.omitUntranslated && d.untranslated)) return;
      sections.push({ key: `item/${item.id}/decision/${d.id}`, blocks: labelled ? [block] : [decidedLabel, block], keepTogether: true });
      labelled = true;
    });
  }

  const closing = input.parts(minutesPartField({ kind: 'closing' }));
  if (closing.length) sections.push({ key: 'closing', blocks: closing });
  sections.push({ key: 'signatures', blocks: [signatureBlock(outline, settings)], keepTogether: true });

  const appendix = appendixBlocks(input);
  return { sections, appendix };
}

const PERSON_COLUMNS: Readonly<Record<DocLang, { name: string; position: string }>> = {
  ru: { name: 'Ф.И.О.', position: 'Должность' },
  kk: { name: 'Т.А.Ә.', position: 'Лауазымы' },
};

/**
 * The appendix listing those present (and invited) when over ten: its title, and a table per list.
 * With `other` (the two-column minutes), one full-width appendix whose words are in both languages.
 */
function appendixBlocks(input: MinutesExportInput, other?: MinutesExportInput): Block[] {
  const { outline, settings } = input;
  const ap = outline.appendix;
  if (!ap) return [];
  const w = wordingFor(settings, outline.lang);
  const ow = other ? wordingFor(other.settings, other.outline.lang) : undefined;
  const both = (a: string, b: string | undefined) => (b && b !== a ? `${a} / ${b}` : a);
  const blocks: Block[] = [ap.title, ...(other?.outline.appendix ? [other.outline.appendix.title] : [])]
    .map((title): Block => ({ type: 'paragraph', runs: [{ text: title }], align: 'right', small: true }));
  const cols = PERSON_COLUMNS[outline.lang];
  const otherCols = other ? PERSON_COLUMNS[other.outline.lang] : undefined;
  const list = (title: string, people: PersonLine[]) => {
    if (!people.length) return;
    blocks.push({ type: 'heading', level: 3, runs: [bold(title)], align: 'center' });
    blocks.push({
      type: 'table',
      header: true,
      widths: [1, 6, 10],
      rows: [
        [[bold('№')], [bold(both(cols.name, otherCols?.name))], [bold(both(cols.position, otherCols?.position))]],
        ...people.map((p, i) => [[{ text: `${i + 1}.` }], [{ text: p.name }], [{ text: p.position }]]),
      ],
    });
  };
  list(both(w.appendixPresent ?? outline.headings.appendixPresent, ow?.appendixPresent), ap.present);
  list(both(outline.headings.appendixInvited, other?.outline.headings.appendixInvited), ap.invited);
  return blocks;
}

/** The minutes as an export document in the outline's language. */
export function buildMinutesDocument(input: MinutesExportInput): ExportDocument {
  const { outline, settings } = input;
  const w = wordingFor(settings, outline.lang);
  const { sections, appendix } = minutesSections(input);
  const blocks: Block[] = sections.flatMap((s) => s.blocks);
  if (appendix.length) blocks.push({ type: 'pageBreak' }, ...appendix);

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

/** What the file name of the two-column minutes ends with: the languages, left one first. */
const COLUMN_LANGS_SUFFIX: Readonly<Record<DocLang, string>> = { ru: '(рус-каз)', kk: '(қаз-орыс)' };

function keptTogether(s: MinutesSection | undefined): boolean {
  return s ? !!s.keepTogether : true;
}

function cellBlocks(blocks: readonly Block[]): CellBlock[] {
  return blocks.filter((b): b is CellBlock => b.type !== 'pageBreak' && b.type !== 'barChart' && b.type !== 'columns');
}

/**
 * Pairs two lists of sections by key, in the left one's order; a section only the right one has
 * comes after the right one's previous section (or first).
 */
export function pairSections(left: readonly MinutesSection[], right: readonly MinutesSection[]): { key: string; left?: MinutesSection; right?: MinutesSection }[] {
  const rows: { key: string; left?: MinutesSection; right?: MinutesSection }[] = left.map((s) => ({ key: s.key, left: s }));
  let after = -1;
  for (const s of right) {
    const at = rows.findIndex((r) => r.key === s.key);
    if (at >= 0) {
      const row = rows[at];
      if (row) row.right = s;
      after = at;
    } else {
      rows.splice(after + 1, 0, { key: s.key, right: s });
      after += 1;
    }
  }
  return rows;
}

/**
 * The minutes in two languages as one document, the languages side by side in two columns (the
 * left one is `left`'s): each part of the minutes a row, the same part of both languages in it,
 * so that the headings, the items and the numbered decisions of both stand level. A part that one
 * language has not (a text not written, a decision not translated) leaves its cell empty. Both
 * inputs are of the same minutes (the same records and settings).
 */
export function buildBilingualMinutesDocument(left: MinutesExportInput, right: MinutesExportInput): ExportDocument {
  const l = left.outline.lang;
  const r = right.outline.lang;
  if (l === r) throw new Error('The two columns must be in two different languages');
  const opts: SectionOptions = { ownLanguageOnly: true, omitUntranslated: true };
  const blocks: Block[] = pairSections(minutesSections(left, opts).sections, minutesSections(right, opts).sections).map((row): Block => ({
    type: 'columns',
    cells: [cellBlocks(row.left?.blocks ?? []), cellBlocks(row.right?.blocks ?? [])],
    // Whole only when the part is short in both (an empty cell is short).
    ...(keptTogether(row.left) && keptTogether(row.right) ? { keepTogether: true } : {}),
  }));
  // The lists of people are the same in both: one appendix across the page, its words in both languages.
  const appendix = appendixBlocks(left, right);
  if (appendix.length) blocks.push({ type: 'pageBreak' }, ...appendix);

  const wl = wordingFor(left.settings, l);
  const wr = wordingFor(left.settings, r);
  const page = pageFor(left.settings, l);
  return {
    kind: 'minutes',
    lang: l,
    columnLangs: [l, r],
    title: `${wl.title} ${left.outline.number}, ${left.outline.date} / ${wr.title} ${right.outline.number}, ${right.outline.date}`,
    fileStem: `${minutesFileStem(l, left.meetingNumber, left.meetingDate)} ${COLUMN_LANGS_SUFFIX[l]}`,
    source: { id: left.minutesId, revision: left.revision },
    page: page.restrictedMark ? { ...page, restrictedMark: `${RESTRICTED_MARK[l]} / ${RESTRICTED_MARK[r]}` } : page,
    pageLabel: '',
    blocks,
  };
}
