// The Electron glue: wires the plain, unit-tested modules beside this file to the real
// Electron APIs. Kept small on purpose — nothing here can run in the unit tests.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, net, powerMonitor, protocol, session } from 'electron';
import { BackupStore } from './backups';
import { ConnectivityMonitor } from './connectivity';
import { contentSecurityPolicy, devContentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { isTrustedSender, ok, registerHandlers, sendEvent } from './ipc';
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

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devUrl ?? appEntryUrl);
}
