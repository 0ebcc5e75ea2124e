import { Accordion, ActionIcon, Anchor, Badge, Button, Checkbox, FileButton, Group, Paper, Progress, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { ATTACHMENT_TYPES } from '../../../shared/registry/fields';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { useLocale, useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { errorMessage, formErrorsFrom, inputErrors } from '../../lib/errors';
import { downloadFile, formatBytes, readFileBase64 } from '../../lib/files';
import { useCall, useCallMutation } from '../../lib/query';
import { useDetailMutation } from './calls';
import { checklistLabel } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

type DocumentItem = AssociationDetail['documents'][number];
type Attachment = DocumentItem['attachments'][number];

const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).map((t) => `.${t.ext}`)].join(',');

/** The tescil checklist and each visa year's checklist, with received marks, letters, notes and files. */
export function DocumentsTab({ a }: { a: AssociationDetail }) {
  const t = useT();
  const registration = a.documents.filter((d) => d.step === 'TESCIL' && d.itemKey !== 'other');
  const loose = a.documents.find((d) => d.itemKey === 'other');
  const years = [...new Set(a.documents.filter((d) => d.step === 'VIZE').map((d) => d.visaYear!))].sort((x, y) => y - x);
  const [looseError, setLooseError] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <ChecklistSection a={a} items={registration} title={t('registry.documents.registration')} testId="checklist-TESCIL" />
      {years.length > 0 && (
        // Newest visa year open; earlier years one click away, so the page does not grow by a table per year.
        <Accordion multiple defaultValue={[String(years[0])]} variant="separated" radius="md">
          {years.map((year) => {
            const items = a.documents.filter((d) => d.step === 'VIZE' && d.visaYear === year);
            const mandatory = items.filter((i) => i.mandatory);
            return (
              <Accordion.Item key={year} value={String(year)}>
                <Accordion.Control>
                  <Group justify="space-between" pr="sm">
                    <Text fw={700}>{t('registry.documents.visaYear', { year: String(year) })}</Text>
                    <Text size="xs" c="dimmed">
                      {t('registry.documents.progress', { done: mandatory.filter((i) => i.received).length, total: mandatory.length })}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ChecklistTable a={a} items={items} testId={`checklist-VIZE-${year}`} />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('registry.documents.other')}>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('registry.documents.other')}
          </Title>
          {a.editable && <UploadButton a={a} item={null} onError={setLooseError} />}
        </Group>
        {looseError && (
          <Text size="sm" c="red" role="alert" mb="xs">
            {looseError}
          </Text>
        )}
        {loose?.attachments.length ? (
          <AttachmentList a={a} attachments={loose.attachments} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('registry.documents.noOther')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

export function ChecklistSection({ a, items, title, testId }: { a: AssociationDetail; items: DocumentItem[]; title: string; testId: string }) {
  const t = useT();
  const mandatory = items.filter((i) => i.mandatory);
  const done = mandatory.filter((i) => i.received).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Group gap="xs" w={260}>
          <Text size="xs" c="dimmed">
            {t('registry.documents.progress', { done, total: mandatory.length })}
          </Text>
          <Progress value={mandatory.length ? (done / mandatory.length) * 100 : 100} color={done === mandatory.length ? 'teal' : 'orange'} style={{ flex: 1 }} aria-hidden />
        </Group>
      </Group>
      <ChecklistTable a={a} items={items} />
    </Paper>
  );
}

function ChecklistTable({ a, items, testId }: { a: AssociationDetail; items: DocumentItem[]; testId?: string }) {
  const t = useT();
  return (
    <Table verticalSpacing={6} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registry.documents.item')}</Table.Th>
          <Table.Th w={150}>{t('registry.documents.received')}</Table.Th>
          <Table.Th w={230}>{t('registry.documents.files')}</Table.Th>
          {a.editable && <Table.Th w={180} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <ChecklistRow key={`${item.step}-${item.visaYear}-${item.itemKey}`} a={a} item={item} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ChecklistRow({ a, item }: { a: AssociationDetail; item: DocumentItem }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const set = useDetailMutation('registry:setDocument');
  // The box follows the click at once; the server's answer then replaces it (or puts it back on refusal).
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const checked = optimistic ?? item.received;
  const toggle = (received: boolean) => {
    setOptimistic(received);
    set.mutate(
      { ...documentKey(a, item), received, receivedOn: received ? item.receivedOn : null, letterDate: item.letterDate, letterNo: item.letterNo, note: item.note },
      {
        onSettled: () => setOptimistic(null),
        onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }),
      },
    );
  };
  const letter = [formatDateTr(item.letterDate), item.letterNo].filter(Boolean).join(' / ');
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          checked={checked}
          onChange={(e) => toggle(e.currentTarget.checked)}
          disabled={!a.editable || optimistic !== null}
          label={
            <>
              {checklistLabel(t, item.step, item.label, item.itemKey)}
              {item.mandatory && (
                <Badge color="red" variant="light" size="xs" ml={6} style={{ verticalAlign: 'middle' }}>
                  {t('registry.documents.mandatory')}
                </Badge>
              )}
            </>
          }
        />
        {item.note && (
          <Text size="xs" c="dimmed" ml={32}>
            {t('registry.documents.note')}: {item.note}
          </Text>
        )}
        {uploadError && (
          <Text size="xs" c="red" ml={32} role="alert">
            {uploadError}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {item.received ? (
          <Text size="sm">
            {formatDateTr(item.receivedOn) || t('registry.documents.receivedYes')}
            {letter && (
              <Text span size="xs" c="dimmed" display="block">
                {t('registry.documents.letter')}: {letter}
              </Text>
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('registry.documents.notReceived')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <AttachmentList a={a} attachments={item.attachments} />
      </Table.Td>
      {a.editable && (
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={() => setEditing(true)} aria-label={t('registry.documents.detailsFor', { item: checklistLabel(t, item.step, item.label, item.itemKey) })}>
              {t('registry.documents.details')}
            </Button>
            <UploadButton a={a} item={item} onError={setUploadError} />
          </Group>
        </Table.Td>
      )}
      <FormModal opened={editing} onClose={() => setEditing(false)} title={checklistLabel(t, item.step, item.label, item.itemKey)} size="lg">
        {editing && <DocumentDetailsForm a={a} item={item} onDone={() => setEditing(false)} />}
      </FormModal>
    </Table.Tr>
  );
}

function documentKey(a: AssociationDetail, item: DocumentItem) {
  return { associationId: a.id, step: item.step, visaYear: item.visaYear, itemKey: item.itemKey };
}

const DETAIL_FIELDS = ['receivedOn', 'letterDate', 'letterNo', 'note'] as const;

function DocumentDetailsForm({ a, item, onDone }: { a: AssociationDetail; item: DocumentItem; onDone: () => void }) {
  const t = useT();
  const set = useDetailMutation('registry:setDocument');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { received: item.received, receivedOn: dateText(item.receivedOn), letterDate: dateText(item.letterDate), letterNo: item.letterNo ?? '', note: item.note ?? '' },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { receivedOn: values.receivedOn, letterDate: values.letterDate });
    const input = {
      ...documentKey(a, item),
      received: values.received,
      receivedOn: values.received ? dates.values.receivedOn : null,
      letterDate: dates.values.letterDate,
      letterNo: values.letterNo.trim() || null,
      note: values.note.trim() || null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:setDocument'].input, input, DETAIL_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    set.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, DETAIL_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <Checkbox label={t('registry.documents.receivedCheck')} {...form.getInputProps('received', { type: 'checkbox' })} />
        <Group grow align="flex-start">
          <DateTextInput
            label={t('registry.documents.receivedOn')}
            description={t('registry.documents.receivedOnHint')}
            disabled={!form.values.received}
            {...form.getInputProps('receivedOn')}
          />
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <Textarea label={t('registry.documents.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions onCancel={onDone} saving={set.isPending} />
      </Stack>
    </form>
  );
}

function AttachmentList({ a, attachments }: { a: AssociationDetail; attachments: Attachment[] }) {
  const t = useT();
  const locale = useLocale();
  const read = useCallMutation('registry:readAttachment', { onSuccess: (file) => downloadFile(file) });
  const remove = useDetailMutation('registry:removeAttachment');
  const fail = (error: Error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) });
  if (!attachments.length) return <Text size="sm" c="dimmed">{t('common.notGiven')}</Text>;
  return (
    <Stack gap={2}>
      {attachments.map((file) => (
        <Group key={file.id} gap={4} wrap="nowrap">
          <Anchor component="button" type="button" size="sm" onClick={() => read.mutate({ id: file.id }, { onError: fail })} title={t('registry.documents.download')} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 190 }}>
            {file.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatBytes(file.size, locale)}
          </Text>
          {a.editable && (
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => remove.mutate({ id: file.id }, { onError: fail })} aria-label={t('registry.documents.removeFile', { file: file.fileName })}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Attaches a file to a checklist item (or to the association itself when `item` is null). */
function UploadButton({ a, item, onError }: { a: AssociationDetail; item: DocumentItem | null; onError: (message: string | null) => void }) {
  const t = useT();
  const locale = useLocale();
  const policy = useCall('registry:getPolicy', {});
  const set = useDetailMutation('registry:setDocument');
  const attach = useDetailMutation('registry:attachFile');
  const [busy, setBusy] = useState(false);
  const setError = onError;

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    const max = policy.data?.maxAttachmentBytes;
    if (max && file.size > max) {
      setError(t('registry.documents.tooBig', { size: formatBytes(file.size, locale), max: formatBytes(max, locale) }));
      return;
    }
    setBusy(true);
    try {
      let documentId: string | null = null;
      if (item) {
        documentId = item.id;
        // A checklist item gets its stored row on first use; the file then hangs on that row.
        if (!documentId) {
          const saved = await set.mutateAsync({ ...documentKey(a, item), received: item.received, receivedOn: item.receivedOn, letterDate: item.letterDate, letterNo: item.letterNo, note: item.note });
          documentId = saved.documents.find((d) => d.step === item.step && d.visaYear === item.visaYear && d.itemKey === item.itemKey)?.id ?? null;
        }
      }
      const contentBase64 = await readFileBase64(file);
      await attach.mutateAsync({ associationId: a.id, documentId, fileName: file.name, contentBase64 });
      notifications.show({ color: 'teal', title: t('registry.documents.attachedTitle'), message: t('registry.documents.attached', { file: file.name }) });
    } catch (e) {
      setError(formErrorsFrom(e, ['contentBase64', 'fileName'] as const).fields.contentBase64 ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileButton onChange={(f) => void upload(f)} accept={ACCEPT}>
      {(props) => (
        <Button size="compact-xs" variant="light" loading={busy} {...props} aria-label={item ? t('registry.documents.attachFor', { item: checklistLabel(t, item.step, item.label, item.itemKey) }) : t('registry.documents.attach')}>
          {t('registry.documents.attach')}
        </Button>
      )}
    </FileButton>
  );
}
