import { describe, expect, it } from 'vitest';
import { loadMeetingEdits, saveMeetingEdits } from '../../../renderer/src/features/meetings/edits-store';
import { MEETING_FORM_FIELDS } from '../../../renderer/src/features/meetings/meeting-form';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => { m.delete(k); },
    setItem: (k, v) => { m.set(k, String(v)); },
  };
}

describe('the meeting page keeps unsaved typing per meeting', () => {
  it('gives back what was kept for that meeting only, and forgets it when the edits are emptied', () => {
    const s = memoryStorage();
    expect(saveMeetingEdits('m1', { notes: 'Заметки', time: '09:30', chairId: null }, s)).toBe(true);
    expect(loadMeetingEdits('m1', MEETING_FORM_FIELDS, s)).toEqual({ notes: 'Заметки', time: '09:30', chairId: null });
    expect(loadMeetingEdits('m2', MEETING_FORM_FIELDS, s)).toEqual({});
    saveMeetingEdits('m1', {}, s);
    expect(loadMeetingEdits('m1', MEETING_FORM_FIELDS, s)).toEqual({});
    expect(s.length).toBe(0);
  });

  it('drops what is not a field of the form or not text, and survives a damaged entry', () => {
    const s = memoryStorage();
    s.setItem('hattama.meetingEdits.m1', JSON.stringify({ notes: 'ок', number: 5, evil: 'x', place: { a: 1 } }));
    expect(loadMeetingEdits('m1', MEETING_FORM_FIELDS, s)).toEqual({ notes: 'ок' });
    s.setItem('hattama.meetingEdits.m1', '{not json');
    expect(loadMeetingEdits('m1', MEETING_FORM_FIELDS, s)).toEqual({});
  });

  it('does not keep a paste too large to be a meeting (the storage stays as it was)', () => {
    const s = memoryStorage();
    saveMeetingEdits('m1', { notes: 'раньше' }, s);
    expect(saveMeetingEdits('m1', { notes: 'ж'.repeat(300_000) }, s)).toBe(false);
    expect(loadMeetingEdits('m1', MEETING_FORM_FIELDS, s)).toEqual({ notes: 'раньше' });
  });
});
