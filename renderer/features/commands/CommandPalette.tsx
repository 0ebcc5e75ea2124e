import { Badge, Group, Modal, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightStore } from '@mantine/spotlight';
import { useEffect, useMemo, useState } from 'react';
import { foldTurkish, parseDateTr } from '../../../shared/turkish';
import { useT, type MessageKey } from '../../i18n';
import { dateText, todayIso } from '../../lib/dates';
import { navigate } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import './commands.css';

// The command palette (Ctrl+K): the screens this user may open, and records found as the clerk types —
// associations, organisations, youth centres and meetings — through the lists' own search channels (Turkish
// diacritic-insensitive search is the database's). Enter opens the selected line's hash route.

/** A screen the palette offers: the navigation's own list (same role rules) plus a few of their tabs. */
export interface PaletteScreen {
  id: string;
  label: string;
  segments: string[];
}

type Kind = 'association' | 'organisation' | 'centre' | 'meeting';

interface RecordHit {
  id: string;
  kind: Kind;
  label: string;
  place: string;
  segments: string[];
}

const PER_KIND = 5;
/** Records are searched from this many characters on (one letter would match half the registry). */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

const GROUP_OF: Record<Kind, MessageKey> = {
  association: 'commands.group.associations',
  organisation: 'commands.group.organisations',
  centre: 'commands.group.centres',
  meeting: 'commands.group.meetings',
};
const KIND_LABEL: Record<Kind, MessageKey> = {
  association: 'commands.kind.association',
  organisation: 'commands.kind.organisation',
  centre: 'commands.kind.centre',
  meeting: 'commands.kind.meeting',
};

function place(province: string, district?: string | null): string {
  return district ? `${province} / ${district}` : province;
}

function shiftYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

/** Record hits for the (debounced) query, each kind from its own search channel; nothing under MIN_QUERY. */
function useRecordHits(query: string, enabled: boolean) {
  const t = useT();
  const on = enabled && query.length >= MIN_QUERY;
  const associations = useCall('registry:search', { query, limit: PER_KIND, offset: 0 }, { enabled: on, keepPrevious: true });
  const organisations = useCall('directory:search', { query, limit: PER_KIND, offset: 0 }, { enabled: on, keepPrevious: true });
  const centres = useCall('orgUnits:searchYouthCentres', { query, limit: PER_KIND, offset: 0 }, { enabled: on, keepPrevious: true });
  // Meetings have no text of their own to search: a typed date finds that day's meetings, a name the meetings
  // of the first youth centre it finds (a year back and a year ahead).
  const day = parseDateTr(query);
  const firstCentre = centres.data?.items[0];
  const today = todayIso();
  const meetingsInput = day
    ? { from: day, to: day }
    : { from: shiftYears(today, -1), to: shiftYears(today, 1), youthCentreId: firstCentre?.id ?? '' };
  const meetings = useCall('meetings:list', meetingsInput, { enabled: on && (!!day || !!firstCentre), keepPrevious: true });

  const hits: RecordHit[] = useMemo(() => {
    if (!on) return [];
    const list: RecordHit[] = [];
    for (const a of associations.data?.items ?? [])
      list.push({ id: a.id, kind: 'association', label: a.name, place: place(a.provinceName, a.districtName), segments: ['registry', a.id] });
    for (const o of organisations.data?.rows ?? [])
      list.push({ id: o.id, kind: 'organisation', label: o.name, place: place(o.provinceName, o.districtName), segments: ['directory', o.id] });
    for (const c of centres.data?.items ?? [])
      list.push({ id: c.id, kind: 'centre', label: c.name, place: place(c.provinceName, c.districtName), segments: ['org-units', c.id] });
    const found = [...(meetings.data?.meetings ?? [])].sort((a, b) => b.date.localeCompare(a.date)).slice(0, PER_KIND);
    for (const m of found)
      list.push({
        id: m.id,
        kind: 'meeting',
        label: t('commands.meetingLabel', { centre: m.youthCentreName, date: dateText(m.date) }),
        place: m.provinceName,
        segments: ['meetings', m.id],
      });
    return list;
  }, [on, associations.data, organisations.data, centres.data, meetings.data, t]);
  const searching = on && [associations, organisations, centres].some((q) => q.isFetching);
  return { hits, searching };
}

