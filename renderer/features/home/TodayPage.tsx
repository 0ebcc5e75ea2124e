import { Anchor, Group, NavLink, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Fragment } from 'react';
import type { HomeLine, HomeLineKind } from '../../../shared/contract/home';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT, type MessageKey, type Translate } from '../../i18n';
import { useCall } from '../../lib/query';
import { targetHref } from './targets';

// "Bugün": what waits for this unit, what it sent and waits for, and (at the ministry) the national picture.
// Lines with something waiting come first, each a link to the list of exactly those records; lines with
// nothing waiting are gathered in one quiet sentence under them, so a clerk sees they were looked at.

/** The counts are re-read whenever the page is opened and every minute while it is open (one cheap read). */
const REFRESH_MS = 60_000;

const plural = (count: number) => (count === 1 ? 'one' : 'other');

/** Something to act on or to follow: a count above zero, or changes still waiting for their receipt. */
function isActive(line: HomeLine): boolean {
  return line.count > 0 || (line.awaitingReceipt ?? 0) > 0;
}

interface LineText {
  /** The number shown large at the start of the line. */
  shown: number;
  headline: string;
  detail: string | null;
}

function lineText(t: Translate, line: HomeLine): LineText {
  const days = (n: number) => t(`home.days.${plural(n)}`, { count: n });
  const params: Record<string, string | number> = {
    ...(line.year !== undefined ? { year: String(line.year) } : {}),
    ...(line.term !== undefined ? { term: String(line.term) } : {}),
    ...(line.years !== undefined ? { years: t(`home.years.${plural(line.years)}`, { count: line.years }) } : {}),
    ...(line.days !== undefined ? { days: days(line.days) } : {}),
    ...(line.date !== undefined ? { date: formatDateTr(line.date) } : {}),
    ...(line.peer !== undefined ? { peer: line.peer } : {}),
    ...(line.file !== undefined ? { file: line.file } : {}),
    ...(line.provinces !== undefined ? { provinces: t(`home.provinces.${plural(line.provinces)}`, { count: line.provinces }) } : {}),
  };
  // Every kind has both forms of its headline (the type checks the keys exist).
  const headline = (kind: HomeLineKind | 'unsentReceipt', count: number) => {
    const key: MessageKey = `home.line.${kind}.${plural(count)}`;
    return t(key, { ...params, count });
  };
  const overdue = (n: number | undefined) => {
    if (!n) return t('home.detail.noneOverdue');
    return n === line.count ? t(`home.detail.allOverdue.${plural(n)}`) : t(`home.detail.overdue.${plural(n)}`, { count: n });
  };
  let detail: string | null;
  switch (line.kind) {
    case 'transfersToAccept':
    case 'visaCancel':
    case 'centreUnbound':
    case 'unacknowledged':
    case 'approvalNoPeer':
      detail = t(`home.detail.${line.kind}`);
      break;
    case 'visaNotApplied':
    case 'visaLate':
    case 'meetingsOverdue':
    case 'meetingsToPlan':
    case 'approvalNotSent':
    case 'approvalSent':
    case 'approvalDelivered':
    case 'nationalMeetingsOverdue':
      detail = t(`home.detail.${line.kind}`, params);
      break;
    case 'decisions':
    case 'followUps':
    case 'nationalDecisions':
      detail = overdue(line.overdue);
      break;
    case 'conflicts':
      detail = line.others ? t(`home.detail.conflictsOthers.${plural(line.others)}`, { count: line.others }) : null;
      break;
    case 'silentPeers': {
      const names = (line.names ?? []).join(', ');
      const more = line.count - (line.names?.length ?? 0);
      detail = more > 0 ? t('home.detail.namesMore', { names, more }) : t('home.detail.names', { names });
      break;
    }
    case 'unsentChanges': {
      const awaiting = line.awaitingReceipt ?? 0;
      // Everything is in a file already: what is left is the peer's receipt.
      if (line.count === 0) return { shown: awaiting, headline: headline('unsentReceipt', awaiting), detail: null };
      detail = awaiting > 0 ? t(`home.detail.unsentReceipt.${plural(awaiting)}`, { count: awaiting }) : null;
      break;
    }
    default:
      detail = null;
  }
  return { shown: line.count, headline: headline(line.kind, line.count), detail };
}

export function TodayPage() {
  const t = useT();
  const today = useCall('home:today', {}, { pollMs: REFRESH_MS, keepPrevious: true });
  return (
    <Stack gap="lg" maw={980} data-testid="home">
      <div>
        <Title order={2}>{t('home.title')}</Title>
        <Text size="sm" c="dimmed" data-testid="home-date">
          {today.data ? formatDateTr(today.data.today) : '\u00a0'}
        </Text>
      </div>
      <QueryState query={today}>
        {(data) => (
          <>
            <Section title={t('home.waiting.title')} lines={data.waiting} nothing={t('home.nothingWaiting')} testId="home-waiting" />
            {data.sent.length > 0 && <Section title={t('home.sent.title')} lines={data.sent} testId="home-sent" />}
            {data.national.length > 0 && <Section title={t('home.national.title')} hint={t('home.national.hint')} lines={data.national} testId="home-national" />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Section({ title, hint, lines, nothing, testId }: { title: string; hint?: string; lines: HomeLine[]; nothing?: string; testId: string }) {
  const t = useT();
  const active = lines.filter(isActive);
  const calm = lines.filter((l) => !isActive(l));
  const headingId = `${testId}-title`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid={testId}>
      <div>
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      {active.length > 0 ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          {active.map((line, i) => (
            <LineRow key={`${line.kind}-${line.file ?? i}`} line={line} first={i === 0} />
          ))}
        </Paper>
      ) : (
        nothing && (
          <Paper withBorder radius="md" p="md">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon color="teal" variant="light" radius="xl" size="md" aria-hidden>
                ✓
              </ThemeIcon>
              <Text data-testid="home-nothing">{nothing}</Text>
            </Group>
          </Paper>
        )
      )}
      {calm.length > 0 && (
        <Text size="sm" c="dimmed" data-testid={`${testId}-calm`}>
          <Text span c="teal.8" fw={700} aria-hidden>
            ✓{' '}
          </Text>
          {t('home.calm')}{' '}
          {calm.map((line, i) => (
            <Fragment key={line.kind}>
              {i > 0 && ' · '}
              <Anchor href={targetHref(line.target)} c="dimmed" size="sm" underline="hover">
                {t(`home.calm.${line.kind}`)}
              </Anchor>
            </Fragment>
          ))}
        </Text>
      )}
    </Stack>
  );
}

function LineRow({ line, first }: { line: HomeLine; first: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { shown, headline, detail } = lineText(t, line);
  const number = line.kind === 'centreUnbound' ? '!' : shown.toLocaleString(locale);
  return (
    <NavLink
      component="a"
      href={targetHref(line.target)}
      data-testid={`home-line-${line.kind}`}
      data-urgent={line.urgent || undefined}
      py="sm"
      style={{
        borderTop: first ? undefined : '1px solid var(--mantine-color-gray-3)',
        borderLeft: `4px solid ${line.urgent ? 'var(--mantine-color-orange-6)' : 'transparent'}`,
      }}
      leftSection={
        <Text fw={700} fz={22} w={92} ta="right" c={line.urgent ? 'orange.8' : 'gsb.8'} style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.1 }}>
          {number}
        </Text>
      }
      label={
        <Text fw={500} size="md">
          {headline}
        </Text>
      }
      description={detail ?? undefined}
      rightSection={
        <Text size="xl" c="dimmed" aria-hidden>
          ›
        </Text>
      }
    />
  );
}
