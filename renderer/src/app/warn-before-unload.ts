// While a form holds changes not yet saved, closing the window asks first. In the browser that is
// the browser's own question (beforeunload). The desktop window is closed by its main process
// (which saves the window and the snapshot, then destroys it, so no beforeunload question shows):
// the renderer tells it whether any form holds changes, and in which language to ask
// (`app:set-unsaved`); what was typed on the cards and the meeting page is kept as a draft all the same.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '@shared/locale/lang';
import { getHost, type HostBridge } from '../host';

/** The forms that hold unsaved changes now, each with the UI language it was rendered in. */
const holders = new Map<symbol, Lang>();
/** What the host was last told ('' before anything). */
let told = '';

function uiLang(lang: string): Lang {
  return (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'ru';
}

/** Tells the host whether any form holds unsaved changes, when that (or the language) changed. */
function tell(host: Pick<HostBridge, 'setUnsaved'>): void {
  const unsaved = holders.size > 0;
  const lang = [...holders.values()].at(-1) ?? 'ru';
  const now = unsaved ? `yes:${lang}` : 'no';
  if (now === told) return;
  told = now;
  void host.setUnsaved({ unsaved, uiLang: lang }).catch(() => {
    // Told again at the next change: the question at close is a courtesy, the drafts are kept.
    told = '';
  });
}

/**
 * Registers a form's unsaved state with the window: the browser asks before the tab closes, the
 * desktop host before its window closes.
 * @param host the host to tell (tests pass their own; the app's by default)
 */
export function useWarnBeforeUnload(hasChanges: boolean, host: Pick<HostBridge, 'setUnsaved'> = getHost()): void {
  const { i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  useEffect(() => {
    if (!hasChanges) return;
    const key = Symbol('unsaved form');
    holders.set(key, lang);
    tell(host);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      holders.delete(key);
      tell(host);
    };
  }, [hasChanges, lang, host]);
}
