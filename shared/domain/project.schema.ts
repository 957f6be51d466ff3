// The investment project of the register (инвестиционный проект): its fields, enums and
// validation. The zod schema is the type; the UI, the repository and sync all use it.
import { z } from 'zod';
import { binIssue, checkBin } from './bin';
import { OKED_CODES } from './oked';
import { REGIONS, DISTRICTS, ZONES } from '../geo/regions';
import { parseDate } from '../locale/dates';
import { isoInstant, recordMeta, uuidV7 } from './record';
import { optionalText, plainText, requiredLine } from './text';

/** Stages of a project's life (стадия). */
export const STAGES = ['idea', 'negotiation', 'design', 'construction', 'commissioning', 'operating', 'suspended', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

/** Status of a project against its plan (статус). */
export const STATUSES = ['on_track', 'at_risk', 'blocked'] as const;
export type ProjectStatus = (typeof STATUSES)[number];

/** Kinds of barriers (проблемные вопросы). */
export const BARRIER_KINDS = ['land', 'gas', 'power', 'water', 'roads', 'permits', 'financing', 'other'] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

type RecordMetaOf<T> = z.infer<typeof recordMeta> & T;

const isoDate = z.string().refine((s) => parseDate(s) === s, { error: 'invalid_date' });
const optionalIsoDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());
const count = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.number({ error: 'not_a_number' }).int({ error: 'not_integer' }).min(0, { error: 'negative' }).max(10_000_000, { error: 'too_big' }).optional(),
);
const tenge = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.number({ error: 'not_a_number' }).min(0, { error: 'negative' }).max(1e16, { error: 'too_big' }).optional(),
);

/**
 * A barrier of a project (проблемный вопрос): a record of its own synced table that points to its
 * project, so two clerks who each add one offline both keep theirs.
 */
export const barrierFieldsSchema = z
  .object({
    projectId: uuidV7,
    kind: z.enum(BARRIER_KINDS, { error: 'required' }),
    text: plainText(2000).pipe(z.string().min(1, { error: 'required' })),
    openedOn: isoDate,
    resolvedOn: optionalIsoDate,
  })
  .superRefine((b, ctx) => {
    if (b.resolvedOn && b.resolvedOn < b.openedOn) ctx.addIssue({ code: 'custom', path: ['resolvedOn'], message: 'before_opened' });
  });
export type BarrierFieldsInput = z.input<typeof barrierFieldsSchema>;
export type BarrierFields = z.output<typeof barrierFieldsSchema>;
export type Barrier = RecordMetaOf<BarrierFields>;

/** One change of a project's stage (журнал стадий): a record of its own, written by the repository. */
export const stageLogFieldsSchema = z.object({
  projectId: uuidV7,
  at: isoInstant,
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  by: z.string().max(200),
});
export type StageLogFields = z.output<typeof stageLogFieldsSchema>;
export type StageLogEntry = RecordMetaOf<StageLogFields>;

const bin = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v),
  z.union([z.literal(''), z.string().refine((s) => checkBin(s).ok, { error: (issue) => binIssue(String(issue.input)) ?? 'invalid_bin' })]).optional(),
).transform((v) => (v === '' ? undefined : v));

const regionIds = new Set(REGIONS.map((r) => r.id));
const districtRegion = new Map(DISTRICTS.map((d) => [d.id, d.regionId]));
const zoneRegion = new Map(ZONES.map((z) => [z.id, z.regionId]));

/** The fields a clerk edits; everything but the record meta. */
export const projectFieldsSchema = z
  .object({
    title: requiredLine(300),
    investorName: requiredLine(300),
    investorBin: bin,
    /** ISO 3166-1 alpha-2 code of the investor's country. */
    investorCountry: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Z]{2}$/, { error: 'invalid_country' }).optional()),
    okedSection: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(OKED_CODES).optional()),
    regionId: z.string({ error: 'required' }).refine((id) => regionIds.has(id), { error: 'required' }),
    districtId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
    settlement: optionalText(200),
    zoneId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
    investmentTenge: tenge,
    /** Share of foreign investment, per cent. */
    foreignSharePct: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.number({ error: 'not_a_number' }).min(0, { error: 'negative' }).max(100, { error: 'max_100' }).optional(),
    ),
    jobsConstructionPlanned: count,
    jobsConstructionCreated: count,
    jobsPermanentPlanned: count,
    jobsPermanentCreated: count,
    capacity: optionalText(1000),
    stage: z.enum(STAGES, { error: 'required' }),
    status: z.enum(STATUSES, { error: 'required' }),
    startDate: optionalIsoDate,
    plannedCommissioningDate: optionalIsoDate,
    actualCommissioningDate: optionalIsoDate,
    supportMeasures: optionalText(5000),
    curatorId: z.preprocess((v) => (v === '' || v === null ? undefined : v), uuidV7.optional()),
    notes: optionalText(10_000),
    /** A set: each tag is added or removed under its own clock (shared/sync/contract.ts SET_FIELDS). */
    tags: z
      .array(requiredLine(60))
      .max(30, { error: 'too_many' })
      .refine((tags) => new Set(tags.map((t) => t.toLocaleLowerCase('ru'))).size === tags.length, { error: 'duplicate_tag' }),
  })
  .superRefine((p, ctx) => {
    if (p.districtId !== undefined && districtRegion.get(p.districtId) !== p.regionId) {
      ctx.addIssue({ code: 'custom', path: ['districtId'], message: 'district_region' });
    }
    if (p.zoneId !== undefined && zoneRegion.get(p.zoneId) !== p.regionId) {
      ctx.addIssue({ code: 'custom', path: ['zoneId'], message: 'zone_region' });
    }
    if (p.startDate && p.plannedCommissioningDate && p.plannedCommissioningDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['plannedCommissioningDate'], message: 'before_start' });
    }
    if (p.startDate && p.actualCommissioningDate && p.actualCommissioningDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['actualCommissioningDate'], message: 'before_start' });
    }
  });

export type ProjectFieldsInput = z.input<typeof projectFieldsSchema>;
export type ProjectFields = z.output<typeof projectFieldsSchema>;

export const projectSchema = z.intersection(recordMeta, projectFieldsSchema);
export type Project = RecordMetaOf<ProjectFields>;

/** A blank project as the "new project" form starts it. */
export function emptyProjectFields(regionId: string): ProjectFieldsInput {
  return { title: '', investorName: '', regionId, stage: 'idea', status: 'on_track', tags: [] };
}

/** Days a barrier has been (or was) open, as of `today`. */
export function barrierDaysOpen(b: Pick<Barrier, 'openedOn' | 'resolvedOn'>, today: string): number {
  const end = b.resolvedOn ?? today;
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${b.openedOn}T00:00:00Z`)) / 86_400_000));
}

/** The barriers among `barriers` that are still open (not resolved, not deleted). */
export function openBarriers<B extends Pick<Barrier, 'resolvedOn' | 'deletedAt'>>(barriers: readonly B[]): B[] {
  return barriers.filter((b) => !b.resolvedOn && !b.deletedAt);
}
