import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { contract } from '../../../shared/contract';
import { FILE_CODE_KINDS, type FileCodeKind, type LetterheadView, type SaveLetterheadInput } from '../../../shared/contract/documents';
import { headerLines, signatureLines } from '../../../shared/documents/letter';
import { toLetterhead, toSignatory } from '../../../shared/documents/letterhead';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { useCan } from '../../lib/session';

// This unit's letterhead (issue #18): what its letters and certificates say above and below the text, the DETSİS
// number its EBYS numbers carry, and who signs. Every installation receives it, so a certificate printed at a
// province in the ministry's name carries the ministry's own signatory.

const FIELDS = [
  'institution', 'unitTitle', 'detsisNo', 'address', 'phone', 'email', 'kep', 'contact', 'signatoryName', 'signatoryTitle', 'signatoryOnBehalfOf', 'fileCodes',
] as const;
type Field = (typeof FIELDS)[number];

type Values = Record<Exclude<Field, 'fileCodes'>, string> & { fileCodes: Record<FileCodeKind, string> };

function valuesOf(view: LetterheadView): Values {
  const text = (v: string | null) => v ?? '';
  return {
    institution: view.institution, unitTitle: view.unitTitle, detsisNo: text(view.detsisNo), address: text(view.address), phone: text(view.phone),
    email: text(view.email), kep: text(view.kep), contact: text(view.contact), signatoryName: text(view.signatoryName),
    signatoryTitle: text(view.signatoryTitle), signatoryOnBehalfOf: text(view.signatoryOnBehalfOf),
    fileCodes: Object.fromEntries(FILE_CODE_KINDS.map((k) => [k, view.fileCodes[k] ?? ''])) as Record<FileCodeKind, string>,
  };
}

function inputOf(v: Values): SaveLetterheadInput {
  const blank = (s: string) => (s.trim() ? s.trim() : null);
  return {
    institution: v.institution, unitTitle: v.unitTitle, detsisNo: blank(v.detsisNo), address: blank(v.address), phone: blank(v.phone),
    email: blank(v.email), kep: blank(v.kep), contact: blank(v.contact), signatoryName: blank(v.signatoryName), signatoryTitle: blank(v.signatoryTitle),
    signatoryOnBehalfOf: blank(v.signatoryOnBehalfOf),
    fileCodes: Object.fromEntries(FILE_CODE_KINDS.filter((k) => v.fileCodes[k].trim()).map((k) => [k, v.fileCodes[k].trim()])),
  };
}

function LetterheadForm({ view, canEdit }: { view: LetterheadView; canEdit: boolean }) {
  const t = useT();
  const form = useForm<Values>({ initialValues: valuesOf(view) });
  const [general, setGeneral] = useState<string | null>(null);
  const save = useCallMutation('documents:saveLetterhead', {
    invalidates: ['documents:letterhead'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('letterhead.saved') }),
  });
  useEffect(() => {
    form.setValues(valuesOf(view));
    form.resetDirty(valuesOf(view));
  }, [view.updatedAt]);
  const preview = { ...view, ...inputOf(form.values) } as LetterheadView;
  const signatory = toSignatory(preview);

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const input = inputOf(values);
    const problems = inputErrors(contract['documents:saveLetterhead'].input, input, FIELDS);
    const fileCodeError = (problems?.fields.fileCodes ?? null) as string | null;
    if (problems) {
      form.setErrors({ ...problems.fields, ...(fileCodeError ? Object.fromEntries(FILE_CODE_KINDS.map((k) => [`fileCodes.${k}`, fileCodeError])) : {}) });
      setGeneral(problems.general);
      return;
    }
    save.mutate(input, {
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });

  const input = (field: Exclude<Field, 'fileCodes'>, props: { withAsterisk?: boolean; placeholder?: string; description?: string } = {}) => (
    // The examples are Turkish official values in every language (a letterhead is written in Turkish): not translated.
    <TextInput label={t(`letterhead.field.${field}`)} readOnly={!canEdit} translate="no" {...props} {...form.getInputProps(field)} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        {!view.saved && (
          <Alert color="yellow" variant="light" data-testid="letterhead-defaults">
            {t('letterhead.defaults')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {input('institution', { withAsterisk: true, placeholder: 'ANKARA VALİLİĞİ' })}
          {input('unitTitle', { placeholder: 'Gençlik ve Spor İl Müdürlüğü' })}
          {input('detsisNo', { placeholder: '12345678', description: t('letterhead.detsisHelp') })}
          {input('contact', { placeholder: 'Ayşe DEMİR, Şef' })}
        </SimpleGrid>
        {input('address', { placeholder: 'Kızılay Mah. … Çankaya/ANKARA' })}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {input('phone', { placeholder: '0312 000 00 00' })}
          {input('email')}
          {input('kep', { placeholder: 'birim@hs01.kep.tr' })}
        </SimpleGrid>
        <Title order={4} size="h5" mt="xs">
          {t('letterhead.signatory')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {input('signatoryName', { placeholder: 'Mehmet IŞIK' })}
          {input('signatoryTitle', { placeholder: 'İl Müdürü' })}
          {input('signatoryOnBehalfOf', { placeholder: 'Vali', description: t('letterhead.onBehalfHelp') })}
        </SimpleGrid>
        <Title order={4} size="h5" mt="xs">
          {t('letterhead.fileCodes')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('letterhead.fileCodesHelp')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          {FILE_CODE_KINDS.map((k) => (
            <TextInput key={k} label={t(`letterhead.fileCode.${k}`)} placeholder="903.07.02" readOnly={!canEdit} {...form.getInputProps(`fileCodes.${k}`)} />
          ))}
        </SimpleGrid>
        <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid="letterhead-preview" aria-label={t('letterhead.preview')}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('letterhead.preview')}
          </Text>
          {/* The letter itself is Turkish in every interface language. */}
          <div translate="no">
          {headerLines(toLetterhead(preview)).map((line) => (
            <Text key={line} ta="center" fw={700} size="sm" ff="serif">
              {line}
            </Text>
          ))}
          <Text size="sm" ff="serif" mt="xs">
            Sayı : {preview.detsisNo ? `E-${preview.detsisNo}-${preview.fileCodes.meetingInvitation || '…'}-…` : '(EBYS tarafından verilecektir)'}
          </Text>
          <Stack gap={0} align="flex-end" mt="xs">
            {(signatory ? signatureLines(signatory) : [t('letterhead.noSignatory')]).map((line) => (
              <Text key={line} size="sm" ff="serif" ta="center" w={220}>
                {line}
              </Text>
            ))}
          </Stack>
          </div>
        </Paper>
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty() && view.saved}>
              {t('letterhead.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Settings → Official letters. Administrators edit; everyone sees what their documents will say. */
export function LetterheadSection() {
  const t = useT();
  const letterhead = useCall('documents:letterhead', {});
  const admin = useCan('administer');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-letterhead">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-letterhead">
          {t('letterhead.title')}
        </Title>
        <Text size="sm">{t('letterhead.intro')}</Text>
        <QueryState query={letterhead}>{(view) => <LetterheadForm view={view} canEdit={admin} />}</QueryState>
      </Stack>
    </Paper>
  );
}
