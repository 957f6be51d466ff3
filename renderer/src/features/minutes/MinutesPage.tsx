// The minutes editor (`/meetings/<id>/minutes`): one document per meeting and language, its
// structure from the records, its text parts one Yjs document stored as the clerk types. Signed
// minutes are read-only; a correction opens a new revision; older revisions read as signed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Anchor, Button, Center, List, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { decisionNumbers } from '@shared/domain/decisions';
import { minutesDocId, type DocLang, type MinutesStatus } from '@shared/domain/meeting.schema';
import { buildMinutesOutline, parseSignedDecisions, signedAsDecisions, type OutlineDecision } from '@shared/domain/minutes-outline';
import { formatDate, todayIso } from '@shared/locale/dates';
import { buildBilingualMinutesDocument, buildMinutesDocument, type MinutesExportInput } from '@shared/export/minutes-document';
import { fragmentBlocks } from '@shared/export/rich-text';
import { buildExtractDocuments } from '@shared/export/extract-document';
import type { ExportDocument } from '@shared/export/document.schema';
import * as Y from 'yjs';
import { getHost } from '../../host';
import { exportMany, notifySaved } from '../export';
import { loadExportSettings } from '../export';
import { loadDocState } from '../../db/doc-store';
import { formatNumber } from '@shared/locale/money';
import type { Lang } from '@shared/locale/lang';
import type { ComboboxData } from '@mantine/core';
import { useApp } from '../../app/app-context';
import { ValidationError } from '../../db/repository';
import type { AssignmentRow } from '../../db/db';
import type { FeatureViewProps } from '../../shell/types';
import { meetingPath } from '../meetings';
import { MAX_PASTE_CHARS, PASTE_REFUSED_EVENT } from './editor-extensions';
import { createActiveEditor } from './PartEditor';
import { MinutesDocument } from './MinutesDocument';
import { MinutesBar, signedDate } from './MinutesBar';
import { useMinutesData } from './use-minutes-data';
import { useStoredDoc } from './use-stored-doc';
import { useLiveMinutes } from './live-minutes';
import { LivePresence } from './LivePresence';
import { appLiveClient } from '../../sync/app-live';
import type { DecisionContext } from './DecisionRow';
import { useErrorMessage } from './messages';
import './minutes.css';

/**
 * Marked (performance.mark, once per opened document) when the clerk can type in what the opened
 * minutes show: the whole document is drawn from the records and the stored text; every rich-text
 * part whose section overlaps the scrolled view or the one view-height below it has its editor on
 * the page with its stored text; every other part shows that text read-only (its editor is made
 * right after, in the background, or at once when the part is clicked or tabbed into). Set as the
 * last of those editors is made, in the render that makes them, before the page is painted; with
 * none on screen (nothing but the header and the agenda there) or for read-only minutes, as soon as
 * the document is drawn. Its time from navigation is the opening benchmark's `minutes.open_50p_ms`.
 */
export const EDITABLE_MARK = 'hattama:minutes-editable';
/**
 * Marked once every rich-text part of the opened minutes has its editor on the page (the benchmark's
 * `minutes.open_50p_all_ms`); never for read-only minutes, whose parts stay drawn text.
 */
export const ALL_EDITABLE_MARK = 'hattama:minutes-all-editable';

export function MinutesPage({ params }: FeatureViewProps) {
  const meetingId = params.id ?? '';
  // A different meeting is a different editor: nothing of the previous one's state carries over.
  return <MinutesEditor key={meetingId} meetingId={meetingId} />;
}

