// Keeps what the clerk typed into the card as a draft (only the changed fields, debounced) until
// the card is saved or the changes discarded, and warns before the window closes with changes.
import { useEffect, useRef, useState } from 'react';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft-store';
import type { ProjectForm } from './project-form';

export function useCardDraft(projectId: string | null, values: ProjectForm, dirtyFields: readonly (keyof ProjectForm)[], baseUpdatedAt: string | null) {
  const [draft, setDraft] = useState<Draft | null>(() => loadDraft(projectId));
  const dirty = dirtyFields.length > 0;
  /** The card was saved or its changes thrown away: nothing more is kept, though it renders on while it closes. */
  const finished = useRef(false);
  useEffect(() => {
    if (!dirty || finished.current) return;
    const timer = setTimeout(() => {
      if (finished.current) return;
      const changed: Partial<ProjectForm> = {};
      for (const k of dirtyFields) (changed as Record<string, unknown>)[k] = values[k];
      saveDraft(projectId, { values: changed, savedAt: new Date().toISOString(), baseUpdatedAt });
    }, 400);
    return () => clearTimeout(timer);
  }, [values, dirty, dirtyFields, projectId, baseUpdatedAt]);
  useWarnBeforeUnload(dirty);
  return {
    draft,
    /** Forgets the offer to restore (the draft stays stored until saved or discarded). */
    dismiss: () => setDraft(null),
    discard: () => {
      clearDraft(projectId);
      setDraft(null);
    },
    /** The card is saved or its changes thrown away: the draft goes, and no later render keeps a new one. */
    clear: () => {
      finished.current = true;
      clearDraft(projectId);
    },
  };
}
