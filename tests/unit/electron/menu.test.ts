// Tests the application menu built from the renderer's menu:set request, and the Russian fallback before it.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract, MENU_LABEL_KEYS } from '../../../shared/bridge/contract';
import { buildMenuTemplate, createMenuController, FALLBACK_MENU_LABELS, resolveMenuLabels, type MenuSetRequest } from '../../../electron/main/menu';

type Item = MenuItemConstructorOptions;

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [];
}

function topLabels(template: Item[]) {
  return template.map((item) => item.label ?? item.role);
}

/** Parses like the main process does before the menu sees a request. */
function request(raw: unknown): MenuSetRequest {
  return bridgeContract['menu:set'].request.parse(raw);
}

const base = { platform: 'linux', dev: false, onCommand: vi.fn(), onAbout: vi.fn() };

const rendererRequest = request({
  items: [
    { id: 'project:new', label: 'New project', accelerator: 'Alt+N', group: 'file' },
    { id: 'view:board', label: 'Register', accelerator: 'Alt+1', group: 'view' },
    { id: 'view:kanban', label: 'Kanban', group: 'view' },
    { id: 'help:shortcuts', label: 'Keyboard shortcuts', accelerator: 'F1', group: 'help' },
  ],
  labels: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', quit: 'Quit', about: 'About Hattama', bogus: 'ignored' },
});

describe('fallback labels', () => {
  it('cover every label key the renderer may translate, in Russian', () => {
    expect(Object.keys(FALLBACK_MENU_LABELS).sort()).toEqual([...MENU_LABEL_KEYS].sort());
    for (const label of Object.values(FALLBACK_MENU_LABELS)) expect(label).toMatch(/[А-Яа-яЁё]/);
  });

  it('are used before the renderer has sent a menu', () => {
    const template = buildMenuTemplate({ ...base, request: null });
    expect(topLabels(template)).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    expect(submenu(template[0]).map((i) => i.label)).toEqual(['Выход']);
    expect(submenu(template[4]).map((i) => i.label)).toEqual(['О программе Hattama']);
  });

  it('fill in what the renderer did not translate; unknown or blank keys are ignored', () => {
    const labels = resolveMenuLabels({ file: 'File', copy: '  ', nonsense: 'x' });
    expect(labels.file).toBe('File');
    expect(labels.copy).toBe('Копировать');
    expect(labels).not.toHaveProperty('nonsense');
  });
});

