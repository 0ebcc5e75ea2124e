import { Alert, Anchor, Badge, Button, DataList, Group, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { OrganisationDetail } from '../../../shared/contract/directory';
import { formatPhone } from '../../../shared/identifiers';
import { formatDateTr } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT, type MessageKey } from '../../i18n';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import { useDirectoryMutation } from './calls';
import { ContactsTab } from './ContactsTab';
import { InteractionsTab } from './InteractionsTab';
import { useDirectoryLabels } from './labels';
import { MergeDialog } from './MergeDialog';
import { OrganisationFormModal } from './OrganisationForm';
import { RelationsTab } from './RelationsTab';

export const TABS = ['general', 'contacts', 'relations', 'interactions', 'meetings', 'workshops'] as const;
export type OrganisationTab = (typeof TABS)[number];

const TAB_LABELS: Record<OrganisationTab, MessageKey> = {
  general: 'directory.tab.general',
  contacts: 'directory.tab.contacts',
  relations: 'directory.tab.relations',
  interactions: 'directory.tab.interactions',
  meetings: 'directory.tab.meetings',
  workshops: 'directory.tab.workshops',
};

/** One organisation: header with its identifiers and the owner's actions, and a tab per aspect. */
export function OrganisationPage({ id, tab }: { id: string; tab: string | undefined }) {
  const t = useT();
  const detail = useCall('directory:get', { id });
  const resolved = detail.data?.id;
  // A merged record answers with the record it was merged into: the address follows, so links and reloads
  // land on the survivor.
  useEffect(() => {
    if (resolved && resolved !== id) window.history.replaceState(null, '', hrefOf('directory', resolved, ...(tab ? [tab] : [])));
  }, [resolved, id, tab]);
  return (
    <Stack gap="md">
      <Anchor href={hrefOf('directory')} size="sm">
        ← {t('directory.backToList')}
      </Anchor>
      <QueryState query={detail}>
        {(o) => <OrganisationView o={o} tab={(TABS as readonly string[]).includes(tab ?? '') ? (tab as OrganisationTab) : 'general'} />}
      </QueryState>
    </Stack>
  );
}

