import { Badge, Group, Paper, Text, Timeline } from '@mantine/core';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { REGISTRATION_ACTION_NAMES, REGISTRATION_STATES, type RegistrationActionName, type RegistrationState } from '../../../shared/registry/registration';
import { formatDateTr } from '../../../shared/turkish';
import { EmptyText } from '../../components/QueryState';
import { isMessageKey, useT } from '../../i18n';
import { STATE_COLOURS } from './Badges';
import { historyStateLabel as stateLabel, useRegistryLabels, verdictReason } from './labels';
import { StepLetterButton, StepLetterInfo, useOwnsStepLetter } from './StepLetter';

type Entry = AssociationDetail['history'][number];

const is = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/** Everything that happened to the record (and to the records it came from by transfer), newest first. */
export function HistoryTab({ a }: { a: AssociationDetail }) {
  const t = useT();
  const labels = useRegistryLabels();
  if (a.history.length === 0) return <EmptyText>{t('registry.history.empty')}</EmptyText>;


  const title = (h: Entry): string => {
    if (h.kind === 'REGISTRATION' && is(REGISTRATION_ACTION_NAMES, h.action)) return labels.action(h.action as RegistrationActionName);
    const key = `registry.history.${h.kind}.${h.action}`;
    return isMessageKey(key) ? t(key) : h.action;
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Timeline bulletSize={14} lineWidth={2} active={a.history.length} data-testid="history">
        {a.history.map((h) => {
          const from = stateLabel(labels, h.kind, h.fromState);
          const to = stateLabel(labels, h.kind, h.toState);
          const letter = [formatDateTr(h.letterDate), h.letterNo].filter(Boolean).join(' / ');
          const registrationNo = typeof h.data.registrationNo === 'string' ? h.data.registrationNo : null;
          const year = typeof h.data.year === 'number' ? h.data.year : null;
          const imported = importedFrom(h);
          // A step that does not count stays in the timeline, marked, never silently dropped.
          const colour = h.verdict
            ? 'gray'
            : h.kind === 'REGISTRATION' && is(REGISTRATION_STATES, h.toState)
              ? STATE_COLOURS[h.toState as RegistrationState]
              : 'gsb';
          return (
            <Timeline.Item
              key={h.id}
              color={colour}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm" td={h.verdict ? 'line-through' : undefined} c={h.verdict ? 'dimmed' : undefined}>
                    {title(h)}
                    {year ? ` — ${year}` : ''}
                  </Text>
                  {(from || to) && (
                    <Text size="sm" c="dimmed">
                      {from ? `${from} → ` : '→ '}
                      {to}
                    </Text>
                  )}
                  {h.associationId !== a.id && (
                    <Badge size="xs" variant="outline" color="gray" tt="none">
                      {t('registry.history.previousRecord')}
                    </Badge>
                  )}
                </Group>
              }
            >
              {h.verdict && (
                <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="history-verdict">
                  <Badge size="sm" variant="light" color={h.verdict.kind === 'lostRace' ? 'orange' : 'red'} tt="none">
                    {t(`registry.history.verdict.${h.verdict.kind}`)}
                  </Badge>
                  <Text size="sm" c={h.verdict.kind === 'lostRace' ? 'orange.8' : 'red.8'}>
                    {verdictReason(t, labels, h.verdict)}
                  </Text>
                </Group>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTr(h.at)} · {labels.unit(h.actorUnit)}
                {h.actorName ? ` (${h.actorName})` : ''}
              </Text>
              <Group gap="xs">
                {letter && (
                  <Text size="sm">
                    {t('registry.history.letter')}: <span translate="no">{letter}</span>
                  </Text>
                )}
                {h.associationId === a.id && !a.retiredAt && <OwnStepLetter step={h} stepTitle={title(h)} />}
              </Group>
              <StepLetterInfo step={h} />
              {registrationNo && (
                <Text size="sm">
                  {t('registry.field.registrationNo')}: <Text span ff="monospace">{registrationNo}</Text>
                </Text>
              )}
              {imported ? (
                <Text size="sm">{t('registry.history.importedFrom', imported)}</Text>
              ) : (
                h.reason && (
                  <Text size="sm">
                    {t('registry.field.reason')}: {h.reason}
                  </Text>
                )
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

/** The spreadsheet and row an imported registration came from (older imports carry only the Turkish reason). */
function importedFrom(h: Entry): { file: string; row: number } | null {
  const from = h.data.importedFrom as { fileName?: unknown; row?: unknown } | undefined;
  return from && typeof from.fileName === 'string' && typeof from.row === 'number' ? { file: from.fileName, row: from.row } : null;
}

/** The record-the-letter button, for the unit that took the step. */
function OwnStepLetter({ step, stepTitle }: { step: Entry; stepTitle: string }) {
  return useOwnsStepLetter(step) ? <StepLetterButton step={step} stepTitle={stepTitle} /> : null;
}
