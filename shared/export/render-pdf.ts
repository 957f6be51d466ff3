// The export document as PDF with pdfmake (runs in Node and in a browser worker; the caller passes
// pdfmake and the font files' bytes — Node reads them, the browser fetches them). The font is
// DejaVu Serif Condensed, embedded: a serif close to Times New Roman in width that covers every
// Kazakh letter (ә ғ қ ң ө ұ ү һ і) and ₸ (Liberation Serif 1.07 and pdfmake's Roboto lack them).
// The layout follows the DOCX: A4, the settings' margins and size, justified body text with a
// 1.25 cm first-line indent, page numbers at the top centre from the second page.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Align, Block, BlockOf, CellBlock, ExportDocument, Run } from './document.schema';

/** The four faces of the embedded font. */
export type PdfFontFiles = { normal: Uint8Array; bold: Uint8Array; italics: Uint8Array; bolditalics: Uint8Array };

/** What the renderer needs of pdfmake (its Node and its browser build both have it). */
export type PdfMakeLike = {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  setFonts(fonts: Record<string, Record<keyof PdfFontFiles, string>>): void;
  setUrlAccessPolicy?: (allow: (url: string) => boolean) => void;
  setLocalAccessPolicy?: (allow: (path: string) => boolean) => void;
  createPdf(def: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
};

/** The font family name in the PDF. */
export const PDF_FONT = 'DejaVuSerifCondensed';

const PT_PER_MM = 72 / 25.4;
const A4_WIDTH_PT = 595.28;
const INDENT_PT = 12.5 * PT_PER_MM;

/**
 * A hyphen inside a word as a non-breaking hyphen (U+2011, which DejaVu has): pdfmake splits words
 * at a hyphen and, in a justified line, then widens the gap after it («құрылыс- монтаж»).
 */
function keepHyphens(s: string): string {
  return s.replace(/(\p{L})-(?=\p{L})/gu, '$1\u2011');
}

function texts(runs: readonly Run[]): Content[] {
  return runs.map((r) => ({ text: keepHyphens(r.text), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(r.underline ? { decoration: 'underline' as const } : {}) }));
}

/**
 * `textWidth`: the width the block is laid in (the page's text, or a column's); `inColumn`: inside a
 * cell of a two-column row, where the row keeps what belongs together (a heading's keep-with-next
 * would break the page inside the row) and the signatures stack.
 */
type Ctx = { size: number; lineHeight: number; textWidth: number; inColumn?: boolean };

/** The gap between the two columns of a bilingual document: 6 mm. */
const COLUMN_GAP_PT = 6 * PT_PER_MM;

/**
 * A row of two columns: a borderless table of one row, each cell the blocks of one language; a row
 * kept together moves whole to the next page rather than split.
 */
function columnsOf(b: BlockOf<'columns'>, ctx: Ctx): Content {
  const inner: Ctx = { ...ctx, textWidth: ctx.textWidth / 2 - COLUMN_GAP_PT / 2, inColumn: true };
  const cell = (blocks: readonly CellBlock[]): TableCell => ({ stack: blocks.flatMap((x) => blockOf(x, inner)) });
  return {
    table: { widths: ['*', '*'], dontBreakRows: !!b.keepTogether, body: [[cell(b.cells[0]), cell(b.cells[1])]] },
    layout: {
      defaultBorder: false,
      paddingLeft: (i: number) => (i === 0 ? 0 : COLUMN_GAP_PT / 2),
      paddingRight: (i: number) => (i === 0 ? COLUMN_GAP_PT / 2 : 0),
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

/** The signatures in a column: the role, then the line for the hand and the name at the right. */
function columnSignaturesOf(b: BlockOf<'signatures'>): Content {
  return {
    stack: b.rows.map((r): Content => ({ stack: [{ text: r.role, bold: true }, { text: [{ text: '__________ ' }, { text: r.name, bold: true }], alignment: 'right', margin: [0, 6, 0, 0] }], margin: [0, 14, 0, 0], unbreakable: true })),
    margin: [0, 4, 0, 0],
  };
}

function tableOf(b: BlockOf<'table'>, ctx: Ctx): Content {
  const cols = Math.max(1, ...b.rows.map((r) => r.length));
  const rel = b.widths && b.widths.length === cols ? b.widths : Array.from({ length: cols }, () => 1);
  const sum = rel.reduce((a, c) => a + c, 0);
  const body: TableCell[][] = b.rows.map((row, ri) => Array.from({ length: cols }, (_, ci): TableCell => ({
    text: texts(row[ci] ?? []),
    fontSize: ctx.size - 2,
    ...(b.header && ri === 0 ? { bold: true, alignment: 'center' as const } : {}),
  })));
  return {
    table: { headerRows: b.header ? 1 : 0, dontBreakRows: true, widths: rel.map((w) => (w / sum) * (ctx.textWidth - cols * 8.5)), body },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 2, 0, ctx.size * 0.6],
  };
}

function chartOf(b: BlockOf<'barChart'>, ctx: Ctx): Content {
  const max = Math.max(1e-9, ...b.bars.map((x) => x.value));
  const labelW = ctx.textWidth * 0.1;
  const valueW = ctx.textWidth * 0.32;
  const barW = ctx.textWidth - labelW - valueW - 10;
  const h = ctx.size * 0.9;
  return {
    stack: [
      { text: b.title, bold: true, alignment: 'center', margin: [0, 6, 0, 4] },
      ...b.bars.map((x): Content => ({
        columns: [
          { text: x.label, width: labelW },
          { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(1, (x.value / max) * barW), h, color: '#4A6FA5' }], width: barW },
          { text: x.text, width: valueW, alignment: 'right' },
        ],
        columnGap: 5,
        margin: [0, 1, 0, 1],
      })),
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/** Justified text in a half-page column opens wide gaps: a column is set flush left. */
function aligned(a: Align | undefined, ctx: Ctx): Align {
  return ctx.inColumn && a === 'justify' ? 'left' : (a ?? 'left');
}

function blockOf(b: Block, ctx: Ctx): Content[] {
  switch (b.type) {
    case 'paragraph':
      return [{
        text: texts(b.runs),
        alignment: aligned(b.align, ctx),
        ...(b.indent ? { leadingIndent: INDENT_PT } : {}),
        ...(b.small ? { fontSize: ctx.size - 2 } : {}),
        ...(b.spaceBefore ? { margin: [0, b.spaceBefore, 0, 0] as [number, number, number, number] } : {}),
        ...(b.keepWithNext && !ctx.inColumn ? { headlineLevel: 1 } : {}),
      }];
    case 'heading':
      return [{ text: texts(b.runs.map((r) => ({ ...r, bold: true }))), alignment: b.align ?? 'center', margin: [0, 12, 0, 6], ...(ctx.inColumn ? {} : { headlineLevel: 1 }) }];
    case 'dateline':
      if (ctx.inColumn && !b.center) return [{ columns: [{ text: b.left, width: 'auto' }, { text: b.right, width: '*', alignment: 'right' }], columnGap: 6, margin: [0, 6, 0, 0] }];
      return [{ columns: [{ text: b.left, width: '*' }, { text: b.center, width: 'auto', alignment: 'center' }, { text: b.right, width: '*', alignment: 'right' }], margin: [0, 6, 0, 0] }];
    case 'list':
      return b.items.map((item, i): Content => ({ text: texts([{ text: b.ordered ? `${i + 1}) ` : '– ' }, ...item]), alignment: aligned('justify', ctx), leadingIndent: INDENT_PT }));
    case 'decision': {
      const out: Content[] = [{ text: texts([{ text: `${b.number}. `, bold: true }, ...b.runs]), alignment: aligned('justify', ctx), leadingIndent: INDENT_PT, margin: [0, 4, 0, 0] }];
      const tail: Run[] = [];
      if (b.responsible.length) tail.push({ text: `${b.responsibleLabel}: `, italic: true, bold: true }, { text: b.responsible.join(', '), italic: true });
      if (b.deadline) tail.push({ text: `${tail.length ? '; ' : ''}${b.deadlineLabel.toLowerCase()} — `, italic: true, bold: !tail.length }, { text: b.deadline, italic: true });
      if (tail.length) out.push({ text: texts(tail), alignment: 'left', leadingIndent: INDENT_PT });
      return out;
    }
    case 'table':
      return [tableOf(b, ctx)];
    case 'signatures':
      if (ctx.inColumn) return [columnSignaturesOf(b)];
      return [{
        table: {
          widths: ['38%', '24%', '38%'],
          body: b.rows.map((r) => [{ text: r.role, bold: true }, { text: '_______________', alignment: 'center' }, { text: r.name, bold: true, alignment: 'right' }]),
        },
        layout: { defaultBorder: false, paddingTop: () => 14, paddingLeft: () => 0, paddingRight: () => 0 },
        unbreakable: true,
        margin: [0, 12, 0, 0],
      }];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    case 'image':
      return [{ image: `data:image/png;base64,${b.png}`, width: b.widthMm * PT_PER_MM, height: b.heightMm * PT_PER_MM, alignment: 'center' }];
    case 'barChart':
      return [chartOf(b, ctx)];
    case 'columns':
      return [columnsOf(b, ctx)];
  }
}

/** The pdfmake document definition of an export document (pure). */
export function pdfDefinition(doc: ExportDocument): TDocumentDefinitions {
  const { page } = doc;
  const m = page.margins;
  const ctx: Ctx = { size: page.fontSizePt, lineHeight: page.lineSpacing, textWidth: A4_WIDTH_PT - (m.left + m.right) * PT_PER_MM };
  const content: Content[] = [];
  if (page.restrictedMark) content.push({ text: page.restrictedMark, bold: true, alignment: 'right' });
  let previous: Content[] = [];
  doc.blocks.forEach((b, i) => {
    const out = blockOf(b, ctx);
    const before = doc.blocks[i - 1];
    // The signatures go to a new page with the last decision or paragraph they follow, not alone:
    // the two are one unbreakable block (a paragraph only when short — a block taller than a page
    // cannot be kept whole).
    if (b.type === 'signatures' && previous.length > 0 && (before?.type === 'decision' || (before?.type === 'paragraph' && before.runs.reduce((n, r) => n + r.text.length, 0) <= 1200))) {
      content.splice(content.length - previous.length, previous.length, { stack: [...previous, ...out], unbreakable: true });
    } else content.push(...out);
    previous = out;
  });
  const headerTop = Math.min(10, m.top / 2) * PT_PER_MM;
  return {
    pageSize: 'A4',
    pageMargins: [m.left * PT_PER_MM, m.top * PT_PER_MM, m.right * PT_PER_MM, m.bottom * PT_PER_MM],
    info: { title: doc.title, creator: 'Hattama', producer: 'Hattama (pdfmake)' },
    language: doc.lang === 'kk' ? 'kk-KZ' : 'ru-RU',
    defaultStyle: { font: PDF_FONT, fontSize: page.fontSizePt, lineHeight: page.lineSpacing },
    header: (current: number) => (current > 1 ? { text: `${doc.pageLabel ? `${doc.pageLabel} ` : ''}${current}`, alignment: 'center', fontSize: page.fontSizePt - 2, margin: [0, headerTop, 0, 0] } : null),
    // A heading or a label (СЛУШАЛИ:, РЕШИЛИ:) is never the last line of a page.
    pageBreakBefore: (node, queries) => node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
    content,
  } as TDocumentDefinitions;
}

const FACE_FILES: Record<keyof PdfFontFiles, string> = {
  normal: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italics: 'DejaVuSerifCondensed-Italic.ttf',
  bolditalics: 'DejaVuSerifCondensed-BoldItalic.ttf',
};

/** The font file names the PDF renderer embeds (under DejaVu's ttf/ folder). */
export const PDF_FONT_FILES: Readonly<Record<keyof PdfFontFiles, string>> = FACE_FILES;

let registered: PdfMakeLike | null = null;

/** The PDF bytes of an export document: fonts embedded, no file or URL ever read. */
export async function renderPdf(doc: ExportDocument, pdfmake: PdfMakeLike, fonts: PdfFontFiles): Promise<Uint8Array> {
  if (registered !== pdfmake) {
    for (const face of Object.keys(FACE_FILES) as (keyof PdfFontFiles)[]) pdfmake.virtualfs.writeFileSync(FACE_FILES[face], fonts[face]);
    pdfmake.setFonts({ [PDF_FONT]: FACE_FILES });
    pdfmake.setUrlAccessPolicy?.(() => false);
    pdfmake.setLocalAccessPolicy?.(() => false);
    registered = pdfmake;
  }
  const bytes = await pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
