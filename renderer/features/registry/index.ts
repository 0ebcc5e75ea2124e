export { RegistryPage } from './RegistryPage';
export { VisaDashboardPage } from './VisaDashboard';
export { RegistryPolicySection } from './PolicySection';
export { registryListHref } from './links';
export { verdictText } from './labels';
