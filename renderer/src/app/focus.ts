// Small focus helpers the forms and the shell share: where the focus is, and where it goes back.

/** The element that has the focus, unless that is nothing in particular (the page body). */
export function focusedElement(doc: Document = document): HTMLElement | null {
  const el = doc.activeElement;
  return el instanceof HTMLElement && el !== doc.body && el !== doc.documentElement ? el : null;
}

/**
 * Gives the focus back to the first of `candidates` still on the page that takes it, but only when
 * the focus was left on nothing (an element that took it meanwhile keeps it). Returns the element
 * focused, or null.
 */
export function returnFocus(doc: Document, candidates: readonly (HTMLElement | null | undefined)[]): HTMLElement | null {
  if (focusedElement(doc)) return null;
  for (const el of candidates) {
    if (!el || !el.isConnected) continue;
    el.focus();
    if (doc.activeElement === el) return el;
  }
  return null;
}
