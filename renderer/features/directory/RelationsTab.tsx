import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Table, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { OrganisationDetail } from '../../../shared/contract/directory';
import { RELATION_TYPES, type RelationType } from '../../../shared/directory/fields';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { EmptyText } from '../../components/QueryState';
import { useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useDetailMutation } from './calls';
import { useDirectoryLabels } from './labels';
import { ConfirmModal } from './OrganisationPage';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

type Relation = OrganisationDetail['relations'][number];
type Editing = { mode: 'create' } | { mode: 'edit'; relation: Relation } | null;

/** Typed relations between this organisation and units (protocol partner, advisory member…), with a period. */
export function RelationsTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const identity = useIdentity();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Relation | null>(null);
  const remove = useDetailMutation('directory:removeRelation');
  const period = (r: Relation) => (r.startOn || r.endOn ? `${formatDateTr(r.startOn)} – ${formatDateTr(r.endOn)}` : t('common.notGiven'));

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ mode: 'create' })}>{t('directory.relations.add')}</Button>
      </Group>
      {o.relations.length === 0 ? (
        <EmptyText>{t('directory.relations.empty')}</EmptyText>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing={6} fz="sm" data-testid="organisation-relations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.relation.type')}</Table.Th>
                <Table.Th>{t('directory.relation.unit')}</Table.Th>
                <Table.Th w={230}>{t('directory.relation.period')}</Table.Th>
                <Table.Th w={110} />
                <Table.Th>{t('directory.relation.note')}</Table.Th>
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.relations.map((r) => {
                const mine = r.ownerUnit === identity.unitId;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td fw={500}>{labels.relationType(r.relationType)}</Table.Td>
                    <Table.Td>{r.unitName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(r)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.active ? 'teal' : 'gray'} tt="none">
                        {t(r.active ? 'directory.relations.active' : 'directory.relations.ended')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.note ?? ''}</Table.Td>
                    <Table.Td>
                      {mine && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setEditing({ mode: 'edit', relation: r })}>
                            {t('directory.contacts.edit')}
                          </Button>
                          <Tooltip label={t('directory.contacts.remove')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(r)} aria-label={t('directory.relation.removeTitle')}>
                              ×
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing?.mode === 'edit' ? 'directory.relation.editTitle' : 'directory.relation.createTitle')}>
        {editing && (
          <RelationForm
            key={editing.mode === 'edit' ? editing.relation.id : 'new'}
            organisationId={o.id}
            relation={editing.mode === 'edit' ? editing.relation : undefined}
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
        title={t('directory.relation.removeTitle')}
        text={t('directory.relation.removeText', { type: removing ? labels.relationType(removing.relationType) : '' })}
        confirmLabel={t('directory.contacts.remove')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
    </Stack>
  );
}

interface RelationValues {
  relationType: RelationType | null;
  startOn: string;
  endOn: string;
  note: string;
}

const RELATION_FIELDS = ['relationType', 'startOn', 'endOn', 'note'] as const;

function RelationForm({ organisationId, relation, onDone }: { organisationId: string; relation?: Relation; onDone: () => void }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const save = useDetailMutation('directory:saveRelation');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<RelationValues>({
    mode: 'controlled',
    initialValues: {
      relationType: relation?.relationType ?? null,
      startOn: dateText(relation?.startOn),
      endOn: dateText(relation?.endOn),
      note: relation?.note ?? '',
    },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { startOn: values.startOn, endOn: values.endOn });
    const endBeforeStart = !!dates.values.startOn && !!dates.values.endOn && dates.values.endOn < dates.values.startOn;
    const own = { ...(endBeforeStart ? { endOn: t('directory.relation.endBeforeStart') } : {}), ...dates.errors };
    const input = {
      ...(relation ? { id: relation.id } : {}),
      organisationId,
      // An unchosen type goes to the schema as is: its message lands on the field.
      relationType: values.relationType as RelationType,
      startOn: dates.values.startOn,
      endOn: dates.values.endOn,
      note: values.note.trim() || null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['directory:saveRelation'].input, input, RELATION_FIELDS, { own });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    save.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, RELATION_FIELDS);
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
        <Select
          label={t('directory.relation.type')}
          withAsterisk
          data={RELATION_TYPES.map((r) => ({ value: r, label: labels.relationType(r) }))}
          allowDeselect={false}
          {...form.getInputProps('relationType')}
        />
        <Group grow>
          <DateTextInput label={t('directory.relation.startOn')} {...form.getInputProps('startOn')} />
          <DateTextInput label={t('directory.relation.endOn')} {...form.getInputProps('endOn')} />
        </Group>
        <Textarea label={t('directory.relation.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
