// The route of an assignment's card (`/assignments/:id`): a drawer over the page it was opened from
// (after a reload, over the last page used). A link to an assignment this workplace does not have
// closes with a message instead.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Drawer, Group, Loader, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import 'dayjs/locale/ru';
import 'dayjs/locale/kk';
import '@mantine/dates/styles.css';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import type { FeatureViewProps } from '../../shell/types';
import { labels } from './assignment-text';
import { AssignmentCard } from './AssignmentCard';
import './assignments.css';

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function AssignmentCardRoute({ params, close }: FeatureViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const L = labels(lang);
  const { db } = useApp();
  const id = decode(params.id ?? '');
  // 'loading' until read; null when there is no such live assignment.
  const row = useLiveQuery(async () => {
    const r = await db.assignments.get(id);
    return r && r.alive === 1 ? r : null;
  }, [db, id], 'loading' as const);
  // Whether this card has shown the assignment: then its going away is a deletion elsewhere.
  const [seen, setSeen] = useState(false);
  if (row && row !== 'loading' && !seen) setSeen(true);
  useEffect(() => {
    if (row !== null) return;
    notifications.show({ id: 'assignment-not-found', color: 'red', message: seen ? L.deletedElsewhere : L.notFound });
    close();
  }, [row, close, seen, L.notFound, L.deletedElsewhere]);
  /** What closing does: the card asks first while it has unsaved changes. */
  const closeGuardRef = useRef<() => void>(close);
  return (
    <Drawer
      opened={row !== null}
      onClose={() => closeGuardRef.current()}
      position="right"
      size="xl"
      title={<Text fw={700} size="lg">{L.card}</Text>}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid="assignment-drawer"
    >
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        {row === 'loading' ? (
          <Group p="md" role="status"><Loader size="sm" /></Group>
        ) : row ? (
          <AssignmentCard key={row.id} row={row} onClose={close} closeGuardRef={closeGuardRef} />
        ) : null}
      </DatesProvider>
    </Drawer>
  );
}