/** Marks the list's first line selected, as the palette's own arrow keys would (it does not export that step). */
function selectFirst(store: SpotlightStore): boolean {
  const { listId } = store.getState();
  const first = listId ? document.getElementById(listId)?.querySelector('[data-action]') : null;
  if (!first) return false;
  document.getElementById(listId)?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  first.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: 0 }));
  return true;
}

export function CommandPalette({ store, screens, commands }: { store: SpotlightStore; screens: PaletteScreen[]; commands: { id: string; label: string; run: () => void }[] }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const { hits, searching } = useRecordHits(debounced, opened);

  const wanted = foldTurkish(query.trim());
  const shownScreens = wanted ? screens.filter((s) => foldTurkish(s.label).includes(wanted)) : screens;
  const shownCommands = wanted ? commands.filter((c) => foldTurkish(c.label).includes(wanted)) : commands;
  const kinds = (Object.keys(GROUP_OF) as Kind[]).filter((k) => hits.some((h) => h.kind === k));
  const total = shownScreens.length + shownCommands.length + hits.length;

  // The first line is selected as results change, so Enter opens the best match without an arrow key.
  const signature = [...shownScreens.map((s) => s.id), ...shownCommands.map((c) => c.id), ...hits.map((h) => h.id)].join('|');
  // (The dialog's content and its list appear a frame or two after opening: try again until they are there.)
  useEffect(() => {
    if (!opened || total === 0) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (!selectFirst(store) && ++tries < 30) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [signature, opened, total, store]);

  return (
    <Spotlight.Root
      store={store}
      query={query}
      onQueryChange={setQuery}
      shortcut={null}
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
      scrollable
      maxHeight={440}
      data-testid="command-palette"
    >
      {/* The dialog's name (the palette is a Mantine modal without a visible title). */}
      <VisuallyHidden>
        <Modal.Title>{t('commands.searchLabel')}</Modal.Title>
      </VisuallyHidden>
      <Spotlight.Search
        aria-label={t('commands.searchLabel')}
        placeholder={t('commands.searchPlaceholder')}
        data-autofocus
        // Enter pressed before the first line was marked (results just arrived) still opens it.
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !document.getElementById(store.getState().listId)?.querySelector('[data-selected]')) selectFirst(store);
        }}
      />
      <VisuallyHidden aria-live="polite">{searching ? t('commands.searching') : t('commands.resultCount', { count: total })}</VisuallyHidden>
      <Spotlight.ActionsList aria-label={t('commands.searchLabel')}>
        {shownScreens.length > 0 && (
          <Spotlight.ActionsGroup label={t('commands.group.screens')}>
            {shownScreens.map((s) => (
              <Spotlight.Action key={s.id} data-testid={`palette-screen-${s.id}`} label={s.label} onClick={() => navigate(...s.segments)} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {kinds.map((kind) => (
          <Spotlight.ActionsGroup key={kind} label={t(GROUP_OF[kind])}>
            {hits
              .filter((h) => h.kind === kind)
              .map((h) => (
                <Spotlight.Action key={h.id} data-testid="palette-record" onClick={() => navigate(...h.segments)}>
                  <Group wrap="nowrap" gap="sm" w="100%" justify="space-between">
                    <Text size="sm" truncate>
                      {h.label}
                    </Text>
                    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <Text size="xs" className="kopru-palette-place">
                        {h.place}
                      </Text>
                      <Badge size="sm" variant="light" color="gray" className="kopru-palette-kind">
                        {t(KIND_LABEL[h.kind])}
                      </Badge>
                    </Group>
                  </Group>
                </Spotlight.Action>
              ))}
          </Spotlight.ActionsGroup>
        ))}
        {shownCommands.length > 0 && (
          <Spotlight.ActionsGroup label={t('commands.group.actions')}>
            {shownCommands.map((c) => (
              <Spotlight.Action key={c.id} data-testid={`palette-command-${c.id}`} label={c.label} onClick={c.run} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {total === 0 && (
          <Spotlight.Empty>
            {searching ? t('commands.searching') : debounced.length < MIN_QUERY ? t('commands.typeMore') : t('commands.nothingFound')}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          {t('commands.footer')}
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
