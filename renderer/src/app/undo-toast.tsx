// The one way a destructive action offers undo: a toast with the message and an Undo button that
// keeps its whole label (the text wraps, the button does not shrink), replaced rather than piled
// up when the same action repeats.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

export function showUndoToast(opts: { id: string; message: string; t: TFunction; onUndo: () => Promise<void>; testId?: string; autoClose?: number }): void {
  const { id, message, t, onUndo, testId, autoClose = 10_000 } = opts;
  notifications.hide(id);
  notifications.show({
    id,
    color: 'gray',
    autoClose,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" style={{ flex: 1, minWidth: 0 }}>{message}</Text>
        <Button size="xs" variant="light" style={{ flexShrink: 0 }} data-testid={testId} onClick={async () => {
          notifications.hide(id);
          await onUndo();
        }}>{t('actions.undo')}</Button>
      </Group>
    ),
  });
}
