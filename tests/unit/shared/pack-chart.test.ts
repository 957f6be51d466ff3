// The investment chart of the briefing pack: its heading's unit is the scale its figures are
// written in («трлн ₸» when the largest year reads «1,2 трлн ₸»), and every bar is in that scale —
// in the model the preview, the DOCX and the PDF all draw.
import { describe, expect, it } from 'vitest';
import { buildPackDocument } from '../../../shared/export/pack-document';
import { packInput, type SourceStat } from '../../../shared/export/register-input';
import { formatTenge, tengeScale, tengeUnit } from '../../../shared/locale/money';
import { MEETING_NEXT, projects, registerSource, stats } from '../../integration/export/register-fixture';

const nb = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const attracted = (values: number[]): SourceStat[] => values.map((value, i) => ({ year: 2021 + i, indicator: 'investment_attracted_tenge', value }));

function chartOf(lang: 'ru' | 'kk', data: SourceStat[], regionId?: string) {
  const src = registerSource(lang);
  const meetings = regionId ? src.meetings.map((m) => ({ ...m, regionId })) : src.meetings;
  const doc = buildPackDocument(packInput({ ...src, meetings }, MEETING_NEXT, projects, data));
  const chart = doc.blocks.find((b) => b.type === 'barChart');
  if (chart?.type !== 'barChart') throw new Error('no chart');
  return { title: nb(chart.title), unit: nb(chart.unit), bars: chart.bars.map((b) => ({ ...b, text: nb(b.text) })) };
}

/** The scale word of a formatted amount («1,2 трлн ₸» → «трлн») or of a unit («трлн ₸» → «трлн»). */
const scaleWord = (text: string) => text.split(' ').at(-2);

describe('the pack\'s investment chart', () => {
  it('a trillion-scale year: the heading says «трлн ₸», as every bar does (not «млрд ₸» over «1,2 трлн ₸»)', () => {
    const chart = chartOf('ru', stats); // 600 bn … 1.2 trn
    expect(chart.title).toBe('Привлечённые инвестиции, трлн ₸');
    expect(chart.unit).toBe('трлн ₸');
    expect(chart.bars.map((b) => b.text)).toEqual(['0,6 трлн ₸', '0,75 трлн ₸', '0,9 трлн ₸', '1,05 трлн ₸', '1,2 трлн ₸']);
    for (const bar of chart.bars) expect(scaleWord(bar.text)).toBe(scaleWord(chart.unit));
    // The largest bar reads as the dashboard writes the total.
    expect(chart.bars.at(-1)?.text).toBe(nb(formatTenge(1.2e12, 'ru')));
    // Bar lengths in the same unit.
    expect(chart.bars.map((b) => b.value)).toEqual([0.6, 0.75, 0.9, 1.05, 1.2]);
  });

  it('in Kazakh the same scale, with the word теңге in the heading', () => {
    const chart = chartOf('kk', stats);
    expect(chart.title).toBe('Тартылған инвестициялар, трлн теңге');
    for (const bar of chart.bars) expect(scaleWord(bar.text)).toBe('трлн');
  });

  it('billions: «млрд ₸» in the heading and on the bars', () => {
    const chart = chartOf('ru', attracted([310e9, 892.1e9]));
    expect(chart.title).toBe('Привлечённые инвестиции, млрд ₸');
    expect(chart.bars.map((b) => b.text)).toEqual(['310 млрд ₸', '892,1 млрд ₸']);
    expect(chart.bars.map((b) => b.value)).toEqual([310, 892.1]);
  });

  it('near a scale\'s edge (999.96 bn) heading and bar agree', () => {
    const chart = chartOf('ru', attracted([999.96e9]));
    expect(chart.unit).toBe('млрд ₸');
    expect(chart.bars[0]?.text).toBe('999,96 млрд ₸');
  });

  it('draws a year\'s own total only, of the meeting\'s region, the later of two entries; «более» kept', () => {
    const region = 'aktobe';
    const fig = (year: number, value: number, more: Partial<SourceStat> = {}): SourceStat => ({ year, indicator: 'investment_attracted_tenge', value, regionId: region, updatedAt: '2026-01-01T00:00:00Z', ...more });
    const data: SourceStat[] = [
      fig(2024, 892e9, { qualifier: 'exact' }),
      // 2025: the year's figure, first entered rounded down, then corrected.
      fig(2025, 1.1e12, { qualifier: 'exact' }),
      fig(2025, 1.2e12, { qualifier: 'more_than', updatedAt: '2026-02-01T00:00:00Z' }),
      // A quarter, a month and «январь–октябрь» of 2025 are not the year's total.
      fig(2025, 310e9, { period: 'quarter', periodNo: 1 }),
      fig(2025, 95e9, { period: 'month', periodNo: 3 }),
      fig(2025, 980e9, { period: 'ytd', periodNo: 10 }),
      // Another region's year, and another indicator.
      fig(2023, 5e12, { regionId: 'another-region' }),
      { year: 2025, indicator: 'investment_plan_tenge', value: 1.5e12, regionId: region },
    ];
    const ru = chartOf('ru', data, region);
    expect(ru.bars.map((b) => [b.label, b.text])).toEqual([['2024', '0,89 трлн ₸'], ['2025', 'более 1,2 трлн ₸']]);
    expect(ru.bars.map((b) => b.value)).toEqual([0.892, 1.2]);
    expect(chartOf('kk', data, region).bars.at(-1)?.text).toBe('1,2 трлн теңгеден астам');
  });

  it('money: one scale for a set of figures', () => {
    expect(nb(formatTenge(892e9, 'ru', { scaleOf: 1.2e12, maxFractionDigits: 2 }))).toBe('0,89 трлн ₸');
    expect(nb(tengeUnit(1.2e12, 'ru'))).toBe('трлн ₸');
    expect(nb(tengeUnit(892e9, 'kk', { unit: 'word' }))).toBe('млрд теңге');
    expect(nb(tengeUnit(850_000, 'ru'))).toBe('₸');
    expect(tengeScale(999.96e9)).toBe(12);
    expect(tengeScale(999.96e9, { maxFractionDigits: 2 })).toBe(9);
    expect(tengeScale(5e6)).toBe(6);
    expect(tengeScale(Number.NaN)).toBe(0);
  });
});
