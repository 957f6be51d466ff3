// When each rich-text part of the minutes gets its editor. Eighty-odd TipTap editors take most of a
// second to make, so opening makes only the parts on screen and one screen below; the others show
// their text read-only (part-preview.ts) and get their editors right after, in short tasks of their
// own (a part or two each: a key or a scroll waits a few milliseconds at most) — those near where
// the clerk is reading first — pausing while the clerk types; or at once when the clerk clicks or
// tabs into one. Nothing here knows React: the page passes `commit` (flushSync) so that each part
// made in the background is on the page before the next is started.

/** Where the editor of a part just made should put the caret: at a point clicked, or at its start. */
export type FocusAt = { x: number; y: number } | 'start';

/** A box's top and bottom (px, on the same axis as the view's). */
export type Span = { top: number; bottom: number };

/**
 * The indexes of `slots` that overlap the view or the `below` pixels under it: what the clerk sees
 * on opening, and what one turn of the wheel brings.
 */
export function slotsNear(slots: readonly Span[], view: Span, below: number): number[] {
  const out: number[] = [];
  slots.forEach((s, i) => {
    if (s.bottom > view.top && s.top < view.bottom + below) out.push(i);
  });
  return out;
}

/** The part to make next: the first near one in document order; else the first one not made. */
export function nextPart(order: readonly string[], made: ReadonlySet<string>, near: ReadonlySet<string>): string | undefined {
  let first: string | undefined;
  for (const field of order) {
    if (made.has(field)) continue;
    if (near.has(field)) return field;
    first ??= field;
  }
  return first;
}

/** One background turn makes parts for about this long (ms; at least one part), then lets the page breathe. */
const SLICE_MS = 8;
/** After a key is pressed in the document, background making waits this long (ms): typing is never kept waiting. */
const TYPING_QUIET_MS = 400;

export type PartMounterOptions = {
  /** Runs `make` and puts its result on the page before returning (React's flushSync). */
  commit?: (make: () => void) => void;
  /** Runs `task` in a task of its own after `delayMs` (input and rendering go first). */
  post?: (task: () => void, delayMs: number) => void;
  now?: () => number;
};

/** A task of its own, at once (a message to itself: timers nested this deep wait 4 ms each) or after `delayMs`. */
function postTask(task: () => void, delayMs: number) {
  if (delayMs > 0 || typeof MessageChannel !== 'function') {
    setTimeout(task, delayMs);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}

export function createPartMounter(opts: PartMounterOptions = {}) {
  const commit = opts.commit ?? ((make: () => void) => make());
  const post = opts.post ?? postTask;
  const now = opts.now ?? (() => performance.now());
  /** The parts in document order (as they were registered). */
  const order: string[] = [];
  /** Parts asked for an editor … */
  const made = new Set<string>();
  /** … and those whose editor is on the page. */
  const ready = new Set<string>();
  const near = new Set<string>();
  const listeners = new Map<string, () => void>();
  const focus = new Map<string, FocusAt>();
  let running = false;
  let scheduled = false;
  let allReady = false;
  let onAllReady: (() => void) | undefined;
  /** The parts opening waits for, and what it then calls. */
  let opening: { waiting: Set<string>; done: () => void } | null = null;
  let lastKey = -Infinity;

  const remaining = () => nextPart(order, made, near);

  function checkOpened() {
    if (!opening || opening.waiting.size > 0) return;
    const { done } = opening;
    opening = null;
    done();
  }

  function checkAll() {
    if (allReady || opening || order.length === 0 || !order.every((f) => ready.has(f))) return;
    allReady = true;
    onAllReady?.();
  }

  function make(fields: Iterable<string>) {
    for (const field of fields) {
      if (made.has(field)) continue;
      made.add(field);
      listeners.get(field)?.();
    }
  }

  function turn() {
    scheduled = false;
    if (!running) return;
    const quiet = lastKey + TYPING_QUIET_MS - now();
    if (quiet > 0) {
      schedule(quiet);
      return;
    }
    const start = now();
    for (;;) {
      const field = remaining();
      if (field === undefined) break;
      commit(() => make([field]));
      if (now() - start >= SLICE_MS) break;
    }
    schedule(0);
  }

  function schedule(delayMs: number) {
    if (!running || scheduled || remaining() === undefined) return;
    scheduled = true;
    post(turn, delayMs);
  }

  return {
    /** Adds a part (in document order when parts register as they are laid out); returns its removal. */
    register(field: string): () => void {
      if (!order.includes(field)) order.push(field);
      schedule(0);
      return () => {
        const i = order.indexOf(field);
        if (i >= 0) order.splice(i, 1);
        near.delete(field);
        opening?.waiting.delete(field);
        checkOpened();
      };
    },
    /** Listens for the part being asked for its editor. */
    subscribe(field: string, listener: () => void): () => void {
      listeners.set(field, listener);
      return () => {
        if (listeners.get(field) === listener) listeners.delete(field);
      };
    },
    isMade: (field: string) => made.has(field),
    allReady: () => allReady,
    /**
     * Opening: asks for these parts' editors (in the render going on) and calls `done` once they
     * are all on the page — at once when there are none.
     */
    open(fields: readonly string[], done: () => void) {
      opening = { waiting: new Set(fields.filter((f) => !ready.has(f))), done };
      make(fields);
      checkOpened();
    },
    /** A part's editor is on the page with its text. */
    ready(field: string) {
      ready.add(field);
      opening?.waiting.delete(field);
      checkOpened();
      checkAll();
    },
    /** Makes one part's editor now, caret `at` (the clerk reached for it). */
    makeNow(field: string, at?: FocusAt) {
      if (at) focus.set(field, at);
      if (!made.has(field)) commit(() => make([field]));
    },
    /** Where the caret goes in a part just made, once (undefined: the clerk did not reach for it). */
    takeFocus(field: string): FocusAt | undefined {
      const at = focus.get(field);
      focus.delete(field);
      return at;
    },
    /** Parts near what the clerk is reading are made before the others. */
    setNear(fields: readonly string[], isNear: boolean) {
      for (const f of fields) {
        if (isNear) near.add(f);
        else near.delete(f);
      }
    },
    /**
     * Starts making the remaining parts in the background (after opening), a part or two per task;
     * `whenAllReady` is called once, when every part of the document has its editor on the page.
     */
    start(whenAllReady?: () => void) {
      onAllReady = whenAllReady;
      running = true;
      checkAll();
      schedule(0);
    },
    /** A key was pressed in the document: the background waits until typing pauses. */
    typed() {
      lastKey = now();
    },
    /** Stops making parts in the background (the page left, or the minutes became read-only). */
    pause() {
      running = false;
    },
  };
}
export type PartMounter = ReturnType<typeof createPartMounter>;
