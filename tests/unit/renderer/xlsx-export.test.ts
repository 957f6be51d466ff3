// The assignments table exported to .xlsx and read back with ExcelJS: date cells, formats, totals.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { assignmentsSheet, buildXlsx } from '../../../renderer/src/features/excel/xlsx-export';

const WORDS = {
  columns: { reference: 'Основание', text: 'Текст поручения', responsible: 'Ответственные', deadline: 'Срок', status: 'Статус', daysLeft: 'Осталось', projects: 'Проекты' },
  due: 'Срок (дата)', overdueDays: 'Просрочено, дней', sheet: 'Поручения', total: 'Итого',
};

describe('assignments export', () => {
  it('writes dates as date cells, overdue days summed in a bold totals row under a frozen bold header', async () => {
    const sheet = assignmentsSheet([
      { reference: 'п. 1.1 протокола № 3', text: 'Обеспечить газ', responsible: ['Управление энергетики', 'Аким района'], deadline: 'до 01.03.2026', status: 'Просрочено', state: { active: true, overdue: true, daysLeft: -14, due: '2026-03-01' }, projects: ['Завод'] },
      { reference: 'п. 1.2 протокола № 3', text: 'Выделить землю', responsible: ['Управление земельных отношений'], deadline: 'до 01.04.2026', status: 'Открыто', state: { active: true, overdue: false, daysLeft: 17, due: '2026-04-01' }, projects: [] },
      { reference: 'п. 2.1 протокола № 3', text: 'Доложить', responsible: [], deadline: 'до 10.03.2026', status: 'Просрочено', state: { active: true, overdue: true, daysLeft: -5, due: '2026-03-10' }, projects: [] },
    ], WORDS, 'ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx([sheet])).buffer);
    const ws = wb.getWorksheet('Поручения');
    if (!ws) throw new Error('no sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Основание', 'Текст поручения', 'Ответственные', 'Срок', 'Срок (дата)', 'Статус', 'Осталось', 'Просрочено, дней', 'Проекты']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('C2').value).toBe('Управление энергетики; Аким района');
    expect(ws.getCell('E2').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(ws.getCell('E2').numFmt).toBe('dd.mm.yyyy');
    expect([ws.getCell('H2').value, ws.getCell('H3').value, ws.getCell('H4').value]).toEqual([14, null, 5]);
    expect(ws.getCell('H2').numFmt).toBe('#,##0');
    expect(ws.getCell('A5').value).toBe('Итого: 3');
    expect(ws.getCell('H5').value).toEqual({ formula: 'SUM(H2:H4)', result: 19 });
    expect(ws.getRow(5).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(70);
  });
});
