export { BackupsPanel } from './BackupsPanel';
