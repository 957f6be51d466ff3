// The export settings of the workspace, a section of the settings page: organization names (ru/kk),
// the DOCX font and size, margins (with the 30 mm binding margin), line spacing, the ДСП mark, a
// bilingual header and the wording a clerk may change. Saved only when every field is right.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DocLang } from '@shared/domain/meeting.schema';
import { DEFAULT_EXPORT_SETTINGS } from '@shared/export/export-settings';
import { useApp } from '../../app/app-context';
import { saveExportSettings, useExportSettings } from './export-settings-store';
import {
  defaultWord, exportSettingsForm, readExportSettingsForm, WORDING_KEYS,
  type ExportSettingsField, type ExportSettingsForm, type ExportSettingsProblem, type WordingKey,
} from './export-settings-form';

const FONTS = ['Times New Roman', 'Arial', 'Calibri', 'PT Serif', 'PT Astra Serif'];
const SPACINGS = ['1', '1,15', '1,5', '2'];

export function ExportSettingsSection() {
  const { t } = useTranslation();
  const { db } = useApp();
  const stored = useExportSettings(db);
  const [form, setForm] = useState<ExportSettingsForm>(() => exportSettingsForm(stored));
  const [problems, setProblems] = useState<Partial<Record<ExportSettingsField, ExportSettingsProblem>>>({});
  const [dirty, setDirty] = useState(false);
  // What is stored shows until the clerk starts changing it.
  useEffect(() => {
    if (!dirty) setForm(exportSettingsForm(stored));
  }, [stored, dirty]);

  const set = (patch: Partial<ExportSettingsForm>) => {
    setDirty(true);
    setForm((f) => ({ ...f, ...patch }));
  };
  const setWord = (lang: DocLang, key: WordingKey, value: string) => {
    setDirty(true);
    setForm((f) => ({ ...f, wording: { ...f.wording, [lang]: { ...f.wording[lang], [key]: value } } }));
  };
  const err = (field: ExportSettingsField) => (problems[field] ? t(`export.settings.errors.${problems[field]}`) : undefined);

  const save = async () => {
    const read = readExportSettingsForm(form);
    if (!read.ok) {
      setProblems(read.problems);
      notifications.show({ color: 'red', message: t('export.settings.errors.fix') });
      return;
    }
    setProblems({});
    await saveExportSettings(db, read.settings);
    setDirty(false);
    notifications.show({ color: 'teal', message: t('export.settings.saved') });
  };

  const margin = (field: 'marginTop' | 'marginRight' | 'marginBottom' | 'marginLeft', label: string) => (
    <TextInput label={label} value={form[field]} onChange={(e) => set({ [field]: e.currentTarget.value })} error={err(field)} w={90} inputMode="decimal" data-testid={`export-${field}`} />
  );

  return (
    <Paper withBorder p="md" data-testid="export-settings">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">{t('export.settings.title')}</Title>
          <Text size="sm" c="dimmed">{t('export.settings.hint')}</Text>
        </div>
        <Group align="flex-start" gap="md">
          <Select label={t('export.settings.font')} data={FONTS.includes(form.font) ? FONTS : [...FONTS, form.font]} value={form.font} onChange={(v) => set({ font: v ?? '' })} error={err('font')} w={220} allowDeselect={false} data-testid="export-font" />
          <TextInput label={t('export.settings.fontSize')} value={form.fontSizePt} onChange={(e) => set({ fontSizePt: e.currentTarget.value })} error={err('fontSizePt')} w={110} inputMode="decimal" data-testid="export-fontSizePt" />
          <Select label={t('export.settings.lineSpacing')} data={SPACINGS.includes(form.lineSpacing) ? SPACINGS : [...SPACINGS, form.lineSpacing]} value={form.lineSpacing} onChange={(v) => set({ lineSpacing: v ?? '1' })} error={err('lineSpacing')} w={200} allowDeselect={false} data-testid="export-lineSpacing" />
        </Group>
        <div>
          <Text size="sm" fw={500}>{t('export.settings.margins')}</Text>
          <Group align="flex-end" gap="sm">
            {margin('marginTop', t('export.settings.top'))}
            {margin('marginRight', t('export.settings.right'))}
            {margin('marginBottom', t('export.settings.bottom'))}
            {margin('marginLeft', t('export.settings.left'))}
            <Button variant="default" size="xs" mb={4} onClick={() => set({ marginTop: '20', marginRight: '10', marginBottom: '20', marginLeft: '20' })}>{t('export.settings.standard')}</Button>
            <Button variant="default" size="xs" mb={4} onClick={() => set({ marginLeft: '30' })} data-testid="export-binding">{t('export.settings.binding')}</Button>
          </Group>
        </div>
        <Checkbox label={t('export.settings.restricted')} checked={form.restricted} onChange={(e) => set({ restricted: e.currentTarget.checked })} data-testid="export-restricted" />
        <Checkbox label={t('export.settings.bilingual')} checked={form.bilingualHeader} onChange={(e) => set({ bilingualHeader: e.currentTarget.checked })} data-testid="export-bilingual" />
        <div>
          <Text size="sm" fw={500}>{t('export.settings.wording')}</Text>
          <Text size="xs" c="dimmed">{t('export.settings.wordingHint')}</Text>
          <Table withRowBorders={false} verticalSpacing={4} mt={4}>
            <Table.Thead>
              <Table.Tr><Table.Th /><Table.Th>{t('export.settings.wordRu')}</Table.Th><Table.Th>{t('export.settings.wordKk')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {WORDING_KEYS.map((key) => (
                <Table.Tr key={key}>
                  <Table.Td><Text size="sm">{key === 'organization' ? t('export.settings.organization') : t(`export.settings.words.${key}`)}</Text></Table.Td>
                  {(['ru', 'kk'] as const).map((lang) => (
                    <Table.Td key={lang}>
                      <TextInput
                        size="xs"
                        aria-label={`${t(`export.settings.words.${key}`)} (${lang === 'kk' ? t('export.settings.wordKk') : t('export.settings.wordRu')})`}
                        placeholder={defaultWord(lang, key)}
                        value={form.wording[lang][key]}
                        onChange={(e) => setWord(lang, key, e.currentTarget.value)}
                        error={err(`wording.${lang}.${key}`)}
                        data-testid={`export-word-${lang}-${key}`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Group>
          <Button onClick={() => void save()} data-testid="export-settings-save">{t('export.settings.save')}</Button>
          <Button variant="default" onClick={() => { setProblems({}); set(exportSettingsForm(DEFAULT_EXPORT_SETTINGS)); }}>{t('export.settings.reset')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
