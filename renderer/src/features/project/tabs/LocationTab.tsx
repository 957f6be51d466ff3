// The card's location tab: region, district, settlement, SEZ or industrial zone.
import { Select, Stack, TextInput } from '@mantine/core';
import { REGIONS, districtsOf, ZONES } from '@shared/geo/regions';
import { workspaceRegion } from '../../../app/services';
import { selectProps, type TabProps } from '../card-fields';

export function LocationTab({ form, t, lang, textProps }: TabProps) {
  const regionId = form.getValues().regionId;
  const districts = districtsOf(regionId);
  const zones = ZONES.filter((z) => z.regionId === regionId);
  return (
    <Stack gap="sm">
      <Select label={t('fields.regionId')} withAsterisk data={REGIONS.map((r) => ({ value: r.id, label: r.name[lang] }))} allowDeselect={false} searchable comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('regionId')}
        onChange={(val) => { form.setFieldValue('regionId', val ?? workspaceRegion()); form.setFieldValue('districtId', null); form.setFieldValue('zoneId', null); }} />
      <Select label={t('fields.districtId')} data={districts.map((d) => ({ value: d.id, label: d.name[lang] }))} disabled={districts.length === 0} {...selectProps} {...form.getInputProps('districtId')} data-testid="field-districtId" />
      <TextInput label={t('fields.settlement')} {...textProps('settlement', 400)} />
      <Select label={t('fields.zoneId')} data={zones.map((z) => ({ value: z.id, label: z.name[lang] }))} disabled={zones.length === 0} {...selectProps} {...form.getInputProps('zoneId')} data-testid="field-zoneId" />
    </Stack>
  );
}
