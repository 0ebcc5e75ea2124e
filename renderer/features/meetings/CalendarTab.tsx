import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { capitalise, STATE_COLOURS, useMeetingLabels, WORKSHOP_COLOUR } from './labels';

type Listing = ChannelOutput<'meetings:list'>;

// Dates are ISO strings handled in UTC so no time zone moves a day.
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}
/** The Monday on or before a date. */
export function mondayOf(iso: string): string {
  const weekday = (toDate(iso).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** Month (weeks start Monday) or week view of meetings, coloured by state, and workshops on their days. */
export function CalendarTab({ plate }: { plate: string | null }) {
  const t = useT();
  const locale = useLocale();
  const identity = useIdentity();
  const today = todayIso();
  const [view, setView] = useState<'month' | 'week'>('month');
  const [anchor, setAnchor] = useState(today);

  const { from, to, title } = useMemo(() => {
    if (view === 'week') {
      const start = mondayOf(anchor);
      const end = addDays(start, 6);
      const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      return { from: start, to: end, title: `${fmt.format(toDate(start))} – ${fmt.format(toDate(end))}` };
    }
    const first = `${anchor.slice(0, 7)}-01`;
    const start = mondayOf(first);
    const lastOfMonth = toIso(new Date(Date.UTC(Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7)), 0)));
    const end = addDays(mondayOf(lastOfMonth), 6);
    const monthTitle = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(toDate(first));
    return { from: start, to: end, title: capitalise(monthTitle, locale) };
  }, [anchor, view, locale]);

  const shift = (direction: 1 | -1) => {
    if (view === 'week') setAnchor(addDays(anchor, 7 * direction));
    else {
      const d = toDate(`${anchor.slice(0, 7)}-01`);
      d.setUTCMonth(d.getUTCMonth() + direction);
      setAnchor(toIso(d));
    }
  };

  const listing = useCall('meetings:list', { from, to, ...(plate ? { provincePlate: plate } : {}) }, { keepPrevious: true });
  return (
    <Stack gap="md" data-testid="calendar">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <ActionIcon variant="default" size="lg" onClick={() => shift(-1)} aria-label={t('meetings.calendar.previous')}>
            ‹
          </ActionIcon>
          <ActionIcon variant="default" size="lg" onClick={() => shift(1)} aria-label={t('meetings.calendar.next')}>
            ›
          </ActionIcon>
          <Button variant="subtle" size="sm" onClick={() => setAnchor(today)}>
            {t('meetings.calendar.today')}
          </Button>
          <Text fw={700} size="lg" data-testid="calendar-title">
            {title}
          </Text>
        </Group>
        <Group align="flex-end">
          {identity.role === 'ministry' && (
            <ProvinceSelect
              label={t('meetings.province')}
              placeholder={t('meetings.calendar.allProvinces')}
              value={plate}
              onChange={(p) => (p ? navigate('meetings', 'calendar', p) : navigate('meetings', 'calendar'))}
              clearable
              w={240}
            />
          )}
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'month' | 'week')}
            data={[
              { value: 'month', label: t('meetings.calendar.month') },
              { value: 'week', label: t('meetings.calendar.week') },
            ]}
          />
        </Group>
      </Group>
      <QueryState query={listing}>{(l) => <CalendarGrid listing={l} from={from} to={to} month={view === 'month' ? anchor.slice(0, 7) : null} today={today} />}</QueryState>
    </Stack>
  );
}

/** The days in weeks of seven (the grid starts on a Monday). */
function weeksOf(days: string[]): string[][] {
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

function CalendarGrid({ listing, from, to, month, today }: { listing: Listing; from: string; to: string; month: string | null; today: string }) {
  const t = useT();
  const locale = useLocale();
  const labels = useMeetingLabels();
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weekdays = days.slice(0, 7).map((d) => capitalise(new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(toDate(d)), locale));
  const empty = listing.meetings.length === 0 && listing.workshops.length === 0;
  return (
    <Stack gap="xs">
      {empty && (
        <Text c="dimmed" size="sm" data-testid="empty-state">
          {t('meetings.calendar.empty')}
        </Text>
      )}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }} role="grid" aria-label={t('meetings.tab.calendar')}>
          {/* Rows for assistive technology only: the weeks are laid out by the grid (display: contents). */}
          <div role="row" style={{ display: 'contents' }}>
          {weekdays.map((w) => (
            <Box key={w} p={6} bg="var(--mantine-color-gray-1)" role="columnheader">
              <Text size="xs" fw={700} ta="center">
                {w}
              </Text>
            </Box>
          ))}
          </div>
          {weeksOf(days).map((week) => (
          <div role="row" key={week[0]} style={{ display: 'contents' }}>
          {week.map((day) => {
            const meetings = listing.meetings.filter((m) => m.date === day);
            const workshops = listing.workshops.filter((w) => w.startOn <= day && w.endOn >= day);
            const outside = month !== null && day.slice(0, 7) !== month;
            return (
              <Box
                key={day}
                role="gridcell"
                data-date={day}
                p={4}
                mih={month ? 96 : 240}
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)', borderLeft: '1px solid var(--mantine-color-gray-2)', background: outside ? 'var(--mantine-color-gray-0)' : undefined }}
              >
                <Text size="xs" fw={day === today ? 800 : 500} c={day === today ? 'gsb.8' : outside ? 'dimmed' : undefined} mb={2}>
                  {Number(day.slice(8))}
                  {day === today ? ` · ${t('meetings.calendar.today')}` : ''}
                </Text>
                <Stack gap={2}>
                  {meetings.map((m) => (
                    <UnstyledButton
                      key={m.id}
                      onClick={() => navigate('meetings', m.id)}
                      title={`${m.youthCentreName} · ${m.startTime}–${m.endTime} · ${labels.state(m.state)}`}
                      data-testid="calendar-meeting"
                      style={{ borderRadius: 4, padding: '1px 4px', background: `var(--mantine-color-${STATE_COLOURS[m.state]}-light)`, color: `var(--mantine-color-${STATE_COLOURS[m.state]}-light-color)` }}
                    >
                      <Text size="xs" lineClamp={2} style={{ textDecoration: m.state === 'IPTAL' ? 'line-through' : undefined }}>
                        <b>{m.startTime}</b> {m.youthCentreName}
                      </Text>
                    </UnstyledButton>
                  ))}
                  {workshops.map((w) => (
                    <Box
                      key={w.id}
                      component="a"
                      href={hrefOf('workshops', w.id)}
                      title={`${labels.workshopKind(w.kind)} · ${w.title}`}
                      data-testid="calendar-workshop"
                      style={{ borderRadius: 4, padding: '1px 4px', textDecoration: 'none', background: `var(--mantine-color-${WORKSHOP_COLOUR}-light)`, color: `var(--mantine-color-${WORKSHOP_COLOUR}-light-color)` }}
                    >
                      <Text size="xs" lineClamp={2}>
                        ◆ {w.title}
                      </Text>
                    </Box>
                  ))}
                </Stack>
              </Box>
            );
          })}
          </div>
          ))}
        </Box>
      </Paper>
      <Group gap="md">
        {(['PLANLANDI', 'DAVET_GONDERILDI', 'YAPILDI', 'ERTELENDI', 'IPTAL'] as const).map((s) => (
          <Group key={s} gap={4}>
            <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${STATE_COLOURS[s]}-6)` }} />
            <Text size="xs">{labels.state(s)}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${WORKSHOP_COLOUR}-6)` }} />
          <Text size="xs">{t('meetings.calendar.workshop')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
