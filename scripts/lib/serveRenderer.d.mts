/** A running web server for the renderer. */
export type WebServer = {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Stops accepting connections and drops open ones. */
  close(): Promise<void>;
};

/** Where the server listens and what it serves. */
export type WebServerOptions = { dir?: string; port?: number; host?: string };

/** Where `vite build` puts the renderer. */
export declare const rendererDir: string;
/** The port `npm run web` uses unless PORT says otherwise. */
export declare const defaultPort: number;
/** Only this computer can reach the server. */
export declare const defaultHost: string;
/** The Content-Security-Policy header the server sends (the desktop shell's policy). */
export declare const contentSecurityPolicy: string;
/** Starts serving `dir` (default dist/renderer) with single-page fallback and security headers. */
export declare function startWebServer(options?: WebServerOptions): Promise<WebServer>;
/** The port from the PORT environment variable, or the default. */
export declare function portFromEnvironment(env?: Record<string, string | undefined>): number;
/** Serves until Ctrl+C or SIGTERM, printing the URL. */
export declare function serveUntilStopped(options?: WebServerOptions): Promise<WebServer>;