function OrganisationView({ o, tab }: { o: OrganisationDetail; tab: OrganisationTab }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const counts: Partial<Record<OrganisationTab, number>> = {
    contacts: o.contacts.length,
    relations: o.relations.length,
    interactions: o.interactions.length,
    meetings: o.meetings.length,
    workshops: o.workshops.length,
  };

  return (
    <Stack gap="md" data-testid="organisation-page">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={2} size="h3">
              {o.name}
              {o.shortName && (
                <Text span c="dimmed" fz="md" fw={400}>
                  {' '}
                  ({o.shortName})
                </Text>
              )}
            </Title>
            <Group gap="xs">
              <Badge size="lg" variant="light" tt="none" data-testid="organisation-kind">
                {labels.kindAndSubtype(o.kind, o.subtype)}
              </Badge>
              {o.youthFocus && (
                <Badge size="lg" variant="light" color="grape" tt="none">
                  {t('directory.youthFocus')}
                </Badge>
              )}
            </Group>
            <Group gap="lg" style={{ rowGap: 2 }}>
              <Text size="sm">{o.districtName ? `${o.provinceName} / ${o.districtName}` : o.provinceName}</Text>
              {o.vkn && (
                <Text size="sm">
                  {t('directory.field.vkn')}:{' '}
                  <Text span ff="monospace" fw={600}>
                    {o.vkn}
                  </Text>
                </Text>
              )}
              {o.kutukNo && (
                <Text size="sm">
                  {t('directory.field.kutukNo')}:{' '}
                  <Text span ff="monospace" fw={600}>
                    {o.kutukNo}
                  </Text>
                </Text>
              )}
              {o.associationId && (
                <Anchor href={hrefOf('registry', o.associationId)} size="sm">
                  {t('directory.detail.registryLink')}
                  {o.associationName ? ` (${o.associationName})` : ''}
                </Anchor>
              )}
            </Group>
          </Stack>
          {o.canEdit && (
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Button variant="default" onClick={() => setMerging(true)}>
                {t('directory.detail.merge')}
              </Button>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('directory.detail.edit')}
              </Button>
              <Button variant="outline" color="red" onClick={() => setDeleting(true)}>
                {t('directory.detail.delete')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>

      {o.mergedFrom.length > 0 && (
        <Alert color="gray" variant="light" data-testid="merged-from">
          {t('directory.detail.mergedFrom', { names: o.mergedFrom.map((m) => `“${m.name}”`).join(', ') })}
        </Alert>
      )}
      {!o.canEdit && (
        <Text size="sm" c="dimmed">
          {t('directory.detail.readOnly')}
        </Text>
      )}

      <Tabs value={tab} onChange={(v) => navigate('directory', o.id, v ?? 'general')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(TAB_LABELS[name])}
              {counts[name] ? ` (${counts[name]})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralTab o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="relations" pt="md">
          <RelationsTab o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="interactions" pt="md">
          <InteractionsTab o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="workshops" pt="md">
          <WorkshopsTab o={o} />
        </Tabs.Panel>
      </Tabs>

      <OrganisationFormModal opened={editing} organisation={o} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <MergeDialog keep={o} opened={merging} onClose={() => setMerging(false)} />
      <DeleteDialog o={o} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}

function GeneralTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const none = t('common.notGiven');
  const items: [MessageKey, React.ReactNode][] = [
    ['directory.field.kind', labels.kindAndSubtype(o.kind, o.subtype)],
    ['directory.field.province', labels.province(o.provincePlate)],
    ['directory.field.district', o.districtName ?? none],
    ['directory.field.activityAreas', o.activityAreas.length ? o.activityAreas.map(labels.anyArea).join(', ') : none],
    ['directory.field.phone', formatPhone(o.phone) || none],
    ['directory.field.email', o.email ?? none],
    [
      'directory.field.website',
      o.website ? (
        <Anchor href={/^https?:\/\//i.test(o.website) ? o.website : `https://${o.website}`} target="_blank" rel="noreferrer">
          {o.website}
        </Anchor>
      ) : (
        none
      ),
    ],
    ['directory.field.address', o.address ?? none],
    ['directory.field.notes', o.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{o.notes}</Text> : none],
    ['directory.detail.updatedAt', formatDateTr(istanbulDay(o.updatedAt))],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <DataList labelWidth={180}>
        {items.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}

/** The day (in Turkey) of a stored UTC timestamp. */
function istanbulDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(iso));
}

function MeetingsTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  const labels = useDirectoryLabels();
  if (!o.meetings.length) return <EmptyText>{t('directory.meetings.empty')}</EmptyText>;
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing={6} fz="sm" data-testid="organisation-meetings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('directory.meetings.date')}</Table.Th>
            <Table.Th>{t('directory.meetings.youthCentre')}</Table.Th>
            <Table.Th w={180}>{t('directory.meetings.state')}</Table.Th>
            <Table.Th w={160} ta="right">
              {t('directory.meetings.attendees')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.meetings.map((m) => (
            <Table.Tr key={m.meetingId}>
              <Table.Td>
                <Anchor href={hrefOf('meetings', m.meetingId)} size="sm" aria-label={`${t('directory.meetings.open')} ${formatDateTr(m.date)}`}>
                  {formatDateTr(m.date.slice(0, 10))}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.youthCentreName}</Table.Td>
              <Table.Td>{labels.meetingState(m.state)}</Table.Td>
              <Table.Td ta="right">{m.attendees}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function WorkshopsTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  if (!o.workshops.length) return <EmptyText>{t('directory.workshops.empty')}</EmptyText>;
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing={6} fz="sm" data-testid="organisation-workshops">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.workshops.title')}</Table.Th>
            <Table.Th w={140}>{t('directory.workshops.startOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.workshops.map((w) => (
            <Table.Tr key={w.workshopId}>
              <Table.Td>
                <Anchor href={hrefOf('workshops', w.workshopId)} size="sm">
                  {w.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDateTr(w.startOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function DeleteDialog({ o, opened, onClose }: { o: OrganisationDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const remove = useDirectoryMutation('directory:delete');
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('directory.delete.title')}
      text={t('directory.delete.text', { name: o.name })}
      confirmLabel={t('directory.delete.confirm')}
      error={remove.error}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(
          { id: o.id },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: t('directory.delete.doneTitle'), message: t('directory.delete.done', { name: o.name }) });
              navigate('directory');
            },
          },
        )
      }
    />
  );
}

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: string;
  confirmLabel: string;
  error: Error | null;
  pending: boolean;
  onConfirm: () => void;
}

/** A yes/no question before something is removed (the registry has its own; this one is the directory's). */
export function ConfirmModal({ opened, onClose, title, text, confirmLabel, error, pending, onConfirm }: ConfirmModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text>{text}</Text>
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
