import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHOOSE_FILE_CHANNEL, chooseFileRequest, FILE_EXTENSIONS, type ChooseFileResult } from '../../shared/fileDialog';
import { isTrustedSender, NOT_FROM_APP_PAGE } from './ipc';

/**
 * The native save/open dialog for exchange and introduction files, for the app's own page only. It returns
 * a path and nothing else: reading or writing the file stays with the sync handlers, which check it.
 */
export function registerFileDialog(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  appUrl: () => string,
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null,
): void {
  ipcMain.handle(CHOOSE_FILE_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<ChooseFileResult> => {
    if (!isTrustedSender(event, appUrl())) return NOT_FROM_APP_PAGE;
    const parsed = chooseFileRequest.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Dosya seçme isteği geçersiz.', key: 'backend.fileDialogInvalid' } };
    const { mode, kind, defaultPath, title, filterName } = parsed.data;
    const options = {
      title,
      ...(defaultPath ? { defaultPath } : {}),
      filters: [{ name: filterName, extensions: [FILE_EXTENSIONS[kind]] }],
    };
    // Modal to the app's window when there is one, so the dialog cannot be lost behind it.
    const owner = windowOf(event);
    if (mode === 'save') {
      // No overwrite question: an exchange file is never replaced (the export refuses an existing name).
      const saveOptions = { ...options, properties: ['createDirectory'] as 'createDirectory'[] };
      const result = owner ? await dialog.showSaveDialog(owner, saveOptions) : await dialog.showSaveDialog(saveOptions);
      return { ok: true, value: result.canceled || !result.filePath ? null : result.filePath };
    }
    const openOptions = { ...options, properties: ['openFile'] as 'openFile'[] };
    const result = owner ? await dialog.showOpenDialog(owner, openOptions) : await dialog.showOpenDialog(openOptions);
    return { ok: true, value: result.canceled ? null : (result.filePaths[0] ?? null) };
  });
}
