// A project's history: the audit log entries of the record, newest first.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export function ProjectHistory({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const entries = useLiveQuery(() => db.auditLog.where('[table+recordId]').equals(['projects', projectId]).reverse().sortBy('seq'), [db, projectId]);
  if (!entries) return null;
  if (entries.length === 0) return <Text c="dimmed">{t('project.noHistory')}</Text>;
  return (
    <Stack gap="md" data-testid="project-history">
      {entries.map((e) => (
        <Stack key={e.seq} gap={4}>
          <Text size="sm" fw={600}>{formatDateTime(e.at)} · {t(`history.${e.action}`)} · {e.actor}</Text>
          {e.action === 'update' && (
            <Table withTableBorder fz="xs" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('history.field')}</Table.Th><Table.Th>{t('history.from')}</Table.Th><Table.Th>{t('history.to')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>{t(`fields.${c.field}`, { defaultValue: c.field })}</Table.Td>
                    <Table.Td>{show(c.from)}</Table.Td>
                    <Table.Td>{show(c.to)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
