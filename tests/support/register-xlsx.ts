// A synthetic register as clerks keep it, for the import benchmark and the e2e of a large import:
// a title row, 12 columns, amounts and dates written several ways, valid BINs, every district of
// Aktobe region.
import ExcelJS from 'exceljs';
import { binCheckDigit } from '../../shared/domain/bin';
import { DISTRICTS } from '../../shared/geo/regions';

/** A register as clerks keep it: a title row, 12 columns, amounts and dates written several ways. */
export async function makeRegister(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Реестр');
  ws.addRow(['Реестр инвестиционных проектов Актюбинской области']);
  ws.mergeCells('A1:L1');
  ws.addRow(['Наименование проекта', 'Инвестор', 'БИН', 'Район', 'Отрасль', 'Объём инвестиций, тенге', 'Постоянные рабочие места — план',
    'Рабочие места на период строительства — план', 'Стадия', 'Статус', 'Начало реализации', 'Ввод в эксплуатацию — план']);
  const stages = ['Идея', 'Переговоры', 'Проектирование', 'Строительство', 'Ввод в эксплуатацию', 'Действующий'];
  const sectors = ['A', 'B', 'C', 'D', 'F', 'G', 'H'];
  for (let i = 0; i < n; i++) {
    const first11 = `${String(10 + (i % 80)).padStart(2, '0')}${String(100000000 + i * 7).slice(-9)}`;
    const check = binCheckDigit(first11);
    const bin = check === null ? '' : `${first11}${check}`;
    const district = DISTRICTS[i % DISTRICTS.length]?.name.ru ?? '';
    const amount = i % 3 === 0 ? `${(i % 90) + 1},${i % 10} млрд` : i % 3 === 1 ? (i + 1) * 1_000_000 : `${((i % 900) + 100)} ${String(i % 1000).padStart(3, '0')} 000`;
    ws.addRow([
      `Проект №${i + 1}`, `ТОО «Инвестор ${i % 2000}»`, bin, district, sectors[i % sectors.length], amount, (i % 500) + 5, (i % 300) + 10,
      stages[i % stages.length], 'По графику', new Date(Date.UTC(2024 + (i % 3), i % 12, (i % 28) + 1)), i % 2 === 0 ? `0${(i % 9) + 1}.0${(i % 9) + 1}.2028` : 47_000 + (i % 700),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

