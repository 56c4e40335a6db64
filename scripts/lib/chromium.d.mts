/** Launch options for Debian's Chromium, shared by Playwright and the benchmark. */
export declare const chromiumLaunch: { executablePath: string; args: string[] };
