// What a project passport and a briefing pack print, read from the stored records: the project and
// its barriers, the assignments on control that name it, the meetings whose agenda had it, and the
// official investment totals — in the document's language, as plain data for pack-document.ts.
import type { Assignment } from '../domain/assignment.schema';
import { deadlineText, buildMinutesOutline, type OutlineAgendaItem } from '../domain/minutes-outline';
import type { DocLang } from '../domain/meeting.schema';
import { OKED_SECTIONS } from '../domain/oked';
import type { BarrierKind, ProjectFields, Stage } from '../domain/project.schema';
import { periodOf, type StatPeriod } from '../domain/investment-stat.schema';
import { DISTRICTS, REGIONS, ZONES } from '../geo/regions';
import { formatDate } from '../locale/dates';
import { pick } from '../locale/lang';
import { formatNumber, formatTenge, tengeScale, tengeUnit } from '../locale/money';
import { moreThan } from '../locale/more-than';
import { countsOver, type StatOrder } from '../dashboard/aggregate';
import type { ExportSettings } from './export-settings';
import type { PackInput, PassportInput } from './pack-document';

/** Labels the UI already has in every language (its i18n), passed in so there is one source. */
export type RegisterLabels = { stage: (s: Stage) => string; barrierKind: (k: BarrierKind) => string };

export type SourceProject = Pick<ProjectFields,
  'title' | 'investorName' | 'investorBin' | 'okedSection' | 'regionId' | 'districtId' | 'zoneId' | 'settlement' | 'investmentTenge'
  | 'jobsConstructionPlanned' | 'jobsConstructionCreated' | 'jobsPermanentPlanned' | 'jobsPermanentCreated' | 'stage'
  | 'startDate' | 'plannedCommissioningDate' | 'actualCommissioningDate' | 'supportMeasures' | 'curatorId'> & { id: string };
export type SourceBarrier = { projectId: string; kind: BarrierKind; text: string; openedOn: string; resolvedOn?: string | undefined };
export type SourceAssignment = Pick<Assignment, 'id' | 'textRu' | 'textKk' | 'responsibleOrgIds' | 'deadline' | 'status' | 'projectIds'> & {
  agendaItemId?: string | undefined; meetingId?: string | undefined;
};
export type SourceMeeting = { id: string; number: number; date: string; time?: string | undefined; place: string; title?: string | undefined; regionId?: string | undefined };
export type SourceAgendaItem = OutlineAgendaItem & { meetingId: string };

/** Everything stored that passports read (the caller passes alive rows only). */
export type RegisterSource = {
  lang: DocLang;
  /** Today in Kazakhstan, 'YYYY-MM-DD' (what is overdue). */
  today: string;
  labels: RegisterLabels;
  barriers: readonly SourceBarrier[];
  assignments: readonly SourceAssignment[];
  meetings: readonly SourceMeeting[];
  agendaItems: readonly SourceAgendaItem[];
  organizations: ReadonlyMap<string, { name: string }>;
  people: ReadonlyMap<string, { fullName: string }>;
};

const OPEN: ReadonlySet<string> = new Set(['open', 'in_progress']);
const W = {
  ru: { jobs: (cp: string, pp: string, pc: string) => `при строительстве: ${cp}; постоянных: ${pp} (создано: ${pc})`, actual: 'введён', from: 'с', none: 'решения не приняты', items: 'вопрос повестки' },
  kk: { jobs: (cp: string, pp: string, pc: string) => `құрылыс кезеңінде: ${cp}; тұрақты: ${pp} (құрылғаны: ${pc})`, actual: 'пайдалануға берілді', from: 'бастап', none: 'шешім қабылданбаған', items: 'күн тәртібіндегі мәселе' },
} as const;

function inLang(lang: DocLang, ru: string | undefined, kk: string | undefined): string {
  return ((lang === 'kk' ? kk || ru : ru || kk) ?? '').trim();
}

function dueOf(a: SourceAssignment): string | undefined {
  return a.deadline && 'due' in a.deadline ? a.deadline.due : undefined;
}

