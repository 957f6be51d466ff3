// @vitest-environment jsdom
// Tests the browser host in jsdom: downloads, links (https only, by the shared URL rule), app info, no menu.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebHost } from '../../../renderer/src/host/host.web';
import { selectHost } from '../../../renderer/src/host';

function setup() {
  const createObjectURL = vi.fn(() => 'blob:hattama/1');
  const revokeObjectURL = vi.fn();
  // jsdom has no object URLs.
  Object.assign(window.URL, { createObjectURL, revokeObjectURL });
  const open = vi.spyOn(window, 'open').mockImplementation(() => null);
  const host = createWebHost({ window, version: '1.2.3', revokeDelayMs: 0 });
  return { host, createObjectURL, revokeObjectURL, open };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('browser host', () => {
  it('has no self-update: the web version comes from its server; setting an address is refused', async () => {
    const { host } = setup();
    const off = { available: false, url: '', source: 'none', state: 'off', version: null, percent: null, error: null, checkedAt: null };
    await expect(host.updatesStatus({})).resolves.toEqual(off);
    await expect(host.updatesSetUrl({ url: 'https://updates.aktobe.kz/' })).resolves.toEqual({ ok: false, error: 'unavailable', status: off });
    await expect(host.updatesCheck({})).resolves.toEqual({ ok: false, error: 'unavailable', status: off });
  });

  it('reports itself', async () => {
    const { host } = setup();
    await expect(host.appInfo({})).resolves.toEqual({ host: 'browser', version: '1.2.3', platform: window.navigator.platform });
  });

  it('downloads a file under the suggested name and releases its URL afterwards', async () => {
    vi.useFakeTimers();
    const { host, createObjectURL, revokeObjectURL } = setup();
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await expect(host.saveFile({ suggestedName: 'Реестр.pdf', mimeType: 'application/pdf', bytes })).resolves.toEqual({ saved: true });
    expect(click).toHaveBeenCalledOnce();
    expect(clicked[0]?.download).toBe('Реестр.pdf');
    expect(clicked[0]?.href).toBe('blob:hattama/1');
    expect(clicked[0]?.isConnected).toBe(false);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:hattama/1');
  });

  it.each([
    ['https://invest.gov.kz/', true],
    ['http://invest.gov.kz/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://user:pw@example.com/', false],
    ['https:example.com', false],
    [' https://example.com/', false],
  ])('openExternal(%s) → opened %s', async (url, opened) => {
    const { host, open } = setup();
    await expect(host.openExternal({ url })).resolves.toEqual({ opened });
    if (opened) expect(open).toHaveBeenCalledExactlyOnceWith(url, '_blank', 'noopener,noreferrer');
    else expect(open).not.toHaveBeenCalled();
  });

  it('has no application menu: setMenu says so, onMenuCommand never fires and unsubscribes quietly', async () => {
    const { host } = setup();
    await expect(host.setMenu({ items: [{ id: 'project:new', label: 'New', group: 'file' }], labels: {} })).resolves.toEqual({ ok: false });
    const listener = vi.fn();
    const unsubscribe = host.onMenuCommand(listener);
    expect(() => unsubscribe()).not.toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  it('shows no OS notification: reminders stay in the app', async () => {
    const { host } = setup();
    await expect(host.notify({ title: 'Поручения', body: 'Просрочено: 1' })).resolves.toEqual({ shown: false });
  });

  it('syncs with the server that served the page, and only while signed in', async () => {
    const { host } = setup();
    await expect(host.syncStatus({})).resolves.toEqual({ serverUrl: window.location.origin, session: null });
    await expect(host.syncPull({ region: 'aktobe', since: 0, limit: 10 })).resolves.toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await expect(host.syncLogin({ serverUrl: 'https://elsewhere.example', username: 'a', password: 'b' })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('is what the renderer gets when no preload bridge is present', async () => {
    const host = selectHost({});
    await expect(host.appInfo({})).resolves.toMatchObject({ host: 'browser' });
  });
});

describe('browser host: attachments', () => {
  const bytes = new Uint8Array([37, 80, 68, 70]);
  const sha = 'b'.repeat(64);
  function withStore(has: boolean) {
    const createObjectURL = vi.fn(() => 'blob:hattama/2');
    Object.assign(window.URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const attachments = { put: vi.fn(), get: vi.fn(async () => (has ? bytes : null)), has: vi.fn(async () => []) };
    const host = createWebHost({ window, version: '1.2.3', revokeDelayMs: 0, attachments });
    return { host, open, click, attachments };
  }

  it('shows a PDF or a photo in a new tab, downloads other types, and never opens a program or a page', async () => {
    const { host, open, click, attachments } = withStore(true);
    await expect(host.attachmentOpen({ sha256: sha, fileName: 'Акт.pdf', mimeType: 'application/pdf' })).resolves.toEqual({ opened: true });
    expect(open).toHaveBeenCalledWith('blob:hattama/2', '_blank', 'noopener,noreferrer');
    await expect(host.attachmentOpen({ sha256: sha, fileName: 'Протокол.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).resolves.toEqual({ opened: true });
    expect(click).toHaveBeenCalledOnce();
    expect(open).toHaveBeenCalledOnce();
    attachments.get.mockClear();
    await expect(host.attachmentOpen({ sha256: sha, fileName: 'setup.exe', mimeType: '' })).resolves.toEqual({ opened: false, refused: 'dangerous' });
    await expect(host.attachmentOpen({ sha256: sha, fileName: 'page', mimeType: 'text/html' })).resolves.toEqual({ opened: false, refused: 'dangerous' });
    expect(attachments.get).not.toHaveBeenCalled();
  });

  it('says when the bytes are not in this browser', async () => {
    const { host } = withStore(false);
    await expect(host.attachmentOpen({ sha256: sha, fileName: 'Акт.pdf', mimeType: 'application/pdf' })).resolves.toEqual({ opened: false, refused: 'missing' });
    await expect(host.attachmentExport({ sha256: sha, fileName: 'Акт.pdf', mimeType: 'application/pdf', uiLang: 'ru' })).resolves.toEqual({ saved: false, missing: true });
  });
});
