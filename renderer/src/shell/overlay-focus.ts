// Where the focus goes when a card opened over a page (an overlay route: a project's, an
// assignment's) closes — saved with Ctrl+S, closed with Escape or its button. The card's drawer
// leaves the page together with the route, so the drawer's own focus return never runs and the
// focus would fall to the page body: the shell gives it back to the element that opened the card
// (the register row's title), or to the page's main region when that element is gone.
import { useLayoutEffect, useRef } from 'react';
import { focusedElement, returnFocus } from '../app/focus';

/** Remembers what had the focus when an overlay opened over a page and gives it back when it closes. */
export function useOverlayFocusReturn(overlayOpen: boolean, mainId = 'main') {
  const opener = useRef<HTMLElement | null>(null);
  const was = useRef(overlayOpen);
  // A layout effect: it runs before the card's drawer moves the focus in (after a tick).
  useLayoutEffect(() => {
    if (overlayOpen === was.current) return;
    was.current = overlayOpen;
    if (overlayOpen) {
      opener.current = focusedElement(document);
      return;
    }
    const el = opener.current;
    opener.current = null;
    returnFocus(document, [el, document.getElementById(mainId)]);
  }, [overlayOpen, mainId]);
}
