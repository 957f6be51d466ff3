// The minutes' rich-text parts (Yjs XML fragments in the editor's schema: paragraphs, bold / italic
// / underline, bulleted and numbered lists, tables, hard breaks) as blocks of the export model.
// Only text and these marks come through: markup typed as text stays text; an unknown node keeps
// its text as a paragraph.
import * as Y from 'yjs';
import type { Block, Run } from './document.schema';

type Attrs = Record<string, unknown>;

/** A mark's name from a Yjs text attribute (overlapping marks carry a hash suffix). */
function markName(attr: string): string {
  return /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attr)?.[1] ?? attr;
}

function runOf(insert: string, attributes: Attrs | undefined): Run {
  const run: Run = { text: insert };
  for (const [attr, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const name = markName(attr);
    if (name === 'bold') run.bold = true;
    else if (name === 'italic') run.italic = true;
    else if (name === 'underline') run.underline = true;
  }
  return run;
}

/** The runs of an inline container (a paragraph): its text with marks, hard breaks as line breaks. */
function inlineRuns(el: Y.XmlElement | Y.XmlFragment): Run[] {
  const runs: Run[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Attrs }[]) {
        if (typeof op.insert === 'string' && op.insert) runs.push(runOf(op.insert, op.attributes));
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n' });
      else runs.push(...inlineRuns(child));
    }
  }
  return mergeRuns(runs);
}

/** Joins neighbouring runs with the same marks. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic && !!last.underline === !!r.underline) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** All the text of a block-level element's paragraphs, joined by line breaks (a list item, a cell). */
function flowRuns(el: Y.XmlElement): Run[] {
  const parts: Run[][] = [];
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'paragraph') parts.push(inlineRuns(child));
    else if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') {
      for (const item of child.toArray()) if (item instanceof Y.XmlElement) parts.push([{ text: '– ' }, ...flowRuns(item)]);
    } else parts.push(flowRuns(child));
  }
  return mergeRuns(parts.flatMap((p, i) => (i === 0 ? p : [{ text: '\n' }, ...p])));
}

function elementBlocks(el: Y.XmlElement): Block[] {
  switch (el.nodeName) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: inlineRuns(el), align: 'justify', indent: true }];
    case 'bulletList':
    case 'orderedList':
      return [{
        type: 'list',
        ordered: el.nodeName === 'orderedList',
        items: el.toArray().flatMap((item) => (item instanceof Y.XmlElement ? [flowRuns(item)] : [])),
      }];
    case 'table': {
      const rows = el.toArray().filter((r): r is Y.XmlElement => r instanceof Y.XmlElement);
      const cells = rows.map((r) => r.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement));
      const header = (cells[0]?.length ?? 0) > 0 && (cells[0] ?? []).every((c) => c.nodeName === 'tableHeader');
      const width = Math.max(1, ...cells.map((r) => r.length));
      return [{
        type: 'table',
        header,
        rows: cells.map((r) => Array.from({ length: width }, (_, i) => (r[i] ? flowRuns(r[i]) : []))),
      }];
    }
    default: {
      const runs = flowRuns(el);
      return runs.length ? [{ type: 'paragraph', runs, align: 'justify', indent: true }] : [];
    }
  }
}

/** Blocks of a part's fragment; [] for an empty part (nothing, or empty paragraphs only). */
export function fragmentBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) blocks.push(...elementBlocks(child));
    else if (child instanceof Y.XmlText) {
      const runs = inlineRuns(fragment);
      if (runs.length) blocks.push({ type: 'paragraph', runs, align: 'justify', indent: true });
      break;
    }
  }
  // Trailing and leading empty paragraphs are the editor's, not the clerk's.
  const isBlank = (b: Block) => b.type === 'paragraph' && b.runs.every((r) => r.text.trim() === '');
  while (blocks.length && isBlank(blocks[0] as Block)) blocks.shift();
  while (blocks.length && isBlank(blocks[blocks.length - 1] as Block)) blocks.pop();
  return blocks;
}
