import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc';
import { db, pendingChanges, useLiveQuery } from '../../db';
import { exportBackup, parseBackup, restoreBackup, type Backup, type BackupProblem } from '../../db/backup';
import { useT } from '../../i18n';
import { callDesktop, isDesktop } from '../../platform/desktop';
import { Dialog } from '../../ui/Dialog';
import { LanguageSelect } from '../../app/LanguageSelect';

/** Language, local data and backups. */
export function SettingsScreen() {
  const t = useT();
  return (
    <div className="settings">
      <h1>{t('nav.settings')}</h1>
      <section aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.language')}</h2>
        <LanguageSelect id="settings-language" />
      </section>
      <LocalData />
      <Backups />
    </div>
  );
}

function LocalData() {
  const t = useT();
  const pending = useLiveQuery(() => pendingChanges(), []);
  const [persistent, setPersistent] = useState<boolean | null>(null);
  const [dataPath, setDataPath] = useState<string | null>(null);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersistent);
    if (isDesktop()) void callDesktop('storage:status', undefined).then((r) => r.ok && setDataPath(r.value.dataPath));
  }, []);
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('settings.localData')}</h2>
      <p>{t('settings.pending', { count: pending ?? 0 })}</p>
      {persistent !== null && <p>{t(persistent ? 'settings.persistent' : 'settings.notPersistent')}</p>}
      {dataPath && <p>{t('settings.dataPath', { path: dataPath })}</p>}
    </section>
  );
}

function Backups() {
  const t = useT();
  const desktop = isDesktop();
  const [list, setList] = useState<BackupInfo[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pendingRestore, setPendingRestore] = useState<{ backup: Backup; label: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const [listVersion, setListVersion] = useState(0);
  const refresh = () => setListVersion((v) => v + 1);
  useEffect(() => {
    if (!desktop) return;
    let current = true;
    void callDesktop('backup:list', undefined).then((result) => current && result.ok && setList(result.value));
    return () => {
      current = false;
    };
  }, [desktop, listVersion]);

  const problemText = (problem: BackupProblem) =>
    t(`backup.problem.${problem.code}`, { where: problem.where, detail: problem.detail });

  const backUp = async () => {
    const json = await exportBackup(db);
    if (desktop) {
      const result = await callDesktop('backup:create', { json });
      setMessage(result.ok ? { kind: 'ok', text: t('backup.created', { name: result.value.name }) } : { kind: 'error', text: result.error.message });
      refresh();
    } else {
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `apogee-backup-${new Date().toISOString().replace(/:/g, '-')}.json`;
      a.click();
      URL.revokeObjectURL(url);
      setMessage({ kind: 'ok', text: t('backup.downloaded') });
    }
  };

  const prepare = (json: string, label: string) => {
    const parsed = parseBackup(json);
    if (!parsed.ok) setMessage({ kind: 'error', text: t('backup.cannotRestore', { name: label, reason: problemText(parsed.problem) }) });
    else setPendingRestore({ backup: parsed.backup, label });
  };

  const fromDesktop = async (name: string) => {
    const result = await callDesktop('backup:read', { name });
    if (!result.ok) setMessage({ kind: 'error', text: result.error.message });
    else prepare(result.value.json, name);
  };

  const fromFile = async (file: File) => prepare(await file.text(), file.name);

  const confirmRestore = async () => {
    if (!pendingRestore) return;
    await restoreBackup(db, pendingRestore.backup);
    setMessage({ kind: 'ok', text: t('backup.restored', { name: pendingRestore.label }) });
    setPendingRestore(null);
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t(desktop ? 'backup.explainDesktop' : 'backup.explainBrowser')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void backUp()}>
          {t(desktop ? 'backup.create' : 'backup.download')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('backup.restoreFromFile')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label={t('backup.restoreFromFile')}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void fromFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && (
        <p className={message.kind === 'ok' ? 'notice-ok' : 'notice-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {desktop && (
        <table className="table">
          <caption>{t('backup.listCaption', { count: list.length })}</caption>
          <tbody>
            {list.map((b) => (
              <tr key={b.name}>
                <td>{new Date(b.createdAt).toLocaleString()}</td>
                <td>{t('backup.size', { kb: Math.ceil(b.bytes / 1024) })}</td>
                <td>
                  <button type="button" onClick={() => void fromDesktop(b.name)}>{t('backup.restore')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        open={pendingRestore !== null}
        title={t('backup.confirmTitle')}
        onClose={() => setPendingRestore(null)}
        actions={
          <>
            <button type="button" autoFocus onClick={() => setPendingRestore(null)}>{t('form.cancel')}</button>
            <button type="button" className="danger" onClick={() => void confirmRestore()}>{t('backup.confirm')}</button>
          </>
        }
      >
        {pendingRestore && (
          <p>
            {t('backup.confirmBody', {
              name: pendingRestore.label,
              courses: pendingRestore.backup.tables.courses.length,
              sessions: pendingRestore.backup.tables.sessions.length,
            })}
          </p>
        )}
      </Dialog>
    </section>
  );
}
