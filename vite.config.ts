import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served three ways: by Electron through its app:// protocol,
// by `npm run web`, and (later) by the hub. Relative asset paths make all three work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
