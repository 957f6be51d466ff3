// The HTML preview of an export document: the same model the DOCX and PDF renderers read, drawn as
// a page with React elements (text stays text — no HTML is ever injected), with the settings'
// margins, font, size and line spacing scaled to the dialog.
import { Fragment, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import type { Block, ExportDocument, Run } from '@shared/export/document.schema';
import './document-preview.css';

/** Screen pixels per millimetre of the previewed A4 page (210 mm wide → about 600 px). */
const PX_PER_MM = 2.85;
const PX_PER_PT = PX_PER_MM * (25.4 / 72);

function runs(list: readonly Run[]): ReactNode {
  return list.map((r, i) => {
    const style: CSSProperties = {
      ...(r.bold ? { fontWeight: 700 } : {}), ...(r.italic ? { fontStyle: 'italic' } : {}), ...(r.underline ? { textDecoration: 'underline' } : {}),
    };
    // A hard line break inside a run is a <br>, as in the other renderers.
    const parts = r.text.split('\n');
    return <span key={i} style={style}>{parts.map((p, j) => <Fragment key={j}>{j > 0 && <br />}{p}</Fragment>)}</span>;
  });
}

/** Where a block is drawn: on the page, or in a column of a two-language row (`lang` that column's). */
type Place = { inColumn?: boolean; columnLangs?: readonly ['ru' | 'kk', 'ru' | 'kk'] | undefined };

/** Justified text in a half-page column opens wide gaps: a column is set flush left (as in the DOCX and PDF). */
function ta(a: CSSProperties['textAlign'], place: Place): CSSProperties['textAlign'] {
  return place.inColumn && a === 'justify' ? 'left' : a;
}

function block(b: Block, key: number, place: Place = {}): ReactNode {
  switch (b.type) {
    case 'paragraph':
      return <p key={key} className={`dp-p${b.indent ? ' dp-indent' : ''}${b.small ? ' dp-small' : ''}`} style={{ textAlign: ta(b.align ?? 'left', place), ...(b.spaceBefore ? { marginTop: b.spaceBefore * PX_PER_PT } : {}) }}>{runs(b.runs)}</p>;
    case 'heading':
      return <p key={key} className={`dp-h dp-h${b.level}`} style={{ textAlign: b.align ?? 'center' }}>{runs(b.runs.map((r) => ({ ...r, bold: true })))}</p>;
    case 'dateline':
      return <div key={key} className="dp-dateline"><span>{b.left}</span><span>{b.center}</span><span>{b.right}</span></div>;
    case 'list':
      return <div key={key}>{b.items.map((item, i) => <p key={i} className="dp-p dp-indent" style={{ textAlign: ta('justify', place) }}>{b.ordered ? `${i + 1}) ` : '– '}{runs(item)}</p>)}</div>;
    case 'decision':
      return (
        <div key={key} className="dp-decision">
          <p className="dp-p dp-indent" style={{ textAlign: ta('justify', place) }}><b>{b.number}. </b>{runs(b.runs)}</p>
          {(b.responsible.length > 0 || b.deadline) && (
            <p className="dp-p dp-indent" style={{ textAlign: ta('justify', place) }}>
              <i>
                {b.responsible.length > 0 && <><b>{b.responsibleLabel}:</b> {b.responsible.join(', ')}</>}
                {b.deadline && <>{b.responsible.length > 0 ? '; ' : ''}{b.deadlineLabel.toLowerCase()} — {b.deadline}</>}
              </i>
            </p>
          )}
        </div>
      );
    case 'table':
      return (
        <table key={key} className="dp-table">
          <tbody>
            {b.rows.map((row, ri) => (
              <tr key={ri}>{row.map((cell, ci) => (b.header && ri === 0 ? <th key={ci}>{runs(cell)}</th> : <td key={ci}>{runs(cell)}</td>))}</tr>
            ))}
          </tbody>
        </table>
      );
    case 'signatures':
      if (place.inColumn) {
        return (
          <div key={key} className="dp-column-signatures">
            {b.rows.map((r, i) => <div key={i}><p className="dp-p"><b>{r.role}</b></p><p className="dp-p" style={{ textAlign: 'right' }}>__________ <b>{r.name}</b></p></div>)}
          </div>
        );
      }
      return (
        <table key={key} className="dp-signatures">
          <tbody>{b.rows.map((r, i) => <tr key={i}><td><b>{r.role}</b></td><td className="dp-line">_______________</td><td style={{ textAlign: 'right' }}><b>{r.name}</b></td></tr>)}</tbody>
        </table>
      );
    case 'pageBreak':
      return <hr key={key} className="dp-break" />;
    case 'image':
      return <img key={key} alt="" src={`data:image/png;base64,${b.png}`} style={{ width: b.widthMm * PX_PER_MM, height: b.heightMm * PX_PER_MM, display: 'block', margin: '0 auto' }} />;
    case 'barChart': {
      const max = Math.max(1e-9, ...b.bars.map((x) => x.value));
      return (
        <div key={key} className="dp-chart">
          <p className="dp-p" style={{ textAlign: 'center', fontWeight: 700 }}>{b.title}</p>
          {b.bars.map((x, i) => (
            <div key={i} className="dp-bar-row">
              <span className="dp-bar-label">{x.label}</span>
              <span className="dp-bar-track"><span className="dp-bar" style={{ width: `${(x.value / max) * 100}%` }} /></span>
              <span className="dp-bar-value">{x.text}</span>
            </div>
          ))}
        </div>
      );
    }
    case 'columns':
      return (
        <div key={key} className="dp-columns" style={{ columnGap: 6 * PX_PER_MM }} data-testid="document-preview-row">
          {b.cells.map((cell, side) => (
            <div key={side} className="dp-column" lang={place.columnLangs?.[side]}>{cell.map((x, i) => block(x, i, { inColumn: true }))}</div>
          ))}
        </div>
      );
  }
}

/** The document as the clerk will get it, before exporting. */
export function DocumentPreview({ doc }: { doc: ExportDocument }) {
  const { page } = doc;
  const m = page.margins;
  const style: CSSProperties = {
    padding: `${m.top * PX_PER_MM}px ${m.right * PX_PER_MM}px ${m.bottom * PX_PER_MM}px ${m.left * PX_PER_MM}px`,
    fontFamily: `'${page.font}', 'DejaVu Serif', 'Times New Roman', serif`,
    fontSize: page.fontSizePt * PX_PER_PT,
    lineHeight: 1.15 * page.lineSpacing,
    width: 210 * PX_PER_MM,
  };
  return (
    <div className="dp-frame" data-testid="document-preview" lang={doc.lang === 'kk' ? 'kk' : 'ru'}>
      <div className="dp-page" style={style}>
        {page.restrictedMark && <p className="dp-p" style={{ textAlign: 'right', fontWeight: 700 }}>{page.restrictedMark}</p>}
        {doc.blocks.map((b, i) => block(b, i, { columnLangs: doc.columnLangs }))}
      </div>
    </div>
  );
}

/**
 * The document `build` makes for `lang` (a language, or another key such as the two-column
 * layout), rebuilt when either changes (null while building or when it fails; `build` should be
 * stable, e.g. from useCallback).
 */
export function usePreviewDocument<L extends string>(build: ((lang: L) => Promise<ExportDocument | null>) | undefined, lang: L, enabled = true): ExportDocument | null | 'loading' {
  const [doc, setDoc] = useState<ExportDocument | null | 'loading'>('loading');
  useEffect(() => {
    if (!build || !enabled) return undefined;
    let live = true;
    setDoc('loading');
    build(lang).then((d) => { if (live) setDoc(d); }, () => { if (live) setDoc(null); });
    return () => { live = false; };
  }, [build, lang, enabled]);
  return doc;
}

/** The preview of what `build` makes, with a loader while it is being made. */
export function BuiltPreview<L extends string>({ build, lang }: { build: (lang: L) => Promise<ExportDocument | null>; lang: L }) {
  const doc = usePreviewDocument(build, lang);
  if (doc === 'loading') return <Loader size="sm" data-testid="document-preview-loading" />;
  return doc ? <DocumentPreview doc={doc} /> : null;
}
