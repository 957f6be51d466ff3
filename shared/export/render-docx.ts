// The export document as DOCX (the `docx` package; runs in Node and in a browser worker): A4, the
// settings' font and size (Times New Roman 14 by default), margins, line spacing, body paragraphs
// justified with a 1.25 cm first-line indent, page numbers at the top centre from the second page
// (as the record-keeping rules place them), numbered decisions, borderless signature table.
import {
  AlignmentType, BorderStyle, Document, Header, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, TabStopType,
  Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions, type ParagraphChild,
} from 'docx';
import type { Align, Block, BlockOf, CellBlock, ExportDocument, Run } from './document.schema';

const TWIPS_PER_MM = 1440 / 25.4;
const A4 = { width: 11906, height: 16838 };
/** First-line indent of a body paragraph: 1.25 cm. */
const INDENT = 709;

const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function textRuns(runs: readonly Run[], extra: { size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    // A hard line break inside a run: docx wants breaks as their own children.
    r.text.split('\n').forEach((piece, i) => {
      // Only what differs from the document's default run: every `w:b w:val="false"` is XML that
      // docx must build, serialize and zip (a third of the time of a 30-page protocol).
      out.push(new TextRun({ text: piece, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(r.underline ? { underline: {} } : {}), ...(i > 0 ? { break: 1 } : {}), ...extra }));
    });
  }
  return out;
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * `textWidth`: the width the block is laid in (the page's text, or a column's); `inColumn`: inside a
 * cell of a two-column row, where the row keeps what belongs together (no keep-with-next, which
 * in a table row would tie the row to the next one) and the signatures stack;
 * `keepWithSignatures`: the block right before the signatures, whose last paragraph goes to the page
 * they are on (signatures are not left alone on a page, away from the text they sign).
 */
type Ctx = { textWidth: number; fontHalfPts: number; inColumn?: boolean; keepWithSignatures?: boolean };

/** The gap between the two columns of a bilingual document: 6 mm. */
const COLUMN_GAP = Math.round(6 * TWIPS_PER_MM);

function para(runs: ParagraphChild[], o: { align?: Align | undefined; indent?: boolean | undefined; before?: number | undefined; keepNext?: boolean | undefined; after?: number } = {}): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: ALIGN[o.align ?? 'left'],
    ...(o.indent ? { indent: { firstLine: INDENT } } : {}),
    // Spacing 0 and no keep-with-next are the default paragraph's; written only when they differ.
    ...(o.before || o.after ? { spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20 } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

function tableOf(b: BlockOf<'table'>, ctx: Ctx): Table {
  const cols = Math.max(1, ...b.rows.map((r) => r.length));
  const rel = b.widths && b.widths.length === cols ? b.widths : Array.from({ length: cols }, () => 1);
  const sum = rel.reduce((a, c) => a + c, 0);
  const widths = rel.map((w) => Math.floor((w / sum) * ctx.textWidth));
  return new Table({
    width: { size: ctx.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: b.rows.map((row, ri) => new TableRow({
      tableHeader: !!b.header && ri === 0,
      cantSplit: true,
      children: Array.from({ length: cols }, (_, ci) => new TableCell({
        width: { size: widths[ci] ?? 0, type: WidthType.DXA },
        margins: { left: 80, right: 80, top: 20, bottom: 20 },
        children: [para(textRuns((row[ci] ?? []).map((r) => (b.header && ri === 0 ? { ...r, bold: true } : r)), { size: ctx.fontHalfPts - 4 }), { align: b.header && ri === 0 ? 'center' : 'left' })],
      })),
    })),
  });
}

/** The signatures in a column: the role, then the line for the hand and the name at the right. */
function columnSignaturesOf(b: BlockOf<'signatures'>): Paragraph[] {
  return b.rows.flatMap((r) => [
    para(textRuns([{ text: r.role, bold: true }]), { before: 18, keepNext: true }),
    para([new TextRun('__________ '), ...textRuns([{ text: r.name, bold: true }])], { align: 'right', before: 6 }),
  ]);
}

/**
 * The signatures: per row the role at the left, the line for the hand in the middle, the name at
 * the right — one paragraph (rows on lines of their own, tab stops, not a table), kept whole and
 * kept by the paragraph before: a table, or a chain of kept paragraphs, LibreOffice lets go to the
 * next page alone.
 */
function signaturesOf(b: BlockOf<'signatures'>, ctx: Ctx): Paragraph {
  const runs: Run[] = b.rows.flatMap((r, i) => [
    ...(i > 0 ? [{ text: '\n\n' }] : []),
    { text: r.role, bold: true }, { text: '\t_______________\t' }, { text: r.name, bold: true },
  ]);
  return new Paragraph({
    children: textRuns(runs),
    tabStops: [{ type: TabStopType.CENTER, position: Math.round(ctx.textWidth * 0.5) }, { type: TabStopType.RIGHT, position: ctx.textWidth }],
    spacing: { before: 36 * 20, after: 0 },
    keepLines: true,
  });
}

/** A bar chart drawn as a table: one row per bar, the bar a shaded cell as long as its share. */
function chartOf(b: BlockOf<'barChart'>, ctx: Ctx): (Paragraph | Table)[] {
  const max = Math.max(1e-9, ...b.bars.map((x) => x.value));
  const labelW = Math.floor(ctx.textWidth * 0.1);
  const valueW = Math.floor(ctx.textWidth * 0.32);
  const barW = ctx.textWidth - labelW - valueW;
  return [
    para(textRuns([{ text: b.title, bold: true }]), { align: 'center', before: 12, keepNext: true, after: 6 }),
    new Table({
      width: { size: ctx.textWidth, type: WidthType.DXA },
      columnWidths: [labelW, barW, valueW],
      borders: NO_BORDERS,
      rows: b.bars.map((x) => {
        const filled = Math.max(1, Math.round((x.value / max) * barW));
        return new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: labelW, type: WidthType.DXA }, borders: NO_BORDERS, children: [para(textRuns([{ text: x.label }]))] }),
            new TableCell({
              width: { size: barW, type: WidthType.DXA }, borders: NO_BORDERS,
              children: [new Table({
                width: { size: filled, type: WidthType.DXA }, columnWidths: [filled], borders: NO_BORDERS,
                rows: [new TableRow({ children: [new TableCell({ width: { size: filled, type: WidthType.DXA }, borders: NO_BORDERS, shading: { type: ShadingType.CLEAR, fill: '4A6FA5', color: 'auto' }, children: [para([])] })] })],
              })],
            }),
            new TableCell({ width: { size: valueW, type: WidthType.DXA }, borders: NO_BORDERS, children: [para(textRuns([{ text: x.text }]), { align: 'right' })] }),
          ],
        });
      }),
    }),
    para([]),
  ];
}

