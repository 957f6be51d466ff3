// Export settings of a workspace (кept in its settings): organization names per language, the page
// (font, margins — 20/10/20/20 mm or a 30 mm left margin for binding —, line spacing), the «ДСП»
// mark, and the record-keeping wording a clerk may change (e.g. ПОСТАНОВИЛИ for РЕШИЛИ).
import { z } from 'zod';
import type { DocLang } from '../domain/meeting.schema';
import { MINUTES_HEADINGS, type MinutesHeadings } from '../domain/minutes-outline';
import { DEFAULT_PAGE, pageSchema, type PageSettings } from './document.schema';

const word = z.string().trim().min(1).max(300);
const wordingSchema = z.object({
  organization: word, title: word, chair: word, secretary: word, present: word, invited: word,
  agenda: word, heard: word, spoke: word, decided: word, responsible: word, deadline: word,
}).partial().strict();
export type Wording = z.infer<typeof wordingSchema>;

export const exportSettingsSchema = z.object({
  page: pageSchema,
  /** Word overrides per document language (the organization's name among them). */
  wording: z.object({ ru: wordingSchema, kk: wordingSchema }).strict(),
  /** Print the «ДСП» mark (для служебного пользования / қызмет бабында пайдалану үшін). */
  restricted: z.boolean(),
  /** The header names the organization in both languages (the document's first), as bilingual letterheads do. */
  bilingualHeader: z.boolean().optional(),
}).strict();
export type ExportSettings = z.infer<typeof exportSettingsSchema>;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { page: DEFAULT_PAGE, wording: { ru: {}, kk: {} }, restricted: false };

/** The mark as each language prints it. */
export const RESTRICTED_MARK: Readonly<Record<DocLang, string>> = { ru: 'ДСП', kk: 'ҚБП' };

/** The wording of a document in `lang`: the rules' words with the workspace's overrides. */
export function wordingFor(settings: ExportSettings, lang: DocLang): MinutesHeadings {
  const own = Object.entries(settings.wording[lang]).filter((e): e is [string, string] => typeof e[1] === 'string');
  return { ...MINUTES_HEADINGS[lang], ...Object.fromEntries(own) };
}

/** The organization's name as the header prints it: in the document's language, then in the other one when the header is bilingual. */
export function organizationLines(settings: ExportSettings, lang: DocLang): string[] {
  const own = wordingFor(settings, lang).organization;
  if (!settings.bilingualHeader) return [own];
  const other = wordingFor(settings, lang === 'kk' ? 'ru' : 'kk').organization;
  return other === own ? [own] : [own, other];
}

/** The page of a document in `lang`: the settings' page with the ДСП mark when asked for. */
export function pageFor(settings: ExportSettings, lang: DocLang): PageSettings {
  const { restrictedMark: _none, ...page } = settings.page;
  return settings.restricted ? { ...page, restrictedMark: RESTRICTED_MARK[lang] } : page;
}

/** Reads stored settings; the defaults for nothing or anything that does not parse. */
export function parseExportSettings(value: unknown): ExportSettings {
  const parsed = exportSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_EXPORT_SETTINGS;
}
