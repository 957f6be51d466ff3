// The Excel buttons other pages show: on the board «Импорт из Excel» and «Экспорт в Excel» (the
// rows its filters leave, its visible columns in order); on the assignments page «Экспорт в
// Excel» (the rows shown). The file goes through the host: saved on the desktop, downloaded in a browser.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconFileImport } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatDate, todayIso } from '@shared/locale/dates';
import { getHost } from '../../host';
import { useApp } from '../../app/app-context';
import type { BoardRow } from '../../db/db';
import { notifySaved } from '../export';
import { assignmentsSheet, boardSheet, buildXlsx, type AssignmentLine, type XlsxSheet } from './xlsx-export';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function useSaveXlsx() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async (stem: string, sheet: () => XlsxSheet) => {
    setBusy(true);
    try {
      const suggestedName = `${stem} ${formatDate(todayIso(Date.now()))}.xlsx`;
      const result = await getHost().saveFile({ suggestedName, mimeType: XLSX_MIME, bytes: await buildXlsx([sheet()]) });
      if (result.saved) notifySaved(t('excel.saved', { name: suggestedName }), result.path);
    } catch (e) {
      notifications.show({ color: 'red', message: t('excel.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}

/** The board's import and export buttons. */
export function BoardExcelActions({ rows, columns, facetText }: { rows: readonly BoardRow[]; columns: readonly string[]; facetText: (facet: string, value: string) => string }) {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const { busy, save } = useSaveXlsx();
  return (
    <>
      <Button size="xs" variant="subtle" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/import')} data-testid="board-import-excel">
        {t('import.action')}
      </Button>
      <Button size="xs" variant="subtle" leftSection={<IconFileExport size={16} />} loading={busy} data-testid="board-export-excel"
        onClick={() => void save(t('excel.boardFile'), () => boardSheet(rows, columns, t, facetText))}>
        {t('excel.exportBoard')}
      </Button>
    </>
  );
}

/** The assignments table's export button. */
export function AssignmentsExcelButton({ rows, words, lang }: { rows: readonly AssignmentLine[]; words: Parameters<typeof assignmentsSheet>[1]; lang: Lang }) {
  const { t } = useTranslation();
  const { busy, save } = useSaveXlsx();
  return (
    <Button size="xs" variant="default" leftSection={<IconFileExport size={16} />} loading={busy} data-testid="assignments-export-excel"
      onClick={() => void save(t('excel.assignmentsFile'), () => assignmentsSheet(rows, words, lang))}>
      {t('excel.exportAssignments')}
    </Button>
  );
}
