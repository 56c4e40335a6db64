/** One Electron bundle built by scripts/build-electron.mjs. */
export type ElectronBundle = {
  name: 'main' | 'preload';
  entry: string;
  outfile: string;
  platform: 'node' | 'browser';
  target: string;
};

/** The repository root. */
export declare const projectRoot: string;
/** The two Electron bundles, paths relative to the repository root. */
export declare const electronBundles: readonly ElectronBundle[];
/** Bundles main and preload with esbuild; resolves to the absolute output paths. */
export declare function buildElectronBundles(options?: {
  root?: string;
  logLevel?: 'silent' | 'error' | 'warning' | 'info';
}): Promise<string[]>;
