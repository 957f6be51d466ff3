// Numbering and control state of decisions and assignments, pure: agenda items are numbered 1, 2,
// 3 … in their order; decisions per item 1.1, 1.2, 2.1 … in theirs; an assignment is overdue when
// its due date has passed and it is neither done nor cancelled.
import { daysBetween } from '../locale/dates';
import { dueOf, type AssignmentStatus, type Deadline } from './assignment.schema';

type Positioned = { id: string; position: string };

/** Sorts by fractional position (byte order, as fractional-indexing keys compare), then by id. */
export function byPosition<T extends Positioned>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Agenda item id → its number («1», «2» …), in position order. */
export function agendaNumbers(items: readonly Positioned[]): Map<string, number> {
  return new Map(byPosition(items).map((item, i) => [item.id, i + 1]));
}

/** Decision id → its number («1.1», «2.3» …): the item's number, then the decision's place in the item. */
export function decisionNumbers(items: readonly Positioned[], decisions: readonly (Positioned & { agendaItemId?: string | undefined })[]): Map<string, string> {
  const itemNo = agendaNumbers(items);
  const out = new Map<string, string>();
  const byItem = new Map<string, (Positioned & { agendaItemId?: string | undefined })[]>();
  for (const d of decisions) {
    if (!d.agendaItemId || !itemNo.has(d.agendaItemId)) continue;
    const list = byItem.get(d.agendaItemId) ?? [];
    list.push(d);
    byItem.set(d.agendaItemId, list);
  }
  for (const [itemId, list] of byItem) byPosition(list).forEach((d, i) => out.set(d.id, `${itemNo.get(itemId)}.${i + 1}`));
  return out;
}

export type ControlState = {
  /** Still under control (open or in progress). */
  active: boolean;
  /** Past its due date while under control. */
  overdue: boolean;
  /** Calendar days until the due date (negative: overdue by that many); null without a date. */
  daysLeft: number | null;
  due: string | null;
};

/** An assignment's control state on `today` (a Kazakhstan date, 'YYYY-MM-DD'). */
export function controlState(a: { status: AssignmentStatus; deadline?: Deadline | undefined }, today: string): ControlState {
  const active = a.status === 'open' || a.status === 'in_progress';
  const due = dueOf(a.deadline) ?? null;
  const daysLeft = due ? daysBetween(today, due) : null;
  return { active, overdue: active && daysLeft !== null && daysLeft < 0, daysLeft, due };
}