/** Open assignments as the tables print them; overdue ones first, then by deadline. */
export function assignmentRows(src: RegisterSource, list: readonly SourceAssignment[]): PassportInput['openAssignments'] {
  const open = list.filter((a) => OPEN.has(a.status)).map((a) => ({ a, due: dueOf(a) }));
  open.sort((x, y) => {
    const ox = x.due !== undefined && x.due < src.today ? 0 : 1;
    const oy = y.due !== undefined && y.due < src.today ? 0 : 1;
    return ox - oy || (x.due ?? '9999').localeCompare(y.due ?? '9999');
  });
  return open.map(({ a, due }, i) => ({
    number: String(i + 1),
    text: inLang(src.lang, a.textRu, a.textKk),
    responsible: a.responsibleOrgIds.map((id) => src.organizations.get(id)?.name ?? '').filter(Boolean).join(', '),
    deadline: deadlineText(a.deadline, src.lang),
    overdue: due !== undefined && due < src.today,
  }));
}

/** The passport of one project. */
export function passportInput(src: RegisterSource, p: SourceProject): PassportInput {
  const { lang } = src;
  const w = W[lang];
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, lang));
  const place = [
    p.zoneId ? ZONES.find((z) => z.id === p.zoneId)?.name : undefined,
    p.districtId ? DISTRICTS.find((d) => d.id === p.districtId)?.name : undefined,
  ].filter((x) => x !== undefined).map((x) => pick(x, lang));
  if (p.settlement) place.push(p.settlement);
  const region = REGIONS.find((r) => r.id === p.regionId);
  if (region) place.push(pick(region.name, lang));
  const oked = p.okedSection ? OKED_SECTIONS.find((s) => s.code === p.okedSection) : undefined;
  const dates = [
    p.startDate || p.plannedCommissioningDate ? `${p.startDate ? formatDate(p.startDate) : '…'} – ${p.plannedCommissioningDate ? formatDate(p.plannedCommissioningDate) : '…'}` : '',
    p.actualCommissioningDate ? `${w.actual} ${formatDate(p.actualCommissioningDate)}` : '',
  ].filter(Boolean).join('; ');

  const items = src.agendaItems.filter((i) => i.projectIds.includes(p.id));
  const meetings = items
    .map((item) => ({ item, meeting: src.meetings.find((m) => m.id === item.meetingId) }))
    .filter((x): x is { item: SourceAgendaItem; meeting: SourceMeeting } => x.meeting !== undefined)
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date))
    .map(({ item, meeting }) => {
      const decided = src.assignments.filter((a) => a.agendaItemId === item.id && (a.projectIds.length === 0 || a.projectIds.includes(p.id)));
      const texts = decided.map((a) => inLang(lang, a.textRu, a.textKk)).filter(Boolean);
      return { date: meeting.date, number: meeting.number, decision: texts.length ? texts.join('; ') : inLang(lang, item.titleRu, item.titleKk) || w.none };
    });

  return {
    id: p.id,
    title: p.title,
    investor: p.investorName,
    bin: p.investorBin ?? '',
    sector: oked ? `${oked.code} — ${pick(oked.name, lang)}` : '',
    location: place.join(', '),
    volume: p.investmentTenge === undefined ? '' : formatTenge(p.investmentTenge, lang),
    // No job figure at all: an empty line, as for the other figures (not «— —; — —»).
    jobs: [p.jobsConstructionPlanned, p.jobsPermanentPlanned, p.jobsPermanentCreated].every((v) => v === undefined)
      ? ''
      : w.jobs(n(p.jobsConstructionPlanned), n(p.jobsPermanentPlanned), n(p.jobsPermanentCreated)),
    stage: src.labels.stage(p.stage),
    dates,
    curator: p.curatorId ? src.people.get(p.curatorId)?.fullName ?? '' : '',
    barriers: src.barriers
      .filter((b) => b.projectId === p.id && !b.resolvedOn)
      .sort((a, b) => a.openedOn.localeCompare(b.openedOn))
      .map((b) => `${src.labels.barrierKind(b.kind)}: ${b.text} (${w.from} ${formatDate(b.openedOn)})`),
    support: (p.supportMeasures ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
    openAssignments: assignmentRows(src, src.assignments.filter((a) => a.projectIds.includes(p.id))),
    meetings,
  };
}

