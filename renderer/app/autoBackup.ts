import { db } from '../db';
import { callDesktop, isDesktop } from '../platform/desktop';

const hour = 3_600_000;

/**
 * In the desktop app, keeps a backup of the local database in the profile's backups folder:
 * at start when the newest is older than a day, then every six hours while the app is open.
 * The shell keeps the newest ten. In a browser there is no folder to write to: Settings offers
 * a download instead.
 */
export function startAutoBackup(): () => void {
  if (!isDesktop()) return () => undefined;
  const backUp = async () => {
    if ((await db.courses.count()) === 0) return;
    const { exportBackup } = await import('../db/backup');
    await callDesktop('backup:create', { json: await exportBackup(db) });
  };
  const first = setTimeout(() => {
    void callDesktop('backup:list', undefined).then((list) => {
      const newest = list.ok ? list.value[0] : undefined;
      if (!newest || Date.now() - Date.parse(newest.createdAt) > 24 * hour) void backUp();
    });
  }, 60_000);
  const every = setInterval(() => void backUp(), 6 * hour);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
