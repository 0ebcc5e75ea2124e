import { useMemo } from 'react';
import { REGISTRY_IMPORT_FIELD_NAMES, REGISTRY_IMPORT_FIELDS } from '../../../shared/registry/importFields';
import { ImportWizard as SpreadsheetImport, type ImportWizardTexts, type SavedMappings } from '../../components/ImportWizard';
import { errorMessage } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { LISTS } from './calls';
import { useRegistryLabels } from './labels';

// Spreadsheet import of an existing registry (renderer/components/ImportWizard.tsx), with the registry's
// fields and words (the `import.` messages) and its saved column mappings.

const TEXTS: ImportWizardTexts = {
  title: 'import.title',
  backLink: 'registry.backToList',
  fileHint: 'import.fileHint',
  mappingHint: 'import.mapping.hint',
  duplicatesTitle: 'import.duplicates.title',
  skipHint: 'import.duplicates.skipHint',
  updateHint: 'import.duplicates.updateHint',
  nameColumn: 'import.preview.name',
  done: 'import.done',
  resultText: 'import.resultText',
  finish: 'import.backToRegistry',
};

export function ImportWizard() {
  const labels = useRegistryLabels();
  const fields = useMemo(
    () => REGISTRY_IMPORT_FIELD_NAMES.map((f) => ({ name: f, label: labels.importField(f), required: REGISTRY_IMPORT_FIELDS[f].required })),
    [labels],
  );
  const saved = useCall('registry:listMappings', {});
  const save = useCallMutation('registry:saveMapping', { invalidates: ['registry:listMappings'] });
  const savedMappings: SavedMappings = {
    list: saved.data,
    save: (name, mapping, onSaved) => save.mutate({ name, mapping }, { onSuccess: (r) => onSaved(r.name) }),
    saving: save.isPending,
    error: save.isError ? errorMessage(save.error) : undefined,
  };
  return (
    <SpreadsheetImport
      previewChannel="registry:importPreview"
      applyChannel="registry:importApply"
      invalidates={[...LISTS, 'registry:get']}
      fields={fields}
      home="registry"
      texts={TEXTS}
      savedMappings={savedMappings}
    />
  );
}
