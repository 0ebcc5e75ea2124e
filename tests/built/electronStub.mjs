// A stand-in for the `electron` module, installed as node_modules/electron in a folder that holds only the
// production dependencies, so the built main process (out/main/index.js) can be loaded by plain Node exactly as
// it is built. It records what main asks of Electron; the driver (mainDriver.mjs) then plays Electron's part.
const stub = globalThis.__electronStub;
if (!stub) throw new Error('electron stub: set globalThis.__electronStub before importing the main bundle');
export const app = stub.app;
export const BrowserWindow = stub.BrowserWindow;
export const dialog = stub.dialog;
export const ipcMain = stub.ipcMain;
export const Menu = stub.Menu;
export const protocol = stub.protocol;
export const shell = stub.shell;
export const session = stub.session;
export const safeStorage = stub.safeStorage;
export default stub;
