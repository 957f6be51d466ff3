// The register's columns an import can fill, how each is read, and how a header in Russian,
// Kazakh or English is matched to one (a guess the clerk can change). Also the lookups that read
// a district, a zone, a sector, a stage or a status written by name in any of the three languages.
import { DISTRICTS, ZONES } from '../geo/regions';
import { OKED_SECTIONS, type OkedCode } from '../domain/oked';
import { STAGES, STATUSES, type ProjectStatus, type Stage } from '../domain/project.schema';
import { LANGS } from '../locale/lang';

/** How a column's cells are read. */
export type FieldKind = 'id' | 'text' | 'bin' | 'money' | 'number' | 'count' | 'date' | 'district' | 'zone' | 'oked' | 'stage' | 'status' | 'tags';

/** The fields of a project an import may fill, with how each is read and the headers that name it. */
export const IMPORT_FIELDS = {
  id: { kind: 'id', headers: ['id', 'идентификатор', 'uuid', 'код записи'] },
  title: {
    kind: 'text',
    headers: ['наименование проекта', 'название проекта', 'проект', 'наименование', 'инвестиционный проект', 'жобаның атауы', 'жоба атауы', 'жоба', 'project', 'project title', 'project name', 'title'],
  },
  investorName: {
    kind: 'text',
    headers: ['инвестор', 'наименование инвестора', 'инвестор наименование', 'инициатор', 'инициатор проекта', 'компания', 'заявитель', 'инвестордың атауы', 'компания атауы', 'бастамашы', 'investor', 'investor name', 'company'],
  },
  investorBin: { kind: 'bin', headers: ['бин', 'бин инвестора', 'бин иин', 'иин', 'бсн', 'бсн жсн', 'инвестордың бсн', 'bin', 'bin iin', 'investor bin'] },
  districtId: { kind: 'district', headers: ['район', 'район город', 'район город области', 'местоположение', 'аудан', 'аудан қала', 'орналасқан жері', 'district', 'location'] },
  zoneId: { kind: 'zone', headers: ['сэз', 'сэз индустриальная зона', 'индустриальная зона', 'сэз из', 'аэа', 'индустриялық аймақ', 'аэа иа', 'zone', 'sez', 'industrial zone'] },
  settlement: { kind: 'text', headers: ['населенный пункт', 'село', 'елді мекен', 'settlement', 'village'] },
  okedSection: { kind: 'oked', headers: ['отрасль', 'окэд', 'раздел окэд', 'отрасль раздел окэд', 'сектор', 'отрасль экономики', 'сала', 'экэж', 'экономика саласы', 'sector', 'industry', 'oked'] },
  investmentTenge: {
    kind: 'money',
    headers: ['объем инвестиций', 'сумма инвестиций', 'стоимость проекта', 'стоимость', 'инвестиции', 'объем инвестиций тенге', 'инвестиция көлемі', 'инвестициялар көлемі', 'жоба құны', 'investment', 'investment volume', 'investments', 'project cost'],
  },
  foreignSharePct: { kind: 'number', headers: ['доля иностранных инвестиций', 'доля иностранного участия', 'шетелдік инвестициялар үлесі', 'foreign share', 'foreign investment share'] },
  jobsConstructionPlanned: {
    kind: 'count',
    headers: ['рабочие места на период строительства план', 'рабочие места на период строительства', 'временные рабочие места', 'рабочие места строительство план', 'құрылыс кезеңіндегі жұмыс орындары жоспар', 'құрылыс кезеңіндегі жұмыс орындары', 'construction jobs planned', 'construction jobs'],
  },
  jobsConstructionCreated: {
    kind: 'count',
    headers: ['рабочие места на период строительства создано', 'рабочие места на период строительства факт', 'рабочие места строительство факт', 'құрылыс кезеңіндегі жұмыс орындары құрылды', 'құрылыс кезеңіндегі жұмыс орындары нақты', 'construction jobs created'],
  },
  jobsPermanentPlanned: {
    kind: 'count',
    headers: ['постоянные рабочие места план', 'постоянные рабочие места', 'рабочие места', 'количество рабочих мест', 'новые рабочие места', 'тұрақты жұмыс орындары жоспар', 'тұрақты жұмыс орындары', 'жұмыс орындары', 'permanent jobs planned', 'permanent jobs', 'jobs'],
  },
  jobsPermanentCreated: {
    kind: 'count',
    headers: ['постоянные рабочие места создано', 'постоянные рабочие места факт', 'создано рабочих мест', 'рабочие места создано', 'тұрақты жұмыс орындары құрылды', 'тұрақты жұмыс орындары нақты', 'permanent jobs created', 'jobs created'],
  },
  capacity: { kind: 'text', headers: ['мощность', 'мощность продукция', 'продукция', 'қуаты', 'өнім', 'capacity', 'products'] },
  stage: { kind: 'stage', headers: ['стадия', 'этап', 'стадия реализации', 'кезең', 'кезеңі', 'stage'] },
  status: { kind: 'status', headers: ['статус', 'состояние', 'мәртебе', 'жағдайы', 'status'] },
  startDate: { kind: 'date', headers: ['начало реализации', 'дата начала', 'начало', 'іске асырудың басталуы', 'басталуы', 'start', 'start date'] },
  plannedCommissioningDate: {
    kind: 'date',
    headers: ['ввод в эксплуатацию план', 'плановый срок ввода', 'срок ввода', 'дата ввода', 'срок ввода в эксплуатацию', 'пайдалануға беру жоспар', 'пайдалануға беру мерзімі', 'planned commissioning', 'commissioning planned', 'commissioning date'],
  },
  actualCommissioningDate: {
    kind: 'date',
    headers: ['ввод в эксплуатацию факт', 'фактический ввод', 'дата ввода факт', 'фактический срок ввода', 'пайдалануға беру нақты', 'actual commissioning', 'commissioned on'],
  },
  supportMeasures: { kind: 'text', headers: ['меры государственной поддержки', 'меры поддержки', 'господдержка', 'мемлекеттік қолдау шаралары', 'қолдау шаралары', 'support measures'] },
  notes: { kind: 'text', headers: ['примечание', 'примечания', 'комментарий', 'ескертпе', 'ескертпелер', 'notes', 'note', 'comment'] },
  tags: { kind: 'tags', headers: ['метки', 'теги', 'белгілер', 'tags'] },
} as const satisfies Record<string, { kind: FieldKind; headers: readonly string[] }>;

