// 收件: the check-list of an authorised request, saved as counted; confirming queues the request for
// the hall. A second open request for the same villager and item needs a reason to continue.
import { useEffect, useRef, useState } from 'react';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { ApiError, errorMessage } from '../shared/api-error';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { MaterialsChecklist, type MaterialLine } from './materials-checklist';

const toWire = (lines: MaterialLine[]) => lines.map((l) => ({ name: l.name, originals: l.originals, copies: l.copies, scans: l.scans }));

export function CollectScreen({ request, onCollected }: { request: AgentRequestDetail; onCollected: () => void }) {
  const { t } = useT();
  const [lines, setLines] = useState<MaterialLine[]>(request.materials);
  const [reason, setReason] = useState('');
  const [askReason, setAskReason] = useState(request.openDuplicates.length > 0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = setTimeout(() => void agentApi.saveMaterials(request.requestId, toWire(lines)).catch(() => undefined), 400);
    return () => clearTimeout(timer);
  }, [lines, request.requestId]);

  const confirm = () => {
    setBusy(true);
    setError('');
    agentApi
      .collect(request.requestId, { materials: toWire(lines), duplicateReason: reason.trim() || null })
      .then(onCollected, (err: unknown) => {
        if (err instanceof ApiError && err.code === 'conflict' && (err.details as { requests?: unknown } | undefined)?.requests) setAskReason(true);
        setError(errorMessage(t, err));
      })
      .finally(() => setBusy(false));
  };
  return (
    <section className="agent-card" aria-labelledby="collect-title">
      <h2 id="collect-title">{t('agent.collect.title')}</h2>
      <p className="agent-sub">{request.applicantName} · {request.residentIdMasked} · {request.itemName}</p>
      <MaterialsChecklist
        lines={lines}
        onChange={(next) => {
          dirty.current = true;
          setLines(next);
        }}
      />
      {askReason && (
        <label className="agent-warning">
          {t('agent.collect.duplicateWarning')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('agent.collect.duplicateReason')} data-testid="duplicate-reason" />
        </label>
      )}
      {error && <p className="agent-error" role="alert">{error}</p>}
      <div className="agent-actions">
        <button type="button" disabled={busy} onClick={confirm} data-testid="collect-submit">{t('agent.collect.submit')}</button>
      </div>
    </section>
  );
}
