// The workspace's export settings, kept under one key of its settings table: read (defaults for
// nothing stored or anything that no longer parses) and written only after validation.
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_EXPORT_SETTINGS, exportSettingsSchema, parseExportSettings, type ExportSettings } from '@shared/export/export-settings';
import type { HattamaDb } from '../../db/db';

export const EXPORT_SETTINGS_KEY = 'exportSettings';

/** The stored settings (the defaults when none). */
export async function loadExportSettings(db: HattamaDb): Promise<ExportSettings> {
  return parseExportSettings((await db.settings.get(EXPORT_SETTINGS_KEY))?.value);
}

/** Stores `settings` after checking them; throws (and stores nothing) when they do not parse. */
export async function saveExportSettings(db: HattamaDb, settings: ExportSettings): Promise<void> {
  await db.settings.put({ key: EXPORT_SETTINGS_KEY, value: exportSettingsSchema.parse(settings) });
}

/** The settings as they change (the defaults while loading). */
export function useExportSettings(db: HattamaDb): ExportSettings {
  return useLiveQuery(() => loadExportSettings(db), [db]) ?? DEFAULT_EXPORT_SETTINGS;
}
