// «Паспорт проекта» on the project card and «Материалы к заседанию» on the meeting page: each reads
// the register when the clerk exports, builds the document model and hands it to the host.
import { useCallback, useState } from 'react';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDescription, IconFolders } from '@tabler/icons-react';
import type { DocLang } from '@shared/domain/meeting.schema';
import type { ExportDocument } from '@shared/export/document.schema';
import { buildPackDocument, buildPassportDocument } from '@shared/export/pack-document';
import { packInput, passportInput } from '@shared/export/register-input';
import { useApp } from '../../app/app-context';
import { getHost } from '../../host';
import { ExportDialog, type ExportFormat } from './ExportDialog';
import { notifySaved } from './SavedNotice';
import { loadExportSettings } from './export-settings-store';
import { loadRegisterSource } from './register-source';

type UiLang = 'ru' | 'kk' | 'en';
const uiLang = (): UiLang => (['ru', 'kk', 'en'].includes(i18next.language) ? i18next.language as UiLang : 'ru');

/** Hands one document to the host and tells the clerk how it went. */
export async function exportOne(document: ExportDocument, format: ExportFormat, t: TFunction): Promise<void> {
  try {
    const result = await getHost().exportDocument({ document, format, uiLang: uiLang() });
    if (result.saved) notifySaved(t('export.done', { name: result.path ?? `${document.fileStem}.${format}` }), result.path);
  } catch (e) {
    notifications.show({ color: 'red', message: t('export.failed', { error: e instanceof Error ? e.message : String(e) }) });
  }
}

/** Hands several documents to the host at once (a folder on the desktop, downloads in a browser). */
export async function exportMany(documents: ExportDocument[], format: ExportFormat, t: TFunction): Promise<void> {
  try {
    const result = await getHost().exportDocuments({ documents, format, uiLang: uiLang() });
    if (!result.saved) return;
    notifySaved(result.folder ? t('export.doneFolder', { count: result.files.length, folder: result.folder }) : t('export.doneMany', { count: result.files.length }), result.files[0]?.path);
  } catch (e) {
    notifications.show({ color: 'red', message: t('export.failed', { error: e instanceof Error ? e.message : String(e) }) });
  }
}

const defaultDocLang = (): DocLang => (i18next.language === 'kk' ? 'kk' : 'ru');

export function PassportExportButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const [open, setOpen] = useState(false);
  const build = useCallback(async (lang: DocLang) => {
    const [src, settings] = await Promise.all([loadRegisterSource(db, lang), loadExportSettings(db)]);
    const project = src.projects.find((p) => p.id === projectId);
    return project ? buildPassportDocument(lang, [passportInput(src, project)], settings) : null;
  }, [db, projectId]);
  const run = async (format: ExportFormat, lang: DocLang) => {
    const doc = await build(lang);
    if (doc) await exportOne(doc, format, t);
  };
  return (
    <>
      <Button variant="subtle" leftSection={<IconFileDescription size={16} />} onClick={() => setOpen(true)} data-testid="passport-export">{t('export.passport')}</Button>
      {open && <ExportDialog opened onClose={() => setOpen(false)} title={t('export.passportTitle')} langs={['ru', 'kk']} defaultLang={defaultDocLang()} onRun={run} build={build} testId="passport-dialog" />}
    </>
  );
}

export function PackExportButton({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const [open, setOpen] = useState(false);
  const build = useCallback(async (lang: DocLang) => {
    const [src, settings] = await Promise.all([loadRegisterSource(db, lang), loadExportSettings(db)]);
    return buildPackDocument(packInput(src, meetingId, src.projects, src.stats, settings));
  }, [db, meetingId]);
  const run = async (format: ExportFormat, lang: DocLang) => {
    await exportOne(await build(lang), format, t);
  };
  return (
    <>
      <Button variant="default" leftSection={<IconFolders size={18} />} onClick={() => setOpen(true)} data-testid="pack-export">{t('export.pack')}</Button>
      {open && <ExportDialog opened onClose={() => setOpen(false)} title={t('export.packTitle')} hint={t('export.packHint')} langs={['ru', 'kk']} defaultLang={defaultDocLang()} onRun={run} build={build} testId="pack-dialog" />}
    </>
  );
}
