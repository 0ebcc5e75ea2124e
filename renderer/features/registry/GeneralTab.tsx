import { Alert, Badge, Button, DataList, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { formatPhone } from '../../../shared/identifiers';
import { formatDateTr } from '../../../shared/turkish';
import { EmptyText } from '../../components/QueryState';
import { translate, useLanguage, useT, type MessageKey } from '../../i18n';
import { keyedText } from '../../lib/errors';
import { checklistLabel, useRegistryLabels, useReminderText } from './labels';
import { SnapshotForm } from './SnapshotForm';

const BEFORE_APPROVAL = ['TASLAK', 'BASVURU_ALINDI', 'EKSIK_EVRAK'];

export function GeneralTab({ a, onEdit }: { a: AssociationDetail; onEdit: () => void }) {
  const t = useT();
  const language = useLanguage();
  const labels = useRegistryLabels();
  const reminderText = useReminderText();
  // DERBİS facts are typed, prefilled with the usual words ("DERBİS çıktısı", "Faal"): those read in the
  // interface language; anything else as it was typed.
  const derbisValue = (value: string, usual: 'registry.snapshot.defaultSource' | 'registry.snapshot.defaultLegalStatus') =>
    value === translate('tr', usual) || value === translate('en', usual) ? t(usual) : value;
  const [addingSnapshot, setAddingSnapshot] = useState(false);
  const rows: [MessageKey, ReactNode][] = [
    ['registry.field.name', a.name],
    ['registry.field.shortName', a.shortName],
    ['registry.field.clubType', labels.clubType(a.clubType)],
    ['registry.field.status', labels.state(a.status)],
    ['registry.field.registrationNo', a.registrationNo],
    ['registry.field.registeredOn', formatDateTr(a.registeredOn)],
    ['registry.field.kutukNo', a.kutukNo],
    ['registry.field.vkn', a.vkn],
    ['registry.field.taxOffice', a.taxOffice],
    ['registry.field.foundedOn', formatDateTr(a.foundedOn)],
    ['registry.field.province', labels.province(a.provincePlate)],
    ['registry.field.district', a.districtName],
    ['registry.field.neighbourhood', a.neighbourhood],
    ['registry.field.street', a.street],
    ['registry.field.phone', formatPhone(a.phone)],
    ['registry.field.email', a.email],
    ['registry.field.website', a.website],
    [
      'registry.field.activityAreas',
      a.activityAreas.length ? (
        <Group gap={4}>
          {a.activityAreas.map((area) => (
            <Badge key={area} variant="default" tt="none" fw={500}>
              {labels.anyArea(area)}
            </Badge>
          ))}
        </Group>
      ) : null,
    ],
    ['registry.field.memberCount', a.memberCount],
    ['registry.field.activityPlace', a.activityPlace],
    ['registry.field.activityPlaceDocument', a.activityPlaceDocument ? labels.facility(a.activityPlaceDocument) : null],
    ['registry.field.owner', labels.unit(a.ownerUnit)],
    ['registry.field.createdAt', formatDateTr(a.createdAt)],
    ['registry.field.updatedAt', formatDateTr(a.updatedAt)],
  ];

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              {t('registry.general.record')}
            </Title>
            {a.editable && (
              <Button size="xs" onClick={onEdit}>
                {t('registry.general.edit')}
              </Button>
            )}
          </Group>
          <DataList labelWidth={190} withDivider data-testid="association-fields">
            {rows.map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
                <DataList.ItemValue>{value === null || value === '' || value === undefined ? t('common.notGiven') : value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
          {!a.editable && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('registry.general.readOnly')}
            </Text>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          {a.warnings.map((w) => (
            <Alert key={w.message} color="yellow" variant="light" title={t('registry.general.warning')}>
              {keyedText(w, language)}
            </Alert>
          ))}
          {BEFORE_APPROVAL.includes(a.status) && a.missingMandatory.length > 0 && (
            <Alert color="orange" variant="light" title={t('registry.general.missingTitle', { count: a.missingMandatory.length })} data-testid="missing-mandatory">
              <List size="sm">
                {a.missingMandatory.map((m) => (
                  <List.Item key={m}>{checklistLabel(t, 'TESCIL', m)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reminders-title">
            <Title order={3} size="h4" mb="sm" id="reminders-title">
              {t('registry.general.reminders')}
            </Title>
            {a.reminders.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registry.general.noReminders')}
              </Text>
            ) : (
              <Stack gap="xs">
                {a.reminders.map((r) => (
                  <Alert key={`${r.kind}-${r.message}`} color={r.overdue ? 'red' : 'blue'} variant="light" p="xs">
                    <Text size="sm">
                      {r.overdue && (
                        <Badge color="red" size="xs" mr={6}>
                          {t('registry.general.overdue')}
                        </Badge>
                      )}
                      {reminderText(r)}
                    </Text>
                  </Alert>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="snapshots-title">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="snapshots-title">
                {t('registry.snapshot.title')}
              </Title>
              {a.editable && !addingSnapshot && (
                <Button size="xs" variant="light" onClick={() => setAddingSnapshot(true)}>
                  {t('registry.snapshot.add')}
                </Button>
              )}
            </Group>
            {addingSnapshot && <SnapshotForm associationId={a.id} onDone={() => setAddingSnapshot(false)} />}
            {a.snapshots.length === 0 ? (
              !addingSnapshot && <EmptyText>{t('registry.snapshot.empty')}</EmptyText>
            ) : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.snapshot.asOf')}</Table.Th>
                    <Table.Th>{t('registry.snapshot.legalStatus')}</Table.Th>
                    <Table.Th>{t('registry.snapshot.lastAssembly')}</Table.Th>
                    <Table.Th>{t('registry.snapshot.organsNotified')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.snapshots.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        {formatDateTr(s.asOf)}
                        <Text size="xs" c="dimmed">
                          {derbisValue(s.source, 'registry.snapshot.defaultSource')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{derbisValue(s.legalStatus, 'registry.snapshot.defaultLegalStatus')}</Table.Td>
                      <Table.Td>{formatDateTr(s.lastGeneralAssemblyOn) || t('common.notGiven')}</Table.Td>
                      <Table.Td>{formatDateTr(s.organsNotifiedOn) || t('common.notGiven')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
