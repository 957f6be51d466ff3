// The bar above the minutes: back to the meeting, the status (Черновик → Согласован → Подписан)
// and its actions, the document's language (РУС / ҚАЗ, «Добавить казахскую версию»), the
// revisions, whether the text is stored, and the formatting buttons.
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Badge, Button, Group, Menu, Modal, SegmentedControl, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconHistory, IconLanguage, IconPencil, IconSignature, IconArrowBackUp, IconFileExport } from '@tabler/icons-react';
import type { DocLang, MinutesStatus } from '@shared/domain/meeting.schema';
import type { ExportDocument } from '@shared/export/document.schema';
import { BuiltPreview } from '../export';
import { formatDate, todayIso } from '@shared/locale/dates';
import type { MinutesRow } from '../../db/db';
import type { StoredDoc } from '../../db/doc-store';
import { useSaveState } from './use-stored-doc';
import { FormatToolbar } from './FormatToolbar';
import type { ActiveEditor } from './PartEditor';

/** The Kazakhstan date (DD.MM.YYYY) of a signing instant. */
export function signedDate(signedAt: string): string {
  const ms = Date.parse(signedAt);
  return Number.isNaN(ms) ? '' : formatDate(todayIso(ms));
}

export const STATUS_COLOR: Record<MinutesStatus, string> = { draft: 'gray', agreed: 'blue', signed: 'teal' };

const SaveIndicator = memo(function SaveIndicator({ stored }: { stored: StoredDoc | null }) {
  const { t } = useTranslation();
  const state = useSaveState(stored);
  if (!stored) return null;
  return (
    <Text size="xs" c={state === 'saving' ? 'orange' : 'dimmed'} data-testid="minutes-save-state" data-state={state} aria-live="polite">
      {state === 'saving' ? t('minutes.saving') : t('minutes.saved')}
    </Text>
  );
});

type Props = {
  title: string;
  current: MinutesRow;
  shown: MinutesRow;
  revisions: readonly MinutesRow[];
  docLang: DocLang;
  stored: StoredDoc | null;
  active: ActiveEditor;
  busy: boolean;
  onBack: () => void;
  onLang: (lang: DocLang) => void;
  onAddLang: (lang: DocLang) => void;
  onRevision: (id: string) => void;
  onStatus: (status: MinutesStatus) => void;
  onCorrect: (reason: string) => Promise<boolean>;
  /** Exports the shown revision in `format`: one file per language, or (`columns`) one file with the languages side by side. */
  onExport: (format: 'docx' | 'pdf', langs: DocLang[] | 'columns') => Promise<void>;
  /** Exports one extract per responsible body of the shown revision. */
  onExtracts: (format: 'docx' | 'pdf', lang: DocLang) => Promise<void>;
  /** The document the export dialog previews (the first extract for extracts). */
  previewDocument: (what: 'minutes' | 'extracts', lang: DocLang | 'columns') => Promise<ExportDocument | null>;
};