export type ImportFieldId = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_IDS = Object.keys(IMPORT_FIELDS) as ImportFieldId[];

/** Which field each column fills (null: not imported), and, for money, the unit its header gives. */
export type ColumnMapping = { field: ImportFieldId | null; scale: number }[];

/** Lower case, ё as е, every run of punctuation and spaces as one space. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Unit words a header may carry; they say how numbers are written, not which field it is. */
const UNIT_WORDS = new Set(['тенге', 'теңге', 'тг', 'kzt', 'tenge', 'чел', 'ед', 'адам', 'persons', 'человек', 'шт', 'тыс', 'мың', 'млн', 'млрд', 'трлн', 'mln', 'bn', 'thousand', 'million', 'billion', 'год', 'жыл', 'дд', 'мм', 'гггг']);

/** The multiplier a money header announces: «млн тенге» 1e6, «млрд» 1e9, «тыс.» 1e3; else 1. */
export function headerScale(header: string): number {
  const words = normaliseHeader(header).split(' ');
  if (words.some((w) => w === 'трлн' || w === 'trillion' || w === 'trn')) return 1e12;
  if (words.some((w) => w === 'млрд' || w === 'bn' || w === 'billion')) return 1e9;
  if (words.some((w) => w === 'млн' || w === 'mln' || w === 'million' || w === 'mn')) return 1e6;
  if (words.some((w) => w === 'тыс' || w === 'мың' || w === 'thousand' || w === 'thous')) return 1e3;
  return 1;
}

/** A word of a known header matches a header's word when the latter starts with its stem (Russian inflects). */
function stem(word: string): string {
  if (word.length <= 3) return word;
  return word.slice(0, word.length <= 6 ? word.length - 1 : word.length - 2);
}

/** How well `header` names `field`: 0 when not at all; more words matched score higher, an exact name most. */
export function headerScore(header: string, field: ImportFieldId): number {
  const words = normaliseHeader(header).split(' ').filter((w) => w !== '' && !UNIT_WORDS.has(w));
  if (words.length === 0) return 0;
  const joined = words.join(' ');
  let best = 0;
  for (const known of IMPORT_FIELDS[field].headers) {
    if (known === joined) return 1000;
    const knownWords = known.split(' ');
    const all = knownWords.every((k) => words.some((w) => (k.length <= 3 ? w === k : w.startsWith(stem(k)))));
    if (!all) continue;
    // Matched words count; words of the header no known name covers count a little against.
    const score = 10 * knownWords.length - Math.max(0, words.length - knownWords.length);
    if (score > best) best = score;
  }
  return best;
}

