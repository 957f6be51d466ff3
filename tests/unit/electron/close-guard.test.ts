// Closing the desktop window with unsaved changes (electron/main/close-guard.ts): nothing unsaved
// closes at once; otherwise the clerk is asked in the UI language the renderer gave, staying is the
// default, and a second close while the question is up asks nothing more.
import { describe, expect, it, vi } from 'vitest';
import { CLOSE_GUARD_WORDS, closeQuestion, createCloseGuard } from '../../../electron/main/close-guard';

describe('the close guard', () => {
  it('lets the window close without a question when nothing is unsaved', async () => {
    const guard = createCloseGuard();
    const ask = vi.fn(async () => ({ response: 0 }));
    await expect(guard.confirm(ask)).resolves.toBe(true);
    guard.set({ unsaved: true, uiLang: 'ru' });
    guard.set({ unsaved: false, uiLang: 'ru' });
    await expect(guard.confirm(ask)).resolves.toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks in the renderer\'s language; «Вернуться к работе» keeps the window, «Закрыть, не сохраняя» closes it', async () => {
    const guard = createCloseGuard();
    guard.set({ unsaved: true, uiLang: 'kk' });
    const stay = vi.fn(async () => ({ response: 0 }));
    await expect(guard.confirm(stay)).resolves.toBe(false);
    expect(stay).toHaveBeenCalledWith(closeQuestion('kk'));
    expect(closeQuestion('kk').message).toBe('Сақталмаған өзгерістер бар');
    expect(closeQuestion('kk').buttons).toEqual(['Жұмысқа оралу', 'Сақтамай жабу']);
    await expect(guard.confirm(async () => ({ response: 1 }))).resolves.toBe(true);
  });

  it('makes staying the default and what Escape gives', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const q = closeQuestion(lang);
      expect(q.buttons[q.defaultId]).toBe(CLOSE_GUARD_WORDS[lang].stay);
      expect(q.buttons[q.cancelId]).toBe(CLOSE_GUARD_WORDS[lang].stay);
    }
  });

  it('asks once when the window is closed twice while the question is up', async () => {
    const guard = createCloseGuard();
    guard.set({ unsaved: true, uiLang: 'ru' });
    let answer: (r: { response: number }) => void = () => undefined;
    const ask = vi.fn(() => new Promise<{ response: number }>((resolve) => (answer = resolve)));
    const first = guard.confirm(ask);
    const second = guard.confirm(ask);
    answer({ response: 1 });
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('forgets the unsaved changes of a page that reloaded or whose renderer is gone', async () => {
    const guard = createCloseGuard();
    guard.set({ unsaved: true, uiLang: 'en' });
    expect(guard.unsaved()).toBe(true);
    guard.reset();
    expect(guard.unsaved()).toBe(false);
    const ask = vi.fn(async () => ({ response: 0 }));
    await expect(guard.confirm(ask)).resolves.toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });
});
