import { Fragment } from 'react';
import { Kbd, Modal, Table, Text } from '@mantine/core';
import { useT, type MessageKey } from '../../i18n';

// The help dialog for the shortcuts (opened by "?" or from the palette): every key the app answers to.

const ROWS: { keys: string[][]; what: MessageKey }[] = [
  { keys: [['Ctrl', 'K'], ['⌘', 'K']], what: 'shortcuts.palette' },
  { keys: [['Ctrl', 'N']], what: 'shortcuts.new' },
  { keys: [['Ctrl', 'S']], what: 'shortcuts.save' },
  { keys: [['Ctrl', 'F']], what: 'shortcuts.search' },
  { keys: [['Ctrl', 'P']], what: 'shortcuts.print' },
  { keys: [['Esc']], what: 'shortcuts.escape' },
  { keys: [['Tab'], ['Shift', 'Tab']], what: 'shortcuts.tab' },
  { keys: [['↑'], ['↓']], what: 'shortcuts.arrows' },
  { keys: [['Ctrl', 'L']], what: 'shortcuts.lock' },
  { keys: [['?']], what: 'shortcuts.help' },
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text size="sm" mb="sm">
        {t('shortcuts.intro')}
      </Text>
      <Table data-testid="shortcuts-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('shortcuts.col.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.col.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => (
            <Table.Tr key={row.what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.keys.map((combo, i) => (
                  <Fragment key={combo.join('+')}>
                    {i > 0 && <Text span size="xs" c="dimmed" mx={4}>{t('shortcuts.or')}</Text>}
                    {combo.map((key, j) => (
                      <Fragment key={key}>
                        {j > 0 && ' + '}
                        <Kbd size="sm">{key}</Kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{t(row.what)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
