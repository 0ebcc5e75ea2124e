export { ExchangePage } from './ExchangePage';
export { FilePathInput, useFilePath } from './FilePathInput';
