// The workspace's export settings as the settings page keeps them: what the clerk types is checked
// field by field (nothing stored on a mistake), stored in the settings table, and what is stored
// reaches the documents — the DOCX's XML carries the margin, the font, the words and the marks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../db/harness';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-settings';
import { renderDocx } from '../../../shared/export/render-docx';
import { exportSettingsForm, readExportSettingsForm } from '../../../renderer/src/features/export/export-settings-form';
import { EXPORT_SETTINGS_KEY, loadExportSettings, saveExportSettings } from '../../../renderer/src/features/export/export-settings-store';
import { fixtureMinutes } from '../../integration/export/fixture';
import { docxPart, tempDir, writeBytes } from '../../integration/export/read-back';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('export settings', () => {
  it('a changed setting reaches the DOCX XML: 30 mm left margin, font, ПОСТАНОВИЛИ, ДСП, the header in both languages', async () => {
    const form = exportSettingsForm(DEFAULT_EXPORT_SETTINGS);
    form.marginLeft = '30';
    form.font = 'Arial';
    form.fontSizePt = '13';
    form.lineSpacing = '1,5';
    form.restricted = true;
    form.bilingualHeader = true;
    form.wording.ru.decided = 'ПОСТАНОВИЛИ';
    form.wording.ru.organization = 'Региональный инвестиционный штаб Актюбинской области';
    form.wording.kk.organization = 'Ақтөбе облысының өңірлік инвестициялық штабы';
    const read = readExportSettingsForm(form);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    await saveExportSettings(h.db, read.settings);

    const stored = await loadExportSettings(h.db);
    const file = writeBytes(tempDir('hattama-export-settings-'), 'm.docx', await renderDocx(fixtureMinutes('ru', {}, stored)));
    const body = docxPart(file, 'word/document.xml');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1701"/);
    expect(body).toContain('ПОСТАНОВИЛИ:');
    expect(body).not.toContain('РЕШИЛИ:');
    expect(body).toContain('>ДСП<');
    expect(body).toContain('РЕГИОНАЛЬНЫЙ ИНВЕСТИЦИОННЫЙ ШТАБ АКТЮБИНСКОЙ ОБЛАСТИ');
    expect(body).toContain('АҚТӨБЕ ОБЛЫСЫНЫҢ ӨҢІРЛІК ИНВЕСТИЦИЯЛЫҚ ШТАБЫ');
    const styles = docxPart(file, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(styles).toContain('<w:sz w:val="26"/>');
    expect(styles).toMatch(/<w:spacing [^>]*w:line="360"/);
    // The form shows what is stored.
    expect(exportSettingsForm(stored)).toMatchObject({ marginLeft: '30', font: 'Arial', lineSpacing: '1,5', restricted: true, bilingualHeader: true });
  });

  it('wrong values get a message each and nothing is stored', async () => {
    const form = exportSettingsForm(DEFAULT_EXPORT_SETTINGS);
    form.marginLeft = '2';
    form.marginTop = 'двадцать';
    form.font = '  ';
    form.fontSizePt = '';
    form.lineSpacing = '4';
    form.wording.kk.decided = 'Ш'.repeat(301);
    const read = readExportSettingsForm(form);
    expect(read).toEqual({
      ok: false,
      problems: { marginLeft: 'margin', marginTop: 'number', font: 'required', fontSizePt: 'required', lineSpacing: 'lineSpacing', 'wording.kk.decided': 'tooLong' },
    });
    expect(await h.db.settings.get(EXPORT_SETTINGS_KEY)).toBeUndefined();
    await expect(saveExportSettings(h.db, { ...DEFAULT_EXPORT_SETTINGS, page: { ...DEFAULT_EXPORT_SETTINGS.page, fontSizePt: 99 } })).rejects.toThrow();
    expect(await h.db.settings.get(EXPORT_SETTINGS_KEY)).toBeUndefined();
  });

  it('a word left as the rules have it is not stored as an override; stored garbage reads as the defaults', async () => {
    const form = exportSettingsForm(DEFAULT_EXPORT_SETTINGS);
    form.wording.ru.decided = 'РЕШИЛИ';
    const read = readExportSettingsForm(form);
    expect(read.ok && read.settings.wording.ru).toEqual({});
    await h.db.settings.put({ key: EXPORT_SETTINGS_KEY, value: { page: 'A5' } });
    expect(await loadExportSettings(h.db)).toEqual(DEFAULT_EXPORT_SETTINGS);
  });
});
