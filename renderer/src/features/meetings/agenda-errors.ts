// What the clerk is told when an agenda write is refused for the record's state (signed minutes,
// an item deleted meanwhile) or fails otherwise.
import type { TFunction } from 'i18next';
import { StateError } from '../../db/meeting-ops';

export function agendaErrorMessage(e: unknown, t: TFunction): string {
  if (e instanceof StateError) {
    if (e.code === 'minutes_signed') return t('meetings.agenda.signed');
    if (e.code === 'not_found') return t('meetings.agenda.gone');
  }
  return t('notify.saveFailed', { message: (e as Error).message });
}
