// The gentle hints on an agenda item's titles, in the UI language: «О …» / «Об …» in Russian
// («Об» before a vowel), «… туралы» in Kazakh.
import type { TFunction } from 'i18next';
import { titleHint } from './meeting-form';

export function titleHints(item: { titleRu?: string | undefined; titleKk?: string | undefined }, t: TFunction): { ru?: string; kk?: string } {
  const ru = titleHint(item.titleRu ?? '', 'ru');
  const kk = titleHint(item.titleKk ?? '', 'kk');
  return {
    ...(ru ? { ru: t(ru === 'ob' ? 'meetings.agenda.hintOb' : 'meetings.agenda.hintRu') } : {}),
    ...(kk ? { kk: t('meetings.agenda.hintKk') } : {}),
  };
}
