// What an empty chart of the dashboard says: no projects at all, none through the filters, or the
// chart's own hint (what to enter on the project card) — never «no project has a district» when
// there are no projects.
import { describe, expect, it } from 'vitest';
import { toProjectColumns } from '@shared/dashboard/aggregate';
import { countedAssignments, emptyTextKey, liveProjects, type DashboardCard, type EmptyContext } from '../../../renderer/src/features/dashboard/empty-state';
import { strings } from '../../../renderer/src/features/dashboard/strings';

const CARDS: DashboardCard[] = ['investment', 'stage', 'district', 'sector', 'zone', 'jobs', 'commissioned', 'barriers', 'months', 'bodies'];
const PROJECT_CARDS: DashboardCard[] = ['stage', 'district', 'sector', 'zone', 'jobs', 'commissioned', 'barriers'];
const base: EmptyContext = { registerProjects: 0, matchedProjects: 0, allAssignments: 0, matchedAssignments: 0, officialYears: 0, periodSet: false };

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}
/** The Russian text of a key. */
const ru = (key: string) => lookup(strings.ru, key) as string;

describe('the text of an empty dashboard chart', () => {
  it('says the register is empty on every project chart when there are no projects, not what to enter on a card', () => {
    for (const card of PROJECT_CARDS) {
      const text = ru(emptyTextKey(card, base));
      expect(text, card).toBe('В реестре нет проектов. Добавьте проект (кнопка «Новый проект» в реестре) или загрузите пример в настройках.');
      expect(text, card).not.toMatch(/У проектов не указан|Укажите район|Рабочие места не указаны/);
    }
    // With filters set on an empty register: still «no projects» (resetting would not help).
    expect(emptyTextKey('district', { ...base, periodSet: true })).toBe('dashboard.empty.noProjects');
  });

  it('says no project matches the filters, with the reset hint, when the filters leave none', () => {
    const ctx = { ...base, registerProjects: 7, matchedProjects: 0 };
    for (const card of PROJECT_CARDS) {
      expect(ru(emptyTextKey(card, ctx)), card).toBe('Ни один проект не подходит под выбранные фильтры. Измените фильтры или нажмите «Сбросить».');
    }
  });

  it('keeps the chart\'s own hint when there are projects but none has what it counts', () => {
    const ctx = { ...base, registerProjects: 7, matchedProjects: 7 };
    expect(ru(emptyTextKey('district', ctx))).toBe('У проектов не указан район. Укажите район на вкладке «Размещение» карточки проекта.');
    expect(emptyTextKey('sector', ctx)).toBe('dashboard.sector.empty');
    expect(emptyTextKey('zone', ctx)).toBe('dashboard.zone.empty');
    expect(emptyTextKey('jobs', ctx)).toBe('dashboard.jobs.empty');
    expect(emptyTextKey('barriers', ctx)).toBe('dashboard.barriers.empty');
    expect(emptyTextKey('commissioned', ctx)).toBe('dashboard.commissioned.empty');
    // Through a period: none commissioned in it.
    expect(emptyTextKey('commissioned', { ...ctx, periodSet: true })).toBe('dashboard.commissioned.emptyPeriod');
  });

  it('for the assignments\' charts: none at all, or none through the filters', () => {
    expect(emptyTextKey('months', base)).toBe('dashboard.months.empty');
    expect(emptyTextKey('bodies', base)).toBe('dashboard.bodies.empty');
    expect(emptyTextKey('months', { ...base, allAssignments: 5, matchedAssignments: 0 })).toBe('dashboard.empty.noAssignmentMatch');
    expect(emptyTextKey('bodies', { ...base, allAssignments: 5, matchedAssignments: 0 })).toBe('dashboard.empty.noAssignmentMatch');
    // Some counted, none with a due date.
    expect(emptyTextKey('months', { ...base, allAssignments: 5, matchedAssignments: 2 })).toBe('dashboard.months.empty');
  });

  it('for the official totals: none entered, or none in the period', () => {
    expect(emptyTextKey('investment', base)).toBe('dashboard.investment.empty');
    expect(emptyTextKey('investment', { ...base, officialYears: 2, periodSet: true })).toBe('dashboard.investment.emptyPeriod');
  });

  it('every text it chooses exists in Russian, Kazakh and English', () => {
    const contexts: EmptyContext[] = [
      base, { ...base, registerProjects: 3 }, { ...base, registerProjects: 3, matchedProjects: 3 }, { ...base, registerProjects: 3, matchedProjects: 3, periodSet: true },
      { ...base, allAssignments: 2 }, { ...base, officialYears: 1, periodSet: true },
    ];
    const keys = new Set(CARDS.flatMap((card) => contexts.map((ctx) => emptyTextKey(card, ctx))));
    for (const lang of ['ru', 'kk', 'en'] as const) {
      for (const key of keys) expect(typeof lookup(strings[lang], key), `${lang}:${key}`).toBe('string');
    }
  });

  it('counts the live projects and the assignments the dashboard counts', () => {
    const cols = toProjectColumns([{ id: 'a', stage: 'idea' }, { id: 'b', stage: 'idea' }]);
    expect(liveProjects(cols)).toBe(2);
    expect(countedAssignments([{ status: 'open', alive: 1 }, { status: 'cancelled', alive: 1 }, { status: 'done', alive: 0 }])).toBe(1);
  });
});
