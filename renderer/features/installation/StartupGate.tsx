import type { ReactNode } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import { useCall } from '../../lib/query';
import { QueryState } from '../../components/QueryState';
import { CenteredPage } from './CenteredPage';
import { DbErrorScreen } from './DbErrorScreen';
import { SetupWizard } from './SetupWizard';

/**
 * Decides what the app can show at all: a database it cannot open stops everything, a fresh installation
 * must be bound to its unit first, and only a set-up installation reaches the app (`children`).
 */
export function StartupGate({ children }: { children: (identity: Identity) => ReactNode }) {
  const status = useCall('installation:status', {});
  return (
    <QueryState query={status}>
      {(s) => {
        if (s.state === 'db-error' && s.dbError) return <DbErrorScreen dbError={s.dbError} />;
        if (s.state === 'ready' && s.identity) return children(s.identity);
        return (
          <CenteredPage>
            <SetupWizard />
          </CenteredPage>
        );
      }}
    </QueryState>
  );
}
