import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { startAutoBackup } from './app/autoBackup';
import { router } from './app/router';
import { db, requestPersistentStorage } from './db';
import { I18nProvider } from './i18n';
import { registerOfflineCache } from './platform/serviceWorker';
import { watchConnectivity } from './state/connectivity';
import { startSync } from './sync/client';

registerOfflineCache();
void requestPersistentStorage();
watchConnectivity();
startSync(db);
startAutoBackup();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>
  </StrictMode>,
);
