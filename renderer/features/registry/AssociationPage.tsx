import { Alert, Anchor, Badge, Button, Group, Menu, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AssociationDetail } from '../../../shared/contract/registry';
import type { RegistrationActionName } from '../../../shared/registry/registration';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useT, type MessageKey } from '../../i18n';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import { AssociationFormModal } from './AssociationForm';
import { StateBadge, VisaBadge } from './Badges';
import { useRegistryMutation } from './calls';
import { DocumentsTab } from './DocumentsTab';
import { GeneralTab } from './GeneralTab';
import { HistoryTab } from './HistoryTab';
import { useRegistryLabels } from './labels';
import { PdfButton } from './PdfButton';
import { PeopleTab } from './PeopleTab';
import { TransfersTab } from './TransfersTab';
import { VisaTab } from './VisaTab';
import { WorkflowDialog } from './WorkflowDialog';

export const TABS = ['general', 'people', 'documents', 'visa', 'transfers', 'history'] as const;
export type AssociationTab = (typeof TABS)[number];

const TAB_LABELS: Record<AssociationTab, MessageKey> = {
  general: 'registry.tab.general',
  people: 'registry.tab.people',
  documents: 'registry.tab.documents',
  visa: 'registry.tab.visa',
  transfers: 'registry.tab.transfers',
  history: 'registry.tab.history',
};

/** One association: header with its state and the workflow steps allowed now, and a tab per aspect. */
export function AssociationPage({ id, tab }: { id: string; tab: string | undefined }) {
  const t = useT();
  const detail = useCall('registry:get', { id });
  return (
    <Stack gap="md">
      <Anchor href={hrefOf('registry')} size="sm">
        ← {t('registry.backToList')}
      </Anchor>
      <QueryState query={detail}>{(a) => <AssociationView a={a} tab={(TABS as readonly string[]).includes(tab ?? '') ? (tab as AssociationTab) : 'general'} />}</QueryState>
    </Stack>
  );
}

function AssociationView({ a, tab }: { a: AssociationDetail; tab: AssociationTab }) {
  const t = useT();
  const labels = useRegistryLabels();
  const [action, setAction] = useState<RegistrationActionName | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const registered = !!a.registrationNo && (a.status === 'TESCILLI' || a.status === 'ASKIDA');

  return (
    <Stack gap="md" data-testid="association-page">
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={2} size="h3">
                {a.name}
              </Title>
              <Group gap="xs">
                <StateBadge state={a.status} size="lg" data-testid="association-state" />
                {a.visaStatus !== 'KAPSAM_DISI' && <VisaBadge status={a.visaStatus} years={a.yearsWithoutVisa} size="lg" data-testid="association-visa" />}
                <Badge variant="default" tt="none" size="lg">
                  {labels.clubType(a.clubType)}
                </Badge>
              </Group>
              <Group gap="lg" style={{ rowGap: 2 }}>
                <Text size="sm">
                  {t('registry.field.registrationNo')}:{' '}
                  <Text span ff="monospace" fw={600} data-testid="registration-no">
                    {a.registrationNo ?? t('common.notGiven')}
                  </Text>
                </Text>
                <Text size="sm">
                  {t('registry.field.kutukNo')}:{' '}
                  <Text span ff="monospace" fw={600}>
                    {a.kutukNo ?? t('common.notGiven')}
                  </Text>
                </Text>
                <Text size="sm">
                  {a.districtName} / {a.provinceName}
                </Text>
              </Group>
            </Stack>
            <Group gap="xs" justify="flex-end" wrap="nowrap" style={{ flexShrink: 0 }}>
              {registered && <PdfButton id={a.id} kind="certificate" label={t('registry.pdf.certificate')} />}
              <PdfButton id={a.id} kind="summary" label={t('registry.pdf.summary')} />
              {a.editable && a.status === 'TASLAK' && (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" aria-label={t('registry.more')}>
                      …
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" onClick={() => setConfirmDelete(true)}>
                      {t('registry.deleteDraft.button')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </Group>
          {a.allowedActions.length > 0 && (
            <Group gap="xs" role="group" aria-label={t('registry.workflow.actions')} data-testid="workflow-actions">
              <Text size="sm" c="dimmed">
                {t('registry.workflow.actions')}:
              </Text>
              {a.allowedActions.map((name) => (
                <Button
                  key={name}
                  size="xs"
                  variant={name === 'reject' || name === 'cancel' || name === 'suspend' ? 'outline' : 'filled'}
                  color={name === 'reject' || name === 'cancel' || name === 'suspend' ? 'red' : undefined}
                  onClick={() => setAction(name)}
                >
                  {labels.action(name)}
                </Button>
              ))}
            </Group>
          )}
        </Stack>
      </Paper>

      {a.status === 'AKTARILDI' && a.transferredTo && (
        <Alert color="gray" variant="light">
          {t('registry.transferredOut')}{' '}
          <Anchor href={hrefOf('registry', a.transferredTo)}>{t('registry.openNewRecord')}</Anchor>
        </Alert>
      )}
      {a.transferredFrom && (
        <Alert color="gray" variant="light">
          {t('registry.transferredIn')} <Anchor href={hrefOf('registry', a.transferredFrom)}>{t('registry.openOldRecord')}</Anchor>
        </Alert>
      )}

      <Tabs value={tab} onChange={(v) => navigate('registry', a.id, v ?? 'general')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(TAB_LABELS[name])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralTab a={a} onEdit={() => setEditing(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeopleTab a={a} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab a={a} />
        </Tabs.Panel>
        <Tabs.Panel value="visa" pt="md">
          <VisaTab a={a} />
        </Tabs.Panel>
        <Tabs.Panel value="transfers" pt="md">
          <TransfersTab a={a} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab a={a} />
        </Tabs.Panel>
      </Tabs>

      <WorkflowDialog association={a} action={action} onClose={() => setAction(null)} />
      <AssociationFormModal opened={editing} association={a} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <DeleteDraftDialog a={a} opened={confirmDelete} onClose={() => setConfirmDelete(false)} />
    </Stack>
  );
}

function DeleteDraftDialog({ a, opened, onClose }: { a: AssociationDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const remove = useRegistryMutation('registry:deleteDraft');
  return (
    <ConfirmModal
      opened={opened}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('registry.deleteDraft.title')}
      text={t('registry.deleteDraft.text', { name: a.name })}
      confirmLabel={t('registry.deleteDraft.confirm')}
      error={remove.error}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(
          { id: a.id },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: t('registry.deleteDraft.doneTitle'), message: t('registry.deleteDraft.done', { name: a.name }) });
              navigate('registry');
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
