import { Badge, Code, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useT, type MessageKey } from '../../i18n';
import { navigate, useHashSegments } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useFreshExchangeState, useQuarantine, useSyncStatus } from './calls';
import { ConflictsPanel } from './ConflictsPanel';
import { CustodyPanel } from './CustodyPanel';
import { EnrolmentPanel } from './EnrolmentPanel';
import { ExportPanel } from './ExportPanel';
import { HeldBackPanel } from './HeldBackPanel';
import { ImportPanel } from './ImportPanel';
import { LedgerPanel } from './LedgerPanel';
import { PeersPanel } from './PeersPanel';

const TABS = ['peers', 'enrol', 'export', 'import', 'conflicts', 'held', 'custody', 'ledger'] as const;
type Tab = (typeof TABS)[number];

const TAB_LABELS: Record<Tab, MessageKey> = {
  peers: 'sync.tab.peers',
  enrol: 'sync.tab.enrol',
  export: 'sync.tab.export',
  import: 'sync.tab.import',
  conflicts: 'sync.tab.conflicts',
  held: 'sync.tab.held',
  custody: 'sync.tab.custody',
  ledger: 'sync.tab.ledger',
};

/**
 * `#/exchange/<tab>`; the export tab takes the peer too: `#/exchange/export/<node id>`. The held-back tab
 * appears once something was held back (it is rare), or when a link leads to it.
 */
export function ExchangePage() {
  const t = useT();
  const [, first, second] = useHashSegments();
  const tab: Tab = (TABS as readonly string[]).includes(first ?? '') ? (first as Tab) : 'peers';
  useFreshExchangeState();
  const status = useSyncStatus();
  const open = status.data?.openConflicts ?? 0;
  const held = useQuarantine().data ?? [];
  const heldOpen = held.filter((h) => h.acceptedAt === null).length;
  const shown = TABS.filter((name) => name !== 'held' || held.length > 0 || tab === 'held');
  const badge = (name: Tab) => {
    if (name === 'conflicts' && open > 0) {
      return (
        <Badge size="sm" color="orange" circle aria-label={t('sync.conflicts.openCount', { count: open })}>
          {open}
        </Badge>
      );
    }
    if (name === 'held' && heldOpen > 0) {
      return (
        <Badge size="sm" color="orange" circle aria-label={t('sync.held.openCount', { count: heldOpen })}>
          {heldOpen}
        </Badge>
      );
    }
    return undefined;
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('sync.title')}</Title>
      <OwnIdentity />
      <Tabs value={tab} onChange={(v) => navigate('exchange', v ?? 'peers')} keepMounted={false}>
        <Tabs.List>
          {shown.map((name) => (
            <Tabs.Tab key={name} value={name} rightSection={badge(name)}>
              {t(TAB_LABELS[name])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="peers" pt="md">
          <PeersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="enrol" pt="md">
          <EnrolmentPanel />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="md">
          <ExportPanel peerNode={tab === 'export' ? second : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="held" pt="md">
          <HeldBackPanel />
        </Tabs.Panel>
        <Tabs.Panel value="custody" pt="md">
          <CustodyPanel />
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="md">
          <LedgerPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** This installation's node id and fingerprint, large: people read them to each other over the phone. */
function OwnIdentity() {
  const t = useT();
  const identity = useIdentity();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('sync.own.title')} data-testid="own-identity">
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('sync.own.title')}
          </Text>
          <Text fw={600}>{identity.unitName}</Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('sync.own.nodeId')}:
            </Text>
            <Code fz="sm" aria-label={t('sync.own.nodeId')}>
              {identity.nodeId}
            </Code>
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text size="xs" c="dimmed">
            {t('sync.own.fingerprint')}
          </Text>
          <Code fz="xl" fw={700} px="md" py={6} aria-label={t('sync.own.fingerprint')} style={{ letterSpacing: '0.06em' }}>
            {identity.fingerprint}
          </Code>
        </Stack>
      </Group>
    </Paper>
  );
}
