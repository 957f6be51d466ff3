// The one document model every export is made of (DESIGN §5): blocks of runs, numbered decisions,
// tables, a signature block, page breaks, images and simple bar charts, with the page settings.
// The HTML preview, the DOCX and the PDF renderers read only this; the bridge carries it (zod-
// checked), never HTML. Text is plain strings: whatever a clerk typed (markup, script) stays text.
import { z } from 'zod';

const text = z.string().max(200_000);

/** A run of text with its marks. */
export const runSchema = z.object({
  text,
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
}).strict();
export type Run = z.infer<typeof runSchema>;

export const ALIGNS = ['left', 'center', 'right', 'justify'] as const;
export type Align = (typeof ALIGNS)[number];

const paragraph = z.object({
  type: z.literal('paragraph'),
  runs: z.array(runSchema).max(10_000),
  align: z.enum(ALIGNS).optional(),
  /** First-line indent (a body paragraph, as a clerk's Word paragraph style has it). */
  indent: z.boolean().optional(),
  /** Space above, in points. */
  spaceBefore: z.number().min(0).max(72).optional(),
  /** Keep on the page of the next block (a heading over its text). */
  keepWithNext: z.boolean().optional(),
  /** Smaller print (appendix marks, footnotes). */
  small: z.boolean().optional(),
}).strict();

const heading = z.object({
  type: z.literal('heading'),
  /** 1: the document's title; 2: a section (agenda item); 3: СЛУШАЛИ / РЕШИЛИ. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  runs: z.array(runSchema).max(1000),
  align: z.enum(ALIGNS).optional(),
}).strict();

/** A line with text at the left, the centre and the right (place — date — number). */
const dateline = z.object({
  type: z.literal('dateline'),
  left: text,
  center: text,
  right: text,
}).strict();

const listItem = z.array(runSchema).max(10_000);
const list = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(listItem).max(5000),
}).strict();

/** A numbered decision: «1.1. text», then the responsible bodies and the deadline. */
const decision = z.object({
  type: z.literal('decision'),
  number: z.string().max(20),
  runs: z.array(runSchema).max(10_000),
  responsibleLabel: z.string().max(100),
  responsible: z.array(z.string().max(1000)).max(100),
  deadlineLabel: z.string().max(100),
  deadline: z.string().max(300),
}).strict();

const cell = z.array(runSchema).max(10_000);
const table = z.object({
  type: z.literal('table'),
  /** The first row is a header row (bold, repeated on each page). */
  header: z.boolean().optional(),
  /** Relative column widths; equal when absent. */
  widths: z.array(z.number().positive()).max(50).optional(),
  rows: z.array(z.array(cell).max(50)).max(10_000),
}).strict();

/** The signatures: per row the role at the left, a line for the hand, the name at the right. */
const signatures = z.object({
  type: z.literal('signatures'),
  rows: z.array(z.object({ role: z.string().max(300), name: z.string().max(300) }).strict()).max(20),
}).strict();

const pageBreak = z.object({ type: z.literal('pageBreak') }).strict();

/** A PNG image (base64), placed at a width in millimetres. */
const image = z.object({
  type: z.literal('image'),
  png: z.string().max(20_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  widthMm: z.number().positive().max(300),
  heightMm: z.number().positive().max(400),
}).strict();

/** A bar chart drawn by each renderer from its figures (the investment by year). */
const barChart = z.object({
  type: z.literal('barChart'),
  title: z.string().max(300),
  unit: z.string().max(50),
  bars: z.array(z.object({ label: z.string().max(50), value: z.number().finite().min(0), text: z.string().max(50) }).strict()).max(30),
}).strict();

/** What a cell of a two-column row may hold: any block but a page break, a chart or another row. */
export const cellBlockSchema = z.discriminatedUnion('type', [paragraph, heading, dateline, list, decision, table, signatures, image]);
export type CellBlock = z.infer<typeof cellBlockSchema>;

/**
 * A row of a document in two languages side by side (the bilingual minutes): the same part in
 * each language, left and right; a part only one language has leaves the other cell empty. Rows
 * that follow one another make one borderless two-column table.
 */
const columns = z.object({
  type: z.literal('columns'),
  cells: z.tuple([z.array(cellBlockSchema).max(100_000), z.array(cellBlockSchema).max(100_000)]),
  /** A short row (a heading with its first paragraph, a decision) is never split across pages. */
  keepTogether: z.boolean().optional(),
}).strict();

export const blockSchema = z.discriminatedUnion('type', [paragraph, heading, dateline, list, decision, table, signatures, pageBreak, image, barChart, columns]);
export type Block = z.infer<typeof blockSchema>;
export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

/** Page margins in millimetres. */
export const marginsSchema = z.object({
  top: z.number().min(5).max(60),
  right: z.number().min(5).max(60),
  bottom: z.number().min(5).max(60),
  left: z.number().min(5).max(60),
}).strict();
export type Margins = z.infer<typeof marginsSchema>;

export const pageSchema = z.object({
  /** The DOCX font (the PDF embeds its serif covering Kazakh letters and ₸). */
  font: z.string().min(1).max(60),
  fontSizePt: z.number().min(8).max(20),
  margins: marginsSchema,
  /** Line spacing, a multiple of single (1, 1.15, 1.5). */
  lineSpacing: z.number().min(1).max(3),
  /** «ДСП» (для служебного пользования) mark at the top right of the first page. */
  restrictedMark: z.string().max(100).optional(),
}).strict();
export type PageSettings = z.infer<typeof pageSchema>;

export const DOC_KINDS = ['minutes', 'extract', 'passport', 'pack'] as const;
export type ExportDocKind = (typeof DOC_KINDS)[number];

export const exportDocumentSchema = z.object({
  kind: z.enum(DOC_KINDS),
  /** The document's language; of a two-column document, the left column's. */
  lang: z.enum(['ru', 'kk']),
  /** A document in two languages side by side (its `columns` rows): the left and the right column's languages. */
  columnLangs: z.tuple([z.enum(['ru', 'kk']), z.enum(['ru', 'kk'])]).refine(([a, b]) => a !== b, 'two different languages').optional(),
  /** The document's title (the file's metadata). */
  title: z.string().min(1).max(300),
  /** The file name without extension, as the save dialog proposes it. */
  fileStem: z.string().min(1).max(150),
  /** What it is a copy of, for the export archive: the record id and its revision. */
  source: z.object({ id: z.string().max(100), revision: z.number().int().min(0).max(9999) }).strict(),
  page: pageSchema,
  /** «стр.» / «бет» before the page number; empty for just the number. */
  pageLabel: z.string().max(20),
  blocks: z.array(blockSchema).max(100_000),
}).strict().refine((d) => !d.columnLangs || d.columnLangs[0] === d.lang, { message: 'the left column is in the document\'s language', path: ['columnLangs'] });
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/** The defaults of the record-keeping rules: Times New Roman 14, margins 20/10/20/20 mm, single spacing. */
export const DEFAULT_PAGE: PageSettings = {
  font: 'Times New Roman',
  fontSizePt: 14,
  margins: { top: 20, right: 10, bottom: 20, left: 20 },
  lineSpacing: 1,
};

/** The language(s) of a document as the export archive lists them: 'ru', 'kk', or 'ru+kk' for two columns (left first). */
export function documentLangs(doc: Pick<ExportDocument, 'lang' | 'columnLangs'>): string {
  return doc.columnLangs ? doc.columnLangs.join('+') : doc.lang;
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** One plain run. */
export function plain(s: string, marks: Omit<Run, 'text'> = {}): Run[] {
  return s ? [{ text: s, ...marks }] : [];
}
