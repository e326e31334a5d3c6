// 移交: the collected requests chosen for this trip to the hall, handed over as one batch with its
// printed 移交清单 (A4).
import { useEffect, useState } from 'react';
import type { AgentRequestRow, HandoverView } from '../../electron/contract/agent-node.js';
import { errorMessage } from '../shared/api-error';
import { currentLanguage } from '../shared/i18n';
import { printInHiddenFrame } from '../shared/print-html';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { handoverHtml } from './agent-print';

export function HandoverScreen({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const [rows, setRows] = useState<AgentRequestRow[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [last, setLast] = useState<HandoverView | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    agentApi.list('waiting').then((all) => {
      const collected = all.filter((r) => r.state === 'collected');
      setRows(collected);
      setChosen(new Set(collected.map((r) => r.requestId)));
    }, (err: unknown) => setError(errorMessage(t, err)));
  useEffect(() => void load(), []);
  const print = (h: HandoverView) => void printInHiddenFrame(handoverHtml(t, currentLanguage(), h), document, { testId: 'handover-print', keep: true });
  const hand = () => {
    setError('');
    agentApi.handOver([...chosen]).then(
      (h) => {
        setLast(h);
        print(h);
        void load();
        onDone();
      },
      (err: unknown) => setError(errorMessage(t, err)),
    );
  };
  return (
    <section className="agent-card" aria-labelledby="handover-title">
      <h2 id="handover-title">{t('agent.handover.title')}</h2>
      <p>{t('agent.handover.help')}</p>
      {rows.length === 0 ? (
        <p className="agent-empty">{t('agent.handover.none')}</p>
      ) : (
        <ul className="agent-rows">
          {rows.map((r) => (
            <li key={r.requestId}>
              <label className={`agent-row ${r.handoverLate ? 'late' : ''}`}>
                <input
                  type="checkbox"
                  checked={chosen.has(r.requestId)}
                  onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(r.requestId); else n.delete(r.requestId); return n; })}
                />
                <strong>{r.applicantName}</strong> <span>{r.itemName}</span>
                <span className={r.handoverLate ? 'agent-late' : ''}>{r.handoverDue && t(r.handoverLate ? 'agent.lists.late' : 'agent.lists.due', { date: r.handoverDue })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="agent-error" role="alert">{error}</p>}
      <div className="agent-actions">
        <button type="button" disabled={chosen.size === 0} onClick={hand} data-testid="handover-submit">{t('agent.handover.submit', { count: chosen.size })}</button>
        {last && <button type="button" className="secondary" onClick={() => print(last)}>{t('agent.handover.reprint')}</button>}
      </div>
      {last && <p className="agent-complete">{t('agent.handover.done', { count: last.requests.length })}</p>}
    </section>
  );
}
