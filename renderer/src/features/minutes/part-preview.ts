// A part's text drawn read-only straight from its Yjs fragment, as the editor's HTML (the parts'
// own schema renders each paragraph, list, table and mark), so that a part whose editor is not
// made yet reads, prints and is found by the browser's search exactly as it will once it can be
// typed in. A light walk of the fragment: the rendering of each kind of node and mark (with its
// attributes) is asked of the schema once and reused — a table's, whose columns follow its first
// row's cells, once per such row. Drawing reads the document only: it never writes to it (a signed
// text stays as is).
import { getSchema } from '@tiptap/core';
import { DOMSerializer, Mark, type DOMOutputSpec, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { partContentExtensions } from './editor-extensions';

type Kit = {
  schema: Schema;
  /** Rendering of a node kind with given attributes (its content goes in its hole). */
  nodes: Map<string, DOMOutputSpec | null>;
  marks: Map<string, Mark | null>;
};

let kit: Kit | null = null;
/** The parts' schema and what it renders, made once (they do not depend on the document). */
function theKit(): Kit {
  if (!kit) {
    const schema = getSchema(partContentExtensions());
    kit = { schema, nodes: new Map(), marks: new Map() };
  }
  return kit;
}

type Attrs = Record<string, unknown>;

function nodeSpec(k: Kit, name: string, attrs: Attrs): DOMOutputSpec | null {
  const key = `${name} ${JSON.stringify(attrs)}`;
  let spec = k.nodes.get(key);
  if (spec === undefined) {
    const type = k.schema.nodes[name];
    try {
      spec = type?.spec.toDOM ? type.spec.toDOM(type.create(attrs)) : null;
    } catch {
      spec = null;
    }
    k.nodes.set(key, spec);
  }
  return spec;
}

/** The marks of a run of text, as Yjs keeps them (one attribute per mark; overlapping ones hashed). */
function marksOf(k: Kit, attributes: Attrs | undefined): readonly Mark[] {
  if (!attributes) return Mark.none;
  const marks: Mark[] = [];
  for (const [attr, value] of Object.entries(attributes)) {
    const name = /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attr)?.[1] ?? attr;
    const key = `${name} ${JSON.stringify(value)}`;
    let mark = k.marks.get(key);
    if (mark === undefined) {
      try {
        mark = k.schema.mark(name, value as Attrs | null);
      } catch {
        mark = null;
      }
      k.marks.set(key, mark);
    }
    if (mark?.type.spec.toDOM) marks.push(mark);
  }
  return Mark.setFrom(marks);
}

/** A table's own rendering (its columns, from its first row's cells; its rows go in its hole). */
function tableSpec(k: Kit, el: Y.XmlElement): DOMOutputSpec | null {
  const row = el.get(0);
  const cells = row instanceof Y.XmlElement ? row.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement) : [];
  const key = `table ${JSON.stringify([el.getAttributes(), cells.map((c) => [c.nodeName, c.getAttributes()])])}`;
  let spec = k.nodes.get(key);
  if (spec === undefined) {
    const { nodes } = k.schema;
    try {
      const firstRow = nodes.tableRow?.create(null, cells.map((c) => (nodes[c.nodeName] as NonNullable<(typeof nodes)[string]>).create(c.getAttributes())));
      const table = nodes.table?.create(el.getAttributes(), firstRow ? [firstRow] : []);
      spec = table && table.type.spec.toDOM ? table.type.spec.toDOM(table) : null;
    } catch {
      spec = null;
    }
    k.nodes.set(key, spec);
  }
  return spec;
}

type Inline = { marks: readonly Mark[]; dom: globalThis.Node };

/** Appends `items` to `parent`, wrapped in their marks as ProseMirror does (a mark shared by neighbours stays open). */
function appendInline(k: Kit, doc: Document, parent: globalThis.Node, items: Inline[]) {
  const active: { mark: Mark; outer: globalThis.Node }[] = [];
  let top = parent;
  for (const { marks, dom } of items) {
    let keep = 0;
    while (keep < active.length && keep < marks.length && (marks[keep] as Mark).eq((active[keep] as { mark: Mark }).mark)) keep++;
    while (active.length > keep) top = (active.pop() as { outer: globalThis.Node }).outer;
    for (let i = keep; i < marks.length; i++) {
      const mark = marks[i] as Mark;
      const toDOM = mark.type.spec.toDOM as NonNullable<typeof mark.type.spec.toDOM>;
      const rendered = DOMSerializer.renderSpec(doc, toDOM(mark, true));
      active.push({ mark, outer: top });
      top.appendChild(rendered.dom);
      top = rendered.contentDOM ?? rendered.dom;
    }
    top.appendChild(dom);
  }
}

/** Draws the children of a fragment or element into `parent`. */
function drawChildren(k: Kit, doc: Document, parent: globalThis.Node, from: Y.XmlFragment | Y.XmlElement) {
  const items: Inline[] = [];
  for (const child of from.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Attrs }[]) {
        if (typeof op.insert === 'string' && op.insert) items.push({ marks: marksOf(k, op.attributes), dom: doc.createTextNode(op.insert) });
      }
    } else if (child instanceof Y.XmlElement) {
      items.push({ marks: Mark.none, dom: drawElement(k, doc, child) });
    }
  }
  appendInline(k, doc, parent, items);
}

function drawElement(k: Kit, doc: Document, el: Y.XmlElement): globalThis.Node {
  const spec = el.nodeName === 'table' ? tableSpec(k, el) : nodeSpec(k, el.nodeName, el.getAttributes());
  if (!spec) {
    // Not of this schema (an older or newer version of it): its text still shows.
    const box = doc.createElement('div');
    drawChildren(k, doc, box, el);
    return box;
  }
  const { dom, contentDOM } = DOMSerializer.renderSpec(doc, spec);
  if (contentDOM) drawChildren(k, doc, contentDOM, el);
  return dom;
}

/** Whether the editor would show the part as empty (nothing, or one empty paragraph). */
function isEmpty(k: Kit, fragment: Y.XmlFragment): boolean {
  if (fragment.length === 0) return true;
  if (fragment.length > 1) return false;
  const first = fragment.get(0);
  return first instanceof Y.XmlElement && !!k.schema.nodes[first.nodeName]?.isTextblock && first.toArray().every((c) => c instanceof Y.XmlText && c.length === 0);
}

/**
 * Looks up the parts' fragments of `doc` in one Yjs transaction: the first lookup of each is a
 * transaction of its own otherwise, and eighty of them cost more than drawing the text.
 */
export function lookUpParts(doc: Y.Doc, fields: readonly string[]): void {
  doc.transact(() => {
    for (const field of fields) doc.getXmlFragment(field);
  });
}

/**
 * Draws the text of `fragment` into `el`, replacing what it had: the HTML the editor would show.
 * An empty part is one empty paragraph carrying `hint` (shown as the editor shows it, if any).
 */
export function drawPreview(el: HTMLElement, fragment: Y.XmlFragment, hint: string): void {
  const k = theKit();
  const doc = el.ownerDocument;
  if (isEmpty(k, fragment)) {
    const p = doc.createElement('p');
    if (hint) {
      p.className = 'minutes-empty';
      p.dataset.hint = hint;
    }
    el.replaceChildren(p);
    return;
  }
  const out = doc.createDocumentFragment();
  drawChildren(k, doc, out, fragment);
  el.replaceChildren(out);
}