function base64Bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A run of two-column rows as one borderless table of two equal columns, a gap between them; a row
 * kept together is never split across pages (a heading with its first paragraph, a decision).
 */
function columnsTable(rows: readonly BlockOf<'columns'>[], ctx: Ctx): Table {
  const half = Math.floor(ctx.textWidth / 2);
  const inner: Ctx = { ...ctx, textWidth: half - Math.round(COLUMN_GAP / 2), inColumn: true };
  const cell = (blocks: readonly CellBlock[], side: 0 | 1) => {
    const children = blocks.flatMap((b) => blockOf(b, inner));
    // A cell ends with a paragraph (Word's rule): after a table, an empty one.
    if (children.length === 0 || children[children.length - 1] instanceof Table) children.push(new Paragraph({}));
    return new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: NO_BORDERS,
      verticalAlign: VerticalAlign.TOP,
      margins: side === 0 ? { left: 0, right: Math.round(COLUMN_GAP / 2), top: 0, bottom: 0 } : { left: Math.round(COLUMN_GAP / 2), right: 0, top: 0, bottom: 0 },
      children,
    });
  };
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((r) => new TableRow({ ...(r.keepTogether ? { cantSplit: true } : {}), children: [cell(r.cells[0], 0), cell(r.cells[1], 1)] })),
  });
}

/** Justified text in a half-page column opens wide gaps: a column is set flush left. */
function aligned(a: Align | undefined, ctx: Ctx): Align | undefined {
  return ctx.inColumn && a === 'justify' ? 'left' : a;
}

