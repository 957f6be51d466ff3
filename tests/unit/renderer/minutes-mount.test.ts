// When the parts of opened minutes get their editors: on opening, those on screen and one screen
// below; then the others in the background, those near where the clerk reads first, none while
// the clerk types; a part clicked at once, with the caret where it was clicked.
import { describe, expect, it } from 'vitest';
import { createPartMounter, nextPart, slotsNear } from '../../../renderer/src/features/minutes/part-mount';

describe('what is made on opening', () => {
  it('the sections on screen and within one screen below it', () => {
    const view = { top: 100, bottom: 900 };
    const sections = [
      { top: 100, bottom: 700 }, // on screen
      { top: 700, bottom: 1600 }, // partly on screen
      { top: 1600, bottom: 1699 }, // within one screen below
      { top: 1699, bottom: 2600 }, // starts just inside the margin
      { top: 2600, bottom: 3500 }, // beyond it
      { top: -900, bottom: 100 }, // scrolled past
    ];
    expect(slotsNear(sections, view, 800)).toEqual([0, 1, 2, 3]);
    expect(slotsNear(sections, view, 0)).toEqual([0, 1]);
  });
});

describe('the order of the rest', () => {
  it('parts near where the clerk reads first, then document order', () => {
    const order = ['preamble', 'a/heard', 'a/spoke', 'b/heard', 'b/spoke', 'closing'];
    expect(nextPart(order, new Set(['preamble']), new Set())).toBe('a/heard');
    expect(nextPart(order, new Set(['preamble']), new Set(['b/spoke', 'b/heard']))).toBe('b/heard');
    expect(nextPart(order, new Set(order), new Set(['b/heard']))).toBeUndefined();
  });
});

/** A mounter on a hand-driven clock and task queue; each part's editor is on the page as soon as it is asked for. */
function harness({ editorsAtOnce = true } = {}) {
  let clock = 0;
  const tasks: { at: number; run: () => void }[] = [];
  const made: string[] = [];
  let costMs = 5;
  const m = createPartMounter({
    post: (run, delayMs) => void tasks.push({ at: clock + delayMs, run }),
    now: () => clock,
    commit: (make) => {
      make();
      clock += costMs;
    },
  });
  const fields = ['preamble', 'a/heard', 'a/spoke', 'b/heard', 'b/spoke', 'c/heard', 'c/spoke', 'closing'];
  for (const f of fields) {
    m.subscribe(f, () => {
      made.push(f);
      if (editorsAtOnce) m.ready(f);
    });
    m.register(f);
  }
  /** Runs the tasks due by `until` (ms), in order. */
  const runUntil = (until: number) => {
    for (;;) {
      tasks.sort((a, b) => a.at - b.at);
      const next = tasks[0];
      if (!next || next.at > until) break;
      tasks.shift();
      clock = Math.max(clock, next.at);
      next.run();
    }
    clock = Math.max(clock, until);
  };
  return { m, made, fields, runUntil, setCost: (ms: number) => (costMs = ms) };
}

describe('opening', () => {
  it('the minutes can be typed in once the parts asked for on opening have their editors on the page', () => {
    const h = harness({ editorsAtOnce: false });
    let opened = 0;
    h.m.open(['preamble', 'a/heard', 'a/spoke'], () => opened++);
    expect(h.made).toEqual(['preamble', 'a/heard', 'a/spoke']);
    h.m.ready('preamble');
    h.m.ready('a/heard');
    expect(opened).toBe(0);
    h.m.ready('a/spoke');
    expect(opened).toBe(1);
    h.m.ready('a/spoke');
    expect(opened).toBe(1);
  });

  it('at once when nothing is on screen (or the minutes are read-only)', () => {
    const h = harness();
    let opened = 0;
    h.m.open([], () => opened++);
    expect(opened).toBe(1);
    expect(h.made).toEqual([]);
  });

  it('every part ready is not said before the opening is', () => {
    const h = harness({ editorsAtOnce: false });
    let opened = 0;
    let all = 0;
    h.m.open(h.fields, () => opened++);
    h.m.start(() => all++);
    for (const f of h.fields.slice(0, -1)) h.m.ready(f);
    expect([opened, all]).toEqual([0, 0]);
    h.m.ready('closing');
    expect([opened, all]).toEqual([1, 1]);
  });
});

describe('making the parts in the background', () => {
  it('makes every part, a part or two per task, and says once when all are on the page', () => {
    const h = harness();
    h.m.open(['preamble', 'a/heard', 'a/spoke'], () => undefined);
    let all = 0;
    h.m.start(() => all++);
    h.runUntil(0);
    // One task made two parts (5 ms each against a slice of 8 ms) and let the page go on.
    expect(h.made).toEqual(['preamble', 'a/heard', 'a/spoke', 'b/heard', 'b/spoke']);
    expect(all).toBe(0);
    h.runUntil(1000);
    expect(h.made).toEqual(h.fields);
    expect(all).toBe(1);
    expect(h.m.allReady()).toBe(true);
  });

  it('a part slow to make is alone in its task', () => {
    const h = harness();
    h.setCost(30);
    h.m.open([], () => undefined);
    h.m.start();
    h.runUntil(0);
    expect(h.made).toEqual(['preamble']);
  });

  it('parts near the screen go first', () => {
    const h = harness();
    h.m.open(['preamble'], () => undefined);
    h.m.setNear(['c/heard', 'c/spoke'], true);
    h.m.start();
    h.runUntil(0);
    expect(h.made.slice(1)).toEqual(['c/heard', 'c/spoke']);
  });

  it('waits while the clerk types and goes on when typing pauses', () => {
    const h = harness();
    h.m.open(['preamble'], () => undefined);
    h.m.typed();
    h.m.start();
    h.runUntil(300);
    expect(h.made).toEqual(['preamble']);
    h.m.typed(); // another key at 300 ms
    h.runUntil(650);
    expect(h.made).toEqual(['preamble']);
    h.runUntil(2000);
    expect(h.made).toEqual(h.fields);
  });

  it('stops when paused (the page left, the minutes signed)', () => {
    const h = harness();
    h.m.open([], () => undefined);
    h.m.start();
    h.m.pause();
    h.runUntil(5000);
    expect(h.made).toEqual([]);
  });
});

describe('a part the clerk reaches for', () => {
  it('is made at once, and its editor learns once where the caret goes', () => {
    const h = harness();
    let all = 0;
    h.m.open([], () => undefined);
    h.m.start(() => all++);
    h.m.makeNow('closing', { x: 120, y: 480 });
    expect(h.made).toEqual(['closing']);
    expect(h.m.takeFocus('closing')).toEqual({ x: 120, y: 480 });
    expect(h.m.takeFocus('closing')).toBeUndefined();
    // A part made in the background puts no caret anywhere.
    h.runUntil(1000);
    expect(h.m.takeFocus('a/heard')).toBeUndefined();
    expect(all).toBe(1);
  });
});
