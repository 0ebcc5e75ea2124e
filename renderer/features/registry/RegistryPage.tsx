import { useHashSegments } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { AssociationPage } from './AssociationPage';
import { canRecord } from './calls';
import { ImportWizard } from './ImportWizard';
import { RegistryList } from './RegistryList';

/** `#/registry` the list, `#/registry/import` the import wizard, `#/registry/<id>[/<tab>]` one association. */
export function RegistryPage() {
  const identity = useIdentity();
  const [, first, second] = useHashSegments();
  if (first === 'import' && canRecord(identity)) return <ImportWizard />;
  if (first && first !== 'import') return <AssociationPage key={first} id={first} tab={second} />;
  return <RegistryList />;
}
