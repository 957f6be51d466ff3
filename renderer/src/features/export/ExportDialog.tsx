// The export dialog every document shares: format (DOCX / PDF) and the document's language, then
// one action; the caller builds the document model and hands it to the host.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import type { DocLang } from '@shared/domain/meeting.schema';
import type { ExportDocument } from '@shared/export/document.schema';
import { BuiltPreview } from './DocumentPreview';

export type ExportFormat = 'docx' | 'pdf';

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  hint?: string;
  /** The languages offered (a document that exists only in one offers that one). */
  langs: readonly DocLang[];
  defaultLang: DocLang;
  /** Exports; the dialog closes when it resolves. */
  onRun: (format: ExportFormat, lang: DocLang) => Promise<void>;
  /** Builds the document in a language, for the preview (stable: useCallback). */
  build?: (lang: DocLang) => Promise<ExportDocument | null>;
  testId: string;
};

export function ExportDialog(p: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [lang, setLang] = useState<DocLang>(p.defaultLang);
  const [busy, setBusy] = useState(false);
  const chosen = p.langs.includes(lang) ? lang : (p.langs[0] ?? 'ru');
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} centered size={p.build ? 'xl' : 'md'} data-testid={p.testId}>
      <Stack>
        {p.hint && <Text size="sm" c="dimmed">{p.hint}</Text>}
        <Group gap="lg">
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('export.format')}</Text>
            <SegmentedControl value={format} onChange={(v) => setFormat(v as ExportFormat)} data={[{ value: 'docx', label: 'DOCX' }, { value: 'pdf', label: 'PDF' }]} data-testid={`${p.testId}-format`} />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('export.language')}</Text>
            <SegmentedControl
              value={chosen}
              onChange={(v) => setLang(v as DocLang)}
              data={p.langs.map((l) => ({ value: l, label: l === 'kk' ? t('export.langKk') : t('export.langRu') }))}
              data-testid={`${p.testId}-lang`}
            />
          </Stack>
        </Group>
        {p.build && <BuiltPreview build={p.build} lang={chosen} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>{t('actions.cancel')}</Button>
          <Button leftSection={<IconFileExport size={14} />} loading={busy} data-testid={`${p.testId}-run`} onClick={async () => {
            setBusy(true);
            try {
              await p.onRun(format, chosen);
              p.onClose();
            } finally {
              setBusy(false);
            }
          }}>{t('export.run')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
