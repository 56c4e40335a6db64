import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { db, pendingChanges, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { useConnectivity } from '../../state/connectivity';
import { useSession } from '../../state/session';
import { useSyncActivity } from '../../sync/client';
import { readStatus } from '../../sync/state';
import { byteSize, relativeTime, syncHeadline } from './describe';
import './sync.css';

/** Re-renders every half minute, for "synced 3 minutes ago". */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * The sync status in the header: the link, changes waiting (and since when), and, when signed in
 * to a hub, the last success, the running sync with its progress, bytes up and down, and what
 * needs doing (sign in again, update). Each figure is one small query, re-run on writes.
 */
export function SyncStatus() {
  const t = useT();
  const intl = useIntl();
  const online = useConnectivity((s) => s.online);
  const signedIn = useSession((s) => Boolean(s.session));
  const { scheduler, progress } = useSyncActivity();
  const pending = useLiveQuery(() => pendingChanges(), []) ?? 0;
  const oldest = useLiveQuery(async () => (await db.outbox.orderBy(':id').first())?.at, []);
  const status = useLiveQuery(() => readStatus(db), []);
  const now = useNow();
  const ago = (at: string) => {
    const { value, unit } = relativeTime(at, now);
    return intl.formatRelativeTime(value, unit, { numeric: 'auto', style: 'short' });
  };
  const size = (bytes: number) => {
    const { value, unit } = byteSize(bytes);
    return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'narrow' });
  };
  const headline = syncHeadline({ signedIn, online, status: status ?? { state: 'idle' }, scheduler, progress });
  return (
    <div className="sync-status" aria-label={t('sync.status')} role="group">
      <span className={`connectivity ${online ? 'online' : 'offline'}`} role="status">
        {t(online ? 'status.online' : 'status.offline')}
      </span>
      {signedIn && status && (
        <span className={`sync-headline sync-${headline.kind}`} role="status" title={headline.kind === 'update-needed' ? t('sync.updateNeededHint') : status.lastError || undefined}>
          {headline.kind === 'syncing' &&
            (headline.progress && headline.progress.total > 0 ? t('sync.syncingProgress', { ...headline.progress }) : t('sync.syncing'))}
          {headline.kind === 'sign-in-again' && t('sync.signInAgain')}
          {headline.kind === 'update-needed' && t('sync.updateNeeded')}
          {headline.kind === 'retrying' && t('sync.retrying')}
          {headline.kind === 'problem' && t('sync.problem', { message: headline.message })}
          {(headline.kind === 'synced' || headline.kind === 'offline') &&
            (status.lastSuccess ? t('sync.synced', { ago: ago(status.lastSuccess) }) : t('sync.neverSynced'))}
        </span>
      )}
      <span className="pending" title={t('status.pendingHint')} data-testid="pending-changes">
        {t('status.pending', { count: pending })}
        {pending > 0 && oldest && <span className="sync-oldest"> · {t('sync.oldest', { ago: ago(oldest) })}</span>}
      </span>
      {signedIn && status && (status.bytesUp || status.bytesDown) ? (
        <span className="sync-bytes" title={t('sync.bytesHint')}>
          {t('sync.bytes', { up: size(status.bytesUp ?? 0), down: size(status.bytesDown ?? 0) })}
        </span>
      ) : null}
    </div>
  );
}
