import { ActionIcon, Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { Contact, OrganisationDetail } from '../../../shared/contract/directory';
import { formatPhone } from '../../../shared/identifiers';
import { formatDateTr } from '../../../shared/turkish';
import { FormActions } from '../../components/FormActions';
import { EmptyText } from '../../components/QueryState';
import { personName, useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useDirectoryMutation } from './calls';
import { OrganisationPicker } from './OrganisationPicker';
import { ConfirmModal } from './OrganisationPage';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; contact: Contact } | null;

/** Representatives and contact persons; each with the organisations they represented before. No TC Kimlik No. */
export function ContactsTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const remove = useDirectoryMutation('directory:removeContact');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('directory.contacts.kvkk')}
        </Text>
        {o.canEdit && <Button onClick={() => setEditing({ mode: 'create' })}>{t('directory.contacts.add')}</Button>}
      </Group>
      {o.contacts.length === 0 ? (
        <EmptyText>{t('directory.contacts.empty')}</EmptyText>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing={6} fz="sm" data-testid="organisation-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.contact.fullName')}</Table.Th>
                <Table.Th>{t('directory.contact.title')}</Table.Th>
                <Table.Th>{t('directory.col.contact')}</Table.Th>
                {o.canEdit && <Table.Th w={150} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {personName(t, c.fullName)}
                    </Text>
                    {c.history.length > 0 && <ContactHistory contact={c} />}
                    {c.notes && (
                      <Text size="xs" c="dimmed">
                        {c.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.title ?? t('common.notGiven')}</Table.Td>
                  <Table.Td>{[formatPhone(c.phone), c.email].filter(Boolean).join(' · ') || t('common.notGiven')}</Table.Td>
                  {o.canEdit && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="default" onClick={() => setEditing({ mode: 'edit', contact: c })} aria-label={t('directory.contacts.editFor', { name: c.fullName })}>
                          {t('directory.contacts.edit')}
                        </Button>
                        <Tooltip label={t('directory.contacts.remove')}>
                          <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(c)} aria-label={t('directory.contacts.removeFor', { name: c.fullName })}>
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
        </Paper>
      )}

      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing?.mode === 'edit' ? 'directory.contact.editTitle' : 'directory.contact.createTitle')} size="lg">
        {editing && (
          <ContactForm
            key={editing.mode === 'edit' ? editing.contact.id : 'new'}
            organisation={o}
            contact={editing.mode === 'edit' ? editing.contact : undefined}
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
        title={t('directory.contacts.removeTitle')}
        text={t('directory.contacts.removeText', { name: removing?.fullName ?? '' })}
        confirmLabel={t('directory.contacts.remove')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
    </Stack>
  );
}

function ContactHistory({ contact }: { contact: Contact }) {
  const t = useT();
  return (
    <Stack gap={0} mt={2} data-testid="contact-history">
      <Text size="xs" c="dimmed">
        {t('directory.contacts.history')}:
      </Text>
      {contact.history.map((h, i) => (
        <Text key={`${h.organisationId ?? 'none'}-${h.untilOn}-${i}`} size="xs" c="dimmed">
          {h.organisationId ? (
            <Anchor href={hrefOf('directory', h.organisationId)} size="xs">
              {h.organisationName ?? h.organisationId}
            </Anchor>
          ) : (
            (h.organisationName ?? t('directory.contacts.noOrganisation'))
          )}
          {h.title ? ` (${h.title})` : ''} — {formatDateTr(h.untilOn.slice(0, 10))}
        </Text>
      ))}
    </Stack>
  );
}

interface ContactValues {
  fullName: string;
  title: string;
  phone: string;
  email: string;
  notes: string;
  organisationId: string | null;
}

const CONTACT_FIELDS = ['fullName', 'title', 'phone', 'email', 'notes', 'organisationId'] as const;

function ContactForm({ organisation, contact, onDone }: { organisation: OrganisationDetail; contact?: Contact; onDone: () => void }) {
  const t = useT();
  const save = useDirectoryMutation('directory:saveContact');
  const [general, setGeneral] = useState<string | null>(null);
  const [organisationName, setOrganisationName] = useState<string | null>(organisation.name);
  const form = useForm<ContactValues>({
    mode: 'controlled',
    initialValues: {
      fullName: contact?.fullName ?? '',
      title: contact?.title ?? '',
      phone: formatPhone(contact?.phone),
      email: contact?.email ?? '',
      notes: contact?.notes ?? '',
      organisationId: organisation.id,
    },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const blank = (v: string) => v.trim() || null;
    const input = {
      ...(contact ? { id: contact.id } : {}),
      organisationId: values.organisationId,
      fullName: values.fullName,
      title: blank(values.title),
      phone: blank(values.phone),
      email: blank(values.email),
      notes: blank(values.notes),
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['directory:saveContact'].input, input, CONTACT_FIELDS);
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    save.mutate(input, {
      onSuccess: (saved) => {
        const moved = saved.organisationId !== organisation.id;
        notifications.show({
          color: 'teal',
          title: t('directory.form.savedTitle'),
          message: moved
            ? t('directory.contact.moved', { name: saved.fullName, organisation: saved.organisationName ?? organisationName ?? '' })
            : t('directory.contact.saved', { name: saved.fullName }),
        });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, CONTACT_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <TextInput label={t('directory.contact.fullName')} withAsterisk data-autofocus {...form.getInputProps('fullName')} />
        <TextInput label={t('directory.contact.title')} {...form.getInputProps('title')} />
        <Group grow>
          <TextInput label={t('directory.contact.phone')} type="tel" placeholder="0 (532) 555 12 34" {...form.getInputProps('phone')} />
          <TextInput label={t('directory.contact.email')} type="email" {...form.getInputProps('email')} />
        </Group>
        <Textarea label={t('directory.contact.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        {contact && (
          <OrganisationPicker
            label={t('directory.contact.organisation')}
            description={t('directory.contact.organisationHint')}
            value={form.values.organisationId}
            valueName={organisation.name}
            error={form.errors.organisationId}
            allowDeselect={false}
            onChange={(id, name) => {
              form.setFieldValue('organisationId', id);
              setOrganisationName(name);
            }}
          />
        )}
        <FormActions onCancel={onDone} saving={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}
