// @vitest-environment jsdom
// Unsaved changes and closing the window (app/warn-before-unload.ts): while any form holds changes
// the tab's beforeunload is held and the host is told so, in the UI language, once per change; when
// the last one saves (or unmounts) the host hears that nothing is unsaved.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useWarnBeforeUnload } from '../../../renderer/src/app/warn-before-unload';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const host = { setUnsaved: vi.fn(async (_request: { unsaved: boolean; uiLang: 'ru' | 'kk' | 'en' }) => ({ ok: true })) };
let root: Root | null = null;

function Form({ dirty }: { dirty: boolean }) {
  useWarnBeforeUnload(dirty, host);
  return null;
}

function render(forms: boolean[]) {
  act(() => root?.render(<>{forms.map((dirty, i) => <Form key={i} dirty={dirty} />)}</>));
}

/** Whether closing the tab would ask now (a listener called preventDefault on beforeunload). */
function tabAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

beforeEach(async () => {
  await i18n.use(initReactI18next).init({ lng: 'ru', resources: {} });
  host.setUnsaved.mockClear();
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root?.unmount());
});

describe('useWarnBeforeUnload', () => {
  it('tells the host once when a form gets changes, and once when the last of two forms is saved', () => {
    render([false, false]);
    expect(host.setUnsaved).not.toHaveBeenCalled();
    expect(tabAsks()).toBe(false);
    render([true, false]);
    expect(host.setUnsaved.mock.calls).toEqual([[{ unsaved: true, uiLang: 'ru' }]]);
    expect(tabAsks()).toBe(true);
    render([true, true]);
    render([false, true]);
    expect(host.setUnsaved).toHaveBeenCalledTimes(1);
    expect(tabAsks()).toBe(true);
    render([false, false]);
    expect(host.setUnsaved.mock.calls.at(-1)).toEqual([{ unsaved: false, uiLang: 'ru' }]);
    expect(host.setUnsaved).toHaveBeenCalledTimes(2);
    expect(tabAsks()).toBe(false);
  });

  it('asks in the language the clerk switched to, and lets go when the form unmounts with changes', async () => {
    render([true]);
    await act(async () => {
      await i18n.changeLanguage('kk');
    });
    expect(host.setUnsaved.mock.calls.at(-1)).toEqual([{ unsaved: true, uiLang: 'kk' }]);
    act(() => root?.render(<></>));
    expect(host.setUnsaved.mock.calls.at(-1)).toEqual([{ unsaved: false, uiLang: 'ru' }]);
    expect(tabAsks()).toBe(false);
    await i18n.changeLanguage('ru');
  });

  it('tells the host again after a call it did not take', async () => {
    host.setUnsaved.mockRejectedValueOnce(new Error('bridge closed'));
    render([true, false]);
    await act(async () => {
      await Promise.resolve();
    });
    // A second form with changes: nothing new to say, but the first call was lost.
    render([true, true]);
    render([true, false]);
    expect(host.setUnsaved.mock.calls.map((c) => c[0])).toEqual([{ unsaved: true, uiLang: 'ru' }, { unsaved: true, uiLang: 'ru' }]);
  });
});
