// The minutes (протокол) as a document, built from the records: header, chair, secretary, present
// and invited (over ten people: «список прилагается» and an appendix), agenda, per item
// СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ with numbered decisions, signatures. Pure: the editor shows it, the
// DOCX/PDF/HTML exports print it. The rich-text parts live in one Yjs document per minutes and
// language, one named fragment per part (`minutesPartField`).
import { formatDate } from '../locale/dates';
import { agendaNumbers, byPosition, decisionNumbers } from './decisions';
import type { Deadline } from './assignment.schema';
import type { AgendaKind, AttendanceRole, DocLang, Presence } from './meeting.schema';

/** The words of the document per its language (not the UI's: a Kazakh document in a Russian UI). */
export type MinutesHeadings = {
  /** The body the minutes are of, above the title. */
  organization: string;
  title: string;
  chair: string;
  secretary: string;
  present: string;
  invited: string;
  attached: string;
  agenda: string;
  heard: string;
  spoke: string;
  decided: string;
  responsible: string;
  deadline: string;
  /** The control item's title when it has none of its own. */
  controlItem: string;
  appendixPresent: string;
  appendixInvited: string;
  time: string;
  permanent: string;
  quarterly: string;
};

export const MINUTES_HEADINGS: Readonly<Record<DocLang, MinutesHeadings>> = {
  ru: {
    organization: 'Региональный инвестиционный штаб Актюбинской области',
    title: 'ПРОТОКОЛ',
    chair: 'Председательствующий',
    secretary: 'Секретарь',
    present: 'Присутствовали',
    invited: 'Приглашённые',
    attached: 'список прилагается',
    agenda: 'ПОВЕСТКА ДНЯ',
    heard: 'СЛУШАЛИ',
    spoke: 'ВЫСТУПИЛИ',
    decided: 'РЕШИЛИ',
    responsible: 'Ответственные',
    deadline: 'Срок',
    controlItem: 'Об исполнении ранее данных поручений',
    appendixPresent: 'Список присутствовавших',
    appendixInvited: 'Список приглашённых',
    time: 'Время',
    permanent: 'постоянно',
    quarterly: 'ежеквартально',
  },
  // The Kazakh words were checked (November 2026) against published Kazakh texts:
  // - the model rules' section on minutes, «Хаттаманы дайындау және рәсімдеу тәртібі» (хаттама,
  //   күн тәртібі, отырыс төрағасы / төрағалық етуші, хатшы): https://resmihat.kz/documents/151 ;
  //   the rules themselves (Үлгілік қағидалар, order № 144 of 22.12.2014) as published on egemen.kz;
  // - maslikhat decisions whose operative word is ШЕШТІ, signed by the session's chair and the
  //   maslikhat's secretary (хатшы): https://adilet.zan.kz/kaz/docs/G22LG00337M/compare ,
  //   https://adilet.zan.kz/kaz/docs/G22GB00223M , https://zakon.uchet.kz/kaz/docs/G16VR00335M ;
  //   akimat resolutions use ҚАУЛЫ ЕТЕДІ (https://adilet.zan.kz/kaz/docs/V15BC004967) — a body
  //   that resolves so sets «ҚАУЛЫ ЕТТІ» for `decided` in its workspace settings;
  // - reports of sessions and headquarters meetings (күн тәртібі, төрағалығымен, баяндама
  //   тыңдалды): https://www.gov.kz/memleket/entities/taskala-maslihat/press/news/details/1078151 ,
  //   https://arainfo.kz/10845/investiciyaly-shtab-otyrysy-tti/amp ;
  // - dates before a noun take the attributive -дағы/-дегі («2022 жылғы 26 желтоқсандағы № 337
  //   шешімі», «2015 жылғы 5 тамыздағы № А-8/258 қаулысы» in the acts above): see `longDate`.
  // Every word here can be changed per workspace (export settings → wording).
  kk: {
    organization: 'Ақтөбе облысының өңірлік инвестициялық штабы',
    title: 'ХАТТАМА',
    chair: 'Төрағалық етуші',
    secretary: 'Хатшы',
    present: 'Қатысқандар',
    invited: 'Шақырылғандар',
    attached: 'тізімі қоса беріледі',
    agenda: 'КҮН ТӘРТІБІ',
    heard: 'ТЫҢДАЛДЫ',
    spoke: 'СӨЙЛЕДІ',
    decided: 'ШЕШТІ',
    responsible: 'Жауаптылар',
    deadline: 'Мерзімі',
    controlItem: 'Бұрын берілген тапсырмалардың орындалуы туралы',
    appendixPresent: 'Қатысқандар тізімі',
    appendixInvited: 'Шақырылғандар тізімі',
    time: 'Уақыты',
    permanent: 'тұрақты',
    quarterly: 'тоқсан сайын',
  },
};

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** The Kazakh months in the attributive form a date takes before a noun («12 ақпандағы № 3 хаттама»). */
const MONTHS_KK_OF = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];

