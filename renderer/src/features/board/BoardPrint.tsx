// The board as it prints: a plain table of every row the filters leave (up to a limit), with the
// visible columns in the clerk's order, the totals, what the filters are, and the date and time
// (Kazakhstan time). Mounted only while printing; the screen layout is hidden by print CSS.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { formatDate, formatDateTime } from '@shared/locale/dates';
import { formatNumber, formatTenge } from '@shared/locale/money';
import type { BoardRow } from '../../db/db';
import { FACETS, isRangeActive, RANGE_COLUMNS, type BoardFilters, type Facet } from './board-filters';
import { facetLabel } from './facet-label';
import { SUMMED, type Sums } from './board-order';

/** Rows printed at most (a register of 100,000 is narrowed by filters before printing). */
export const PRINT_LIMIT = 5000;

/** The text of one cell as printed. */
export function printedCell(row: BoardRow, id: string, lang: Lang, t: TFunction): string {
  const v = (row as Record<string, unknown>)[id];
  if ((FACETS as readonly string[]).includes(id)) return v ? facetLabel(id as Facet, String(v), lang, t) : '—';
  if (id === 'investmentTenge') return typeof v === 'number' ? formatTenge(v, lang) : '—';
  if (typeof v === 'number') return formatNumber(v, lang);
  if (id === 'plannedCommissioningDate') return formatDate(typeof v === 'string' ? v : null);
  if (id === 'updatedAt') return typeof v === 'string' ? formatDateTime(v) : '';
  return v === undefined || v === null || v === '' ? '—' : String(v);
}

/** What the filters are, as a line of text ('' when none). */
export function filtersSummary(filters: BoardFilters, lang: Lang, t: TFunction): string {
  const parts: string[] = [];
  if (filters.search.trim()) parts.push(`${t('board.print.search')}: «${filters.search.trim()}»`);
  for (const f of FACETS) {
    const values = filters.facets[f];
    if (values && values.length > 0) parts.push(`${t(`columns.${f}`)}: ${values.map((v) => facetLabel(f, v, lang, t)).join(', ')}`);
  }
  const c = filters.columns;
  if (c.investorName?.trim()) parts.push(`${t('columns.investorName')}: «${c.investorName.trim()}»`);
  for (const col of RANGE_COLUMNS) {
    const r = c[col];
    if (!isRangeActive(r)) continue;
    const fmt = (n: number) => (col === 'investmentTenge' ? formatTenge(n, lang) : formatNumber(n, lang));
    parts.push(`${t(`columns.${col}`)}: ${r.min !== undefined ? fmt(r.min) : '…'} – ${r.max !== undefined ? fmt(r.max) : '…'}`);
  }
  if (c.openBarriers) parts.push(t('board.onlyOpenBarriers'));
  if (c.barrierKinds?.length) parts.push(`${t('board.barrierKinds')}: ${c.barrierKinds.map((k) => t(`barrierKind.${k}`)).join(', ')}`);
  return parts.join('; ');
}

export function BoardPrint({ rows, sums, columns, filters, total }: { rows: readonly BoardRow[]; sums: Sums; columns: readonly string[]; filters: BoardFilters; total: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  // Mounted when printing starts: the time it was made is taken once, then.
  const [madeAt] = useState(() => Date.now());
  const printed = rows.slice(0, PRINT_LIMIT);
  const summary = filtersSummary(filters, lang, t);
  return (
    <section className="board-print" data-testid="board-print">
      <h1>{t('board.title')}</h1>
      <p>{t('board.print.made', { at: formatDateTime(madeAt) })} · {t('board.shown', { shown: formatNumber(rows.length, lang), total: formatNumber(total, lang) })}</p>
      <p>{summary ? `${t('board.print.filters')}: ${summary}` : t('board.print.noFilters')}</p>
      {rows.length > PRINT_LIMIT && <p>{t('board.print.limited', { count: formatNumber(PRINT_LIMIT, lang) })}</p>}
      <table>
        <thead>
          <tr>{columns.map((id) => <th key={id}>{t(`columns.${id}`)}</th>)}</tr>
        </thead>
        <tbody>
          {printed.map((r) => (
            <tr key={r.id}>{columns.map((id) => <td key={id}>{printedCell(r, id, lang, t)}</td>)}</tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            {columns.map((id, i) => {
              if (i === 0) return <td key={id}>{t('board.total')}: {formatNumber(rows.length, lang)}</td>;
              const s = (SUMMED as readonly string[]).includes(id) ? sums[id as (typeof SUMMED)[number]] : null;
              if (!s) return <td key={id} />;
              const value = s.missing === rows.length && rows.length > 0 ? t('board.noData') : id === 'investmentTenge' ? formatTenge(s.sum, lang) : formatNumber(s.sum, lang);
              return <td key={id}>{value}{s.missing > 0 && s.missing < rows.length ? ` (${t('board.missingShort', { count: formatNumber(s.missing, lang) })})` : ''}</td>;
            })}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
