// A list of the agent's requests as rows to pick from: the villager (ID masked), the item, the state,
// the hall's case number and the hand-over day, late ones flagged.
import type { AgentRequestRow } from '../../electron/contract/agent-node.js';
import { useT } from '../shared/use-t';

export function RequestTable({ rows, selected, onPick }: { rows: AgentRequestRow[]; selected?: string | null; onPick: (id: string) => void }) {
  const { t } = useT();
  if (rows.length === 0) return <p className="agent-empty">{t('agent.lists.empty')}</p>;
  return (
    <ul className="agent-rows" data-testid="request-rows">
      {rows.map((r) => (
        <li key={r.requestId}>
          <button type="button" className={`agent-row ${r.requestId === selected ? 'selected' : ''}`} aria-pressed={r.requestId === selected} onClick={() => onPick(r.requestId)}>
            <span className="agent-row-main">
              <strong>{r.applicantName || t('agent.lists.noName')}</strong> <span>{r.residentIdMasked}</span>
            </span>
            <span>{r.itemName}</span>
            <span className={`agent-state state-${r.state}`}>{t(`agent.states.${r.state}`)}</span>
            <span>{r.caseNo ?? ''}</span>
            <span className={r.handoverLate ? 'agent-late' : ''}>
              {r.handoverDue ? t(r.handoverLate ? 'agent.lists.late' : 'agent.lists.due', { date: r.handoverDue }) : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
