// The keyboard shortcuts help (F1): every hotkey of the registry and the shell's own.
import { useTranslation } from 'react-i18next';
import { Kbd, Modal, Table } from '@mantine/core';
import type { Feature } from './types';
import { shortcutLines } from './shortcuts';
import { hotkeyLabel } from './keys';

export function ShortcutsHelp({ features, opened, onClose }: { features: readonly Feature[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid="shortcuts-help">
      <Table>
        <Table.Tbody>
          {shortcutLines(features).map((line) => (
            <Table.Tr key={line.id} data-testid={`shortcut-${line.id}`}>
              <Table.Td>
                {line.hotkeys.map((k, i) => (
                  <span key={k}>{i > 0 && ', '}<Kbd>{hotkeyLabel(k)}</Kbd></span>
                ))}
              </Table.Td>
              <Table.Td>{t(line.labelKey)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
