// The desktop menu is built from the feature registry in the UI language, in the shape the bridge
// contract accepts, sent again on a language change, and its commands reach the features.
import { describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { bridgeContract } from '@shared/bridge/contract';
import { FEATURES } from '../../../renderer/src/shell/registry';
import { buildMenuRequest, MENU_LABELS, runMenuCommand, startMenu } from '../../../renderer/src/shell/menu';
import { hotkeyLabel, toAccelerator } from '../../../renderer/src/shell/keys';
import { resources } from '../../../renderer/src/i18n/resources';
import type { ShellApi } from '../../../renderer/src/shell/types';
import type { MenuRequest } from '../../../renderer/src/host';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { ru: { translation: resources.ru }, kk: { translation: resources.kk }, en: { translation: resources.en } },
  lng: 'ru',
  interpolation: { escapeValue: false },
});

function fakeShell() {
  const calls: string[] = [];
  const shell: ShellApi = {
    navigate: (p) => void calls.push(`navigate ${p}`),
    goToView: (id) => void calls.push(`view ${id}`),
    openOverlay: (p) => void calls.push(`overlay ${p}`),
    closeOverlay: () => void calls.push('close'),
    openShortcuts: () => void calls.push('shortcuts'),
  };
  return { shell, calls };
}

describe('hotkeys for people and for Electron', () => {
  it('writes accelerators in Electron syntax, and none for a bare printable key', () => {
    expect(toAccelerator('alt+1')).toBe('Alt+1');
    expect(toAccelerator('alt+N')).toBe('Alt+N');
    expect(toAccelerator('mod+K')).toBe('CommandOrControl+K');
    expect(toAccelerator('mod+S')).toBe('CommandOrControl+S');
    expect(toAccelerator('F1')).toBe('F1');
    expect(toAccelerator('/')).toBeUndefined();
    expect(toAccelerator('shift+?')).toBeUndefined();
  });

  it('reads hotkeys as printed on the keys', () => {
    expect(hotkeyLabel('mod+K', false)).toBe('Ctrl+K');
    expect(hotkeyLabel('mod+K', true)).toBe('⌘+K');
    expect(hotkeyLabel('alt+N', false)).toBe('Alt+N');
    expect(hotkeyLabel('/', false)).toBe('/');
  });
});

describe('the desktop menu', () => {
  it('has the registry\'s views and commands with accelerators, in Russian, as the bridge contract accepts', () => {
    const req = buildMenuRequest(FEATURES, i18n.getFixedT('ru'));
    expect(req.items).toEqual([
      { id: 'view:board', label: 'Реестр проектов', group: 'view', accelerator: 'Alt+1' },
      { id: 'command:search', label: 'Поиск по реестру', group: 'view', accelerator: 'CommandOrControl+K' },
      { id: 'command:import-excel', label: 'Импорт из Excel', group: 'file' },
      { id: 'view:kanban', label: 'Стадии (канбан)', group: 'view', accelerator: 'Alt+2' },
      { id: 'view:meetings', label: 'Заседания', group: 'view', accelerator: 'Alt+3' },
      { id: 'command:new-meeting', label: 'Новое заседание', group: 'file', accelerator: 'Alt+M' },
      { id: 'view:assignments', label: 'Поручения', group: 'view', accelerator: 'Alt+4' },
      { id: 'view:dashboard', label: 'Аналитика', group: 'view', accelerator: 'Alt+5' },
      { id: 'view:settings', label: 'Настройки', group: 'view', accelerator: 'Alt+6' },
      { id: 'command:new-project', label: 'Новый проект', group: 'file', accelerator: 'Alt+N' },
      { id: 'shell:shortcuts', label: 'Горячие клавиши', group: 'help', accelerator: 'F1' },
    ]);
    expect(req.labels).toMatchObject({ file: 'Файл', edit: 'Правка', view: 'Вид', help: 'Справка', quit: 'Выход', selectAll: 'Выделить всё' });
    expect(Object.keys(req.labels).sort()).toEqual([...MENU_LABELS].sort());
    expect(() => bridgeContract['menu:set'].request.parse(req)).not.toThrow();
  });

  it('has every label of the menu in the three languages', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const req = buildMenuRequest(FEATURES, i18n.getFixedT(lang));
      const untranslated = [...req.items.map((i) => i.label), ...Object.values(req.labels)].filter((l) => /^(menu|board|kanban|settings|project|actions)\./.test(l));
      expect(untranslated, lang).toEqual([]);
    }
    expect(buildMenuRequest(FEATURES, i18n.getFixedT('kk')).labels.file).toBe('Файл');
    expect(buildMenuRequest(FEATURES, i18n.getFixedT('kk')).labels.help).toBe('Анықтама');
    expect(buildMenuRequest(FEATURES, i18n.getFixedT('en')).items.find((i) => i.id === 'view:board')?.label).toBe('Project register');
  });

  it('routes a chosen item to the feature\'s navigation or command', () => {
    const { shell, calls } = fakeShell();
    expect(runMenuCommand('view:kanban', FEATURES, shell)).toBe(true);
    expect(runMenuCommand('command:new-project', FEATURES, shell)).toBe(true);
    expect(runMenuCommand('shell:shortcuts', FEATURES, shell)).toBe(true);
    expect(runMenuCommand('command:save-project', FEATURES, shell)).toBe(false);
    expect(runMenuCommand('view:project', FEATURES, shell)).toBe(false);
    expect(runMenuCommand('nonsense', FEATURES, shell)).toBe(false);
    expect(calls).toEqual(['view kanban', 'overlay /projects/new', 'shortcuts']);
  });

  it('sends the menu at start and on every language change, and stops when asked', async () => {
    const setMenu = vi.fn(async (_req: MenuRequest) => ({ ok: true }));
    let listener: ((id: string) => void) | undefined;
    const unsubscribe = vi.fn();
    const { shell, calls } = fakeShell();
    const stop = startMenu(FEATURES, i18n, shell, { setMenu, onMenuCommand: (l) => { listener = l; return unsubscribe; } });
    expect(setMenu).toHaveBeenCalledTimes(1);
    await i18n.changeLanguage('kk');
    expect(setMenu).toHaveBeenCalledTimes(2);
    expect(setMenu.mock.lastCall?.[0]).toMatchObject({ labels: { file: 'Файл', view: 'Көрініс' } });
    listener?.('view:settings');
    expect(calls).toEqual(['view settings']);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
    await i18n.changeLanguage('ru');
    expect(setMenu).toHaveBeenCalledTimes(2);
  });

  it('leaves out the menu quietly on a host without the menu methods', () => {
    const { shell } = fakeShell();
    expect(() => startMenu(FEATURES, i18n, shell, {})()).not.toThrow();
  });
});
