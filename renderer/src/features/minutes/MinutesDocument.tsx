// The minutes as one document, as on paper: the header generated from the records (organization,
// ПРОТОКОЛ, date, number, place, chair, secretary, present, invited, agenda), an introduction, per
// agenda item СЛУШАЛИ / ВЫСТУПИЛИ (rich text) and РЕШИЛИ (decisions), a closing part, the
// signatures and the appendix. Each rich-text part is a fragment of the same Yjs document.
// Opening makes the editors of the parts on screen and of one screen below; the others show their
// text read-only and get their editors right after, in the background (part-mount.ts, LazyPart.tsx).
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Badge, Loader } from '@mantine/core';
import type * as Y from 'yjs';
import { minutesPartField, type MinutesOutline, type PeopleList, type PersonLine } from '@shared/domain/minutes-outline';
import type { AssignmentRow } from '../../db/db';
import type { ActiveEditor } from './PartEditor';
import { LazyPart } from './LazyPart';
import { createPartMounter, slotsNear } from './part-mount';
import { lookUpParts } from './part-preview';
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
  /**
   * Called once per document, when the clerk can type in what is on screen: the editors of the
   * parts on screen and of one screen below are on the page with their stored text (every other
   * part shows its text read-only until its editor is made). For read-only minutes: when drawn.
   */
  onEditable: () => void;
  /** Called once per document, when every part's editor is on the page (editable minutes only). */
  onAllEditable: () => void;
};

/** The sections holding rich-text parts carry their fields (space-separated) in this attribute. */
const PARTS_ATTR = 'data-parts';
/** Parts this near the screen (above it, below it) are made before the others (IntersectionObserver margin). */
const NEAR_MARGIN = '100% 0px 200% 0px';

const heardField = (itemId: string) => minutesPartField({ kind: 'item', itemId, part: 'heard' });
const spokeField = (itemId: string) => minutesPartField({ kind: 'item', itemId, part: 'spoke' });

function sectionFields(el: Element): string[] {
  return (el.getAttribute(PARTS_ATTR) ?? '').split(' ').filter(Boolean);
}

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

export const MinutesDocument = memo(function MinutesDocument({ outline, doc, editable, decisionRows, decisionCtx, active, onEditable, onAllEditable }: DocumentProps) {
  const { t } = useTranslation();
  const article = useRef<HTMLElement>(null);
  // One per document (the page makes a new MinutesDocument for another document).
  const [mounter] = useState(() => createPartMounter({ commit: flushSync }));
  // The parts' fields, as one key (it changes only with the agenda); looked up at once before the parts read them.
  const fieldsKey = ['preamble', ...outline.items.flatMap((i) => [heardField(i.id), spokeField(i.id)]), 'closing'].join(' ');
  useMemo(() => doc && lookUpParts(doc, fieldsKey.split(' ')), [doc, fieldsKey]);

  // Opening: every part is first laid out as drawn text; before that is painted, the parts whose
  // sections overlap the scrolled view or the one view-height below it get their editors (React
  // renders them at once, before the page is painted) — then the minutes can be typed in.
  const opened = useRef(false);
  useLayoutEffect(() => {
    const el = article.current;
    if (opened.current || !doc || !el) return;
    opened.current = true;
    let near: string[] = [];
    if (editable) {
      const scroller = el.closest('.minutes-scroll');
      const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      // The sections (not the parts in them): an item off screen is not laid out (content-visibility).
      const sections = [...el.querySelectorAll(`[${PARTS_ATTR}]`)];
      near = slotsNear(sections.map((s) => s.getBoundingClientRect()), view, view.bottom - view.top).flatMap((i) => (sections[i] ? sectionFields(sections[i]) : []));
    }
    mounter.open(near, () => {
      el.setAttribute('data-editable', 'true');
      onEditable();
    });
  }, [doc, editable, mounter, onEditable]);

  // Then the rest in the background; those near what the clerk is reading first; none while typing.
  useEffect(() => {
    const el = article.current;
    if (!opened.current || !editable || !el) return;
    let io: IntersectionObserver | undefined;
    mounter.start(() => {
      io?.disconnect();
      el.setAttribute('data-all-editable', 'true');
      onAllEditable();
    });
    if (typeof IntersectionObserver === 'function') {
      io = new IntersectionObserver((entries) => {
        for (const e of entries) mounter.setNear(sectionFields(e.target), e.isIntersecting);
      }, { root: el.closest('.minutes-scroll'), rootMargin: NEAR_MARGIN });
      for (const s of el.querySelectorAll(`[${PARTS_ATTR}]`)) io.observe(s);
    }
    const onKey = () => mounter.typed();
    el.addEventListener('keydown', onKey, { capture: true, passive: true });
    return () => {
      el.removeEventListener('keydown', onKey, { capture: true });
      io?.disconnect();
      mounter.pause();
    };
  }, [doc, editable, mounter, fieldsKey, onAllEditable]);

  const h = outline.headings;
  const heardHint = t('minutes.placeholder.heard');
  const spokeHint = t('minutes.placeholder.spoke');
  const part = (field: string, label: string, hint: string, testId: string) =>
    doc ? (
      <LazyPart mounter={mounter} doc={doc} field={field} editable={editable} label={label} hint={editable ? hint : ''} testId={testId} active={active} />
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

      <section className="minutes-section" data-parts="preamble">
        {part('preamble', t('minutes.part.preamble'), t('minutes.placeholder.preamble'), 'part-preamble')}
      </section>

      {outline.items.map((item) => (
        <section key={item.id} className="minutes-item" data-testid="minutes-item" data-item-id={item.id} data-parts={`${heardField(item.id)} ${spokeField(item.id)}`}>
          <h2 className="minutes-item-title">
            {item.number}. {item.title}
            {item.untranslated && <Badge size="xs" color="orange" variant="light" ml={8} className="minutes-no-print">{t('minutes.untranslated')}</Badge>}
          </h2>
          <h3 className="minutes-heading">{h.heard}:</h3>
          {item.speaker && <Line className="minutes-speaker">{item.speaker}</Line>}
          {part(heardField(item.id), t('minutes.part.heard', { number: item.number }), heardHint, 'part-heard')}
          <h3 className="minutes-heading">{h.spoke}:</h3>
          {part(spokeField(item.id), t('minutes.part.spoke', { number: item.number }), spokeHint, 'part-spoke')}
          <h3 className="minutes-heading">{h.decided}:</h3>
          {decisionRows && decisionCtx.get(item.id) ? (
            <DecisionList itemId={item.id} itemNumber={item.number} rows={decisionRows.get(item.id) ?? []} ctx={decisionCtx.get(item.id) as DecisionContext} disabled={!editable} />
          ) : (
            <SignedDecisions decisions={item.decisions} headings={h} />
          )}
        </section>
      ))}

      <section className="minutes-section" data-parts="closing">
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
