import { useState } from 'react';
import { db, pendingChanges, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { exportChangesPacket, importReceiptPacket, type PacketProblem, type ReceiptReport } from '../../sync/packets';
import { FilePicker } from '../../ui/FilePicker';
import { downloadBlob } from '../certificates/download';
import type { packetsMessages } from './messages';

type Saved = { file: string; count: number; left: number };
type Opened = { ok: true; report: ReceiptReport } | { ok: false; problem: PacketProblem | { code: 'read' } };

/**
 * "Sync by file": for a device with no network, the waiting changes go to the hub on a stick as a
 * file, and the hub's reply file comes back (renderer/sync/packets.ts does the work).
 */
export function PacketsScreen() {
  const t = useT();
  const session = useSession((s) => s.session);
  const pending = useLiveQuery(() => pendingChanges(db), []) ?? 0;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | { problem: PacketProblem } | undefined>();
  const [opened, setOpened] = useState<Opened | undefined>();
  const problemText = (code: PacketProblem['code'] | 'read') => t(`packets.problem.${code}` as keyof typeof packetsMessages.en);

  const save = async () => {
    setBusy(true);
    try {
      const result = await exportChangesPacket(db);
      if (!result.ok) return setSaved({ problem: result.problem });
      downloadBlob(new Blob([result.packet.bytes as BlobPart], { type: 'application/octet-stream' }), result.packet.fileName);
      setSaved({ file: result.packet.fileName, count: result.packet.changes, left: result.packet.left });
    } finally {
      setBusy(false);
    }
  };

  const open = async (file: File) => {
    setBusy(true);
    setOpened(undefined);
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        return setOpened({ ok: false, problem: { code: 'read' } });
      }
      setOpened(await importReceiptPacket(db, bytes));
    } finally {
      setBusy(false);
    }
  };

  const hubForm = session ? new URL('/sync/packet', session.hubUrl).toString() : 'http://HUB/sync/packet';
  return (
    <section aria-labelledby="packets-title" className="packets-screen">
      <h1 id="packets-title">{t('packets.title')}</h1>
      <p className="summary">{t('packets.intro')}</p>
      {!session && (
        <p className="notice" role="status">
          {t('packets.notSignedIn')}
        </p>
      )}

      <h2>{t('packets.save.title')}</h2>
      <p>{t('packets.save.hint', { count: pending })}</p>
      <button type="button" onClick={() => void save()} disabled={busy || !session}>
        {t('packets.save.button')}
      </button>
      {saved && 'problem' in saved && (
        <p className="notice-error" role="alert">
          {problemText(saved.problem.code)}
        </p>
      )}
      {saved && 'file' in saved && (
        <div className="notice-ok" role="status">
          <p>{t('packets.saved', { file: saved.file, count: saved.count })}</p>
          {saved.left > 0 && <p>{t('packets.savedLeft', { count: saved.left })}</p>}
        </div>
      )}
      <p className="muted">{t('packets.hub', { address: hubForm })}</p>
      <pre className="muted" dir="ltr">
        <code>{`curl --data-binary @${saved && 'file' in saved ? saved.file : 'changes.apogee'} -H 'content-type: application/octet-stream' ${hubForm} -o reply.apogee`}</code>
      </pre>

      <h2>{t('packets.open.title')}</h2>
      {session && (
        <FilePicker
          label={t('packets.open.label')}
          hint={t('packets.open.hint')}
          accept=".apogee,application/octet-stream"
          onChoose={(file) => {
            if (file && !busy) void open(file);
          }}
        />
      )}
      {opened && !opened.ok && (
        <div className="notice-error" role="alert">
          <p>{problemText(opened.problem.code)}</p>
          <p>{t('packets.refused')}</p>
        </div>
      )}
      {opened?.ok && <ReceiptSummary report={opened.report} />}
    </section>
  );
}

function ReceiptSummary({ report }: { report: ReceiptReport }) {
  const t = useT();
  return (
    <div className="notice-ok" role="status">
      <p>{t('packets.opened')}</p>
      <ul>
        <li>{t('packets.result.answered', { count: report.answered })}</li>
        {report.rejected + report.adjusted > 0 && <li>{t('packets.result.attention', { rejected: report.rejected, adjusted: report.adjusted })}</li>}
        <li>
          {report.changes === 'applied' && t('packets.result.applied', { count: report.pulled })}
          {report.changes === 'fresh' && t('packets.result.fresh', { count: report.pulled })}
          {report.changes === 'already' && t('packets.result.already')}
          {report.changes === 'skipped' && t('packets.result.skipped')}
        </li>
        {report.hasMore && <li>{t('packets.result.more')}</li>}
        <li>{t('packets.result.waiting', { count: report.waiting })}</li>
      </ul>
    </div>
  );
}
