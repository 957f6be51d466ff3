// Tests for the hybrid logical clock (shared/sync/hlc).
import { describe, it, expect } from 'vitest';
import {
  MAX_CLOCK_DRIFT_MS,
  compareHlc,
  formatHlc,
  initialHlc,
  isTooFarAhead,
  parseHlc,
  receiveHlc,
  tickHlc,
  wallMsOf,
  type Hlc,
} from '@shared/sync/hlc';

const T0 = Date.UTC(2026, 2, 15, 9, 0, 0);

/** Ticks `clock` once per wall time in `times`, returning every stamp issued. */
function stampsAt(clock: Hlc, times: readonly number[]): string[] {
  const out: string[] = [];
  let c = clock;
  for (const t of times) {
    c = tickHlc(c, t);
    out.push(formatHlc(c));
  }
  return out;
}

function expectStrictlyIncreasing(stamps: readonly string[]): void {
  for (let i = 1; i < stamps.length; i++) {
    expect(compareHlc(stamps[i - 1] ?? '', stamps[i] ?? ''), `${stamps[i - 1]} < ${stamps[i]}`).toBe(-1);
  }
}

describe('HLC ordering', () => {
  it('sorts stamps in causal order (wall time, then counter, then node), as strings too', () => {
    const stamps = [
      formatHlc({ wallMs: T0, counter: 0, node: 'a' }),
      formatHlc({ wallMs: T0, counter: 0, node: 'b' }),
      formatHlc({ wallMs: T0, counter: 1, node: 'a' }),
      formatHlc({ wallMs: T0, counter: 10, node: 'a' }), // 'a' in base 36: must sort after 1..9
      formatHlc({ wallMs: T0, counter: 36, node: 'a' }),
      formatHlc({ wallMs: T0 + 1, counter: 0, node: 'a' }),
      formatHlc({ wallMs: T0 * 10, counter: 0, node: 'a' }), // one more digit of wall time
    ];
    expectStrictlyIncreasing(stamps);
    expect([...stamps].reverse().sort()).toEqual(stamps);
    expect([...stamps].reverse().sort(compareHlc)).toEqual(stamps);
    expect(compareHlc(stamps[0] ?? '', stamps[0] ?? '')).toBe(0);
  });

  it('increments the counter for ticks within the same millisecond', () => {
    const a = tickHlc(initialHlc('n1'), T0);
    const b = tickHlc(a, T0);
    const c = tickHlc(b, T0 + 0.7); // sub-millisecond time is the same millisecond
    expect(a).toEqual({ wallMs: T0, counter: 0, node: 'n1' });
    expect(b).toEqual({ wallMs: T0, counter: 1, node: 'n1' });
    expect(c).toEqual({ wallMs: T0, counter: 2, node: 'n1' });
    expectStrictlyIncreasing([a, b, c].map(formatHlc));
  });

  it('resets the counter when the wall clock moves on', () => {
    const a = tickHlc(tickHlc(initialHlc('n1'), T0), T0);
    const b = tickHlc(a, T0 + 5);
    expect(b).toEqual({ wallMs: T0 + 5, counter: 0, node: 'n1' });
  });

  it('keeps issuing increasing stamps when the wall clock goes backwards', () => {
    const times = [T0, T0 + 1000, T0 - 60_000, T0 - 60_000, T0 - 3_600_000, T0 + 1000, T0 + 2000];
    const stamps = stampsAt(initialHlc('n1'), times);
    expectStrictlyIncreasing(stamps);
    // While the clock is behind, the stamps keep the highest wall time seen.
    expect(parseHlc(stamps[2] ?? '').wallMs).toBe(T0 + 1000);
    expect(parseHlc(stamps[6] ?? '').wallMs).toBe(T0 + 2000);
  });
});

