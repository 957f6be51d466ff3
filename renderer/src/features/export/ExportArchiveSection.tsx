// «Архив выгрузок»: what was exported on this desktop (the main process's exports/index.jsonl),
// newest first, each with «Открыть» / «Показать в папке». The browser keeps no archive: not shown.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { formatDateTime } from '@shared/locale/dates';
import type { BridgeResponse } from '@shared/bridge/contract';
import { getHost } from '../../host';
import { RevealButtons } from './SavedNotice';

type Entry = BridgeResponse<'export:archive'>['entries'][number];

export function ExportArchiveSection() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ available: boolean; entries: Entry[] } | null>(null);
  const load = useCallback(async () => {
    try {
      setState(await getHost().exportArchive({ limit: 200 }));
    } catch {
      setState({ available: false, entries: [] });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!state?.available) return null;
  return (
    <Paper withBorder p="md" data-testid="export-archive">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h4">{t('export.archive.title')}</Title>
            <Text size="sm" c="dimmed">{t('export.archive.hint')}</Text>
          </div>
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void load()}>{t('export.archive.refresh')}</Button>
        </Group>
        {state.entries.length === 0 ? <Text size="sm" c="dimmed">{t('export.archive.empty')}</Text> : (
          <ScrollArea.Autosize mah={360}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('export.archive.when')}</Table.Th><Table.Th>{t('export.archive.document')}</Table.Th><Table.Th>{t('export.archive.file')}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.entries.map((e) => (
                  <Table.Tr key={`${e.at}-${e.sha256}-${e.path}`}>
                    <Table.Td><Text size="sm">{formatDateTime(e.at)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{e.document}</Text><Text size="xs" c="dimmed">{e.lang.toUpperCase()} · {e.format.toUpperCase()} · {Math.max(1, Math.round(e.bytes / 1024))} KB</Text></Table.Td>
                    <Table.Td><Text size="xs" style={{ wordBreak: 'break-all' }}>{e.path}</Text></Table.Td>
                    <Table.Td><RevealButtons path={e.archivedPath ?? e.path} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
