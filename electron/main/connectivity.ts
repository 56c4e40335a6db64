/** How often the operating system's network state is polled. */
export const connectivityPollMs = 5_000;

/**
 * Follows whether this computer has a network connection, as the operating system sees it
 * (`net.isOnline()`), and reports each change once. Polled, because Electron has no event
 * for it; also re-checked on demand, e.g. when the computer wakes from sleep.
 */
export class ConnectivityMonitor {
  private current: boolean;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly isOnline: () => boolean,
    private readonly onChange: (online: boolean) => void,
    private readonly pollMs: number = connectivityPollMs,
  ) {
    this.current = this.safeIsOnline(true);
  }

  /** The last known state. */
  get online(): boolean {
    return this.current;
  }

  /** Starts polling. Calling it twice does not poll twice. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.check(), this.pollMs);
    this.timer.unref?.();
  }

  /** Stops polling. */
  stop(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads the state now and reports it if it changed. Returns the state. */
  check(): boolean {
    const online = this.safeIsOnline(this.current);
    if (online !== this.current) {
      this.current = online;
      this.onChange(online);
    }
    return online;
  }

  private safeIsOnline(fallback: boolean): boolean {
    try {
      return this.isOnline();
    } catch {
      return fallback;
    }
  }
}
