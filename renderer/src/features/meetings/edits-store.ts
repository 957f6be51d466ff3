// What the clerk typed on a meeting's page and has not saved, kept on this machine per meeting: going
// to another screen (the register, the minutes), a reload or a crash loses nothing — the page opens
// with the typing again and says so; a save or «Вернуть как было» clears it.
import type { MeetingForm } from './meeting-form';

const PREFIX = 'hattama.meetingEdits.';
/** Edits larger than this are not kept (the schema refuses such text anyway). */
const MAX_CHARS = 200_000;

const key = (meetingId: string) => `${PREFIX}${meetingId}`;

/** Keeps the edits of a meeting (none: forgets them); false when they could not be kept. */
export function saveMeetingEdits(meetingId: string, edits: Partial<MeetingForm>, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    if (!storage) return false;
    if (Object.keys(edits).length === 0) {
      storage.removeItem(key(meetingId));
      return true;
    }
    const text = JSON.stringify(edits);
    if (text.length > MAX_CHARS) return false;
    storage.setItem(key(meetingId), text);
    return true;
  } catch {
    return false;
  }
}

/** The kept edits of a meeting: only string fields of the form, anything else dropped. */
export function loadMeetingEdits(meetingId: string, fields: readonly (keyof MeetingForm)[], storage: Storage | undefined = globalThis.localStorage): Partial<MeetingForm> {
  try {
    const raw = storage?.getItem(key(meetingId));
    if (!raw) return {};
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Partial<Record<keyof MeetingForm, unknown>> = {};
    for (const f of fields) {
      const v = (parsed as Record<string, unknown>)[f];
      if (typeof v === 'string' || v === null) out[f] = v;
    }
    return out as Partial<MeetingForm>;
  } catch {
    return {};
  }
}