/**
 * The likely field of each column from its header: the best-scoring pairs first, each field and
 * each column taken once. Money columns take the unit their header announces («млн тенге»).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const pairs: { col: number; field: ImportFieldId; score: number }[] = [];
  headers.forEach((h, col) => {
    for (const field of IMPORT_FIELD_IDS) {
      const score = headerScore(h, field);
      if (score > 0) pairs.push({ col, field, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const out: ColumnMapping = headers.map((h) => ({ field: null, scale: headerScale(h) }));
  const taken = new Set<ImportFieldId>();
  for (const p of pairs) {
    const slot = out[p.col];
    if (!slot || slot.field !== null || taken.has(p.field)) continue;
    slot.field = p.field;
    taken.add(p.field);
  }
  for (const slot of out) if (slot.field === null || IMPORT_FIELDS[slot.field].kind !== 'money') slot.scale = 1;
  return out;
}

/** Words that say what kind of place a name is; dropped so «Алгинский р-н», «Алгинский район» and «Алгинский» are one. */
const PLACE_WORDS = new Set(['район', 'р', 'н', 'рн', 'ауданы', 'аудан', 'district', 'город', 'г', 'қаласы', 'қ', 'city', 'области', 'облысы', 'region']);

function placeKey(text: string): string {
  return normaliseHeader(text)
    .split(' ')
    .filter((w) => w !== '' && !PLACE_WORDS.has(w))
    .join(' ');
}

function lookup<T extends string>(entries: readonly [T, readonly string[]][], key: (s: string) => string): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [id, names] of entries) for (const n of names) if (key(n) !== '') map.set(key(n), id);
  // Registers repeat the same few names thousands of times: each distinct text is keyed once.
  const seen = new Map<string, T | null>();
  return (text) => {
    let found = seen.get(text);
    if (found === undefined) {
      found = map.get(key(text)) ?? null;
      if (seen.size < 10_000) seen.set(text, found);
    }
    return found;
  };
}

/** The district id of a name in any language («Алгинский район», «Алға ауданы», «г. Актобе», an id); null when unknown. */
export const findDistrict = lookup(
  DISTRICTS.map((d) => [d.id, [d.id, ...LANGS.map((l) => d.name[l])]] as [string, string[]]),
  placeKey,
);

/** The zone id of a name in any language («СЭЗ «Актобе»», «Ақтөбе АЭА», an id); null when unknown. */
export const findZone = lookup(
  ZONES.map((z) => [z.id, [z.id, ...LANGS.map((l) => z.name[l])]] as [string, string[]]),
  normaliseHeader,
);

const findOkedByName = lookup(
  OKED_SECTIONS.map((s) => [s.code, LANGS.map((l) => s.name[l])] as [OkedCode, string[]]),
  normaliseHeader,
);

/** The ОКЭД section of a letter («C»), a letter with its name («C — Обрабатывающая…») or a name; null when unknown. */
export function findOked(text: string): OkedCode | null {
  const letter = /^\s*([A-Ua-u])(?:\s*$|\s*[-—–.:)]|\s+\p{L})/u.exec(text);
  if (letter?.[1]) {
    const code = letter[1].toUpperCase() as OkedCode;
    if (OKED_SECTIONS.some((s) => s.code === code)) return code;
  }
  return findOkedByName(text);
}

/** Stage names as the three UI languages write them (kept in step with the UI's `stage.*` strings). */
const STAGE_NAMES: Record<Stage, readonly string[]> = {
  idea: ['Идея', 'idea'],
  negotiation: ['Переговоры', 'Келіссөздер', 'Negotiation'],
  design: ['Проектирование', 'Жобалау', 'Design'],
  construction: ['Строительство', 'Құрылыс', 'Construction', 'Реализация'],
  commissioning: ['Ввод в эксплуатацию', 'Пайдалануға беру', 'Commissioning'],
  operating: ['Действующий', 'Действует', 'Введён', 'Введен в эксплуатацию', 'Жұмыс істеп тұр', 'Operating'],
  suspended: ['Приостановлен', 'Тоқтатылған', 'Suspended'],
  cancelled: ['Отменён', 'Күші жойылған', 'Cancelled', 'Canceled'],
};
const STATUS_NAMES: Record<ProjectStatus, readonly string[]> = {
  on_track: ['По графику', 'Кесте бойынша', 'On track'],
  at_risk: ['Под угрозой', 'Қауіп төніп тұр', 'At risk'],
  blocked: ['Заблокирован', 'Бұғатталған', 'Blocked'],
};

/** The stage of a name in any language, or its id; null when unknown. */
export const findStage = lookup(STAGES.map((s) => [s, [s, ...STAGE_NAMES[s]]] as [Stage, string[]]), normaliseHeader);
/** The status of a name in any language, or its id; null when unknown. */
export const findStatus = lookup(STATUSES.map((s) => [s, [s, ...STATUS_NAMES[s]]] as [ProjectStatus, string[]]), normaliseHeader);
