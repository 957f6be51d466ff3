// The card's actions on the whole project: its passport (DOCX/PDF), duplicate it (with its barriers), delete it with undo.
import { useTranslation } from 'react-i18next';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconTrash } from '@tabler/icons-react';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { newBarrier, type ProjectForm } from './project-form';
import { saveProjectCard } from './project-card';
import { PassportExportButton } from '../export';

export function ProjectActions({ projectId, title, values, onClose }: { projectId: string; title: string; values: ProjectForm; onClose: () => void }) {
  const { t } = useTranslation();
  const { repos, openProject } = useApp();

  const remove = async () => {
    await repos.projects.remove(projectId);
    onClose();
    showUndoToast({
      id: `undo-delete-${projectId}`, message: t('notify.deleted', { title }), t, testId: 'undo-delete',
      onUndo: async () => {
        await repos.projects.restore(projectId);
        notifications.show({ color: 'teal', message: t('notify.restored') });
      },
    });
  };

  const duplicate = async () => {
    const copy: ProjectForm = {
      ...values,
      title: `${values.title} ${t('project.copySuffix')}`.slice(0, 300),
      barriers: values.barriers.map((b) => ({ ...b, id: newBarrier(b.openedOn ?? '').id })),
    };
    try {
      const id = await saveProjectCard(repos, null, copy, copy);
      notifications.show({ color: 'teal', message: t('notify.duplicated') });
      openProject(id);
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    }
  };

  return (
    <Group gap="xs">
      <PassportExportButton projectId={projectId} />
      <Button variant="subtle" leftSection={<IconCopy size={16} />} onClick={() => void duplicate()}>{t('actions.duplicate')}</Button>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()} data-testid="delete-project">{t('actions.delete')}</Button>
    </Group>
  );
}
