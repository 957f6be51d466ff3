// The route of a project's card (`/projects/:id`, `/projects/new`): the drawer over the current
// view; a link to a project this register does not have closes with a message instead.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { useApp } from '../../app/app-context';
import type { FeatureViewProps } from '../../shell/types';
import { ProjectDrawer } from './ProjectDrawer';

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function ProjectCardRoute({ params, close }: FeatureViewProps) {
  const { t } = useTranslation();
  const { db } = useApp();
  const id = decode(params.id ?? '');
  useEffect(() => {
    if (id === 'new') return;
    let cancelled = false;
    const missing = () => {
      if (cancelled) return;
      notifications.show({ id: 'project-not-found', color: 'red', message: t('project.notFound') });
      close();
    };
    db.projects.get(id).then((row) => { if (!row || !row.alive) missing(); }, missing);
    return () => {
      cancelled = true;
    };
  }, [id, db, t, close]);
  return <ProjectDrawer openId={id} />;
}
