// The end-to-end tests' stand-in for the Electron preload has every method of the bridge contract,
// and each of its default answers is one the contract accepts — a new channel cannot leave the
// desktop-host tests with a bridge the app refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeContract } from '@shared/bridge/contract';
import { BRIDGE_EVENTS } from '@shared/bridge/channels';
import { standInBridge } from '../../support/stand-in-bridge';

const g = globalThis as unknown as { window?: { hattama?: Record<string, (r?: unknown) => unknown> } };
afterEach(() => {
  delete g.window;
});

function install() {
  g.window = {};
  standInBridge();
  const bridge = g.window.hattama;
  if (!bridge) throw new Error('not installed');
  return bridge;
}

describe('the stand-in desktop bridge of the end-to-end tests', () => {
  it('has exactly the methods of the bridge contract and its events', () => {
    const expected = [...Object.values(bridgeContract).map((c) => c.method), ...Object.values(BRIDGE_EVENTS)].sort();
    expect(Object.keys(install()).sort()).toEqual(expected);
  });

  it('answers every request with what the contract accepts', async () => {
    const bridge = install();
    for (const [channel, c] of Object.entries(bridgeContract)) {
      const method = bridge[c.method];
      if (!method) throw new Error(`no ${c.method}`);
      let answer: unknown;
      try {
        answer = await method({ bytes: new Uint8Array([1, 2, 3]) });
      } catch {
        continue; // An answer that is a refusal (backupRead of an unknown snapshot).
      }
      expect(c.response.safeParse(answer).success, `${channel} → ${JSON.stringify(answer)}`).toBe(true);
    }
  });
});