/**
 * An official figure (investmentStats) as the pack's chart reads it. Absent: the period is the year
 * (figures entered before periods), the qualifier exact, the region the meeting's.
 */
export type SourceStat = StatOrder & {
  year: number; indicator: string; value: number;
  regionId?: string; period?: StatPeriod | undefined; periodNo?: number | undefined; qualifier?: 'exact' | 'more_than';
};

/**
 * The totals of attracted investment the pack draws, by year, the last six: a year's own figure
 * only (a quarter, a month or «январь–октябрь» is not the year's total), of the meeting's region,
 * and of a year entered twice the later entry (a corrected figure replaces the first) — as the
 * dashboard's chart takes them.
 */
function attractedByYear(stats: readonly SourceStat[], regionId: string | undefined): SourceStat[] {
  const latest = new Map<number, SourceStat>();
  for (const s of stats) {
    if (s.indicator !== 'investment_attracted_tenge' || periodOf(s) !== 'year') continue;
    if (regionId !== undefined && s.regionId !== undefined && s.regionId !== regionId) continue;
    const seen = latest.get(s.year);
    if (!seen || countsOver(s, seen)) latest.set(s.year, s);
  }
  return [...latest.values()].sort((a, b) => a.year - b.year).slice(-6);
}


/** The briefing pack of `meetingId`: its agenda, the investment chart, the open assignments of its projects and the overdue ones, each project's passport. */
export function packInput(src: RegisterSource, meetingId: string, projects: readonly SourceProject[], stats: readonly SourceStat[], settings?: ExportSettings): PackInput {
  const { lang } = src;
  const meeting = src.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  const agenda = src.agendaItems.filter((i) => i.meetingId === meetingId);
  const outline = buildMinutesOutline({
    lang, meeting, people: new Map(), attendance: [], agenda, decisions: [], organizations: src.organizations,
  });
  const onAgenda: string[] = [];
  for (const item of outline.items) for (const id of item.projectIds) if (!onAgenda.includes(id)) onAgenda.push(id);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const relevant = src.assignments.filter((a) => a.projectIds.some((id) => onAgenda.includes(id)) || (dueOf(a) ?? '9999') < src.today);
  const years = attractedByYear(stats, meeting.regionId);
  // One scale for the heading and every bar, that of the largest (as formatTenge picks it): the
  // heading says «трлн ₸» when a bar reads «1,2 трлн ₸», and a smaller year reads «0,89 трлн ₸».
  // Under ten in that scale (1,2 трлн), two fraction digits: 0,75 and 1,05 трлн stay apart.
  const largest = Math.max(0, ...years.map((s) => s.value));
  const coarse = tengeScale(largest);
  const digits = coarse > 0 && largest / 10 ** coarse < 10 ? 2 : 1;
  const divisor = 10 ** tengeScale(largest, { maxFractionDigits: digits });
  const unit = tengeUnit(largest, lang, { unit: lang === 'kk' ? 'word' : 'sign', maxFractionDigits: digits });
  return {
    lang,
    meeting: { id: meeting.id, number: meeting.number, date: meeting.date, place: meeting.place },
    agenda: outline.agenda.map((a) => ({ number: a.number, title: a.title })),
    chart: {
      title: `${lang === 'kk' ? 'Тартылған инвестициялар' : 'Привлечённые инвестиции'}, ${unit}`,
      unit,
      bars: years.map((s) => {
        const text = formatTenge(s.value, lang, { scaleOf: largest, maxFractionDigits: digits });
        return { label: String(s.year), value: s.value / divisor, text: s.qualifier === 'more_than' ? moreThan(text, lang) : text };
      }),
    },
    assignments: assignmentRows(src, relevant),
    projects: onAgenda.map((id) => byId.get(id)).filter((p): p is SourceProject => p !== undefined).map((p) => passportInput(src, p)),
    ...(settings ? { settings } : {}),
  };
}
