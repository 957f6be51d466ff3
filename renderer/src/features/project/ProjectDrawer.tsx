// The drawer that holds the card of the open project ('new' for a new one): it reads the project
// with its stamps and barriers in one transaction, then hands it to the editor.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Drawer, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import 'dayjs/locale/kk';
import '@mantine/dates/styles.css';
import { useApp } from '../../app/app-context';
import { loadProjectCard, type OpenedProject } from './project-card';
import { ProjectEditor } from './ProjectEditor';

export function ProjectDrawer({ openId }: { openId: string | 'new' | null }) {
  const { t, i18n } = useTranslation();
  const { db, openProject } = useApp();
  const [opened, setOpened] = useState<OpenedProject | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    if (openId === null || openId === 'new') setOpened(openId === 'new' ? null : undefined);
    else void loadProjectCard(db, openId).then((p) => { if (!cancelled) setOpened(p); });
    return () => { cancelled = true; };
  }, [openId, db]);
  const isOpen = openId !== null && opened !== undefined;
  const closeGuardRef = useRef<() => void>(() => openProject(null));
  return (
    <Drawer
      opened={isOpen}
      onClose={() => closeGuardRef.current()}
      position="right"
      size="xl"
      title={<Text fw={700} size="lg">{opened ? t('project.editTitle') : t('project.newTitle')}</Text>}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      // The body fills the drawer, so that the card's tabs scroll between the header and its buttons,
      // which stay in view whatever is shown above them (the unsaved-changes question, a draft).
      styles={{ content: { display: 'flex', flexDirection: 'column' }, body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' } }}
      classNames={{ content: 'project-card-open' }}
      data-testid="project-drawer"
    >
      {isOpen && (
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
          <ProjectEditor key={opened?.row.id ?? 'new'} opened={opened} onClose={() => openProject(null)} closeGuardRef={closeGuardRef} />
        </DatesProvider>
      )}
    </Drawer>
  );
}
