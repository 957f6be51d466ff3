// An assignment's history: its deadline extensions (from → to, the reason, when and who) and its
// execution reports (date, text, who), newest first — records of their own tables, read live.
import { useLiveQuery } from 'dexie-react-hooks';
import { Stack, Text, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import type { ExtensionRow, ReportRow } from '../../db/db';
import { fill, labels } from './assignment-text';

type Item = { kind: 'extension'; at: string; row: ExtensionRow } | { kind: 'report'; at: string; row: ReportRow };

/** Extensions and reports in one list, newest first. */
export function historyItems(extensions: readonly ExtensionRow[], reports: readonly ReportRow[]): Item[] {
  const items: Item[] = [
    ...extensions.filter((e) => e.alive === 1).map((row): Item => ({ kind: 'extension', at: row.createdAt, row })),
    ...reports.filter((r) => r.alive === 1).map((row): Item => ({ kind: 'report', at: row.createdAt, row })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function AssignmentHistory({ assignmentId, lang }: { assignmentId: string; lang: Lang }) {
  const L = labels(lang);
  const { db } = useApp();
  const items = useLiveQuery(async () => {
    const [ext, rep] = await Promise.all([
      db.extensions.where('assignmentId').equals(assignmentId).toArray(),
      db.reports.where('assignmentId').equals(assignmentId).toArray(),
    ]);
    return historyItems(ext, rep);
  }, [db, assignmentId]);
  return (
    <Stack gap="xs" data-testid="assignment-history">
      <Title order={4} size="h5">{L.history}</Title>
      {items && items.length === 0 && <Text size="sm" c="dimmed">{L.noHistory}</Text>}
      {items?.map((item) => (
        <Stack key={item.row.id} gap={2} className="ctl-history-item" data-kind={item.kind} data-testid={`history-${item.kind}`}>
          {item.kind === 'extension' ? (
            <>
              <Text size="sm" fw={600}>
                {item.row.fromDue ? fill(L.extension, { from: formatDate(item.row.fromDue), to: formatDate(item.row.toDue) }) : fill(L.extensionNoFrom, { to: formatDate(item.row.toDue) })}
              </Text>
              <Text size="sm" className="ctl-pre">{item.row.reason}</Text>
            </>
          ) : (
            <>
              <Text size="sm" fw={600}>{fill(L.reportOn, { date: formatDate(item.row.on) })}</Text>
              <Text size="sm" className="ctl-pre">{item.row.text}</Text>
            </>
          )}
          <Text size="xs" c="dimmed">
            {[item.row.by ? fill(L.by, { name: item.row.by }) : '', fill(L.recordedOn, { date: formatDateTime(item.row.createdAt) })].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
