import { ActionIcon, Alert, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AssociationDetail, Person } from '../../../shared/contract/registry';
import { formatPhone } from '../../../shared/identifiers';
import { PERSON_KINDS } from '../../../shared/registry/fields';
import { formatDateTr } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { EmptyText } from '../../components/QueryState';
import { personName, useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCallMutation } from '../../lib/query';
import { useCan } from '../../lib/session';
import { ConfirmModal } from './AssociationPage';
import { useDetailMutation } from './calls';
import { useRegistryLabels } from './labels';
import { PersonForm } from './PersonForm';
import { FormModal } from '../../components/FormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; person: Person } | null;

/** Boards, youth leaders, instructors and contact persons, grouped by what they are. TC Kimlik No masked. */
export function PeopleTab({ a }: { a: AssociationDetail }) {
  const t = useT();
  const labels = useRegistryLabels();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const [revealing, setRevealing] = useState<Person | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const remove = useDetailMutation('registry:removePerson');
  const identity = useIdentity();
  // Reveals are for the directorates and the ministry, and for users above viewer; the others see the masked number only.
  const mayReveal = useCan('revealTc');
  const mayWrite = useCan('write');
  const canReveal = identity.role !== 'youth-center' && mayReveal;
  // A viewer changes nothing (the backend refuses anyway).
  const editable = a.editable && mayWrite;
  const groups = PERSON_KINDS.map((kind) => [kind, a.people.filter((p) => p.kind === kind)] as const).filter(([, list]) => list.length > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('registry.people.kvkk')}
        </Text>
        {editable && <Button onClick={() => setEditing({ mode: 'create' })}>{t('registry.people.add')}</Button>}
      </Group>
      {groups.length === 0 && <EmptyText>{t('registry.people.empty')}</EmptyText>}
      {groups.map(([kind, people]) => (
        <Paper key={kind} withBorder p="md" radius="md" component="section" aria-label={labels.personKind(kind)}>
          <Title order={3} size="h5" mb="xs">
            {labels.personKind(kind)} ({people.length})
          </Title>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing={6} fz="sm" data-testid={`people-${kind}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.person.fullName')}</Table.Th>
                  <Table.Th>{t('registry.person.role')}</Table.Th>
                  <Table.Th>{t('registry.person.tc')}</Table.Th>
                  <Table.Th>{t('registry.person.contact')}</Table.Th>
                  <Table.Th>{t('registry.person.term')}</Table.Th>
                  {editable && <Table.Th w={150} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {personName(t, p.fullName)}
                      </Text>
                      {p.alsoIn.length > 0 && (
                        <Text size="xs" c="orange.8">
                          {t('registry.people.alsoIn')}{' '}
                          {p.alsoIn.map((o, i) => (
                            <span key={o.associationId}>
                              {i > 0 && ', '}
                              <Anchor href={hrefOf('registry', o.associationId)} size="xs">
                                {o.associationName}
                              </Anchor>
                            </span>
                          ))}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {[p.role, p.membership ? t(p.membership === 'ASIL' ? 'registry.person.asil' : 'registry.person.yedek') : null, p.profession, p.certificateNo]
                        .filter(Boolean)
                        .join(' · ') || t('common.notGiven')}
                    </Table.Td>
                    <Table.Td>
                      {p.tcMasked ? (
                        <Group gap={6} wrap="nowrap">
                          <Text ff="monospace" size="sm" data-testid="tc-value">
                            {revealed[p.id] ?? p.tcMasked}
                          </Text>
                          {!canReveal ? null : revealed[p.id] ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(({ [p.id]: _, ...rest }) => rest)}>
                              {t('registry.tc.hide')}
                            </Button>
                          ) : (
                            <Button size="compact-xs" variant="light" onClick={() => setRevealing(p)} aria-label={t('registry.tc.showFor', { name: p.fullName })}>
                              {t('registry.tc.show')}
                            </Button>
                          )}
                        </Group>
                      ) : (
                        t('common.notGiven')
                      )}
                    </Table.Td>
                    <Table.Td>{[formatPhone(p.phone), p.email].filter(Boolean).join(' · ') || t('common.notGiven')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {p.termStart || p.termEnd ? `${formatDateTr(p.termStart)} – ${formatDateTr(p.termEnd)}` : t('common.notGiven')}
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setEditing({ mode: 'edit', person: p })} aria-label={t('registry.people.editFor', { name: p.fullName })}>
                            {t('registry.people.edit')}
                          </Button>
                          <Tooltip label={t('registry.people.remove')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(p)} aria-label={t('registry.people.removeFor', { name: p.fullName })}>
                              ×
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}

      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing?.mode === 'edit' ? 'registry.person.editTitle' : 'registry.person.createTitle')} size="lg">
        {editing && (
          <PersonForm
            key={editing.mode === 'edit' ? editing.person.id : 'new'}
            associationId={a.id}
            person={editing.mode === 'edit' ? editing.person : undefined}
            onDone={() => setEditing(null)}
          />
        )}
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={t('registry.people.removeTitle')}
        text={t('registry.people.removeText', { name: removing?.fullName ?? '' })}
        confirmLabel={t('registry.people.remove')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
      <RevealDialog
        person={revealing}
        onClose={() => setRevealing(null)}
        onRevealed={(personId, tc) => {
          setRevealed((r) => ({ ...r, [personId]: tc }));
          setRevealing(null);
        }}
      />
    </Stack>
  );
}

function RevealDialog({ person, onClose, onRevealed }: { person: Person | null; onClose: () => void; onRevealed: (personId: string, tc: string) => void }) {
  const t = useT();
  const [purpose, setPurpose] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const reveal = useCallMutation('registry:revealTc');
  const close = () => {
    reveal.reset();
    setPurpose('');
    setFieldError(null);
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!person) return;
    setFieldError(null);
    reveal.mutate(
      { personId: person.id, purpose },
      {
        onSuccess: ({ tcKimlikNo }) => {
          notifications.show({ color: 'gray', title: t('registry.tc.loggedTitle'), message: t('registry.tc.logged') });
          onRevealed(person.id, tcKimlikNo);
          setPurpose('');
          reveal.reset();
        },
        onError: (error) => setFieldError(formErrorsFrom(error, ['purpose'] as const).fields.purpose ?? null),
      },
    );
  };
  return (
    <Modal opened={person !== null} onClose={close} title={t('registry.tc.revealTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('registry.tc.revealText', { name: person?.fullName ?? '' })}</Text>
          <Alert color="gray" variant="light">
            {t('registry.tc.revealLogged')}
          </Alert>
          {reveal.isError && !fieldError && <ErrorAlert error={reveal.error} />}
          <TextInput
            label={t('registry.tc.purpose')}
            placeholder={t('registry.tc.purposePlaceholder')}
            withAsterisk
            data-autofocus
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={fieldError}
          />
          <FormActions onCancel={close} saving={reveal.isPending} submitLabel={t('registry.tc.show')} />
        </Stack>
      </form>
    </Modal>
  );
}