/**
 * A date as a document writes it: «12 февраля 2026 года», «2026 жылғы 12 ақпан»; `of` — a date
 * before a noun, as Kazakh acts write it: «2026 жылғы 12 ақпандағы» (№ 3 хаттамаға қосымша).
 */
export function longDate(iso: string, lang: DocLang, of = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return lang === 'kk' ? `${y} жылғы ${d} ${(of ? MONTHS_KK_OF : MONTHS_KK)[m - 1]}` : `${d} ${MONTHS_RU[m - 1]} ${y} года`;
}

/** A deadline as the decision prints it: «до 15.04.2026», «в течение 5 рабочих дней (до 20.03.2026)», «постоянно». */
export function deadlineText(deadline: Deadline | undefined, lang: DocLang): string {
  if (!deadline) return '';
  const h = MINUTES_HEADINGS[lang];
  switch (deadline.kind) {
    case 'date':
      return lang === 'kk' ? `${formatDate(deadline.due)} дейін` : `до ${formatDate(deadline.due)}`;
    case 'workdays':
      return lang === 'kk'
        ? `${deadline.days} жұмыс күні ішінде (${formatDate(deadline.due)} дейін)`
        : `в течение ${deadline.days} ${workingDaysWord(deadline.days)} (до ${formatDate(deadline.due)})`;
    case 'permanent':
      return h.permanent;
    case 'quarterly':
      return h.quarterly;
  }
}

/** «рабочего дня» / «рабочих дней» after «в течение N». */
function workingDaysWord(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'рабочего дня' : 'рабочих дней';
}

/** The parts of the minutes whose text is rich text, each a fragment of the document's Y.Doc. */
export type MinutesPart = { kind: 'preamble' } | { kind: 'closing' } | { kind: 'item'; itemId: string; part: 'heard' | 'spoke' };

/** The Yjs fragment name of a part: 'preamble', 'closing', 'item/<agendaItemId>/heard' | '…/spoke'. */
export function minutesPartField(part: MinutesPart): string {
  return part.kind === 'item' ? `item/${part.itemId}/${part.part}` : part.kind;
}

/** More than this many people in a list: «список прилагается», and the list goes to the appendix. */
export const LIST_IN_APPENDIX_OVER = 10;

export type OutlinePerson = { id: string; fullName: string; position?: string | undefined };
export type OutlineAttendance = { personId: string; role: AttendanceRole; presence: Presence };
export type OutlineAgendaItem = {
  id: string; position: string; kind: AgendaKind;
  titleRu?: string | undefined; titleKk?: string | undefined; speaker?: string | undefined; projectIds: readonly string[];
};
export type OutlineDecision = {
  id: string; agendaItemId?: string | undefined; position?: string | undefined;
  textRu?: string | undefined; textKk?: string | undefined; responsibleOrgIds: readonly string[]; deadline?: Deadline | undefined;
  projectIds?: readonly string[] | undefined;
};

