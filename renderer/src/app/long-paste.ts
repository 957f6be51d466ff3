// A text field's change far beyond the field's limit (a 10 MB paste) is refused as it arrives, with
// a message, and the field keeps what it held: taking it in first froze the window for seconds
// (the growing text area measured it, the check of the whole form read it) before the save refused it.
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { formatNumber } from '@shared/locale/money';

/** The message refusing `value` in a field of at most `max` characters, or null when it fits. */
export function longPasteMessage(value: string, max: number, t: TFunction, lang: Lang): string | null {
  if (value.length <= max) return null;
  return t('validation.paste_too_long', { count: formatNumber(value.length, lang), max: formatNumber(max, lang) });
}

/**
 * A form's check of a change as it arrives: `refuse(field, value, max)` puts the message on the
 * field through `setError` and returns true when the value is refused, false when it fits.
 */
export function longPasteRefuser<K extends string>(setError: (field: K, message: string) => void, t: TFunction, lang: Lang) {
  return (field: K, value: string, max: number): boolean => {
    const message = longPasteMessage(value, max, t, lang);
    if (message !== null) setError(field, message);
    return message !== null;
  };
}
