// A project's history: the audit log entries of the record, newest first.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '@shared/locale/dates';
import { useMemo } from 'react';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { aliveRows } from '../../db/db';
import { auditOf } from '../../db/audit';
import { historyFieldLabel, historyValue } from './history-format';


export function ProjectHistory({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db } = useApp();
  const peopleRows = useLiveQuery(() => aliveRows(db.people).toArray(), [db]);
  const people = useMemo(() => new Map((peopleRows ?? []).map((p) => [p.id, p.fullName])), [peopleRows]);
  const entries = useLiveQuery(async () => (await auditOf(db, 'projects', projectId)).reverse(), [db, projectId]);
  if (!entries) return null;
  if (entries.length === 0) return <Text c="dimmed">{t('project.noHistory')}</Text>;
  return (
    <Stack gap="md" data-testid="project-history">
      {entries.map((e) => (
        <Stack key={`${e.seq}.${e.part}`} gap={4}>
          <Text size="sm" fw={600}>{formatDateTime(e.at)} · {t(`history.${e.action}`)} · {e.actor}</Text>
          {e.action === 'update' && (
            <Table withTableBorder fz="xs" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('history.field')}</Table.Th><Table.Th>{t('history.from')}</Table.Th><Table.Th>{t('history.to')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.changes.filter((c) => c.field !== 'stageLog').map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>{historyFieldLabel(c.field, t)}</Table.Td>
                    <Table.Td>{historyValue(c.field, c.from, lang, t, people)}</Table.Td>
                    <Table.Td>{historyValue(c.field, c.to, lang, t, people)}</Table.Td>
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