export type OutlineInput = {
  lang: DocLang;
  meeting: { number: number; date: string; time?: string | undefined; place: string; title?: string | undefined; chairId?: string | undefined; secretaryId?: string | undefined };
  people: ReadonlyMap<string, OutlinePerson>;
  /** In the order the lists print them (the order they were added). */
  attendance: readonly OutlineAttendance[];
  agenda: readonly OutlineAgendaItem[];
  decisions: readonly OutlineDecision[];
  organizations: ReadonlyMap<string, { name: string }>;
};

/** A person as a list prints them: «Асхат Шахаров — аким Актюбинской области». */
export type PersonLine = { id: string; name: string; position: string; text: string };

/** A list of people: printed in place, or (`attached`) «список прилагается» and printed in the appendix. */
export type PeopleList = { people: PersonLine[]; attached: boolean };

export type DecisionLine = {
  id: string;
  /** «1.1», «2.3». */
  number: string;
  /** In the document's language; the other language's text (and `untranslated`) when it has none yet. */
  text: string;
  untranslated: boolean;
  responsible: string[];
  deadline: string;
};

export type OutlineItem = {
  id: string;
  number: number;
  title: string;
  untranslated: boolean;
  speaker: string;
  projectIds: readonly string[];
  decisions: DecisionLine[];
};

export type MinutesOutline = {
  lang: DocLang;
  headings: MinutesHeadings;
  organization: string;
  title: string;
  /** The meeting's own title line (e.g. «Выездное заседание …»), if any. */
  subtitle: string;
  date: string;
  number: string;
  place: string;
  time: string;
  chair: PersonLine | null;
  secretary: PersonLine | null;
  present: PeopleList;
  invited: PeopleList;
  agenda: { id: string; number: number; title: string }[];
  items: OutlineItem[];
  /** Signature block: role and name (empty when nobody is set). */
  signatures: { role: string; name: string }[];
  /** The lists too long for the header, or null. */
  appendix: { title: string; present: PersonLine[]; invited: PersonLine[] } | null;
};

function personLine(p: OutlinePerson | undefined): PersonLine | null {
  if (!p) return null;
  const position = p.position?.trim() ?? '';
  return { id: p.id, name: p.fullName, position, text: position ? `${p.fullName} — ${position}` : p.fullName };
}

const CAME: ReadonlySet<Presence> = new Set(['present', 'video']);

/** Who came in `role` (present or by video link), chair and secretary left out (they have their own lines). */
function cameAs(input: OutlineInput, role: AttendanceRole): PersonLine[] {
  const { chairId, secretaryId } = input.meeting;
  const seen = new Set<string>();
  const out: PersonLine[] = [];
  for (const a of input.attendance) {
    if (a.role !== role || !CAME.has(a.presence) || a.personId === chairId || a.personId === secretaryId || seen.has(a.personId)) continue;
    seen.add(a.personId);
    const line = personLine(input.people.get(a.personId));
    if (line) out.push(line);
  }
  return out;
}

function inLang(lang: DocLang, ru: string | undefined, kk: string | undefined): { text: string; untranslated: boolean } {
  const own = (lang === 'kk' ? kk : ru)?.trim();
  if (own) return { text: own, untranslated: false };
  const other = (lang === 'kk' ? ru : kk)?.trim() ?? '';
  return { text: other, untranslated: other !== '' };
}

