// How the tests and the benchmark start Chromium: Debian's build (these machines cannot
// download Playwright's own browsers), no sandbox or GPU, and none of the background
// connections that a closed network refuses.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
