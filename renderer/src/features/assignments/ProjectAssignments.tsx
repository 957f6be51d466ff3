// A project's assignments with their state, for the project card: reference, text, deadline,
// status (overdue in red) and days left; each opens the assignment's card. Read live by the
// assignments' project index, with the meetings and agenda items their references need.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { buildControlRows, sortRows, type ControlModel } from './assignment-table';
import { daysLeftText, fill, labels } from './assignment-text';
import { assignmentPath } from './paths';
import { useToday } from './use-today';
import { StatusText } from './table-columns';
import './assignments.css';

/** The project's assignments and what their references and names need, as a small control model. */
function useProjectModel(projectId: string): ControlModel | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => {
    const own = (await db.assignments.where('projectIds').equals(projectId).toArray()).filter((a) => a.alive === 1);
    const meetingIds = [...new Set(own.flatMap((a) => (a.meetingId ? [a.meetingId] : [])))];
    const orgIds = [...new Set(own.flatMap((a) => a.responsibleOrgIds))];
    const [meetings, items, siblings, orgs] = await Promise.all([
      db.meetings.bulkGet(meetingIds),
      meetingIds.length > 0 ? db.agendaItems.where('meetingId').anyOf(meetingIds).toArray() : [],
      meetingIds.length > 0 ? db.assignments.where('meetingId').anyOf(meetingIds).toArray() : [],
      db.organizations.bulkGet(orgIds),
    ]);
    const ownIds = new Set(own.map((a) => a.id));
    return {
      // The decisions of the same minutes count for the numbers; only the project's are listed.
      assignments: [...own, ...siblings.filter((a) => a.alive === 1 && !ownIds.has(a.id))],
      organizations: new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : []))),
      meetings: new Map(meetings.flatMap((m) => (m && m.alive === 1 ? [[m.id, { id: m.id, number: m.number, date: m.date }] as const] : []))),
      agendaItems: items.filter((i) => i.alive === 1).map((i) => ({ id: i.id, meetingId: i.meetingId, position: i.position })),
      projects: new Map(),
    };
  }, [db, projectId]);
}

export function ProjectAssignments({ projectId }: { projectId: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const L = labels(lang);
  const { openOverlay } = useApp();
  const today = useToday();
  const model = useProjectModel(projectId);
  const rows = useMemo(
    () => (model ? sortRows(buildControlRows(model, lang, today).filter((r) => r.assignment.projectIds.includes(projectId)), null, lang) : null),
    [model, lang, today, projectId],
  );
  if (!rows) return <Loader size="xs" />;
  if (rows.length === 0) return <Text size="sm" c="dimmed" data-testid="project-assignments-none">{L.project.none}</Text>;
  const overdue = rows.filter((r) => r.state.overdue).length;
  return (
    <Stack gap="xs" data-testid="project-assignments">
      <Text size="sm" c="dimmed">{fill(L.project.count, { count: rows.length, overdue })}</Text>
      {rows.map((r) => (
        <Stack key={r.id} gap={2} className="ctl-history-item" data-testid="project-assignment" data-overdue={r.state.overdue || undefined}>
          <UnstyledButton className="ctl-link" onClick={() => openOverlay(assignmentPath(r.id))} fw={600} fz="sm">{r.reference}</UnstyledButton>
          <Text size="sm" lineClamp={3}>{r.text}</Text>
          <Text size="xs" component="div">
            <StatusText status={r.status} overdue={r.state.overdue} lang={lang} />
            {' · '}{r.deadline}
            {daysLeftText(r.state, lang) && <span className={r.state.overdue ? 'ctl-overdue' : undefined}>{' · '}{daysLeftText(r.state, lang)}</span>}
            {r.responsible.length > 0 && <span>{' · '}{r.responsible.join(', ')}</span>}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
