// The column mappings a clerk chose, remembered for the next import: header text (normalised) →
// field and unit, kept under one key of the workspace's settings table.
import { z } from 'zod';
import { IMPORT_FIELD_IDS, guessMapping, normaliseHeader, type ColumnMapping, type ImportFieldId } from '@shared/import/fields';
import type { HattamaDb } from '../../db/db';

export const IMPORT_MAPPING_KEY = 'importMappings';
const MAX_REMEMBERED = 500;

const rememberedSchema = z.record(
  z.string().max(500),
  z.object({ field: z.enum(IMPORT_FIELD_IDS as [ImportFieldId, ...ImportFieldId[]]).nullable(), scale: z.number().positive().max(1e12) }),
);
type Remembered = z.infer<typeof rememberedSchema>;

async function load(db: HattamaDb): Promise<Remembered> {
  const parsed = rememberedSchema.safeParse((await db.settings.get(IMPORT_MAPPING_KEY))?.value);
  return parsed.success ? parsed.data : {};
}

/** The mapping for these headers: what the clerk chose for each header before, else the guess. */
export async function initialMapping(db: HattamaDb, headers: readonly string[]): Promise<ColumnMapping> {
  const remembered = await load(db);
  const guess = guessMapping(headers);
  const out = headers.map((h, i) => remembered[normaliseHeader(h)] ?? guess[i] ?? { field: null, scale: 1 });
  // A field remembered for one header and guessed for another: the remembered one keeps it.
  const rememberedFields = new Set(headers.flatMap((h) => remembered[normaliseHeader(h)]?.field ?? []));
  return out.map((m, i) => (remembered[normaliseHeader(headers[i] ?? '')] || m.field === null || !rememberedFields.has(m.field) ? m : { field: null, scale: 1 }));
}

/** Remembers the mapping of these headers (the newest choices win; the oldest are forgotten past a limit). */
export async function rememberMapping(db: HattamaDb, headers: readonly string[], mapping: ColumnMapping): Promise<void> {
  const remembered = await load(db);
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    const m = mapping[i];
    if (!key || !m) return;
    delete remembered[key];
    remembered[key] = { field: m.field, scale: m.scale };
  });
  const entries = Object.entries(remembered).slice(-MAX_REMEMBERED);
  await db.settings.put({ key: IMPORT_MAPPING_KEY, value: Object.fromEntries(entries) });
}
