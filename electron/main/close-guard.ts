// Closing the window while a form holds unsaved changes: the renderer tells the main process when
// it has any (`app:set-unsaved`, with its UI language), and the window's close asks the clerk first,
// in that language — the renderer's own `beforeunload` question never shows, as the main process
// closes the window itself after the quit's snapshot. Plain module: the glue passes the dialog.
import type { UiLang } from './bridge-handlers.service';

/** The question's words in each UI language. */
export const CLOSE_GUARD_WORDS: Readonly<Record<UiLang, { title: string; message: string; detail: string; close: string; stay: string }>> = {
  ru: {
    title: 'Hattama',
    message: 'Есть несохранённые изменения',
    detail: 'Закрыть программу, не сохраняя их?',
    close: 'Закрыть, не сохраняя',
    stay: 'Вернуться к работе',
  },
  kk: {
    title: 'Hattama',
    message: 'Сақталмаған өзгерістер бар',
    detail: 'Бағдарламаны оларды сақтамай жабу керек пе?',
    close: 'Сақтамай жабу',
    stay: 'Жұмысқа оралу',
  },
  en: {
    title: 'Hattama',
    message: 'There are unsaved changes',
    detail: 'Close the app without saving them?',
    close: 'Close without saving',
    stay: 'Back to work',
  },
};

/** The message box the guard shows (Electron's dialog.showMessageBox options, the part used). */
export interface CloseQuestion {
  readonly type: 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: string[];
  readonly defaultId: number;
  readonly cancelId: number;
  readonly noLink: true;
}

export interface CloseGuard {
  /** What the renderer last said: whether it holds unsaved changes, and its UI language. */
  set(state: { unsaved: boolean; uiLang: UiLang }): void;
  /** Whether the renderer holds unsaved changes now. */
  readonly unsaved: () => boolean;
  /**
   * Whether the window may close: at once when nothing is unsaved, else the clerk's answer to the
   * question (the safe answer — stay — is the default and what Escape gives).
   */
  confirm(ask: (question: CloseQuestion) => Promise<{ response: number }>): Promise<boolean>;
  /** The window's page went away (reloaded or closed): what it said no longer holds. */
  reset(): void;
}

/** The question in `lang`: «Вернуться к работе» first, the default and the cancel answer. */
export function closeQuestion(lang: UiLang): CloseQuestion {
  const w = CLOSE_GUARD_WORDS[lang];
  return { type: 'warning', title: w.title, message: w.message, detail: w.detail, buttons: [w.stay, w.close], defaultId: 0, cancelId: 0, noLink: true };
}

export function createCloseGuard(): CloseGuard {
  let state: { unsaved: boolean; uiLang: UiLang } = { unsaved: false, uiLang: 'ru' };
  let asking: Promise<boolean> | null = null;
  return {
    set(next) {
      state = { unsaved: next.unsaved, uiLang: next.uiLang };
    },
    unsaved: () => state.unsaved,
    confirm(ask) {
      if (!state.unsaved) return Promise.resolve(true);
      // A second close while the question is up gets the same answer, not a second question.
      asking ??= ask(closeQuestion(state.uiLang))
        .then(({ response }) => response === 1)
        .finally(() => {
          asking = null;
        });
      return asking;
    },
    reset() {
      state = { ...state, unsaved: false };
    },
  };
}
