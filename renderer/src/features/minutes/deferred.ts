// Heavy controls made a few at a time after the page is shown: forty decisions' selects and
// pickers would otherwise all be made (and positioned) before the minutes can be typed in.
import { startTransition, useEffect, useState } from 'react';

const queue: (() => void)[] = [];
let scheduled = false;
/** Rows made ready per idle moment. */
const PER_BATCH = 4;

function pump() {
  scheduled = false;
  // A transition: React makes them in slices and lets the clerk's keystrokes in between.
  startTransition(() => {
    for (const ready of queue.splice(0, PER_BATCH)) ready();
  });
  if (queue.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(pump, { timeout: 500 });
  else setTimeout(pump, 16);
}

/**
 * False at first, true once its turn comes (in document order, a few per idle moment) or at once
 * when `now` is called (the clerk reached for it).
 */
export function useDeferredReady(): [boolean, () => void] {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const make = () => setReady(true);
    queue.push(make);
    schedule();
    return () => {
      const i = queue.indexOf(make);
      if (i >= 0) queue.splice(i, 1);
    };
  }, [ready]);
  return [ready, () => setReady(true)];
}
