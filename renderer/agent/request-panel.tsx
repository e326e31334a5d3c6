// One request as the hall reports it (进度): received, the exact materials a correction asks for
// (supplied here and sent again), accepted with its due date, decided, concluded; 中止/续办/终止.
import { useState } from 'react';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { errorMessage } from '../shared/api-error';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { MaterialsChecklist, type MaterialLine } from './materials-checklist';

function correctionLines(d: AgentRequestDetail): MaterialLine[] {
  return (d.hall.correction?.materials ?? []).map((name) => {
    const had = d.materials.find((m) => m.name === name);
    return { name, required: true, expectedOriginals: had?.expectedOriginals || 1, expectedCopies: had?.expectedCopies ?? 0, originals: 0, copies: 0, scans: [], round: 0 };
  });
}

export function RequestPanel({ request, onChanged }: { request: AgentRequestDetail; onChanged: (d: AgentRequestDetail) => void }) {
  const { t } = useT();
  const [lines, setLines] = useState<MaterialLine[]>(() => correctionLines(request));
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const act = (p: Promise<AgentRequestDetail>) => {
    setError('');
    p.then(onChanged, (err: unknown) => setError(errorMessage(t, err)));
  };
  const h = request.hall;
  const side = (action: 'suspend' | 'resume' | 'terminate') => act(agentApi.sideStep(request.requestId, { action, note }));
  return (
    <section className="agent-card" aria-labelledby="panel-title" data-testid="request-panel">
      <h2 id="panel-title">
        {request.applicantName} · {request.itemName}
      </h2>
      <p>
        <span className={`agent-state state-${request.state}`} data-testid="request-state">{t(`agent.states.${request.state}`)}</span>
        {h.caseNo && <span> · {t('agent.progress.caseNo', { caseNo: h.caseNo })}</span>}
      </p>
      <dl className="agent-facts">
        {request.handoverDue && (<><dt>{t('agent.progress.handoverDue')}</dt><dd className={request.handoverLate ? 'agent-late' : ''}>{request.handoverDue}{request.handoverLate ? ` · ${t('agent.progress.lateFlag')}` : ''}</dd></>)}
        {request.missing.length > 0 && (<><dt>{t('agent.progress.missingAtCollect')}</dt><dd className="agent-late">{request.missing.join('、')}</dd></>)}
        {h.receivedAt && (<><dt>{t('agent.progress.received')}</dt><dd>{new Date(h.receivedAt).toLocaleString()}</dd></>)}
        {h.dueDate && (<><dt>{t('agent.progress.dueDate')}</dt><dd>{h.dueDate}</dd></>)}
        {h.decision && (<><dt>{t('agent.progress.decision')}</dt><dd>{t(`agent.decisions.${h.decision}`)}</dd></>)}
        {h.rejectedReasons.length > 0 && (<><dt>{t('agent.progress.rejected')}</dt><dd>{h.rejectedReasons.join('；')}</dd></>)}
        {h.concludedAt && (<><dt>{t('agent.progress.concluded')}</dt><dd>{new Date(h.concludedAt).toLocaleString()}</dd></>)}
      </dl>
      {request.state === 'correction' && h.correction && (
        <div className="agent-correction" data-testid="correction">
          <h3>{t('agent.progress.correctionTitle')}</h3>
          <ul data-testid="correction-materials">{h.correction.materials.map((m) => <li key={m}>{m}</li>)}</ul>
          {h.correction.note && <p>{h.correction.note}</p>}
          {h.correction.deadline && <p>{t('agent.progress.correctionDeadline', { date: h.correction.deadline })}</p>}
          <MaterialsChecklist lines={lines} onChange={setLines} />
          <button
            type="button"
            data-testid="resubmit"
            onClick={() => act(agentApi.resubmit(request.requestId, { materials: lines.map((l) => ({ name: l.name, originals: l.originals, copies: l.copies, scans: l.scans })), note }))}
          >
            {t('agent.progress.resubmit')}
          </button>
        </div>
      )}
      {['authorised', 'collected', 'handed-over', 'correction', 'accepted', 'suspended', 'draft'].includes(request.state) && (
        <div className="agent-side">
          <label>
            {t('agent.progress.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="agent-actions">
            {request.state === 'suspended' ? (
              <button type="button" className="secondary" onClick={() => side('resume')}>{t('agent.progress.resume')}</button>
            ) : request.state !== 'draft' ? (
              <button type="button" className="secondary" onClick={() => side('suspend')}>{t('agent.progress.suspend')}</button>
            ) : null}
            <button type="button" className="danger" onClick={() => window.confirm(t('agent.progress.terminateConfirm')) && side('terminate')}>{t('agent.progress.terminate')}</button>
          </div>
        </div>
      )}
      {error && <p className="agent-error" role="alert">{error}</p>}
    </section>
  );
}
