import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { isMissing, namesIn } from './files';
import path from 'node:path';
import { backupNameSchema } from '../../shared/ipc/contract';
import type { BackupInfo, IpcResult } from '../../shared/ipc/contract';
import { fail, ok } from './ipc';

/** How many backups are kept; creating one more deletes the oldest. */
export const backupsToKeep = 10;

const tempPrefix = '.apogee-backup-';
const tempSuffix = '.tmp';

/** `apogee-backup-2025-07-07T10-11-12.345Z.json`: the ISO time with `:` made file-name safe. */
export function backupFileName(time: Date): string {
  return `apogee-backup-${time.toISOString().replace(/:/g, '-')}.json`;
}

/** The time a backup name encodes, or null for a name the shell did not write. */
export function backupTime(name: string): Date | null {
  const match =
    /^apogee-backup-(\d{4,}-\d{2}-\d{2})T(\d{2})[-:](\d{2})[-:](\d{2}(?:\.\d+)?)Z\.json$/.exec(
      name,
    );
  if (match === null) return null;
  const time = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** True for a plain file name the shell would write: no folders, no traversal, the right shape. */
export function isBackupName(name: string): boolean {
  return backupNameSchema.safeParse(name).success && path.basename(name) === name;
}

/**
 * Rotating local backups in one folder. The renderer hands over the backup as text and checks
 * its contents itself when restoring; the shell only stores files, never parses them. Writes are
 * queued so that two quick backups never rotate each other's files.
 */
export class BackupStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes a new backup atomically (temporary file, flush, rename), then keeps the newest ten. */
  create(json: string): Promise<BackupInfo> {
    const task = this.queue.then(() => this.createNow(json));
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** The backups, newest first. An absent folder means no backups yet. */
  async list(): Promise<BackupInfo[]> {
    const names = await namesIn(this.directory);
    const infos: BackupInfo[] = [];
    for (const name of names.filter(isBackupName)) {
      try {
        const stats = await stat(path.join(this.directory, name));
        if (!stats.isFile()) continue;
        const createdAt = (backupTime(name) ?? stats.mtime).toISOString();
        infos.push({ name, bytes: stats.size, createdAt });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return infos.sort(
      (a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.name, a.name),
    );
  }

  /** The text of one backup; `not-found` when there is no such backup. */
  async read(name: string): Promise<IpcResult<{ name: string; json: string }>> {
    if (!isBackupName(name)) {
      return fail(
        'invalid-request',
        `The backup name "${name}" is not valid: backup names look like apogee-backup-<date>.json.`,
      );
    }
    try {
      const json = await readFile(path.join(this.directory, name), 'utf8');
      return ok({ name, json });
    } catch (error) {
      if (isMissing(error)) {
        return fail(
          'not-found',
          `There is no backup called "${name}". It may have been rotated out or deleted.`,
        );
      }
      throw error;
    }
  }

  private async createNow(json: string): Promise<BackupInfo> {
    await mkdir(this.directory, { recursive: true });
    const existing = new Set((await readdir(this.directory)).filter(isBackupName));
    let time = this.now();
    // Two backups in the same millisecond must not overwrite each other.
    while (existing.has(backupFileName(time))) time = new Date(time.getTime() + 1);
    const name = backupFileName(time);

    const tempPath = path.join(this.directory, `${tempPrefix}${randomUUID()}${tempSuffix}`);
    const file = await open(tempPath, 'wx');
    try {
      await file.writeFile(json, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(tempPath, path.join(this.directory, name));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }

    await this.rotate();
    return { name, bytes: Buffer.byteLength(json, 'utf8'), createdAt: time.toISOString() };
  }

  /** Deletes all but the newest backups, and temporary files a crash may have left behind. */
  private async rotate(): Promise<void> {
    const backups = await this.list();
    for (const old of backups.slice(backupsToKeep)) {
      await rm(path.join(this.directory, old.name), { force: true });
    }
    for (const name of await readdir(this.directory)) {
      if (name.startsWith(tempPrefix) && name.endsWith(tempSuffix)) {
        await rm(path.join(this.directory, name), { force: true });
      }
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

