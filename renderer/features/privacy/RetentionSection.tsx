import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RetentionRulesView } from '../../../shared/contract/privacy';
import { RETENTION_ANCHOR_LABELS, RETENTION_RULE_BY_ID, type RetentionRuleId } from '../../../shared/privacy/retention';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useLanguage, useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';

// Retention periods are ministry reference data: the ministry edits the years of each rule (within the rule's
// bounds, which the server checks); every other installation sees the periods in force, read-only.

export function RetentionSection() {
  const t = useT();
  const ministry = useIdentity().role === 'ministry';
  const rules = useCall('privacy:retentionRules', {});
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('privacy.tab.retention')}>
      <Text size="sm" c="dimmed" mb="md" maw={860}>
        {ministry ? t('privacy.retention.hintMinistry') : t('privacy.retention.hintOthers')}
      </Text>
      <QueryState query={rules}>
        {(value) => (
          <Stack gap="sm">
            {/* Keyed by the stored version, so a save (or a change that arrived) starts the form afresh. */}
            <RulesTable key={value.updatedAt ?? 'defaults'} view={value} editable={ministry} />
            <Text size="xs" c="dimmed" data-testid="retention-updated">
              {value.updatedAt ? t('privacy.retention.updatedAt', { date: formatDateTr(value.updatedAt) }) : t('privacy.retention.defaults')}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function RulesTable({ view, editable }: { view: RetentionRulesView; editable: boolean }) {
  const t = useT();
  const language = useLanguage();
  const stored = Object.fromEntries(view.rules.map((r) => [r.id, r.years])) as Record<RetentionRuleId, number>;
  const [draft, setDraft] = useState<Record<RetentionRuleId, number | string>>(stored);
  const save = useCallMutation('privacy:setRetentionRules', { invalidates: ['privacy:retentionRules', 'privacy:inventory'] });
  const changed = view.rules.filter((r) => draft[r.id] !== r.years).map((r) => r.id);
  const errors = save.error ? formErrorsFrom(save.error, view.rules.map((r) => `years.${r.id}`)) : null;

  const submit = () => {
    // Only what changed is sent: the other rules keep the ministry's stored periods.
    const years = Object.fromEntries(changed.map((id) => [id, typeof draft[id] === 'number' ? draft[id] : Number.NaN]));
    save.mutate(
      { years },
      { onSuccess: () => notifications.show({ color: 'green', message: t('privacy.retention.saved') }) },
    );
  };

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder verticalSpacing="sm" data-testid="retention-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.retention.col.category')}</Table.Th>
              <Table.Th w={editable ? 170 : 110}>{t('privacy.retention.col.years')}</Table.Th>
              <Table.Th w={260}>{t('privacy.retention.col.from')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rules.map(({ id, years }) => {
              const rule = RETENTION_RULE_BY_ID.get(id)!;
              const label = rule.label[language];
              return (
                <Table.Tr key={id} data-rule={id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      {rule.basis[language]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NumberInput
                        aria-label={t('privacy.retention.yearsLabel', { rule: label })}
                        value={draft[id]}
                        onChange={(v) => setDraft((d) => ({ ...d, [id]: v }))}
                        min={rule.minYears}
                        max={rule.maxYears}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        suffix={language === 'tr' ? ' yıl' : ' years'}
                        description={t('privacy.retention.bounds', { min: rule.minYears, max: rule.maxYears })}
                        error={errors?.fields[`years.${id}`]}
                        w={150}
                      />
                    ) : (
                      <Text size="sm" fw={500}>
                        {t('privacy.retention.years', { years })}
                      </Text>
                    )}
                    {years !== rule.defaultYears && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('privacy.retention.default', { years: rule.defaultYears })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{RETENTION_ANCHOR_LABELS[rule.anchor][language]}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors?.general && (
        <Alert color="red" variant="light" data-testid="retention-error">
          {errors.general}
        </Alert>
      )}
      {editable && (
        <Group gap="sm">
          <Button onClick={submit} loading={save.isPending} disabled={changed.length === 0}>
            {t('privacy.retention.save')}
          </Button>
          <Button variant="default" onClick={() => setDraft(stored)} disabled={changed.length === 0}>
            {t('privacy.retention.reset')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
