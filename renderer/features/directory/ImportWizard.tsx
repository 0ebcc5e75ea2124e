import { useMemo } from 'react';
import { DIRECTORY_IMPORT_FIELDS, type DirectoryImportField } from '../../../shared/directory/importFields';
import { ImportWizard as SpreadsheetImport, type ImportWizardTexts } from '../../components/ImportWizard';
import { hrefOf } from '../../lib/hashRoute';
import { useT } from '../../i18n';
import { DIRECTORY_READS } from './calls';

// A CSO list import (renderer/components/ImportWizard.tsx) with the directory's fields
// (shared/directory/importFields.ts) and words; no saved mappings (the directory contract has none).

const FIELDS = Object.keys(DIRECTORY_IMPORT_FIELDS) as DirectoryImportField[];

const TEXTS: ImportWizardTexts = {
  title: 'directory.import.title',
  backLink: 'directory.backToList',
  fileHint: 'directory.import.fileHint',
  mappingHint: 'directory.import.mappingHint',
  duplicatesTitle: 'directory.import.duplicatesTitle',
  skipHint: 'directory.import.skipHint',
  updateHint: 'directory.import.updateHint',
  nameColumn: 'directory.import.name',
  done: 'directory.import.done',
  resultText: 'directory.import.resultText',
  finish: 'directory.import.back',
};

const EXISTING = { href: (id: string) => hrefOf('directory', id), label: 'directory.import.existing' } as const;

export function ImportWizard() {
  const t = useT();
  const fields = useMemo(() => FIELDS.map((f) => ({ name: f, label: t(`directory.importField.${f}`), required: DIRECTORY_IMPORT_FIELDS[f].required })), [t]);
  return (
    <SpreadsheetImport
      previewChannel="directory:importPreview"
      applyChannel="directory:importApply"
      invalidates={[...DIRECTORY_READS, 'directory:get']}
      fields={fields}
      home="directory"
      texts={TEXTS}
      existingLink={EXISTING}
    />
  );
}
