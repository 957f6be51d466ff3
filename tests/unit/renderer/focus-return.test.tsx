// @vitest-environment jsdom
// Where the focus goes back (app/focus.ts, shell/overlay-focus.ts, app/unsaved-question.tsx): a
// card opened over a page gives it back to what opened it when it closes (to the page's main
// region when that is gone), never taking it from an element that has it; the unsaved-changes
// question gives it back to the field the clerk was in, or to the drawer around it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusedElement, returnFocus } from '../../../renderer/src/app/focus';
import { focusReturnTarget } from '../../../renderer/src/app/unsaved-question';
import { useOverlayFocusReturn } from '../../../renderer/src/shell/overlay-focus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, parent: HTMLElement = document.body): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.appendChild(e);
  return e;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('returnFocus', () => {
  it('focuses the first candidate still on the page when the focus was left on the body', () => {
    const opener = el('button');
    const main = el('main', { tabindex: '-1' });
    expect(focusedElement()).toBeNull();
    expect(returnFocus(document, [opener, main])).toBe(opener);
    expect(document.activeElement).toBe(opener);
  });

  it('skips a candidate gone from the page and one that takes no focus', () => {
    const gone = document.createElement('button');
    const plain = el('div');
    const main = el('main', { tabindex: '-1' });
    expect(returnFocus(document, [gone, plain, null, main])).toBe(main);
    expect(document.activeElement).toBe(main);
  });

  it('leaves the focus where it is when an element has it', () => {
    const opener = el('button');
    const field = el('input');
    field.focus();
    expect(returnFocus(document, [opener])).toBeNull();
    expect(document.activeElement).toBe(field);
  });
});

describe('focusReturnTarget of the unsaved-changes question', () => {
  it('is the field the clerk was in while it is on the page, else the dialog around the question', () => {
    const dialog = el('section', { role: 'dialog', tabindex: '-1' });
    const field = el('textarea', {}, dialog);
    const question = el('div', { role: 'alertdialog' }, dialog);
    const keep = el('button', {}, question);
    expect(focusReturnTarget(field, question)).toBe(field);
    field.remove();
    expect(focusReturnTarget(field, question)).toBe(dialog);
    // The question's own button is no place to go back to.
    expect(focusReturnTarget(keep, question)).toBe(dialog);
    expect(focusReturnTarget(null, question)).toBe(dialog);
  });
});

describe('useOverlayFocusReturn', () => {
  let root: Root | null = null;
  function Host({ open }: { open: boolean }) {
    useOverlayFocusReturn(open);
    return null;
  }
  const render = (open: boolean) => act(() => root?.render(<Host open={open} />));
  beforeEach(() => {
    root = createRoot(el('div'));
  });
  afterEach(() => {
    act(() => root?.unmount());
  });

  it('gives the focus back to the element that opened the card when the card goes with its field', () => {
    const main = el('main', { id: 'main', tabindex: '-1' });
    const link = el('button', {}, main);
    render(false);
    link.focus();
    render(true);
    // The card takes the focus into its field, and leaves the page with it (save by Ctrl+S).
    const field = el('input');
    field.focus();
    field.remove();
    expect(focusedElement()).toBeNull();
    render(false);
    expect(document.activeElement).toBe(link);
  });

  it('goes to the page\'s main region when the opener is gone (a row re-drawn), and takes nothing that has the focus', () => {
    const main = el('main', { id: 'main', tabindex: '-1' });
    const link = el('button', {}, main);
    render(false);
    link.focus();
    render(true);
    link.remove();
    render(false);
    expect(document.activeElement).toBe(main);

    const search = el('input', {}, main);
    const other = el('button', {}, main);
    other.focus();
    render(true);
    search.focus();
    render(false);
    expect(document.activeElement).toBe(search);
  });
});
