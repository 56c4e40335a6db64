/**
 * The hub that end-to-end tests sign in to: started by playwright.config.ts as a second web
 * server (`node test/e2e/startHub.mjs`) at a fixed port, with a fresh data folder each run. It
 * serves the built web app too, so a page opened at `hubUrl` is same-origin with its hub.
 */
export const hubPort = Number(process.env.E2E_HUB_PORT ?? 4391);
export const hubUrl = `http://127.0.0.1:${hubPort}/`;
/** The first coordinator the hub creates on its first start. */
export const hubAdmin = { email: 'coordinator@apogee.local', password: 'e2e-coordinator-password' } as const;
