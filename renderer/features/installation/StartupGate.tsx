import type { ReactNode } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import { useCall } from '../../lib/query';
import { LanguageControl } from '../../components/LanguageControl';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { CenteredPage } from '../../components/CenteredPage';
import { DbErrorScreen } from './DbErrorScreen';
import { KeyErrorScreen } from './KeyErrorScreen';
import { SetupWizard } from './SetupWizard';

/**
 * Decides what the app can show at all: a database it cannot open stops everything, so does a key file that is
 * missing or damaged, a fresh installation must be bound to its unit first, and only a set-up installation
 * with sound keys reaches the app (`children`).
 */
export function StartupGate({ children }: { children: (identity: Identity) => ReactNode }) {
  const t = useT();
  const status = useCall('installation:status', {});
  return (
    <QueryState query={status}>
      {(s) => {
        if (s.state === 'db-error' && s.dbError) return <DbErrorScreen dbError={s.dbError} />;
        if (s.state === 'key-error' && s.keyError) return <KeyErrorScreen keyError={s.keyError} identity={s.identity} />;
        if (s.state === 'ready' && s.identity) return children(s.identity);
        // The language can be chosen before setup; with a broken database there is nowhere to store it.
        return (
          <CenteredPage aside={<LanguageControl size="xs" aria-label={t('settings.language')} />}>
            <SetupWizard />
          </CenteredPage>
        );
      }}
    </QueryState>
  );
}
