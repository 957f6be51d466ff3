// The card's main tab: title, investor, sector, stage and status, capacity, curator, tags, texts.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Grid, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { OKED_SECTIONS } from '@shared/domain/oked';
import { STAGES, STATUSES } from '@shared/domain/project.schema';
import { useApp } from '../../../app/app-context';
import { aliveRows } from '../../../db/db';
import { COUNTRIES } from '../project-form';
import { selectProps, type TabProps } from '../card-fields';

export function MainTab({ form, t, lang, textProps }: TabProps) {
  const { db } = useApp();
  const people = useLiveQuery(() => aliveRows(db.people).toArray(), [db]) ?? [];
  const countryNames = useMemo(() => new Intl.DisplayNames([lang], { type: 'region' }), [lang]);
  return (
    <Stack gap="sm">
      <TextInput label={t('fields.title')} withAsterisk data-autofocus {...textProps('title', 600)} data-testid="field-title" />
      <TextInput label={t('fields.investorName')} withAsterisk {...textProps('investorName', 600)} data-testid="field-investorName" />
      <Grid>
        <Grid.Col span={6}>
          <TextInput label={t('fields.investorBin')} description={t('fields.investorBinHint')} inputMode="numeric" maxLength={20} {...form.getInputProps('investorBin')} data-testid="field-investorBin" />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select label={t('fields.investorCountry')} data={COUNTRIES.map((c) => ({ value: c, label: countryNames.of(c) ?? c }))} {...selectProps} {...form.getInputProps('investorCountry')} />
        </Grid.Col>
      </Grid>
      <Select label={t('fields.okedSection')} data={OKED_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} — ${s.name[lang]}` }))} {...selectProps} {...form.getInputProps('okedSection')} />
      <Grid>
        <Grid.Col span={6}>
          <Select label={t('fields.stage')} withAsterisk data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('stage')} data-testid="field-stage" />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select label={t('fields.status')} withAsterisk data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('status')} />
        </Grid.Col>
      </Grid>
      <Textarea label={t('fields.capacity')} autosize minRows={2} maxRows={5} {...textProps('capacity', 2000)} />
      <Select label={t('fields.curatorId')} data={people.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))} {...selectProps} {...form.getInputProps('curatorId')} />
      <TagsInput label={t('fields.tags')} description={t('fields.tagsHint')} maxTags={30} comboboxProps={{ withinPortal: true }} {...form.getInputProps('tags')} />
      <Textarea label={t('fields.supportMeasures')} autosize minRows={2} maxRows={6} {...textProps('supportMeasures', 10000)} />
      <Textarea label={t('fields.notes')} autosize minRows={3} maxRows={10} {...textProps('notes', 20000)} data-testid="field-notes" />
    </Stack>
  );
}
