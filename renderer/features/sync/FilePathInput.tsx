import { Alert, Button, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import type { ChooseFileRequest } from '../../../shared/fileDialog';
import { useT } from '../../i18n';
import { CallError, chooseFile } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/query';

// Where an exchange file is written or read: a path on this machine, suggested next to the data folder
// (`<data folder>/../degisim/…`). In the desktop app a button opens the native save/open dialog, which fills
// the path in; the browser harness has no such dialog, and there the path is typed. Everything about
// choosing a path lives in this one file.

function separatorOf(dir: string): string {
  return dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
}

/** `<parent of the data folder>/degisim/` — the exchange folder people carry files from and to. */
export function exchangeFolder(dataDir: string): string {
  const sep = separatorOf(dataDir);
  const trimmed = dataDir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const parent = cut > 0 ? trimmed.slice(0, cut) : trimmed;
  return `${parent}${sep}degisim${sep}`;
}

export interface FilePath {
  /** The path as it would be sent (what the input shows). */
  value: string;
  setValue: (path: string) => void;
  /** Whether there is a file name to send (not empty, not just the suggested folder). */
  ready: boolean;
}

/**
 * The path a file goes to (`save`, suggested as the exchange folder plus `suggestedName`) or comes from
 * (`open`, suggested as the exchange folder). The suggestion follows `suggestedName` until the person types.
 */
export function useFilePath(kind: 'save' | 'open', suggestedName = ''): FilePath {
  const settings = useCall('settings:get', {});
  const [typed, setTyped] = useState<string | null>(null);
  const folder = settings.data ? exchangeFolder(settings.data.dataDir) : '';
  const suggestion = folder ? folder + (kind === 'save' ? suggestedName : '') : '';
  const value = typed ?? suggestion;
  const trimmed = value.trim();
  return { value, setValue: setTyped, ready: trimmed.length > 0 && !/[\\/]$/.test(trimmed) };
}

type FilePathInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  path: FilePath;
  kind: 'save' | 'open';
  /** What the file is, for the dialog's filter: an exchange file (.kopru) or an introduction (.json). */
  fileKind: ChooseFileRequest['kind'];
};

export function FilePathInput({ path, kind, fileKind, description, disabled, error, ...props }: FilePathInputProps) {
  const t = useT();
  const [dialogError, setDialogError] = useState<string | null>(null);
  const browse = async () => {
    setDialogError(null);
    try {
      const chosen = await chooseFile!({
        mode: kind, kind: fileKind, defaultPath: path.value.trim() || undefined,
        title: t(kind === 'save' ? 'sync.path.chooseSave' : 'sync.path.chooseOpen'), filterName: t(`sync.path.filter.${fileKind}`),
      });
      if (chosen) path.setValue(chosen);
    } catch (e) {
      setDialogError(errorMessage(e));
    }
  };
  return (
    <TextInput
      description={description ?? t(kind === 'save' ? 'sync.path.saveHint' : 'sync.path.openHint')}
      value={path.value}
      onChange={(e) => path.setValue(e.currentTarget.value)}
      spellCheck={false}
      autoComplete="off"
      disabled={disabled}
      error={error ?? dialogError}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      {...(chooseFile
        ? {
            rightSection: (
              <Button size="compact-sm" variant="default" onClick={() => void browse()} disabled={disabled}>
                {t('sync.path.choose')}
              </Button>
            ),
            rightSectionWidth: 76,
            rightSectionPointerEvents: 'all' as const,
          }
        : {})}
      {...props}
    />
  );
}

/**
 * A failed write of a file. The server answers some disk problems (a missing folder, a name already taken by
 * an exchange file) with its generic message only, so the likely causes are named under it.
 */
export function FileWriteError({ error }: { error: unknown }) {
  const t = useT();
  const generic = error instanceof CallError && error.error.code === 'INTERNAL';
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      {errorMessage(error)}
      {generic && (
        <Text size="sm" mt="xs">
          {t('sync.path.writeHint')}
        </Text>
      )}
    </Alert>
  );
}
