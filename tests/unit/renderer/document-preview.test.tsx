// @vitest-environment jsdom
// The HTML preview of an export document: the same model the DOCX and PDF read, drawn with React —
// what a clerk typed as markup shows as text (no element made from it), decisions keep their
// numbers, bodies and deadlines, and the page takes the settings' margins.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentPreview } from '../../../renderer/src/features/export/DocumentPreview';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-settings';
import { buildBilingualMinutesDocument } from '../../../shared/export/minutes-document';
import { fixtureExportInput, fixtureMinutes, SCRIPT_TEXT } from '../../integration/export/fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let host: HTMLDivElement | null = null;
afterEach(() => {
  host?.remove();
  host = null;
});

function draw(doc: Parameters<typeof DocumentPreview>[0]['doc']): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<DocumentPreview doc={doc} />));
  return host;
}

describe('document preview', () => {
  it('shows the minutes as the exports have them, markup as text', () => {
    const el = draw(fixtureMinutes('ru'));
    const text = el.textContent ?? '';
    expect(text).toContain('ПРОТОКОЛ');
    expect(text).toContain('Председательствующий');
    expect(text).toContain(SCRIPT_TEXT);
    expect(el.querySelector('script')).toBeNull();
    expect([...el.querySelectorAll('b')].some((b) => b.textContent === 'не жирный')).toBe(false);
    const decisions = [...el.querySelectorAll('.dp-decision')].map((d) => d.textContent ?? '');
    expect(decisions.map((d) => /^(\d+\.\d+)\./.exec(d)?.[1])).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2']);
    expect(decisions[0]).toContain('срок — до 15.02.2026');
    expect(el.querySelectorAll('.dp-signatures tr')).toHaveLength(2);
  });

  it('takes the settings: a 30 mm left margin is wider than the 10 mm right one, the ДСП mark on top', () => {
    const settings = { ...DEFAULT_EXPORT_SETTINGS, page: { ...DEFAULT_EXPORT_SETTINGS.page, margins: { top: 20, right: 10, bottom: 20, left: 30 } }, restricted: true };
    const page = draw(fixtureMinutes('kk', {}, settings)).querySelector<HTMLElement>('.dp-page');
    const [top, right, , left] = (page?.style.padding ?? '').split(' ').map((v) => Number.parseFloat(v));
    expect(left).toBeCloseTo((right ?? 0) * 3, 5);
    expect(top).toBeCloseTo((right ?? 0) * 2, 5);
    expect(page?.firstElementChild?.textContent).toBe('ҚБП');
  });

  it('draws the minutes in two languages side by side, each column in its language, the decisions level', () => {
    const el = draw(buildBilingualMinutesDocument(fixtureExportInput('kk'), fixtureExportInput('ru')));
    const rows = [...el.querySelectorAll('[data-testid=document-preview-row]')];
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect([...r.children].map((c) => c.getAttribute('lang'))).toEqual(['kk', 'ru']);
    const heard = rows.filter((r) => r.children[0]?.textContent?.includes('ТЫҢДАЛДЫ:'));
    expect(heard).toHaveLength(3);
    for (const r of heard) expect(r.children[1]?.textContent).toContain('СЛУШАЛИ:');
    const decisions = rows.filter((r) => r.querySelector('.dp-decision')).map((r) => [...r.querySelectorAll('.dp-decision')].map((d) => /^(\d+\.\d+)\./.exec(d.textContent ?? '')?.[1]));
    expect(decisions).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2'].map((n) => [n, n]));
    // In a half-page column the signatures stack (role, then the line and the name), no three-column table.
    expect(el.querySelectorAll('.dp-signatures')).toHaveLength(0);
    expect(el.querySelectorAll('.dp-column-signatures')).toHaveLength(2);
    expect(el.textContent).toContain(SCRIPT_TEXT);
    expect(el.querySelector('script')).toBeNull();
  });
});
