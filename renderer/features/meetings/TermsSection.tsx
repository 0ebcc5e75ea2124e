import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MeetingTerm } from '../../../shared/meetings/terms';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';

// Meeting terms are ministry reference data: the ministry edits where each term ends (each starts the month
// after the previous one ends, so the year is covered without gaps); every other installation reads them.

function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

/** Terms from the last month of each: contiguous by construction. */
function fromEnds(ends: number[]): MeetingTerm[] {
  return ends.map((toMonth, i) => ({ no: i + 1, fromMonth: i === 0 ? 1 : ends[i - 1]! + 1, toMonth }));
}

export function MeetingTermsSection() {
  const t = useT();
  const identity = useIdentity();
  const terms = useCall('meetings:terms', {});
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-terms">
      <Title order={3} size="h4" mb="xs" id="settings-terms">
        {t('meetings.terms.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {identity.role === 'ministry' ? t('meetings.terms.hintMinistry') : t('meetings.terms.hintOthers')}
      </Text>
      <QueryState query={terms}>
        {(value) => (
          <Stack gap="sm">
            {identity.role === 'ministry' ? <TermsForm terms={value.terms} /> : <TermsTable terms={value.terms} />}
            <Text size="xs" c="dimmed">
              {value.updatedAt ? t('meetings.terms.updatedAt', { date: formatDateTr(value.updatedAt) }) : t('meetings.terms.defaults')}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function TermsTable({ terms }: { terms: readonly MeetingTerm[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table withTableBorder data-testid="terms-table" maw={480}>
      <Table.Tbody>
        {terms.map((term) => (
          <Table.Tr key={term.no}>
            <Table.Td fw={500}>{t('meetings.terms.term', { no: term.no })}</Table.Td>
            <Table.Td>{t('meetings.terms.range', { from: monthName(term.fromMonth, locale), to: monthName(term.toMonth, locale) })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TermsForm({ terms }: { terms: readonly MeetingTerm[] }) {
  const t = useT();
  const locale = useLocale();
  const [ends, setEnds] = useState(() => terms.map((term) => term.toMonth));
  const save = useCallMutation('meetings:setTerms', { invalidates: ['meetings:terms', 'meetings:planner', 'meetings:board'] });
  const draft = fromEnds(ends);
  const setEnd = (index: number, month: number) => setEnds((current) => current.map((m, i) => (i === index ? month : m)));
  return (
    <Stack gap="sm" maw={560}>
      {draft.map((term, i) => {
        const first = term.fromMonth;
        const options = Array.from({ length: 12 - first + 1 }, (_, k) => first + k).map((m) => ({ value: String(m), label: monthName(m, locale) }));
        return (
          <Group key={term.no} gap="md" wrap="nowrap" align="end">
            <Text fw={500} w={90}>
              {t('meetings.terms.term', { no: term.no })}
            </Text>
            <Text w={110}>{monthName(first, locale)} –</Text>
            <Select
              label={t('meetings.terms.until')}
              data={options}
              value={String(Math.max(term.toMonth, first))}
              onChange={(v) => v && setEnd(i, Number(v))}
              allowDeselect={false}
              w={180}
              aria-label={`${t('meetings.terms.term', { no: term.no })} — ${t('meetings.terms.until')}`}
            />
          </Group>
        );
      })}
      {save.error && (
        <Alert color="red" variant="light" data-testid="terms-error">
          {errorMessage(save.error)}
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={() => setEnds((current) => [...current, 12])} disabled={ends.length >= 12 || (ends.at(-1) ?? 12) >= 12}>
          {t('meetings.terms.add')}
        </Button>
        <Button variant="default" onClick={() => setEnds((current) => current.slice(0, -1))} disabled={ends.length <= 1}>
          {t('meetings.terms.remove')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ terms: draft }, { onSuccess: () => notifications.show({ color: 'green', message: t('meetings.terms.saved') }) })
          }
        >
          {t('meetings.terms.save')}
        </Button>
      </Group>
    </Stack>
  );
}
