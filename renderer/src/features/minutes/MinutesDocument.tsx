// The minutes as one document, as on paper: the header generated from the records (organization,
// ПРОТОКОЛ, date, number, place, chair, secretary, present, invited, agenda), an introduction, per
// agenda item СЛУШАЛИ / ВЫСТУПИЛИ (rich text) and РЕШИЛИ (decisions), a closing part, the
// signatures and the appendix. Each rich-text part is a fragment of the same Yjs document.
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Loader } from '@mantine/core';
import type * as Y from 'yjs';
import { minutesPartField, type MinutesOutline, type PeopleList, type PersonLine } from '@shared/domain/minutes-outline';
import type { AssignmentRow } from '../../db/db';
import { PartEditor, type ActiveEditor } from './PartEditor';
import { DecisionList, SignedDecisions } from './DecisionList';
import type { DecisionContext } from './DecisionRow';

export type DocumentProps = {
  outline: MinutesOutline;
  /** The open text document; null while it opens. */
  doc: Y.Doc | null;
  editable: boolean;
  /** Live decisions per agenda item (editable minutes); null: print the outline's (signed) decisions. */
  decisionRows: ReadonlyMap<string, { row: AssignmentRow; number: string }[]> | null;
  /** Per agenda item: what its decision rows need. */
  decisionCtx: ReadonlyMap<string, DecisionContext>;
  active: ActiveEditor;
  /** Called once, when every part's editor is mounted with its stored text. */
  onEditable: () => void;
};

function Line({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return <p className={`minutes-line ${className ?? ''}`} data-testid={testId}>{children}</p>;
}

function People({ label, list, attached, testId }: { label: string; list: PeopleList; attached: string; testId: string }) {
  if (list.attached) return <Line testId={testId}><b>{label}:</b> {attached}.</Line>;
  if (list.people.length === 0) return <Line testId={testId}><b>{label}:</b> —</Line>;
  return (
    <div data-testid={testId}>
      <Line><b>{label}:</b></Line>
      {list.people.map((p) => <Line key={p.id} className="minutes-indent">{p.text}</Line>)}
    </div>
  );
}

function PersonHeader({ label, person }: { label: string; person: PersonLine | null }) {
  return <Line><b>{label}:</b> {person ? person.text : '—'}</Line>;
}

export const MinutesDocument = memo(function MinutesDocument({ outline, doc, editable, decisionRows, decisionCtx, active, onEditable }: DocumentProps) {
  const { t } = useTranslation();
  // The parts' editors render their stored text when made and are mounted before this effect runs.
  const marked = useRef(false);
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!doc || marked.current) return;
    marked.current = true;
    article.current?.setAttribute('data-editable', 'true');
    onEditable();
  }, [doc, onEditable]);
  const h = outline.headings;
  const part = (field: string, label: string, hint: string, testId: string) =>
    doc ? (
      <PartEditor doc={doc} field={field} editable={editable} label={label} hint={editable ? hint : ''} testId={testId} active={active} />
    ) : (
      <div className="minutes-part-wrap minutes-part-loading"><Loader size="xs" aria-label={t('minutes.loading')} /></div>
    );

  return (
    <article ref={article} className="minutes-paper" lang={outline.lang} data-testid="minutes-document" data-lang={outline.lang}>
      <header className="minutes-header">
        <p className="minutes-org">{outline.organization}</p>
        <h1 className="minutes-title" data-testid="minutes-title">{outline.title}</h1>
        {outline.subtitle && <p className="minutes-subtitle">{outline.subtitle}</p>}
        <div className="minutes-dateline" data-testid="minutes-dateline">
          <span>{outline.place}</span>
          <span>{outline.date}{outline.time ? `, ${outline.time}` : ''}</span>
          <span>{outline.number}</span>
        </div>
      </header>

      <section className="minutes-attendance">
        <PersonHeader label={h.chair} person={outline.chair} />
        <PersonHeader label={h.secretary} person={outline.secretary} />
        <People label={h.present} list={outline.present} attached={h.attached} testId="minutes-present" />
        {(outline.invited.people.length > 0 || outline.invited.attached) && <People label={h.invited} list={outline.invited} attached={h.attached} testId="minutes-invited" />}
      </section>

      <section className="minutes-agenda" data-testid="minutes-agenda">
        <h2 className="minutes-heading">{h.agenda}:</h2>
        {outline.agenda.map((a) => <Line key={a.id}>{a.number}. {a.title}</Line>)}
      </section>

      <section className="minutes-section">
        {part('preamble', t('minutes.part.preamble'), t('minutes.placeholder.preamble'), 'part-preamble')}
      </section>

      {outline.items.map((item) => (
        <section key={item.id} className="minutes-item" data-testid="minutes-item" data-item-id={item.id}>
          <h2 className="minutes-item-title">
            {item.number}. {item.title}
            {item.untranslated && <Badge size="xs" color="orange" variant="light" ml={8} className="minutes-no-print">{t('minutes.untranslated')}</Badge>}
          </h2>
          <h3 className="minutes-heading">{h.heard}:</h3>
          {item.speaker && <Line className="minutes-speaker">{item.speaker}</Line>}
          {part(minutesPartField({ kind: 'item', itemId: item.id, part: 'heard' }), t('minutes.part.heard', { number: item.number }), t('minutes.placeholder.heard'), 'part-heard')}
          <h3 className="minutes-heading">{h.spoke}:</h3>
          {part(minutesPartField({ kind: 'item', itemId: item.id, part: 'spoke' }), t('minutes.part.spoke', { number: item.number }), t('minutes.placeholder.spoke'), 'part-spoke')}
          <h3 className="minutes-heading">{h.decided}:</h3>
          {decisionRows && decisionCtx.get(item.id) ? (
            <DecisionList itemId={item.id} itemNumber={item.number} rows={decisionRows.get(item.id) ?? []} ctx={decisionCtx.get(item.id) as DecisionContext} disabled={!editable} />
          ) : (
            <SignedDecisions decisions={item.decisions} headings={h} />
          )}
        </section>
      ))}

      <section className="minutes-section">
        {part('closing', t('minutes.part.closing'), t('minutes.placeholder.closing'), 'part-closing')}
      </section>

      <footer className="minutes-signatures" data-testid="minutes-signatures">
        {outline.signatures.map((s) => (
          <div key={s.role} className="minutes-signature">
            <span className="minutes-signature-role">{s.role}</span>
            <span className="minutes-signature-line" aria-hidden />
            <span className="minutes-signature-name">{s.name || '—'}</span>
          </div>
        ))}
      </footer>

      {outline.appendix && (
        <section className="minutes-appendix" data-testid="minutes-appendix">
          <p className="minutes-appendix-title">{outline.appendix.title}</p>
          {outline.appendix.present.length > 0 && (
            <>
              <h2 className="minutes-heading">{h.appendixPresent}</h2>
              <ol>{outline.appendix.present.map((p) => <li key={p.id}>{p.text}</li>)}</ol>
            </>
          )}
          {outline.appendix.invited.length > 0 && (
            <>
              <h2 className="minutes-heading">{h.appendixInvited}</h2>
              <ol>{outline.appendix.invited.map((p) => <li key={p.id}>{p.text}</li>)}</ol>
            </>
          )}
        </section>
      )}
    </article>
  );
});
