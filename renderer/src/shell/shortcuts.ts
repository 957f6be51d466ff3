// The lines of the keyboard shortcuts help (F1), built from the registry: commands, then the views,
// then keys handled inside a view (Ctrl+S in the card), then the help itself.
import type { Feature } from './types';
import { SHELL_HOTKEYS } from './registry';

export type ShortcutLine = { id: string; hotkeys: readonly string[]; labelKey: string };

export function shortcutLines(features: readonly Feature[]): ShortcutLine[] {
  const commands = features.flatMap((f) => f.commands ?? []).filter((c) => c.hotkeys.length > 0);
  return [
    ...commands.filter((c) => c.run).map((c) => ({ id: `command:${c.id}`, hotkeys: c.hotkeys, labelKey: c.labelKey })),
    ...features.flatMap((f) => (f.hotkey ? [{ id: `view:${f.id}`, hotkeys: [f.hotkey], labelKey: f.labelKey }] : [])),
    ...commands.filter((c) => !c.run).map((c) => ({ id: `command:${c.id}`, hotkeys: c.hotkeys, labelKey: c.labelKey })),
    { id: 'shell:shortcuts', hotkeys: SHELL_HOTKEYS.shortcuts, labelKey: 'shortcuts.help' },
  ];
}