function MinutesEditor({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const { db, repos, ctx, navigate } = useApp();
  const uiLang = (i18n.language as Lang) ?? 'ru';
  const message = useErrorMessage();
  const data = useMinutesData(db, meetingId);
  const { meeting, revisions, items } = data;

  // The minutes are made on first open (their id is derived from the meeting: one, however many open them).
  const ensured = useRef(false);
  useEffect(() => {
    if (!data.loaded || !meeting || revisions.length > 0 || ensured.current) return;
    ensured.current = true;
    repos.ops.ensureMinutes(meetingId, uiLang === 'kk' ? 'kk' : 'ru').catch((e: unknown) => notifications.show({ color: 'red', message: message(e).text }));
  }, [data.loaded, meeting, revisions.length, repos, meetingId, uiLang, message]);

  const [pickedRevision, setPickedRevision] = useState<string | null>(null);
  const [pickedLang, setPickedLang] = useState<DocLang | null>(null);
  const current = revisions[0];
  const shown = revisions.find((r) => r.id === pickedRevision) ?? current;
  const docLang: DocLang = shown
    ? pickedLang && shown.languages.includes(pickedLang) ? pickedLang : uiLang === 'kk' && shown.languages.includes('kk') ? 'kk' : (shown.languages[0] ?? 'ru')
    : 'ru';
  const isCurrent = !!shown && shown.id === current?.id;
  const editable = isCurrent && shown.status !== 'signed';
  const docId = shown ? minutesDocId(shown.id, docLang) : null;
  const stored = useStoredDoc(ctx, docId);
  // Two clerks with the same minutes open see each other's typing and carets (the live channel).
  const live = useLiveMinutes(appLiveClient(), ctx, stored, docId, meeting?.regionId ?? null, editable);

  // The decisions: live (they are the assignments) while the minutes can change; as signed otherwise.
  const outlineDecisions: OutlineDecision[] = useMemo(() => {
    if (shown && shown.status === 'signed' && shown.signedDecisions !== undefined) return signedAsDecisions(parseSignedDecisions(shown.signedDecisions), items);
    return data.decisions;
  }, [shown, items, data.decisions]);

  const orgNames = useMemo(() => new Map(data.organizations.map((o) => [o.id, o.name])), [data.organizations]);
  const outlineOrgs = useMemo(() => new Map([...orgNames].map(([id, name]) => [id, { name }])), [orgNames]);
  const outline = useMemo(() => {
    if (!meeting) return null;
    return buildMinutesOutline({
      lang: docLang,
      meeting,
      people: data.people,
      attendance: data.attendance,
      agenda: items,
      decisions: outlineDecisions,
      organizations: outlineOrgs,
    });
  }, [meeting, docLang, data.people, data.attendance, items, outlineDecisions, outlineOrgs]);

  const decisionRows = useMemo(() => {
    if (!editable) return null;
    const numbers = decisionNumbers(items, data.decisions.map((d) => ({ id: d.id, position: d.position ?? '', agendaItemId: d.agendaItemId })));
    const byItem = new Map<string, { row: AssignmentRow; number: string }[]>();
    for (const d of data.decisions) {
      const number = numbers.get(d.id);
      if (!d.agendaItemId || !number) continue;
      const list = byItem.get(d.agendaItemId) ?? [];
      list.push({ row: d, number });
      byItem.set(d.agendaItemId, list);
    }
    for (const list of byItem.values()) list.sort((a, b) => a.number.localeCompare(b.number, 'ru', { numeric: true }));
    return byItem;
  }, [editable, items, data.decisions]);

  const orgOptions: ComboboxData = useMemo(() => {
    const group = (kind: string) => data.organizations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }));
    return [
      { group: t('minutes.groupStateBodies'), items: group('state_body') },
      { group: t('minutes.groupInvestors'), items: group('investor') },
      { group: t('minutes.groupOther'), items: group('other') },
    ].filter((g) => g.items.length > 0);
  }, [data.organizations, t]);

  const decisionCtx = useMemo(() => {
    const out = new Map<string, DecisionContext>();
    if (!meeting) return out;
    for (const item of items) {
      out.set(item.id, {
        lang: docLang,
        uiLang,
        meetingDate: meeting.date,
        regionId: meeting.regionId,
        calendar: data.calendar,
        orgOptions,
        orgNames,
        projectOptions: item.projectIds.map((id) => ({ value: id, label: data.projects.get(id) ?? '—' })),
      });
    }
    return out;
  }, [meeting, items, docLang, uiLang, data.calendar, orgOptions, orgNames, data.projects]);

  // Opening is done when what is on screen can be typed in, and fully when every part can.
  const active = useMemo(() => createActiveEditor(), []);
  const onEditable = useCallback(() => {
    globalThis.performance?.mark?.(EDITABLE_MARK);
  }, []);
  const onAllEditable = useCallback(() => {
    globalThis.performance?.mark?.(ALL_EDITABLE_MARK);
  }, []);

  // A paste refused in any part (the editors send it up as an event).
  const paper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = paper.current;
    if (!el) return;
    const onRefused = (e: Event) => {
      const chars = (e as CustomEvent<number>).detail;
      notifications.show({ id: 'minutes-paste-refused', color: 'red', autoClose: 10_000, message: t('minutes.pasteTooLong', { count: formatNumber(chars, uiLang), max: formatNumber(MAX_PASTE_CHARS, uiLang) }) });
    };
    el.addEventListener(PASTE_REFUSED_EVENT, onRefused);
    return () => el.removeEventListener(PASTE_REFUSED_EVENT, onRefused);
  });

  // Status: the problems that stop agreeing or signing, kept up to date while shown.
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = useLiveQuery(async () => (showProblems ? repos.ops.minutesProblems(meetingId) : []), [showProblems, meetingId, repos]) ?? [];

  const onStatus = useCallback(async (status: MinutesStatus) => {
    if (!current) return;
    setBusy(true);
    try {
      await stored?.flush();
      await repos.ops.setMinutesStatus(current.id, status);
      setShowProblems(false);
      notifications.show({ color: 'teal', message: t('minutes.statusChanged', { status: t(`minutes.status.${status}`) }) });
    } catch (e) {
      if (e instanceof ValidationError) setShowProblems(true);
      else notifications.show({ color: 'red', message: message(e).text });
    } finally {
      setBusy(false);
    }
  }, [current, stored, repos, t, message]);

  // What the export builders take for the shown revision in `lang`: the outline from the records and
  // the stored text (its Y.Doc, destroyed by the caller once the document is built — no HTML).
  const exportInput = useCallback(async (lang: DocLang): Promise<{ input: MinutesExportInput; textDoc: Y.Doc } | null> => {
    if (!shown || !meeting) return null;
    const textDoc = new Y.Doc();
    Y.applyUpdate(textDoc, (await loadDocState(ctx, minutesDocId(shown.id, lang))).state);
    const outline = buildMinutesOutline({ lang, meeting, people: data.people, attendance: data.attendance, agenda: items, decisions: outlineDecisions, organizations: outlineOrgs });
    const input: MinutesExportInput = {
      outline, meetingDate: meeting.date, meetingNumber: meeting.number, minutesId: shown.id, revision: shown.revision,
      parts: (field: string) => fragmentBlocks(textDoc.getXmlFragment(field)), settings: await loadExportSettings(db),
    };
    return { input, textDoc };
  }, [shown, meeting, ctx, db, data.people, data.attendance, items, outlineDecisions, outlineOrgs]);

  // The shown revision as export documents in `lang`: the minutes, or one extract per responsible body.
  const buildDocuments = useCallback(async (what: 'minutes' | 'extracts', lang: DocLang): Promise<ExportDocument[]> => {
    const made = await exportInput(lang);
    if (!made) return [];
    try {
      return what === 'minutes' ? [buildMinutesDocument(made.input)] : buildExtractDocuments({ ...made.input, certifiedOn: todayIso(Date.now()) });
    } finally {
      made.textDoc.destroy();
    }
  }, [exportInput]);

  // The minutes in both languages as one document in two columns, the language open in the editor on the left.
  const buildColumns = useCallback(async (): Promise<ExportDocument | null> => {
    const other: DocLang = docLang === 'kk' ? 'ru' : 'kk';
    const [left, right] = await Promise.all([exportInput(docLang), exportInput(other)]);
    try {
      return left && right ? buildBilingualMinutesDocument(left.input, right.input) : null;
    } finally {
      left?.textDoc.destroy();
      right?.textDoc.destroy();
    }
  }, [exportInput, docLang]);

  // Export: each language asked for, or both in two columns; the host renders and saves it (desktop) or downloads it (browser).
  const onExport = useCallback(async (format: 'docx' | 'pdf', langs: DocLang[] | 'columns') => {
    await stored?.flush();
    try {
      const documents = langs === 'columns' ? [await buildColumns()] : await Promise.all(langs.map(async (lang) => (await buildDocuments('minutes', lang))[0]));
      for (const document of documents) {
        if (!document) return;
        const result = await getHost().exportDocument({ document, format, uiLang });
        if (result.saved) notifySaved(t('minutes.exportDone', { name: result.path ?? `${document.fileStem}.${format}` }), result.path);
      }
    } catch (e) {
      notifications.show({ color: 'red', message: t('minutes.exportFailed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  }, [stored, buildDocuments, buildColumns, uiLang, t]);

  // Extracts: one per responsible body named in the shown revision's decisions, all in one action.
  const onExtracts = useCallback(async (format: 'docx' | 'pdf', lang: DocLang) => {
    await stored?.flush();
    const documents = await buildDocuments('extracts', lang);
    if (documents.length === 0) {
      notifications.show({ color: 'yellow', message: t('export.extractsNone') });
      return;
    }
    await exportMany(documents, format, t);
  }, [stored, buildDocuments, t]);

  // What the export dialog previews: the minutes, or the first extract.
  const previewDocument = useCallback(async (what: 'minutes' | 'extracts', lang: DocLang | 'columns') => (
    lang === 'columns' ? buildColumns() : (await buildDocuments(what, lang))[0] ?? null
  ), [buildDocuments, buildColumns]);

  const onCorrect = useCallback(async (reason: string) => {
    if (!current) return false;
    try {
      const next = await repos.ops.correctMinutes(current.id, reason);
      setPickedRevision(null);
      notifications.show({ color: 'teal', message: t('minutes.corrected', { revision: next.revision }) });
      return true;
    } catch (e) {
      notifications.show({ color: 'red', message: message(e).text });
      return false;
    }
  }, [current, repos, t, message]);

  const onAddLang = useCallback(async (lang: DocLang) => {
    if (!current) return;
    try {
      await repos.ops.addMinutesLanguage(current.id, lang);
      setPickedLang(lang);
      notifications.show({ color: 'teal', message: t('minutes.languageAdded', { lang: lang === 'kk' ? t('minutes.langNameKk') : t('minutes.langNameRu') }) });
    } catch (e) {
      notifications.show({ color: 'red', message: message(e).text });
    }
  }, [current, repos, t, message]);

  const onRevision = useCallback((id: string) => setPickedRevision(id === current?.id ? null : id), [current]);
  const onBack = useCallback(() => navigate(meetingPath(meetingId)), [navigate, meetingId]);
  const goToProblem = (assignmentId: string, problem: string) => {
    const row = document.querySelector<HTMLElement>(`[data-decision-id="${CSS.escape(assignmentId)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // A row whose selects are not made yet makes them now (its summary answers a pointer).
    row.querySelector('[data-testid=decision-summary]')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    const selector = problem === 'no_responsible' ? '[data-testid=decision-responsible]' : problem === 'no_text' ? '[data-testid=decision-text]' : '[data-testid=decision-deadline-kind]';
    requestAnimationFrame(() => row.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true }));
  };

  if (!data.loaded || (meeting && !current)) return <Center p="xl"><Loader size="sm" aria-label={t('minutes.loading')} /></Center>;
  if (!meeting || !outline || !shown || !current) {
    return (
      <Stack align="center" p="xl" gap="xs" data-testid="minutes-not-found">
        <Text fw={600}>{t('minutes.notFound')}</Text>
        <Text size="sm" c="dimmed">{t('minutes.notFoundHint')}</Text>
        <Button variant="light" onClick={() => navigate('/meetings')}>{t('minutes.toMeetings')}</Button>
      </Stack>
    );
  }

  const title = t('minutes.pageTitle', { number: meeting.number, date: formatDate(meeting.date) });
  const previous = shown.supersedesId ? revisions.find((r) => r.id === shown.supersedesId) : undefined;
  return (
    <div className="minutes-page" data-testid="minutes-page">
      <MinutesBar
        title={title}
        current={current}
        shown={shown}
        revisions={revisions}
        docLang={docLang}
        stored={stored}
        active={active}
        busy={busy}
        onBack={onBack}
        onLang={setPickedLang}
        onAddLang={(l) => void onAddLang(l)}
        onRevision={onRevision}
        onStatus={(s) => void onStatus(s)}
        onCorrect={onCorrect}
        onExport={onExport}
        onExtracts={onExtracts}
        previewDocument={previewDocument}
      />
      <LivePresence others={live.others} />
      {showProblems && problems.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('minutes.problemsTitle')} className="minutes-problems" data-testid="minutes-problems" withCloseButton onClose={() => setShowProblems(false)}>
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={`${p.assignmentId}-${p.problem}`}>
                <Anchor component="button" size="sm" onClick={() => goToProblem(p.assignmentId, p.problem)} data-testid="minutes-problem">
                  {t(`minutes.problem.${p.problem}`, { number: p.number })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <div className="minutes-scroll">
        <div className="minutes-notes">
          {!isCurrent && (
            <Alert color="gray" icon={<IconLock size={18} />} data-testid="minutes-old-revision">
              <Text size="sm">{t('minutes.oldRevisionBanner', { revision: shown.revision, status: t(`minutes.status.${shown.status}`) })}</Text>
              <Anchor component="button" size="sm" onClick={() => setPickedRevision(null)} data-testid="minutes-to-current">{t('minutes.toCurrent')}</Anchor>
            </Alert>
          )}
          {isCurrent && shown.status === 'signed' && (
            <Alert color="teal" icon={<IconLock size={18} />} data-testid="minutes-signed-banner">
              {t('minutes.signedBanner', { date: shown.signedAt ? signedDate(shown.signedAt) : '' })}
            </Alert>
          )}
          {shown.correctionReason && (
            <Alert color="blue" variant="light" data-testid="minutes-correction">
              {t('minutes.correctionOf', { revision: previous?.revision ?? shown.revision - 1, reason: shown.correctionReason })}
            </Alert>
          )}
          {items.length === 0 && (
            <Alert color="yellow" title={t('minutes.noAgenda')} data-testid="minutes-no-agenda">
              <Text size="sm">{t('minutes.noAgendaHint')}</Text>
              <Anchor component="button" size="sm" onClick={onBack}>{t('minutes.back')}</Anchor>
            </Alert>
          )}
        </div>
        <div ref={paper} className="minutes-paper-wrap" data-testid="minutes-paper" data-doc-id={docId ?? ''}>
          {/* The document is drawn once its text is open: one render of the whole, not two. */}
          {stored ? (
            <MinutesDocument
              key={docId ?? ''}
              outline={outline}
              doc={stored.doc}
              editable={editable}
              decisionRows={decisionRows}
              decisionCtx={decisionCtx}
              active={active}
              onEditable={onEditable}
              onAllEditable={onAllEditable}
            />
          ) : (
            <Center p="xl"><Loader size="sm" aria-label={t('minutes.loading')} /></Center>
          )}
        </div>
      </div>
    </div>
  );
}
