// The host side of the live channel (shared/bridge/live-channel.ts), as both hosts run it: the
// token goes only into the socket's subprotocols, never into an event; no session means no
// socket; what arrives is checked against the contract; a close by the server for an ended
// session says so; disconnect closes the socket once.
import { describe, expect, it, vi } from 'vitest';
import { createLiveChannel, liveUrl, type LiveSocketCallbacks } from '../../../shared/bridge/live-channel';
import { parseLiveHostEvent } from '../../../shared/bridge/live';
import { LIVE_PROTOCOL, tokenFromProtocols } from '../../../shared/sync/live';

const TOKEN = 'A'.repeat(43);
const DOC = 'minutes/0190a8c0-0000-7000-8000-000000000001/ru';

function setup(credentials: { serverUrl: string; token: string } | { reason: string } = { serverUrl: 'https://hattama.aktobe.kz', token: TOKEN }) {
  const payloads: string[] = [];
  const sockets: Array<{ url: string; protocols: string[]; cb: LiveSocketCallbacks; send: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> }> = [];
  const warn = vi.fn();
  const channel = createLiveChannel({
    credentials: async () => credentials,
    openSocket: (url, protocols, cb) => {
      const s = { url, protocols, cb, send: vi.fn(), close: vi.fn() };
      sockets.push(s);
      return { send: s.send, close: s.close };
    },
    emit: (p) => payloads.push(p),
    warn,
  });
  return { channel, payloads, sockets, warn, events: () => payloads.map(parseLiveHostEvent) };
}

describe('live channel (host side)', () => {
  it('opens one socket to the server with the token in the subprotocols, and never hands the token on', async () => {
    const { channel, sockets, payloads } = setup();
    expect(await channel.connect()).toEqual({ started: true });
    expect(await channel.connect()).toEqual({ started: true });
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('wss://hattama.aktobe.kz/api/v1/live');
    expect(sockets[0]!.protocols[0]).toBe(LIVE_PROTOCOL);
    expect(tokenFromProtocols(sockets[0]!.protocols.join(', '))).toBe(TOKEN);
    // Not open yet: nothing is sent.
    expect(await channel.send({ type: 'leave', docId: DOC })).toEqual({ sent: false });
    sockets[0]!.cb.onOpen();
    expect(await channel.send({ type: 'leave', docId: DOC })).toEqual({ sent: true });
    expect(sockets[0]!.send).toHaveBeenCalledWith(JSON.stringify({ type: 'leave', docId: DOC }));
    sockets[0]!.cb.onMessage(JSON.stringify({ type: 'joined', docId: DOC, canWrite: true, stateVector: 'AA==' }));
    expect(payloads.join('')).not.toContain(TOKEN);
  });

  it('does not open without a session, and says why', async () => {
    const { channel, sockets } = setup({ reason: 'Sign in to work live.' });
    expect(await channel.connect()).toEqual({ started: false, reason: 'Sign in to work live.' });
    expect(sockets).toHaveLength(0);
  });

  it('hands on what fits the contract and drops the rest', async () => {
    const { channel, sockets, events, warn } = setup();
    await channel.connect();
    sockets[0]!.cb.onOpen();
    sockets[0]!.cb.onMessage(JSON.stringify({ type: 'update', docId: DOC, update: 'AAA=', by: 'Айгерим' }));
    sockets[0]!.cb.onMessage('{"type":"update","docId":"../../x","update":"AAA=","by":null}');
    sockets[0]!.cb.onMessage('<html>');
    expect(events()).toEqual([{ type: 'open' }, { type: 'message', message: { type: 'update', docId: DOC, update: 'AAA=', by: 'Айгерим' } }]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('says when the server ended the session, and opens a new socket after a close', async () => {
    const { channel, sockets, events } = setup();
    await channel.connect();
    sockets[0]!.cb.onClose(4401, 'session ended');
    expect(events().at(-1)).toEqual({ type: 'closed', code: 4401, reason: 'session ended', signedOut: true });
    await channel.connect();
    sockets[1]!.cb.onClose(1006, '');
    expect(events().at(-1)).toEqual({ type: 'closed', code: 1006, reason: '', signedOut: false });
    expect(sockets).toHaveLength(2);
  });

  it('closes the socket on disconnect and ignores what the old socket says afterwards', async () => {
    const { channel, sockets, events } = setup();
    await channel.connect();
    sockets[0]!.cb.onOpen();
    await channel.disconnect();
    expect(sockets[0]!.close).toHaveBeenCalledWith(1000, 'no live document');
    const n = events().length;
    sockets[0]!.cb.onMessage(JSON.stringify({ type: 'update', docId: DOC, update: 'AAA=', by: null }));
    sockets[0]!.cb.onClose(1000, '');
    expect(events()).toHaveLength(n);
    expect(liveUrl('http://127.0.0.1:8787/')).toBe('ws://127.0.0.1:8787/api/v1/live');
  });
});
