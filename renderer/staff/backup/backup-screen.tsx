// 数据备份: where the daily backups go, the last good one, a backup now, the list, and a restore
// (the host checks the file, then restarts on it); after a restore, what the backup did not hold.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupStatus } from '../../../electron/contract/backup.js';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { backupApi } from './backup-api';

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default function BackupScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => backupApi(api).status().then((s) => {
    setStatus(s);
    setFolder((f) => f || s.folder);
  }), [api]);
  useEffect(() => void load().catch((err: unknown) => setMessage({ kind: 'error', text: errorMessage(t, err) })), [load, t]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await work() });
      await load();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const saveFolder = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => (await backupApi(api).setFolder(folder), t('backup.folderSaved')));
  };
  const runNow = () => void act(async () => t('backup.done', { file: (await backupApi(api).run()).file }));
  const restore = (name: string, takenAt: string) => {
    if (!window.confirm(t('backup.restoreConfirm', { when: when(takenAt) }))) return;
    void act(async () => (await backupApi(api).restore(name), t('backup.restoring')));
  };

  if (!status) return <p role="status">{t('common.loading')}</p>;
  const last = status.state.lastGood;
  const lost = status.lastRestore;
  return (
    <section className="panel" data-testid="backup-screen">
      <h1>{t('nav.backup')}</h1>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'form-ok'}>{message.text}</p>}
      <dl className="backup-facts">
        <dt>{t('backup.lastGood')}</dt>
        <dd data-testid="backup-last-good">{last ? `${when(last.at)} · ${last.file} · ${size(last.bytes)}` : t('backup.none')}</dd>
        {status.state.lastFailure && (
          <>
            <dt>{t('backup.lastFailure')}</dt>
            <dd>{when(status.state.lastFailure.at)} · {status.state.lastFailure.message}</dd>
          </>
        )}
      </dl>
      <p>{t('backup.explain')}</p>
      <form onSubmit={saveFolder} className="backup-folder">
        <label>
          {t('backup.folder')}
          <input value={folder} onChange={(e) => setFolder(e.target.value)} maxLength={500} required />
        </label>
        <button type="submit" disabled={busy}>{t('backup.saveFolder')}</button>
        {!status.folderExists && <span role="alert">{t('backup.warning.folder_missing')}</span>}
      </form>
      <p>
        <button type="button" onClick={runNow} disabled={busy || status.running} data-testid="backup-run">
          {busy || status.running ? t('backup.running') : t('backup.runNow')}
        </button>
      </p>
      {lost?.lost && (
        <div className="panel" data-testid="backup-last-restore">
          <h2>{t('backup.lastRestore', { when: when(lost.restoredAt), taken: when(lost.backupTakenAt) })}</h2>
          <p>{t('backup.lost', { tickets: lost.lost.tickets, cases: lost.lost.cases, audit: lost.lost.auditEntries })}</p>
          <p>{t('backup.aside', { dir: lost.asideDir ?? '—' })}</p>
        </div>
      )}
      <h2>{t('backup.list', { count: status.backups.length })}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('backup.takenAt')}</th>
            <th>{t('backup.file')}</th>
            <th>{t('backup.size')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {status.backups.map((b) => (
            <tr key={b.name}>
              <td>{when(b.takenAt)}</td>
              <td>{b.name}</td>
              <td>{size(b.bytes)}</td>
              <td>
                <button type="button" className="secondary" disabled={busy} onClick={() => restore(b.name, b.takenAt)}>
                  {t('backup.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
