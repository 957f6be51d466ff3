// Numbering of agenda items and decisions, and the control state of an assignment on a given day.
import { describe, expect, it } from 'vitest';
import { agendaNumbers, controlState, decisionNumbers } from '@shared/domain/decisions';

describe('numbering', () => {
  const items = [{ id: 'b', position: 'a1' }, { id: 'a', position: 'a0' }, { id: 'c', position: 'a2' }];
  it('numbers agenda items by position, not by the order they are given in', () => {
    expect(Object.fromEntries(agendaNumbers(items))).toEqual({ a: 1, b: 2, c: 3 });
  });
  it('numbers decisions per item, skipping decisions of removed items', () => {
    const decisions = [
      { id: 'd3', position: 'a0', agendaItemId: 'c' },
      { id: 'd2', position: 'a1', agendaItemId: 'a' },
      { id: 'd1', position: 'a0', agendaItemId: 'a' },
      { id: 'gone', position: 'a0', agendaItemId: 'removed' },
    ];
    expect(Object.fromEntries(decisionNumbers(items, decisions))).toEqual({ d1: '1.1', d2: '1.2', d3: '3.1' });
  });
  it('orders two decisions with the same position (made on two machines) the same way everywhere', () => {
    const one = decisionNumbers(items, [{ id: 'x', position: 'a0', agendaItemId: 'a' }, { id: 'y', position: 'a0', agendaItemId: 'a' }]);
    const two = decisionNumbers(items, [{ id: 'y', position: 'a0', agendaItemId: 'a' }, { id: 'x', position: 'a0', agendaItemId: 'a' }]);
    expect(Object.fromEntries(one)).toEqual(Object.fromEntries(two));
    expect(one.get('x')).toBe('1.1');
  });
});

describe('control state', () => {
  const due = (d: string) => ({ kind: 'date' as const, due: d });
  it('is overdue the day after the deadline while open or in progress', () => {
    expect(controlState({ status: 'open', deadline: due('2026-03-10') }, '2026-03-10')).toEqual({ active: true, overdue: false, daysLeft: 0, due: '2026-03-10' });
    expect(controlState({ status: 'in_progress', deadline: due('2026-03-10') }, '2026-03-13')).toMatchObject({ overdue: true, daysLeft: -3 });
  });
  it('is never overdue once done or cancelled, nor without a date', () => {
    expect(controlState({ status: 'done', deadline: due('2026-03-10') }, '2026-04-01')).toMatchObject({ active: false, overdue: false });
    expect(controlState({ status: 'cancelled', deadline: due('2026-03-10') }, '2026-04-01')).toMatchObject({ overdue: false });
    expect(controlState({ status: 'open', deadline: { kind: 'permanent' } }, '2030-01-01')).toEqual({ active: true, overdue: false, daysLeft: null, due: null });
    expect(controlState({ status: 'open' }, '2030-01-01')).toMatchObject({ overdue: false, daysLeft: null });
  });
  it('counts a working-day deadline by the date it comes to', () => {
    expect(controlState({ status: 'open', deadline: { kind: 'workdays', days: 5, due: '2026-03-31' } }, '2026-03-25')).toMatchObject({ daysLeft: 6, overdue: false });
  });
});
