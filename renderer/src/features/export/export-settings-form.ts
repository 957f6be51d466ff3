// The export settings as the settings page edits them: plain form values (numbers as typed, an
// empty word meaning «the rules' word»), turned into checked settings or into a message per field.
import { MINUTES_HEADINGS } from '@shared/domain/minutes-outline';
import type { DocLang } from '@shared/domain/meeting.schema';
import { exportSettingsSchema, type ExportSettings, type Wording } from '@shared/export/export-settings';

/** The words a clerk may change, in the order the form shows them. */
export const WORDING_KEYS = ['organization', 'title', 'chair', 'secretary', 'heard', 'spoke', 'decided', 'responsible', 'deadline'] as const;
export type WordingKey = (typeof WORDING_KEYS)[number];

export type ExportSettingsForm = {
  font: string;
  fontSizePt: string;
  marginTop: string;
  marginRight: string;
  marginBottom: string;
  marginLeft: string;
  lineSpacing: string;
  restricted: boolean;
  bilingualHeader: boolean;
  wording: Record<DocLang, Record<WordingKey, string>>;
};

export type ExportSettingsField = Exclude<keyof ExportSettingsForm, 'wording' | 'restricted' | 'bilingualHeader'> | `wording.${DocLang}.${WordingKey}`;
/** i18n keys of the problems, under settings.export.errors. */
export type ExportSettingsProblem = 'required' | 'number' | 'margin' | 'fontSize' | 'lineSpacing' | 'tooLong';

const num = (v: number) => String(v).replace('.', ',');

export function exportSettingsForm(s: ExportSettings): ExportSettingsForm {
  const words = (lang: DocLang) => Object.fromEntries(WORDING_KEYS.map((k) => [k, s.wording[lang][k] ?? ''])) as Record<WordingKey, string>;
  return {
    font: s.page.font,
    fontSizePt: num(s.page.fontSizePt),
    marginTop: num(s.page.margins.top),
    marginRight: num(s.page.margins.right),
    marginBottom: num(s.page.margins.bottom),
    marginLeft: num(s.page.margins.left),
    lineSpacing: num(s.page.lineSpacing),
    restricted: s.restricted,
    bilingualHeader: s.bilingualHeader ?? false,
    wording: { ru: words('ru'), kk: words('kk') },
  };
}

/** The rules' own word (what an empty field means). */
export function defaultWord(lang: DocLang, key: WordingKey): string {
  return MINUTES_HEADINGS[lang][key];
}

function parseNum(v: string): number | null {
  const s = v.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Checked settings, or a problem per field (nothing to store then). */
export function readExportSettingsForm(f: ExportSettingsForm): { ok: true; settings: ExportSettings } | { ok: false; problems: Partial<Record<ExportSettingsField, ExportSettingsProblem>> } {
  const problems: Partial<Record<ExportSettingsField, ExportSettingsProblem>> = {};
  const number = (field: ExportSettingsField, v: string, min: number, max: number, range: ExportSettingsProblem): number => {
    const n = parseNum(v);
    if (v.trim() === '') problems[field] = 'required';
    else if (n === null) problems[field] = 'number';
    else if (n < min || n > max) problems[field] = range;
    return n ?? 0;
  };
  const font = f.font.trim();
  if (!font) problems.font = 'required';
  else if (font.length > 60) problems.font = 'tooLong';
  const fontSizePt = number('fontSizePt', f.fontSizePt, 8, 20, 'fontSize');
  const margins = {
    top: number('marginTop', f.marginTop, 5, 60, 'margin'),
    right: number('marginRight', f.marginRight, 5, 60, 'margin'),
    bottom: number('marginBottom', f.marginBottom, 5, 60, 'margin'),
    left: number('marginLeft', f.marginLeft, 5, 60, 'margin'),
  };
  const lineSpacing = number('lineSpacing', f.lineSpacing, 1, 3, 'lineSpacing');
  const wording = { ru: {} as Wording, kk: {} as Wording };
  for (const lang of ['ru', 'kk'] as const) {
    for (const key of WORDING_KEYS) {
      const v = f.wording[lang][key].trim();
      if (v.length > 300) problems[`wording.${lang}.${key}`] = 'tooLong';
      else if (v && v !== defaultWord(lang, key)) wording[lang][key] = v;
    }
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  const parsed = exportSettingsSchema.safeParse({
    page: { font, fontSizePt, margins, lineSpacing }, wording, restricted: f.restricted, ...(f.bilingualHeader ? { bilingualHeader: true } : {}),
  });
  // Every rule of the schema is checked above with its own message; this is the last guard.
  if (!parsed.success) return { ok: false, problems: { font: 'required' } };
  return { ok: true, settings: parsed.data };
}
