export { OrgUnitsPage } from './OrgUnitsPage';
