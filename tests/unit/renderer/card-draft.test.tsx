// @vitest-environment jsdom
// The project card's draft (use-card-draft.ts): what the clerk types is kept a moment later; once
// the card is saved or its changes thrown away, the draft is gone and stays gone, however long the
// closing card goes on rendering (the drawer's closing animation on a busy machine).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useCardDraft } from '../../../renderer/src/features/project/use-card-draft';
import { loadDraft } from '../../../renderer/src/features/project/draft-store';
import { toForm, type ProjectForm } from '../../../renderer/src/features/project/project-form';
import { projectFieldsSchema } from '@shared/domain/project.schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const BASE = toForm(projectFieldsSchema.parse({ title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] }));
let root: Root | null = null;
let api: ReturnType<typeof useCardDraft> | null = null;

function Card({ values }: { values: ProjectForm }) {
  api = useCardDraft(ID, values, ['notes'], null);
  return null;
}

/** Renders the card with `notes` typed (a new values object each time, as a re-render may give). */
function render(notes: string) {
  act(() => root?.render(<Card values={{ ...BASE, notes }} />));
}

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'ru', resources: {} });
});
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root?.unmount());
  vi.useRealTimers();
});

describe('the card\'s draft', () => {
  it('keeps what was typed a moment later', () => {
    render('Выезд на объект 12.03');
    expect(loadDraft(ID)).toBeNull();
    act(() => vi.advanceTimersByTime(500));
    expect(loadDraft(ID)?.values.notes).toBe('Выезд на объект 12.03');
  });

  it('once the changes are thrown away, keeps none, though the closing card renders again', () => {
    render('Выезд на объект 12.03');
    act(() => vi.advanceTimersByTime(500));
    act(() => api?.clear());
    expect(loadDraft(ID)).toBeNull();
    // The card renders on while it closes, its values (the same text) a new object.
    render('Выезд на объект 12.03');
    act(() => vi.advanceTimersByTime(1000));
    expect(loadDraft(ID)).toBeNull();
  });
});
