// Tests bridge handler registration: every contract channel, sender check, request and response validation.
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/bridge/contract';
import { BridgeError, registerBridgeHandlers, sendBridgeEvent, type BridgeHandlers, type IpcInvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc';
import { isTrustedSender } from '../../../electron/main/security';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain that lets the test invoke a channel as the renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel) => listeners.delete(channel),
  };
  const invoke = async (channel: string, frameUrl: string | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  };
  return { ipc, listeners, invoke };
}

const APP = 'app://hattama/index.html';

function setup(overrides: Partial<BridgeHandlers> = {}) {
  const handlers = {
    'app:info': vi.fn(() => ({ host: 'electron' as const, version: '0.1.0', platform: 'linux' })),
    'file:save': vi.fn(async () => ({ saved: true, path: '/home/clerk/protocol.docx' })),
    'shell:open-external': vi.fn(async () => ({ opened: true })),
    'menu:set': vi.fn(() => ({ ok: true })),
    ...overrides,
  };
  const onError = vi.fn();
  const fake = fakeIpcMain();
  const unregister = registerBridgeHandlers(fake.ipc, handlers as BridgeHandlers, { isTrustedSender, onError });
  return { ...fake, handlers, onError, unregister };
}

describe('registerBridgeHandlers', () => {
  it('registers exactly the contract channels and can remove them', () => {
    const { listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('passes a valid request to the handler and returns its answer', async () => {
    const { invoke, handlers } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(invoke('app:info', APP, {})).resolves.toEqual({ host: 'electron', version: '0.1.0', platform: 'linux' });
    await expect(invoke('file:save', APP, { suggestedName: 'protocol.docx', mimeType: 'application/pdf', bytes })).resolves.toEqual({
      saved: true,
      path: '/home/clerk/protocol.docx',
    });
    expect(handlers['file:save']).toHaveBeenCalledWith({ suggestedName: 'protocol.docx', mimeType: 'application/pdf', bytes });
    await expect(invoke('shell:open-external', APP, { url: 'https://invest.gov.kz/' })).resolves.toEqual({ opened: true });
    const menu = { items: [{ id: 'project:new', label: 'Новый проект', accelerator: 'Alt+N', group: 'file' }], labels: { file: 'Файл' } };
    await expect(invoke('menu:set', APP, menu)).resolves.toEqual({ ok: true });
    expect(handlers['menu:set']).toHaveBeenCalledWith(menu);
  });

  it.each([
    ['file:save', [{ suggestedName: '../../etc/passwd', mimeType: 'text/plain', bytes: new Uint8Array() }], /suggestedName/],
    ['file:save', [{ suggestedName: 'a.txt', mimeType: 'text/plain', bytes: 'not bytes' }], /bytes/],
    ['file:save', [{ suggestedName: 'a.txt', mimeType: 'text/plain', bytes: new Uint8Array(), extra: true }], /invalid request/],
    ['shell:open-external', [{ url: 42 }], /url/],
    ['shell:open-external', [{}], /url/],
    ['app:info', [], /exactly one request argument/],
    ['app:info', [{}, {}], /exactly one request argument/],
    ['app:info', ['{}'], /invalid request/],
    ['menu:set', [{ items: [{ id: 'x', label: 'X', group: 'file', accelerator: 'Ctrl+Alt+Delete+Q' }], labels: {} }], /accelerator/],
    ['menu:set', [{ items: [{ id: 'x', label: 'X', group: 'file', click: 'require("child_process")' }], labels: {} }], /invalid request/],
    ['menu:set', [{ items: Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}`, label: 'X', group: 'file' })), labels: {} }], /items/],
    ['menu:set', [{ items: [], labels: { file: 'x'.repeat(1000) } }], /labels/],
  ])('rejects a bad request on %s without calling the handler', async (channel, args, message) => {
    const { invoke, handlers, onError } = setup();
    const error = await invoke(channel, APP, ...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('invalid-request');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(`${channel}:`)).toBe(true);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledOnce();
  });

  it.each([['https://evil.example/'], ['file:///tmp/x.html'], ['app://other/index.html'], [null]])(
    'refuses calls from a foreign sender frame (%s)',
    async (frameUrl) => {
      const { invoke, handlers } = setup();
      const error = await invoke('shell:open-external', frameUrl, { url: 'https://example.com/' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BridgeError);
      expect((error as BridgeError).code).toBe('untrusted-sender');
      expect(handlers['shell:open-external']).not.toHaveBeenCalled();
    },
  );

  it('withholds a response that breaks the contract', async () => {
    const { invoke } = setup({ 'app:info': () => ({ host: 'mainframe', version: 1, platform: 'x' }) as never });
    await expect(invoke('app:info', APP, {})).rejects.toMatchObject({ code: 'invalid-response' });
  });

  it('propagates handler failures to the caller and the log', async () => {
    const failure = new Error('disk full');
    const { invoke, onError } = setup({ 'file:save': async () => Promise.reject(failure) });
    await expect(invoke('file:save', APP, { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(1) })).rejects.toBe(failure);
    expect(onError).toHaveBeenCalledWith(failure, 'file:save');
  });
});

describe('sendBridgeEvent', () => {
  function target(destroyed = false) {
    return { send: vi.fn(), isDestroyed: () => destroyed };
  }

  it('sends a payload that matches the contract', () => {
    const t = target();
    expect(sendBridgeEvent(t, 'menu:command', 'project:new')).toBe(true);
    expect(t.send).toHaveBeenCalledExactlyOnceWith('menu:command', 'project:new');
  });

  it.each([
    ['an invalid id', target(), '../../x'],
    ['an over-long id', target(), 'x'.repeat(101)],
    ['a destroyed window', target(true), 'project:new'],
  ])('sends nothing for %s', (_name, t, id) => {
    expect(sendBridgeEvent(t, 'menu:command', id)).toBe(false);
    expect(t.send).not.toHaveBeenCalled();
  });

  it('sends nothing when there is no window', () => {
    expect(sendBridgeEvent(null, 'menu:command', 'project:new')).toBe(false);
    expect(sendBridgeEvent(undefined, 'menu:command', 'project:new')).toBe(false);
  });
});
