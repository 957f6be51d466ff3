// Hotkeys as the clerk reads them (help, tooltips) and as Electron's menu wants them (accelerators).
import type { Hotkey } from './types';

/** True on macOS, where `mod` is ⌘. */
export function isMac(platform: string = globalThis.navigator?.platform ?? ''): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

function keyName(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1);
}

/** `mod+K` → `Ctrl+K` (`⌘+K` on macOS), `alt+1` → `Alt+1`, `/` → `/`, `shift+?` → `Shift+?`. */
export function hotkeyLabel(hotkey: Hotkey, mac: boolean = isMac()): string {
  const modifiers: Record<string, string> = { mod: mac ? '⌘' : 'Ctrl', ctrl: 'Ctrl', alt: mac ? '⌥' : 'Alt', shift: 'Shift', meta: mac ? '⌘' : 'Meta' };
  return hotkey.split('+').map((part) => modifiers[part.toLowerCase()] ?? keyName(part)).join('+');
}

const ACCEL_MODIFIERS: Record<string, string> = { mod: 'CommandOrControl', ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Super' };

/**
 * The Electron accelerator of a hotkey: `mod+K` → `CommandOrControl+K`, `alt+1` → `Alt+1`, `F1` → `F1`.
 * Undefined for a key a menu must not take: a bare printable key (`/`), which would stop typing it.
 */
export function toAccelerator(hotkey: Hotkey): string | undefined {
  const parts = hotkey.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((p) => ACCEL_MODIFIERS[p.toLowerCase()]);
  if (modifiers.some((m) => m === undefined)) return undefined;
  let name: string;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) name = key.toUpperCase();
  else if (/^[a-z0-9]$/i.test(key)) name = key.toUpperCase();
  else return undefined;
  if (modifiers.length === 0 && !/^F/.test(name)) return undefined;
  return [...modifiers, name].join('+');
}
