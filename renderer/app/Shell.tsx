import { AppShell, Badge, Box, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { JobBanner } from '../features/backend';
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
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
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
          <Box ml="auto">
            <UserMenu />
          </Box>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {(Object.keys(SCREENS) as Route[]).map((r) => (
          <NavLink
            key={r}
            href={routeHref(r)}
            label={t(SCREENS[r].label)}
            active={r === route}
            aria-current={r === route ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* The exchange screen shows an exchange's progress itself. */}
        <JobBanner hideJob={(job) => route === 'exchange' && job.kind.startsWith('exchange-')} />
        {SCREENS[route].render()}
      </AppShell.Main>
    </AppShell>
  );
}
