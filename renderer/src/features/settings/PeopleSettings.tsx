// The people of the region a clerk can name as a project's curator: list, add, remove with undo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { aliveRows } from '../../db/db';
import { ValidationError } from '../../db/repository';
import { workspaceRegion } from '../../app/services';

export function PeopleSettings() {
  const { t } = useTranslation();
  const { db, repos } = useApp();
  const people = useLiveQuery(() => aliveRows(db.people).toArray(), [db]) ?? [];
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = async () => {
    try {
      const p = await repos.people.create({ fullName, position, regionId: workspaceRegion() });
      setFullName('');
      setPosition('');
      setErrors({});
      notifications.show({ color: 'teal', message: t('settings.personAdded', { name: p.fullName }) });
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    }
  };

  const remove = async (id: string, name: string) => {
    await repos.people.remove(id);
    showUndoToast({ id: `person-removed-${id}`, message: t('settings.personRemoved', { name }), t, onUndo: async () => { await repos.people.restore(id); } });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('settings.people')}</Text>
          <Text size="sm" c="dimmed">{t('settings.peopleHint')}</Text>
        </div>
        {people.length === 0 ? <Text size="sm" c="dimmed">{t('settings.noPeople')}</Text> : (
          <Table data-testid="people-table">
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.fullName}</Table.Td>
                  <Table.Td>{p.position}</Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={`${t('actions.delete')}: ${p.fullName}`} onClick={() => void remove(p.id, p.fullName)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('settings.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={errors.fullName} maxLength={400} w={260} data-testid="person-name" />
            <TextInput label={t('settings.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} error={errors.position} maxLength={600} w={320} />
            <Button type="submit" mt={25} leftSection={<IconUserPlus size={16} />} data-testid="person-add">{t('settings.addPerson')}</Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
