// The board as a page of the shell, with its search field reachable from the search command
// (Ctrl+K, `/`, the menu) wherever the clerk is.
import { createRef } from 'react';
import { BoardView } from './BoardView';

const searchRef = createRef<HTMLInputElement>();

export function BoardPage() {
  return <BoardView searchRef={searchRef} />;
}

/** Focuses the register's search once the board is on screen (it may be mounting right now). */
export function focusBoardSearch(frames = 60) {
  const input = searchRef.current;
  if (input) input.focus();
  else if (frames > 0) requestAnimationFrame(() => focusBoardSearch(frames - 1));
}