function blockOf(b: Block, ctx: Ctx): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [para(textRuns(b.runs, b.small ? { size: ctx.fontHalfPts - 4 } : {}), { align: aligned(b.align, ctx), indent: b.indent, before: b.spaceBefore, keepNext: (b.keepWithNext || ctx.keepWithSignatures) && !ctx.inColumn })];
    case 'heading':
      return [para(textRuns(b.runs.map((r) => ({ ...r, bold: true }))), { align: b.align ?? 'center', before: b.level === 1 ? 12 : 12, after: b.level === 1 ? 6 : 6, keepNext: !ctx.inColumn })];
    case 'dateline':
      // In a column, the date at the left and the number at the right (a centre stop would push it to a second line).
      if (ctx.inColumn && !b.center) {
        return [new Paragraph({ children: textRuns([{ text: `${b.left}\t${b.right}` }]), tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidth - 20 }], spacing: { before: 120, after: 0 } })];
      }
      return [new Paragraph({
        children: textRuns([{ text: `${b.left}\t${b.center}\t${b.right}` }]),
        tabStops: [{ type: TabStopType.CENTER, position: Math.round(ctx.textWidth / 2) }, { type: TabStopType.RIGHT, position: ctx.textWidth }],
        spacing: { before: 120, after: 0 },
      })];
    case 'list':
      return b.items.map((item, i) => new Paragraph({
        children: textRuns([{ text: b.ordered ? `${i + 1}) ` : '– ' }, ...item]),
        alignment: ctx.inColumn ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
      }));
    case 'decision': {
      const tail: Run[] = [];
      if (b.responsible.length) tail.push({ text: `${b.responsibleLabel}: `, italic: true, bold: true }, { text: b.responsible.join(', '), italic: true });
      if (b.deadline) tail.push({ text: `${tail.length ? '; ' : ''}${b.deadlineLabel.toLowerCase()} — `, italic: true, bold: !tail.length }, { text: b.deadline, italic: true });
      const keep = !!ctx.keepWithSignatures && !ctx.inColumn;
      const out = [para(textRuns([{ text: `${b.number}. `, bold: true }, ...b.runs]), { align: aligned('justify', ctx), indent: true, before: 4, keepNext: keep })];
      if (tail.length) out.push(para(textRuns(tail), { align: 'left', indent: true, keepNext: keep }));
      return out;
    }
    case 'table':
      return [tableOf(b, ctx), para([])];
    case 'signatures':
      return ctx.inColumn ? columnSignaturesOf(b) : [signaturesOf(b, ctx)];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'image': {
      const px = (v: number) => Math.round((v / 25.4) * 96);
      return [para([new ImageRun({ type: 'png', data: base64Bytes(b.png), transformation: { width: px(b.widthMm), height: px(b.heightMm) } })], { align: 'center' })];
    }
    case 'barChart':
      return chartOf(b, ctx);
    case 'columns':
      return [columnsTable([b], ctx)];
  }
}

/** The blocks in order; rows of two columns that follow one another make one table. */
function bodyOf(blocks: readonly Block[], ctx: Ctx): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let run: BlockOf<'columns'>[] = [];
  const flush = () => {
    if (run.length) out.push(columnsTable(run, ctx));
    run = [];
  };
  blocks.forEach((b, i) => {
    if (b.type === 'columns') {
      run.push(b);
      return;
    }
    flush();
    out.push(...blockOf(b, blocks[i + 1]?.type === 'signatures' ? { ...ctx, keepWithSignatures: true } : ctx));
  });
  flush();
  return out;
}

/** The DOCX bytes of an export document. */
export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  const { page } = doc;
  const m = page.margins;
  const ctx: Ctx = { textWidth: A4.width - mm(m.left) - mm(m.right), fontHalfPts: Math.round(page.fontSizePt * 2) };
  const children: (Paragraph | Table)[] = [];
  if (page.restrictedMark) children.push(para(textRuns([{ text: page.restrictedMark, bold: true }]), { align: 'right' }));
  children.push(...bodyOf(doc.blocks, ctx));
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [doc.pageLabel ? `${doc.pageLabel} ` : '', PageNumber.CURRENT], size: ctx.fontHalfPts - 4 })] })],
  });
  const file = new Document({
    creator: 'Hattama',
    title: doc.title,
    styles: {
      default: {
        document: {
          run: { font: page.font, size: ctx.fontHalfPts, language: { value: doc.lang === 'kk' ? 'kk-KZ' : 'ru-RU' } },
          paragraph: { spacing: { line: Math.round(240 * page.lineSpacing), lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: A4,
          margin: { top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left), header: mm(Math.min(10, m.top / 2)), footer: mm(Math.min(10, m.bottom / 2)) },
        },
      },
      headers: { default: pageNumber, first: new Header({ children: [] }) },
      children,
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
