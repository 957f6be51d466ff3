// The people of the region a clerk can name as a project's curator: list (a page at a time, newest
// first, with a search — a region synced from the server holds thousands), add, remove with undo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Button, Group, Pagination, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { aliveRows } from '../../db/db';
import { ValidationError } from '../../db/repository';
import { workspaceRegion } from '../../app/services';

/** People shown per page. */
export const PAGE_SIZE = 50;

export function PeopleSettings() {
  const { t } = useTranslation();
  const { db, repos } = useApp();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const needle = query.trim().toLocaleLowerCase('ru');
  // Only the page shown is read (and re-read when the table changes): counting by index is cheap,
  // a search reads the rows' search text once.
  const list = useLiveQuery(async () => {
    const all = aliveRows(db.people).reverse();
    const matching = needle ? all.filter((p) => (p.search ?? `${p.fullName} ${p.position ?? ''}`.toLocaleLowerCase('ru')).includes(needle)) : all;
    const total = await matching.clone().count();
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const shown = Math.min(page, pages);
    return { total, pages, page: shown, rows: await matching.offset((shown - 1) * PAGE_SIZE).limit(PAGE_SIZE).toArray() };
  }, [db, needle, page]);
  const people = list?.rows ?? [];
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A name or position typed and not yet added: closing the window asks first.
  useWarnBeforeUnload(fullName.trim() !== '' || position.trim() !== '');

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
    <Paper withBorder p="md" data-testid="people-settings">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('settings.people')}</Text>
          <Text size="sm" c="dimmed">{t('settings.peopleHint')}</Text>
        </div>
        {(list?.total ?? 0) > PAGE_SIZE || needle ? (
          <Group justify="space-between" wrap="wrap">
            <TextInput value={query} onChange={(e) => { setQuery(e.currentTarget.value); setPage(1); }} placeholder={t('settings.peopleSearch')} aria-label={t('settings.peopleSearch')}
              leftSection={<IconSearch size={16} />} maxLength={200} w={320} data-testid="people-search" />
            <Text size="sm" c="dimmed" data-testid="people-count">{t('settings.peopleCount', { count: list?.total ?? 0 })}</Text>
          </Group>
        ) : null}
        {list && list.total === 0 ? <Text size="sm" c="dimmed">{needle ? t('settings.peopleNotFound') : t('settings.noPeople')}</Text> : (
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
        {list && list.pages > 1 && (
          <Pagination total={list.pages} value={list.page} onChange={setPage} size="sm" withEdges data-testid="people-pages"
            getControlProps={(control) => ({ 'aria-label': t(`settings.pager.${control}`) })} />
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
