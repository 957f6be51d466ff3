// A briefing pack's data: a meeting, its agenda, the investment by year, open and overdue assignments, and N projects.
import type { PackInput, PassportInput } from '../../../shared/export/pack-document';

export function fixturePassport(i: number): PassportInput {
  return {
    id: `0190a000-0000-7000-8000-${String(5000 + i).padStart(12, '0')}`,
    title: `Завод по производству гидросульфида натрия № ${i + 1}`,
    investor: 'ТОО «Blue Sky Industrial Investment CO., Ltd»', bin: '180240012345', sector: 'C — Обрабатывающая промышленность',
    location: 'СЭЗ «Актобе», г. Актобе', volume: '45,6 млрд ₸', jobs: 'строительство 400 / постоянные 350 (создано 120)',
    stage: 'Строительство', dates: '2025–2027', curator: 'Қаһарманова Ә. Ғ.',
    barriers: ['Подключение к газу (ТУ не выданы)', 'Земельный участок 12 га'], support: ['Преференции СЭЗ', 'Льготный кредит'],
    openAssignments: [
      { number: '1.1', text: 'Обеспечить подключение к газу', responsible: 'Управление энергетики и ЖКХ', deadline: '15.01.2026', overdue: true },
      { number: '1.2', text: 'Предоставить земельный участок', responsible: 'Акимат г. Актобе', deadline: '15.04.2026', overdue: false },
    ],
    meetings: [{ date: '2025-11-20', number: 12, decision: 'рассмотрен, поручения даны' }],
  };
}

export function fixturePack(projects: number, lang: 'ru' | 'kk' = 'ru'): PackInput {
  return {
    lang,
    meeting: { id: '0190a000-0000-7000-8000-000000000001', number: 3, date: '2026-02-12', place: 'Актюбинский ферросплавный завод' },
    agenda: Array.from({ length: projects }, (_, i) => ({ number: i + 1, title: `О ходе реализации проекта № ${i + 1}` })),
    chart: { title: 'Привлечённые инвестиции, млрд ₸', unit: 'млрд ₸', bars: [2021, 2022, 2023, 2024, 2025].map((y, i) => ({ label: String(y), value: 600 + i * 150, text: `${600 + i * 150} млрд ₸` })) },
    assignments: Array.from({ length: 12 }, (_, i) => ({ number: `${i + 1}.1`, text: 'Обеспечить подключение объекта к инженерным сетям', responsible: 'Управление энергетики и ЖКХ', deadline: '15.01.2026', overdue: i % 3 === 0 })),
    projects: Array.from({ length: projects }, (_, i) => fixturePassport(i)),
  };
}
