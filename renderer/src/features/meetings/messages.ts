// The words of a refused value: a message key of the schemas or the repository ('required',
// 'no_markup', 'duplicate_number' …) said for the field it concerns, in the UI language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

/** Keys the number field says in its own words («Укажите номер заседания»). */
const NUMBER_KEYS = new Set(['required', 'not_integer', 'min_1', 'too_big']);

/**
 * The message for `key` on `field`: the meetings' own words where they have them, else the
 * app's shared validation words, else «Неверное значение».
 */
export function messageFor(t: TFunction, field: string, key: string, values: Record<string, unknown> = {}): string {
  const unknown = t('validation.unknown');
  const shared = t(`validation.${key}`, { defaultValue: unknown });
  if (field === 'number' && NUMBER_KEYS.has(key)) return t(`meetings.validation.number_${key}`, { ...values, defaultValue: shared });
  return t(`meetings.validation.${key}`, { ...values, defaultValue: shared });
}

/** `messageFor` bound to the UI language. */
export function useMessage(): (field: string, key: string, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((field: string, key: string, values: Record<string, unknown> = {}) => messageFor(t, field, key, values), [t]);
}
