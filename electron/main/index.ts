// The Electron glue: wires the plain, unit-tested modules beside this file to the real
// Electron APIs. Kept small on purpose — nothing here can run in the unit tests.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session } from 'electron';
import { attachCredential } from '../../shared/credentials/pdfAttachment';
import { BackupStore } from './backups';
import { printCertificatePdf, saveCertificatePdf, type PdfWindow } from './certificatePdf';
import { ConnectivityMonitor } from './connectivity';
import { contentSecurityPolicy, devContentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { isTrustedSender, ok, registerHandlers, sendEvent } from './ipc';
import { Keystore, keystoreResult } from './keystore';
import { appEntryUrl, appScheme, originOf, parseDevUrl, trustedOrigins } from './origins';
import { appSchemePrivileges, createRendererHandler } from './protocol';
import { applySecurity, isPermissionGranted, mainWindowOptions } from './window';

const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

const dev = parseDevUrl(process.env.APOGEE_DEV_URL);
if (!dev.ok) console.warn(`Apogee: ignoring ${dev.reason}.`);
const devUrl = dev.ok ? dev.url : null;
const devOrigin = devUrl === null ? null : originOf(devUrl);
const origins = trustedOrigins(devUrl);

// Both must happen before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Apogee is running: it gets focused (below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    applySecurity(contents, origins, (what, url) =>
      console.warn(`Apogee blocked a ${what}: ${url}`),
    );
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Apogee could not start:', error);
    app.exit(1);
  });
}

function start(): void {
  const userData = app.getPath('userData');
  const backups = new BackupStore(path.join(userData, 'backups'));
  const keys = new Keystore(path.join(userData, 'keys'), safeStorage);
  const ses = session.defaultSession;

  protocol.handle(appScheme, createRendererHandler({ rendererDir, contentSecurityPolicy }));
  const policy = devOrigin === null ? contentSecurityPolicy : devContentSecurityPolicy(devOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, origins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, origins),
  );

  const connectivity = new ConnectivityMonitor(
    () => net.isOnline(),
    (online) => {
      if (mainWindow !== null)
        sendEvent(mainWindow.webContents, 'connectivity:changed', { online });
    },
  );
  connectivity.start();
  powerMonitor.on('resume', () => connectivity.check());

  registerHandlers(
    ipcMain,
    {
      'app:info': () =>
        ok({ version: app.getVersion(), platform: process.platform, userDataPath: userData }),
      'storage:status': () =>
        ok({
          dataPath: userData,
          backupsPath: backups.directory,
          persistent: isPermissionGranted('persistent-storage', devUrl ?? appEntryUrl, origins),
        }),
      'backup:create': async ({ json }) => ok(await backups.create(json)),
      'backup:list': async () => ok(await backups.list()),
      'backup:read': ({ name }) => backups.read(name),
      'connectivity:get': () => ok({ online: connectivity.check() }),
      'certificate:savePdf': async (request) =>
        ok(
          await saveCertificatePdf(request, {
            print: (r) =>
              printCertificatePdf(r, { createWindow: createPdfWindow, entryUrl: devUrl ?? appEntryUrl, attachCredential }),
            chooseFile: chooseSavePath,
            writeFile: (file, bytes) => writeFile(file, bytes),
          }),
        ),
      'keys:create': ({ keyId }) => keystoreResult(() => keys.create(keyId)),
      'keys:sign': ({ keyId, data }) =>
        keystoreResult(async () => ({
          signature: Buffer.from(await keys.sign(keyId, Buffer.from(data, 'base64'))).toString('base64'),
        })),
      'keys:list': () => keystoreResult(() => keys.list()),
    },
    {
      isAllowedSender: (event) => isTrustedSender(event, origins),
      onError: (channel, error) => console.error(`Apogee: ${channel} failed:`, error),
    },
  );

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

/**
 * The hidden window a certificate is printed in: the main window's security settings, never
 * shown, and not throttled while hidden (the page waits for a frame before it says it is drawn).
 */
function createPdfWindow(): PdfWindow {
  const options = mainWindowOptions(preloadPath);
  const window = new BrowserWindow({
    ...options,
    show: false,
    paintWhenInitiallyHidden: true,
    webPreferences: { ...options.webPreferences, backgroundThrottling: false, spellcheck: false },
  });
  return {
    loadURL: (url) => window.loadURL(url),
    webContents: {
      executeJavaScript: (code) => window.webContents.executeJavaScript(code) as Promise<unknown>,
      printToPDF: (options) => window.webContents.printToPDF(options),
    },
    destroy: () => window.destroy(),
    isDestroyed: () => window.isDestroyed(),
  };
}

/** The save dialog for a certificate PDF, opening in Documents; null when cancelled. */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const options = {
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const result = mainWindow === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
}

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devUrl ?? appEntryUrl);
}