/** The minutes of a meeting as a document in `lang`, from its records. */
export function buildMinutesOutline(input: OutlineInput): MinutesOutline {
  const { lang, meeting } = input;
  const h = MINUTES_HEADINGS[lang];
  const present = cameAs(input, 'participant');
  const invited = cameAs(input, 'invitee');
  const presentAttached = present.length > LIST_IN_APPENDIX_OVER;
  const invitedAttached = invited.length > LIST_IN_APPENDIX_OVER;

  const agendaItems = byPosition(input.agenda);
  const itemNo = agendaNumbers(agendaItems);
  const decisions = input.decisions.map((d) => ({ ...d, position: d.position ?? '' }));
  const numbers = decisionNumbers(agendaItems, decisions);

  const items: OutlineItem[] = agendaItems.map((item) => {
    const title = item.kind === 'control' && !item.titleRu && !item.titleKk ? { text: h.controlItem, untranslated: false } : inLang(lang, item.titleRu, item.titleKk);
    const own = byPosition(decisions.filter((d) => d.agendaItemId === item.id));
    return {
      id: item.id,
      number: itemNo.get(item.id) ?? 0,
      title: title.text,
      untranslated: title.untranslated,
      speaker: item.speaker ?? '',
      projectIds: item.projectIds,
      decisions: own.map((d) => {
        const text = inLang(lang, d.textRu, d.textKk);
        return {
          id: d.id,
          number: numbers.get(d.id) ?? '',
          text: text.text,
          untranslated: text.untranslated,
          responsible: d.responsibleOrgIds.map((id) => input.organizations.get(id)?.name ?? '').filter((n) => n !== ''),
          deadline: deadlineText(d.deadline, lang),
        };
      }),
    };
  });

  const number = `№ ${meeting.number}`;
  const date = longDate(meeting.date, lang);
  const chair = personLine(meeting.chairId ? input.people.get(meeting.chairId) : undefined);
  const secretary = personLine(meeting.secretaryId ? input.people.get(meeting.secretaryId) : undefined);
  const appendixTitle = lang === 'kk' ? `${longDate(meeting.date, lang, true)} ${number} хаттамаға қосымша` : `Приложение к протоколу ${number} от ${date}`;

  return {
    lang,
    headings: h,
    organization: h.organization,
    title: h.title,
    subtitle: meeting.title?.trim() ?? '',
    date,
    number,
    place: meeting.place,
    time: meeting.time ?? '',
    chair,
    secretary,
    present: { people: present, attached: presentAttached },
    invited: { people: invited, attached: invitedAttached },
    agenda: items.map((i) => ({ id: i.id, number: i.number, title: i.title })),
    items,
    signatures: [
      { role: h.chair, name: chair?.name ?? '' },
      { role: h.secretary, name: secretary?.name ?? '' },
    ],
    appendix: presentAttached || invitedAttached
      ? { title: appendixTitle, present: presentAttached ? present : [], invited: invitedAttached ? invited : [] }
      : null,
  };
}

/** A decision as it was signed (the minutes' `signedDecisions`, JSON). */
export type SignedDecision = { id: string; number: string; textRu?: string; textKk?: string; responsibleOrgIds: string[]; deadline?: Deadline };

/** Reads a signed revision's frozen decisions; [] for nothing or text that is not such a list. */
export function parseSignedDecisions(json: string | undefined): SignedDecision[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((d): d is SignedDecision => typeof d === 'object' && d !== null && typeof (d as SignedDecision).id === 'string' && typeof (d as SignedDecision).number === 'string' && Array.isArray((d as SignedDecision).responsibleOrgIds)) : [];
  } catch {
    return [];
  }
}

/**
 * The frozen decisions of a signed revision as outline decisions: each goes to the agenda item
 * its number («2.1») names, in its number's order (its position is its number, zero-padded).
 */
export function signedAsDecisions(signed: readonly SignedDecision[], agenda: readonly OutlineAgendaItem[]): OutlineDecision[] {
  const ordered = byPosition(agenda);
  return signed.flatMap((d) => {
    const [itemNo, decNo] = d.number.split('.').map(Number);
    const item = itemNo ? ordered[itemNo - 1] : undefined;
    if (!item || !decNo) return [];
    return [{ id: d.id, agendaItemId: item.id, position: String(decNo).padStart(4, '0'), textRu: d.textRu, textKk: d.textKk, responsibleOrgIds: d.responsibleOrgIds, deadline: d.deadline }];
  });
}
