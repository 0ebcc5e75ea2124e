import { AppShell, Badge, Box, Button, Group, Kbd, NavLink, Text, Title } from '@mantine/core';
import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { JobBanner } from '../features/backend';
import { Commands, openCommandPalette, type PaletteScreen } from '../features/commands';
import { DirectoryPage } from '../features/directory';
import { TodayPage } from '../features/home';
import { MeetingsPage } from '../features/meetings';
import { OrgUnitsPage } from '../features/orgUnits';
import { PrivacyPage } from '../features/privacy';
import { RegistryPage, VisaDashboardPage } from '../features/registry';
import { ReportsPage } from '../features/reports';
import { SettingsPage } from '../features/settings';
import { ExchangePage } from '../features/sync';
import { UserMenu } from '../features/users';
import { WorkshopsPage } from '../features/workshops';
import { useT, type MessageKey } from '../i18n';
import { useIdentity } from '../lib/identity';
import { routeHref, useHashRoute, type Route } from './useHashRoute';

// Top-level screens, in menu order.
const SCREENS: Record<Route, { label: MessageKey; render: () => ReactNode }> = {
  today: { label: 'nav.today', render: () => <TodayPage /> },
  'org-units': { label: 'nav.orgUnits', render: () => <OrgUnitsPage /> },
  registry: { label: 'nav.registry', render: () => <RegistryPage /> },
  visa: { label: 'nav.visa', render: () => <VisaDashboardPage /> },
  directory: { label: 'nav.directory', render: () => <DirectoryPage /> },
  meetings: { label: 'nav.meetings', render: () => <MeetingsPage /> },
  workshops: { label: 'nav.workshops', render: () => <WorkshopsPage /> },
  reports: { label: 'nav.reports', render: () => <ReportsPage /> },
  exchange: { label: 'nav.exchange', render: () => <ExchangePage /> },
  privacy: { label: 'nav.privacy', render: () => <PrivacyPage /> },
  settings: { label: 'nav.settings', render: () => <SettingsPage /> },
};

export function Shell() {
  const t = useT();
  const identity = useIdentity();
  const route = useHashRoute();
  // The menu's screens are also the command palette's (Ctrl+K): one list, one set of rules.
  const screens = useMemo(() => (Object.keys(SCREENS) as Route[]).map((r) => ({ route: r, label: t(SCREENS[r].label) })), [t]);
  const paletteScreens: PaletteScreen[] = useMemo(() => screens.map((s) => ({ id: s.route, label: s.label, segments: [s.route] })), [screens]);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <a href="#main-content" className="kopru-skip-link" onClick={skipToContent}>
        {t('a11y.skipToContent')}
      </a>
      <Commands screens={paletteScreens} />
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Title order={1} size="h3" c="gsb.8">
            {t('app.name')}
          </Title>
          <Text fw={500} truncate data-testid="unit-name">
            {identity.unitName}
          </Text>
          <Badge variant="light" data-testid="role-badge">
            {t(`role.${identity.role}`)}
          </Badge>
          <Button
            ml="auto"
            variant="default"
            size="xs"
            onClick={openCommandPalette}
            aria-keyshortcuts="Control+K"
            rightSection={<Kbd size="xs">Ctrl K</Kbd>}
            data-testid="open-palette"
          >
            {t('commands.button')}
          </Button>
          <Box>
            <UserMenu />
          </Box>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {screens.map(({ route: r, label }) => (
          <NavLink
            key={r}
            href={routeHref(r)}
            label={label}
            active={r === route}
            aria-current={r === route ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {/* The exchange screen shows an exchange's progress itself. */}
        <JobBanner hideJob={(job) => route === 'exchange' && job.kind.startsWith('exchange-')} />
        {SCREENS[route].render()}
      </AppShell.Main>
    </AppShell>
  );
}

/** The skip link moves the focus into the main area (a plain `#main-content` would change the hash route). */
function skipToContent(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}
