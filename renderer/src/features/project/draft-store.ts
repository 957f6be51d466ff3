// Drafts of the project card: what the clerk typed is kept on this machine while the card is
// open, so a closed window, a crash or a power cut loses nothing; saving the card clears it.
import type { ProjectForm } from './project-form';

const PREFIX = 'hattama.draft.';
/** Drafts larger than this are not kept (the schema refuses such text anyway). */
const MAX_DRAFT_CHARS = 1_000_000;

/** What the clerk changed in the card (only the changed fields), when, and the version of the record it was typed over. */
export type Draft = { values: Partial<ProjectForm>; savedAt: string; baseUpdatedAt: string | null };

function key(projectId: string | null): string {
  return `${PREFIX}${projectId ?? 'new'}`;
}

/** Keeps a draft; returns false when it could not be kept (too large, storage full). */
export function saveDraft(projectId: string | null, draft: Draft, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    const text = JSON.stringify(draft);
    if (text.length > MAX_DRAFT_CHARS || !storage) return false;
    storage.setItem(key(projectId), text);
    return true;
  } catch {
    return false;
  }
}

/** The kept draft of a project (or of the new-project card), if any and readable. */
export function loadDraft(projectId: string | null, storage: Storage | undefined = globalThis.localStorage): Draft | null {
  try {
    const raw = storage?.getItem(key(projectId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && typeof d === 'object' && d.values && typeof d.savedAt === 'string' ? d : null;
  } catch {
    return null;
  }
}

export function clearDraft(projectId: string | null, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.removeItem(key(projectId));
  } catch {
    /* storage unavailable: nothing to clear */
  }
}
