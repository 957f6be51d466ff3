// What a refused write says: a ValidationError's issue in the minutes' own words (a deadline
// before the meeting) or the app's shared validation words, shown at its field; a signed minutes'
// refusal and anything else as a notification.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ValidationError } from '../../db/repository';
import { StateError } from '../../db/meeting-ops';

export type ErrorMessage = { text: string; inline: boolean };

export function errorMessage(t: TFunction, e: unknown): ErrorMessage {
  if (e instanceof ValidationError) {
    const key = e.issues[0]?.message ?? 'unknown';
    const shared = t(`validation.${key}`, { defaultValue: t('validation.unknown') });
    return { text: t(`minutes.error.${key}`, { defaultValue: shared }), inline: true };
  }
  if (e instanceof StateError && e.code === 'minutes_signed') return { text: t('minutes.error.minutes_signed'), inline: false };
  return { text: t('minutes.error.saveFailed', { message: e instanceof Error ? e.message : String(e) }), inline: false };
}

export function useErrorMessage(): (e: unknown) => ErrorMessage {
  const { t } = useTranslation();
  return useCallback((e: unknown) => errorMessage(t, e), [t]);
}
