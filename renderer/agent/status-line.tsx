// One line that says plainly whether the hall is reachable, when it was last reached and how many
// records and scans wait to go ("1 件待上传").
import { useT } from '../shared/use-t';
import type { NodeHealth } from './use-node-health';

function clockTime(iso: string, language: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return d.toLocaleString(language, sameDay ? { hour: '2-digit', minute: '2-digit' } : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function StatusLine({ health, onSyncNow }: { health: NodeHealth; onSyncNow: () => void }) {
  const { t, language } = useT();
  if (health.status !== 'ok') {
    return (
      <div className="agent-status bad" role="status" data-testid="agent-status">
        {health.status === 'loading' ? t('agent.status.loading') : health.status === 'locked' ? t('agent.status.locked') : t('agent.status.nodeDown')}
      </div>
    );
  }
  const h = health.health;
  if (!h.paired) {
    return (
      <div className="agent-status bad" role="status" data-testid="agent-status">
        {t('agent.status.notPaired')}
      </div>
    );
  }
  const waiting = h.pending.records + h.pending.scans;
  return (
    <div className={`agent-status ${h.hallReachable ? 'ok' : 'bad'}`} role="status" data-testid="agent-status">
      <span className="agent-status-hall">{h.hallReachable ? t('agent.status.hallUp') : t('agent.status.hallDown')}</span>
      <span>{h.lastContactAt ? t('agent.status.lastContact', { time: clockTime(h.lastContactAt, language) }) : t('agent.status.neverContacted')}</span>
      <span data-testid="agent-pending" className={waiting > 0 ? 'agent-status-pending' : ''}>
        {waiting === 0
          ? t('agent.status.nothingPending')
          : [h.pending.records > 0 && t('agent.status.pendingRecords', { count: h.pending.records }), h.pending.scans > 0 && t('agent.status.pendingScans', { count: h.pending.scans })]
              .filter(Boolean)
              .join(t('agent.status.and'))}
      </span>
      <button type="button" className="secondary" onClick={onSyncNow}>
        {t('agent.status.syncNow')}
      </button>
    </div>
  );
}
