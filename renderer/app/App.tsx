import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { DocumentPreviewProvider } from '../components/DocumentPreview';
import { BackendWatcher } from '../features/backend';
import { StartupGate } from '../features/installation';
import { UsersGate } from '../features/users';
import { I18nProvider } from '../i18n';
import { bridgeAvailable } from '../lib/api';
import { IdentityProvider } from '../lib/identity';
import { createQueryClient } from '../lib/query';
import { BridgeMissing } from './BridgeMissing';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        {bridgeAvailable ? <Connected /> : <BridgeMissing />}
      </MantineProvider>
    </QueryClientProvider>
  );
}

function Connected() {
  return (
    <I18nProvider>
      <BackendWatcher />
      <StartupGate>
        {(identity) => (
          <IdentityProvider identity={identity}>
            <UsersGate>
              <DocumentPreviewProvider>
                <Shell />
              </DocumentPreviewProvider>
            </UsersGate>
          </IdentityProvider>
        )}
      </StartupGate>
    </I18nProvider>
  );
}
