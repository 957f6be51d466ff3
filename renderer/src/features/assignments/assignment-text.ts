// How an assignment reads in the control table and its card, pure and in the UI language: its
// reference («п. 2.1 протокола № 3 от 12.02.2026», «Поручение Главы государства от 10.02.2026
// № 5»), its text, its deadline as the minutes word it («в течение 5 рабочих дней (до …)»,
// «постоянно») and the days left or overdue. Works from the feature's strings directly, so the
// table's 20,000 rows are built without an i18next call each.
import type { Lang } from '@shared/locale/lang';
import { formatDate } from '@shared/locale/dates';
import type { Deadline, DirectiveSource } from '@shared/domain/assignment.schema';
import type { ControlState } from '@shared/domain/decisions';
import { strings } from './strings';

type Forms = { readonly one: string; readonly few: string; readonly many: string };

/** The feature's strings in `lang`. */
export function labels(lang: Lang) {
  return strings[lang].assignments;
}

/** Fills `{{name}}` placeholders. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const rules = new Map<Lang, Intl.PluralRules>();

/** The form of a word after the number `n` in `lang` (Russian: 1 день, 2 дня, 5 дней). */
export function plural(lang: Lang, n: number, forms: Forms): string {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  const c = r.select(n);
  return c === 'one' ? forms.one : c === 'few' ? forms.few : forms.many;
}

/** What a reference needs of an assignment. */
export type Referenced = {
  origin: 'decision' | 'directive';
  sourceKind?: DirectiveSource | undefined;
  sourceDate?: string | undefined;
  sourceNumber?: string | undefined;
};

/**
 * The reference of an assignment: for a decision, its number in the minutes of its meeting; for
 * an instruction from above, who gave it, when and its number.
 */
export function referenceOf(a: Referenced, meeting: { number: number; date: string } | undefined, decisionNo: string | undefined, lang: Lang): string {
  const L = labels(lang).ref;
  if (a.origin === 'decision') {
    if (!meeting) return L.meetingUnknown;
    const vars = { number: decisionNo ?? '', meeting: meeting.number, date: formatDate(meeting.date) };
    return fill(decisionNo ? L.decision : L.minutes, vars);
  }
  const details = (a.sourceDate ? fill(L.date, { date: formatDate(a.sourceDate) }) : '') + (a.sourceNumber ? fill(L.number, { number: a.sourceNumber }) : '');
  const text = fill(L[a.sourceKind ?? 'other'], { details }).trim();
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/** A meeting as a clerk names it in a list: «Протокол № 3 от 12.02.2026». */
export function meetingLabel(m: { number: number; date: string }, lang: Lang): string {
  return fill(labels(lang).meetingLabel, { number: m.number, date: formatDate(m.date) });
}

/** The text in the UI language when it exists in it (Russian or Kazakh), else the other one. */
export function textOf(a: { textRu?: string | undefined; textKk?: string | undefined }, lang: Lang): string {
  return (lang === 'kk' ? a.textKk || a.textRu : a.textRu || a.textKk) ?? '';
}

/** A deadline as the minutes word it. */
export function deadlineText(d: Deadline | undefined, lang: Lang): string {
  const L = labels(lang).deadline;
  if (!d) return L.none;
  switch (d.kind) {
    case 'date':
      return formatDate(d.due);
    case 'workdays':
      return fill(L.workdays, { n: d.days, days: plural(lang, d.days, L.workday), date: formatDate(d.due) });
    case 'permanent':
      return L.permanent;
    case 'quarterly':
      return L.quarterly;
  }
}

/** «осталось 5 дней», «срок сегодня», «просрочено на 3 дня»; '' without a date or off control. */
export function daysLeftText(s: ControlState, lang: Lang): string {
  if (s.daysLeft === null || !s.active) return '';
  const L = labels(lang).days;
  if (s.daysLeft === 0) return L.today;
  const n = Math.abs(s.daysLeft);
  return fill(plural(lang, n, s.daysLeft < 0 ? L.overdue : L.left), { count: n });
}
