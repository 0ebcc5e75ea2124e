export { BackendWatcher, useBackendStatus } from './BackendWatcher';
export { JobBanner } from './JobBanner';
export { takeOpenedFileFromStore, useOpenedFile } from './openedFile';