describe('receiveHlc', () => {
  it('makes later local stamps greater than a received remote stamp', () => {
    const local = tickHlc(initialHlc('local'), T0);
    const remote: Hlc = { wallMs: T0 + 60_000, counter: 7, node: 'remote' }; // a minute ahead: allowed
    const afterReceive = receiveHlc(local, remote, T0);
    const nextLocal = tickHlc(afterReceive, T0 + 1);
    expect(afterReceive.node).toBe('local');
    expect(compareHlc(formatHlc(remote), formatHlc(afterReceive))).toBe(-1);
    expect(compareHlc(formatHlc(remote), formatHlc(nextLocal))).toBe(-1);
    expect(compareHlc(formatHlc(afterReceive), formatHlc(nextLocal))).toBe(-1);
  });

  it('stays ahead of both clocks when they share the same millisecond', () => {
    const local: Hlc = { wallMs: T0, counter: 3, node: 'local' };
    const remote: Hlc = { wallMs: T0, counter: 9, node: 'remote' };
    const r = receiveHlc(local, remote, T0 - 10);
    expect(r).toEqual({ wallMs: T0, counter: 10, node: 'local' });
  });

  it('follows the local wall clock when it is ahead of both', () => {
    const r = receiveHlc({ wallMs: T0, counter: 3, node: 'local' }, { wallMs: T0 - 5, counter: 9, node: 'remote' }, T0 + 100);
    expect(r).toEqual({ wallMs: T0 + 100, counter: 0, node: 'local' });
  });

  it('refuses a remote stamp more than 5 minutes ahead, with an error', () => {
    const local = tickHlc(initialHlc('local'), T0);
    const remote: Hlc = { wallMs: T0 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'remote' };
    expect(MAX_CLOCK_DRIFT_MS).toBe(5 * 60 * 1000);
    expect(() => receiveHlc(local, remote, T0)).toThrow(/ahead/);
    // Exactly 5 minutes ahead is still accepted.
    expect(receiveHlc(local, { ...remote, wallMs: T0 + MAX_CLOCK_DRIFT_MS }, T0).wallMs).toBe(T0 + MAX_CLOCK_DRIFT_MS);
  });

  it('flags stamps too far ahead of a reference clock', () => {
    expect(isTooFarAhead(formatHlc({ wallMs: T0 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'x' }), T0)).toBe(true);
    expect(isTooFarAhead(formatHlc({ wallMs: T0 + MAX_CLOCK_DRIFT_MS, counter: 5, node: 'x' }), T0)).toBe(false);
    expect(isTooFarAhead(formatHlc({ wallMs: T0 - 86_400_000, counter: 0, node: 'x' }), T0)).toBe(false);
  });
});

describe('formatHlc / parseHlc', () => {
  it('round-trips a stamp', () => {
    const node = crypto.randomUUID();
    const h: Hlc = { wallMs: T0, counter: 12_345, node };
    const stamp = formatHlc(h);
    expect(stamp).toBe(`00${T0}-0009ix-${node}`);
    expect(parseHlc(stamp)).toEqual(h);
    expect(formatHlc(parseHlc(stamp))).toBe(stamp);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a stamp'],
    ['short wall time', `${T0}-000000-node`],
    ['upper-case counter', `00${T0}-00000A-node`],
    ['missing node', `00${T0}-000000-`],
    ['node with a space', `00${T0}-000000-no de`],
    ['node too long', `00${T0}-000000-${'n'.repeat(65)}`],
    ['trailing newline', `00${T0}-000000-node\n`],
  ])('throws on a malformed stamp (%s)', (_name, stamp) => {
    expect(() => parseHlc(stamp)).toThrow(/Malformed HLC stamp/);
  });

  it('reads the wall time of a stamp as parsing it whole does, and refuses one without a wall time', () => {
    for (const wallMs of [0, 1, T0, T0 + MAX_CLOCK_DRIFT_MS, 999_999_999_999_999]) {
      const stamp = formatHlc({ wallMs, counter: 77, node: 'client-b' });
      expect(wallMsOf(stamp)).toBe(parseHlc(stamp).wallMs);
    }
    for (const bad of ['', 'not a stamp', `${T0}-000000-node`, ` 0${T0}-000000-node`, `00${T0}x000000-node`, `+0${T0}-000000-node`]) expect(() => wallMsOf(bad), bad).toThrow(/Malformed HLC stamp/);
  });

  it('rejects a bad node id for a fresh clock', () => {
    expect(() => initialHlc('')).toThrow();
    expect(() => initialHlc('a b')).toThrow();
    expect(initialHlc('node_1-x')).toEqual({ wallMs: 0, counter: 0, node: 'node_1-x' });
  });
});
