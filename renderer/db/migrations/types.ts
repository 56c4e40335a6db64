import type { Transaction } from 'dexie';

/** One numbered schema version: the stores it changes and how old rows are upgraded. */
export type Migration = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};