describe('buildMenuTemplate', () => {
  it("puts the renderer's items at the top of their group, with the translated labels", () => {
    const template = buildMenuTemplate({ ...base, request: rendererRequest });
    expect(topLabels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(template[0]).map((i) => i.label ?? i.type)).toEqual(['New project', 'separator', 'Quit']);
    expect(submenu(template[2]).slice(0, 3).map((i) => i.label ?? i.type)).toEqual(['Register', 'Kanban', 'separator']);
    expect(submenu(template[4]).map((i) => i.label ?? i.type)).toEqual(['Keyboard shortcuts', 'separator', 'About Hattama']);
  });

  it('shows accelerators without registering them (the renderer handles its keys in both hosts)', () => {
    const file = submenu(buildMenuTemplate({ ...base, request: rendererRequest })[0]);
    expect(file[0]).toMatchObject({ id: 'project:new', accelerator: 'Alt+N', registerAccelerator: false });
    const view = submenu(buildMenuTemplate({ ...base, request: rendererRequest })[2]);
    expect(view[1]).not.toHaveProperty('accelerator');
  });

  it('sends the id of a chosen item; About calls the host', () => {
    const onCommand = vi.fn();
    const onAbout = vi.fn();
    const template = buildMenuTemplate({ ...base, onCommand, onAbout, request: rendererRequest });
    const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();
    click(submenu(template[2])[1]);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith('view:kanban');
    click(submenu(template[4]).at(-1));
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it("escapes '&' on Windows and Linux so the renderer's text is shown as written", () => {
    const req = request({ items: [{ id: 'a', label: 'Import & export', group: 'file' }], labels: { file: 'F&ile' } });
    const linux = buildMenuTemplate({ ...base, request: req });
    expect(linux[0]?.label).toBe('F&&ile');
    expect(submenu(linux[0])[0]?.label).toBe('Import && export');
    const mac = buildMenuTemplate({ ...base, platform: 'darwin', request: req });
    expect(mac[1]?.label).toBe('F&ile');
  });

  it('macOS: app menu first and "close window" instead of "quit"', () => {
    const template = buildMenuTemplate({ ...base, platform: 'darwin', request: null });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template[1]).map((i) => i.role)).toEqual(['close']);
  });

  it('reload and DevTools only in development', () => {
    const roles = (dev: boolean) => submenu(buildMenuTemplate({ ...base, dev, request: null })[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('createMenuController', () => {
  it('shows the fallback menu, then rebuilds it from each request', () => {
    const apply = vi.fn();
    const controller = createMenuController({ ...base, apply });
    controller.show();
    expect(topLabels(apply.mock.lastCall?.[0] as Item[])).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    controller.set(rendererRequest);
    expect(topLabels(apply.mock.lastCall?.[0] as Item[])).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(controller.labels().about).toBe('About Hattama');
    expect(apply).toHaveBeenCalledTimes(2);
  });
});

describe('menu:set request schema', () => {
  const item = { id: 'project:new', label: 'New', group: 'file' };
  const parse = (raw: unknown) => bridgeContract['menu:set'].request.safeParse(raw).success;

  it.each(['CmdOrCtrl+S', 'CommandOrControl+Shift+K', 'Alt+1', 'F1', 'F24', 'Ctrl+/', 'Shift+Delete', 'Alt+Plus', 'Ctrl+PageDown', 'Ctrl+num5'])('accepts the accelerator %s', (accelerator) => {
    expect(parse({ items: [{ ...item, accelerator }], labels: {} })).toBe(true);
  });

  it.each(['', 'Ctrl+', '+S', 'Ctrl+Shift', 'Hyper+S', 'Ctrl+F25', 'Ctrl+SS', 'Ctrl S', 'Ctrl+S\n', 'Ctrl+Ctrl+Ctrl+Ctrl+Ctrl+S', `Ctrl+${'A'.repeat(60)}`])(
    'rejects the accelerator %j',
    (accelerator) => {
      expect(parse({ items: [{ ...item, accelerator }], labels: {} })).toBe(false);
    },
  );

  it.each([
    ['too many items', { items: Array.from({ length: 61 }, (_, i) => ({ ...item, id: `c${i}` })), labels: {} }],
    ['duplicate ids', { items: [item, item], labels: {} }],
    ['an unknown group', { items: [{ ...item, group: 'edit' }], labels: {} }],
    ['an extra field', { items: [{ ...item, role: 'quit' }], labels: {} }],
    ['a long label', { items: [{ ...item, label: 'x'.repeat(101) }], labels: {} }],
    ['an empty label', { items: [{ ...item, label: '' }], labels: {} }],
    ['a control character', { items: [{ ...item, label: 'a\u0007' }], labels: {} }],
    ['a bad id', { items: [{ ...item, id: '../x' }], labels: {} }],
    ['too many labels', { items: [], labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'x'])) }],
    ['a long label key', { items: [], labels: { ['k'.repeat(51)]: 'x' } }],
    ['a non-string label', { items: [], labels: { file: 1 } }],
    ['no labels', { items: [] }],
    ['an extra top-level field', { items: [], labels: {}, role: 'x' }],
  ])('rejects %s', (_name, raw) => {
    expect(parse(raw)).toBe(false);
  });

  it('accepts 60 items and 64 labels', () => {
    expect(parse({ items: Array.from({ length: 60 }, (_, i) => ({ ...item, id: `c${i}` })), labels: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, 'x'])) })).toBe(true);
  });
});
