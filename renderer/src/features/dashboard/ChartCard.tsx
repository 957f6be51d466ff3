// One chart of the dashboard: its title and units, the chart or its data as a table (for screen
// readers and for copying), PNG and SVG export, and an empty state that says what to enter.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconFileTypePng, IconFileTypeSvg } from '@tabler/icons-react';
import { todayIso } from '@shared/locale/dates';
import { exportChart } from './chart-export';

export type ChartTable = {
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[]; onOpen?: (() => void) | undefined }[];
};

export function ChartCard(props: {
  id: string;
  title: string;
  units: string;
  empty: boolean;
  emptyText: string;
  table: ChartTable;
  height?: number;
  hint?: string | undefined;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chartRef = useRef<HTMLDivElement>(null);
  const headingId = `chart-${props.id}-title`;
  const save = async (format: 'png' | 'svg') => {
    if (!chartRef.current) return;
    try {
      const name = await exportChart(chartRef.current, props.title, `${props.id}-${todayIso(Date.now())}`, format);
      notifications.show({ color: 'teal', message: t('dashboard.card.exported', { name }) });
    } catch (e) {
      notifications.show({ color: 'red', message: t('dashboard.card.exportFailed', { message: (e as Error).message }) });
    }
  };
  const showChart = view === 'chart' && !props.empty;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid={`chart-${props.id}`} className="dashboard-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h5" id={headingId}>{props.title}</Title>
            <Text size="xs" c="dimmed">{props.units}</Text>
          </div>
          <Group gap={4} wrap="nowrap">
            {props.extra}
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => setView(v as 'chart' | 'table')}
              data={[{ value: 'chart', label: t('dashboard.card.chart') }, { value: 'table', label: t('dashboard.card.table') }]}
              aria-label={t('dashboard.card.view')}
              data-testid={`chart-${props.id}-view`}
            />
            <Tooltip label={t('dashboard.card.exportPng', { title: props.title })}>
              <ActionIcon variant="default" size="md" disabled={!showChart} onClick={() => void save('png')} aria-label={t('dashboard.card.exportPng', { title: props.title })} data-testid={`chart-${props.id}-png`}>
                <IconFileTypePng size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('dashboard.card.exportSvg', { title: props.title })}>
              <ActionIcon variant="default" size="md" disabled={!showChart} onClick={() => void save('svg')} aria-label={t('dashboard.card.exportSvg', { title: props.title })} data-testid={`chart-${props.id}-svg`}>
                <IconFileTypeSvg size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {props.empty ? (
          <Text size="sm" c="dimmed" py="lg" ta="center" data-testid={`chart-${props.id}-empty`}>{props.emptyText}</Text>
        ) : view === 'chart' ? (
          <>
            <div ref={chartRef} style={{ height: props.height ?? 280 }} data-testid={`chart-${props.id}-plot`}>{props.children}</div>
            {props.hint && <Text size="xs" c="dimmed">{props.hint}</Text>}
          </>
        ) : (
          <Table.ScrollContainer minWidth={300} maxHeight={props.height ?? 280}>
            <Table striped withTableBorder fz="sm" data-testid={`chart-${props.id}-table`}>
              <Table.Caption>{props.title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {props.table.columns.map((c) => <Table.Th key={c} scope="col">{c}</Table.Th>)}
                  {props.table.rows.some((r) => r.onOpen) && <Table.Th scope="col"><VisuallyHidden>{t('dashboard.card.openBoard')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.table.rows.map((r) => (
                  <Table.Tr key={r.key}>
                    {r.cells.map((c, i) => (i === 0 ? <Table.Th key={i} scope="row" fw={400}>{c}</Table.Th> : <Table.Td key={i}>{c}</Table.Td>))}
                    {r.onOpen && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" leftSection={<IconExternalLink size={14} />} onClick={r.onOpen}>{t('dashboard.card.openBoard')}</Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
