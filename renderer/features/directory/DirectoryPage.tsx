import { useHashSegments } from '../../lib/hashRoute';
import { DirectoryList } from './DirectoryList';
import { FollowUpsPage } from './FollowUpsPage';
import { ImportWizard } from './ImportWizard';
import { OrganisationPage } from './OrganisationPage';

/**
 * `#/directory` the list, `#/directory/import` the import wizard, `#/directory/follow-ups` the open
 * follow-up tasks, `#/directory/<id>[/<tab>]` one organisation.
 */
export function DirectoryPage() {
  const [, first, second] = useHashSegments();
  if (first === 'import') return <ImportWizard />;
  if (first === 'follow-ups') return <FollowUpsPage />;
  if (first) return <OrganisationPage key={first} id={first} tab={second} />;
  return <DirectoryList />;
}