export const MinutesBar = memo(function MinutesBar(p: Props) {
  const { t } = useTranslation();
  const [confirmSign, setConfirmSign] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  /** What the dialog exports: the minutes, or the extracts (one per responsible body). */
  const [what, setWhat] = useState<'minutes' | 'extracts'>('minutes');
  const [exportBusy, setExportBusy] = useState(false);
  const [format, setFormat] = useState<'docx' | 'pdf'>('docx');
  const [exportLang, setExportLang] = useState<string>(p.docLang);
  const { previewDocument } = p;
  const previewBuild = useCallback((lang: DocLang | 'columns') => previewDocument(what, lang), [previewDocument, what]);
  /** Both languages, as two files or as one document in two columns: minutes only, and only when both versions exist. */
  const bilingual = p.shown.languages.length > 1 && what === 'minutes';
  const isCurrent = p.shown.id === p.current.id;
  const editable = isCurrent && p.current.status !== 'signed';
  const missing = (['ru', 'kk'] as const).filter((l) => !p.shown.languages.includes(l));
  const revisionLabel = (r: MinutesRow) => t('minutes.revisionItem', { revision: r.revision, status: r.status === 'signed' && r.signedAt ? t('minutes.revisionSigned', { date: signedDate(r.signedAt) }) : t(`minutes.status.${r.status}`) });

  const submitCorrection = async () => {
    if (reason.trim() === '') {
      setReasonError(t('validation.required'));
      return;
    }
    if (await p.onCorrect(reason.trim())) {
      setCorrecting(false);
      setReason('');
      setReasonError(undefined);
    }
  };

  return (
    <div className="minutes-bar" data-testid="minutes-bar">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={t('minutes.back')}>
            <ActionIcon variant="subtle" aria-label={t('minutes.back')} onClick={p.onBack} data-testid="minutes-back"><IconArrowLeft size={18} /></ActionIcon>
          </Tooltip>
          <Title order={2} size="h4" className="minutes-page-title" data-testid="minutes-page-title">{p.title}</Title>
          <Badge color={STATUS_COLOR[p.shown.status]} variant="light" aria-label={`${t('minutes.statusLabel')}: ${t(`minutes.status.${p.shown.status}`)}`} data-testid="minutes-status" data-status={p.shown.status} style={{ flexShrink: 0 }}>
            {t(`minutes.status.${p.shown.status}`)}
          </Badge>
          {p.revisions.length > 1 && <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{t('minutes.revisionShort', { revision: p.shown.revision })}</Text>}
        </Group>
        <SaveIndicator stored={editable ? p.stored : null} />
      </Group>
      <Group justify="space-between" wrap="wrap" gap="xs" mt={6}>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label={t('minutes.docLanguage')}
            value={p.docLang}
            onChange={(v) => p.onLang(v as DocLang)}
            data={p.shown.languages.map((l) => ({ value: l, label: l === 'kk' ? t('minutes.langKk') : t('minutes.langRu') }))}
            data-testid="minutes-lang"
          />
          {editable && missing.map((l) => (
            <Button key={l} size="xs" variant="light" leftSection={<IconLanguage size={14} />} onClick={() => p.onAddLang(l)} data-testid={`minutes-add-${l}`}>
              {l === 'kk' ? t('minutes.addKk') : t('minutes.addRu')}
            </Button>
          ))}
          {p.revisions.length > 1 && (
            <Menu withinPortal position="bottom-start">
              <Menu.Target>
                <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} data-testid="minutes-revisions">{t('minutes.revisions')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {p.revisions.map((r) => (
                  <Menu.Item key={r.id} onClick={() => p.onRevision(r.id)} leftSection={r.id === p.shown.id ? <IconCheck size={14} /> : <span style={{ width: 14 }} />} data-testid="minutes-revision-item">
                    {revisionLabel(r)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {editable && <FormatToolbar active={p.active} disabled={!editable} />}
          <Button size="xs" variant="default" leftSection={<IconFileExport size={14} />} onClick={() => { setExportLang(p.docLang); setExporting(true); }} data-testid="minutes-export">{t('minutes.exportOpen')}</Button>
          {isCurrent && p.current.status === 'draft' && (
            <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => p.onStatus('agreed')} loading={p.busy} data-testid="minutes-agree">{t('minutes.agree')}</Button>
          )}
          {isCurrent && p.current.status === 'agreed' && (
            <>
              <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={() => p.onStatus('draft')} disabled={p.busy} data-testid="minutes-to-draft">{t('minutes.backToDraft')}</Button>
              <Button size="xs" color="teal" leftSection={<IconSignature size={14} />} onClick={() => setConfirmSign(true)} loading={p.busy} data-testid="minutes-sign">{t('minutes.sign')}</Button>
            </>
          )}
          {isCurrent && p.current.status === 'signed' && (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setCorrecting(true)} data-testid="minutes-correct">{t('minutes.correct')}</Button>
          )}
        </Group>
      </Group>

      <Modal opened={exporting} onClose={() => setExporting(false)} title={t('minutes.exportTitle')} centered size="xl">
        <Stack>
          <SegmentedControl
            value={what}
            onChange={(v) => { setWhat(v as 'minutes' | 'extracts'); if (v === 'extracts' && (exportLang === 'both' || exportLang === 'columns')) setExportLang(p.docLang); }}
            data={[{ value: 'minutes', label: t('minutes.exportMinutes') }, { value: 'extracts', label: t('export.extracts') }]}
            data-testid="export-what"
          />
          {what === 'extracts' && <Text size="sm" c="dimmed">{t('export.extractsHint')}</Text>}
          <Text size="sm" fw={500}>{t('minutes.exportFormat')}</Text>
          <SegmentedControl value={format} onChange={(v) => setFormat(v as 'docx' | 'pdf')} data={[{ value: 'docx', label: 'DOCX' }, { value: 'pdf', label: 'PDF' }]} data-testid="export-format" />
          <Text size="sm" fw={500}>{t('minutes.exportLanguage')}</Text>
          <SegmentedControl
            value={exportLang}
            onChange={setExportLang}
            data={[
              ...p.shown.languages.map((l) => ({ value: l, label: l === 'kk' ? t('minutes.exportLangKk') : t('minutes.exportLangRu') })),
              ...(bilingual ? [{ value: 'both', label: t('minutes.exportBoth') }, { value: 'columns', label: t('minutes.exportColumns') }] : []),
            ]}
            data-testid="export-lang"
          />
          {exportLang === 'columns' && bilingual && <Text size="sm" c="dimmed">{t('minutes.exportColumnsHint')}</Text>}
          {exporting && <BuiltPreview build={previewBuild} lang={exportLang === 'kk' ? 'kk' : exportLang === 'ru' ? 'ru' : exportLang === 'columns' && bilingual ? 'columns' : p.docLang} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setExporting(false)}>{t('actions.cancel')}</Button>
            <Button leftSection={<IconFileExport size={14} />} loading={exportBusy} data-testid="export-run" onClick={async () => {
              setExportBusy(true);
              try {
                if (what === 'extracts') await p.onExtracts(format, exportLang === 'both' ? p.docLang : exportLang as DocLang);
                else if (exportLang === 'columns' && bilingual) await p.onExport(format, 'columns');
                else await p.onExport(format, exportLang === 'both' ? [...p.shown.languages] : [exportLang as DocLang]);
                setExporting(false);
              } finally {
                setExportBusy(false);
              }
            }}>{t('minutes.exportRun')}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={confirmSign} onClose={() => setConfirmSign(false)} title={t('minutes.sign')} centered>
        <Stack>
          <Text size="sm">{t('minutes.signConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSign(false)}>{t('actions.cancel')}</Button>
            <Button color="teal" data-testid="minutes-sign-confirm" onClick={() => {
              setConfirmSign(false);
              p.onStatus('signed');
            }}>{t('minutes.sign')}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={correcting} onClose={() => setCorrecting(false)} title={t('minutes.correctTitle')} centered size="lg">
        <Stack>
          <Text size="sm">{t('minutes.correctIntro')}</Text>
          <Textarea
            label={t('minutes.correctReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value.slice(0, 2000))}
            error={reasonError}
            autosize
            minRows={2}
            withAsterisk
            data-autofocus
            data-testid="minutes-correct-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCorrecting(false)}>{t('actions.cancel')}</Button>
            <Button onClick={() => void submitCorrection()} data-testid="minutes-correct-confirm">{t('minutes.correctConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
});
