// 代办件: the requests village agents sent, by village and state. A clerk receives a hand-over (counts
// checked against the agent's list) and then takes the request in as an agent case; an agent signed
// in at the hall sees their own villages' requests, read-only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import { errorMessage } from '../../shared/api-error';
import { useStaff } from '../staff-context';
import { AGENT_REQUEST_STATES, agentRequestsApi, type AgentRequestDetail, type AgentRequestState, type AgentRequestSummary } from './agent-requests-api';
import { HandoverReceipt } from './handover-receipt';
import './agent-requests.css';

function RequestDetail({ id, clerk, onChanged }: { id: number; clerk: boolean; onChanged: () => void }) {
  const { t, language } = useT();
  const { api } = useStaff();
  const calls = useMemo(() => agentRequestsApi(api), [api]);
  const [detail, setDetail] = useState<AgentRequestDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => void calls.get(id).then(setDetail, (e: unknown) => setProblem(errorMessage(t, e))), [calls, id, t]);
  useEffect(load, [load]);
  if (!detail) return problem ? <p role="alert">{problem}</p> : <p role="status">{t('common.loading')}</p>;
  return (
    <div className="panel agent-request-detail" data-testid="agent-request-detail">
      <h2>
        {detail.itemName} · {detail.applicantName} <span className="muted">{detail.idNumber}</span>
      </h2>
      <p>
        {t('hallAgentRequests.from', { village: detail.villageName, agent: detail.agentName })} · {t(`hallAgentRequests.states.${detail.state}`)}
        {detail.caseNo ? ` · ${t('hallAgentRequests.caseNo', { caseNo: detail.caseNo })}` : ''}
      </p>
      <p className="muted">
        {t('hallAgentRequests.authorisation', { scope: detail.authorisation.scope, from: detail.authorisation.validFrom, until: detail.authorisation.validUntil })}
      </p>
      {detail.missing.length > 0 ? <p className="agent-missing">{t('hallAgentRequests.missing', { names: detail.missing.join('、') })}</p> : null}
      {detail.duplicateReason ? <p>{t('hallAgentRequests.duplicateReason', { reason: detail.duplicateReason })}</p> : null}
      <h3>{t('hallAgentRequests.materials')}</h3>
      <ul>
        {detail.materials.map((m) => (
          <li key={m.name}>
            {m.name} — {t('hallAgentRequests.counts', { originals: m.originals, copies: m.copies })}
            {m.scans ? ` · ${t('hallAgentRequests.scans', { count: m.scans })}` : ''}
          </li>
        ))}
      </ul>
      {detail.handover?.discrepancies?.length ? (
        <p className="agent-missing">
          {t('hallAgentRequests.discrepancies')}: {detail.handover.discrepancies.map((d) => `${d.name} ${d.expected}→${d.counted}（${d.note}）`).join('；')}
        </p>
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
      {clerk && detail.state === 'handed_over' ? (
        <HandoverReceipt
          detail={detail}
          onReceive={async (materials) => {
            setDetail(await calls.receive(id, { materials }));
            onChanged();
          }}
        />
      ) : null}
      {clerk && detail.state === 'received' && detail.caseId === null ? (
        <div className="form-actions">
          <a className="button" href={`#/intake?agentRequest=${detail.id}`} data-testid="take-in">
            {t('hallAgentRequests.takeIn')}
          </a>
          <span className="muted">{t('hallAgentRequests.takeInHint')}</span>
        </div>
      ) : null}
      {clerk && detail.caseId !== null ? <a href={`#/cases/${detail.caseId}`}>{t('hallAgentRequests.openCase')}</a> : null}
      <h3>{t('hallAgentRequests.timeline')}</h3>
      <ol className="agent-timeline">
        {detail.events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at, language)} · {e.actorName} · {t(`hallAgentRequests.events.${e.action}`, { defaultValue: e.action })}
            {e.note ? ` — ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

export default function AgentRequestsScreen() {
  const { t, language } = useT();
  const { api, session } = useStaff();
  const calls = useMemo(() => agentRequestsApi(api), [api]);
  const clerk = session.user.role === 'clerk';
  const [state, setState] = useState<AgentRequestState | ''>(clerk ? 'handed_over' : '');
  const [village, setVillage] = useState('');
  const [rows, setRows] = useState<AgentRequestSummary[] | null>(null);
  const [villages, setVillages] = useState<Map<string, string>>(new Map());
  const [selected, setSelected] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    calls.list({ village, state }).then((r) => {
      if (!live) return;
      setRows(r.rows);
      setVillages((known) => new Map([...known, ...r.rows.map((x) => [x.villageCode, x.villageName] as const)]));
    }, () => live && setRows([]));
    return () => {
      live = false;
    };
  }, [calls, village, state, generation]);

  return (
    <section className="agent-requests-screen">
      <h1>{t('nav.agentRequests')}</h1>
      <p className="screen-intro">{clerk ? t('hallAgentRequests.introClerk') : session.user.role === 'agent' ? t('hallAgentRequests.introAgent') : t('hallAgentRequests.intro')}</p>
      <div className="agent-filters">
        <label>
          {t('hallAgentRequests.state')}{' '}
          <select value={state} onChange={(e) => setState(e.target.value as AgentRequestState | '')} data-testid="agent-state-filter">
            <option value="">{t('hallAgentRequests.allStates')}</option>
            {AGENT_REQUEST_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`hallAgentRequests.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hallAgentRequests.village')}{' '}
          <select value={village} onChange={(e) => setVillage(e.target.value)}>
            <option value="">{t('hallAgentRequests.allVillages')}</option>
            {[...villages].map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="panel">
        <table className="agent-table" data-testid="agent-requests-table">
          <thead>
            <tr>
              <th>{t('hallAgentRequests.authorisedAt')}</th>
              <th>{t('hallAgentRequests.village')}</th>
              <th>{t('hallAgentRequests.agent')}</th>
              <th>{t('hallAgentRequests.applicant')}</th>
              <th>{t('hallAgentRequests.item')}</th>
              <th>{t('hallAgentRequests.state')}</th>
              <th>{t('hallAgentRequests.case')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => (
              <tr key={r.id} aria-selected={r.id === selected} onClick={() => setSelected(r.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setSelected(r.id)}>
                <td>{formatDateTime(r.createdAt, language)}</td>
                <td>{r.villageName}</td>
                <td>{r.agentName}</td>
                <td>{r.applicantName}</td>
                <td>{r.itemName}</td>
                <td>
                  {t(`hallAgentRequests.states.${r.state}`)}
                  {r.missing.length ? <span className="agent-missing"> · {t('hallAgentRequests.missingShort', { count: r.missing.length })}</span> : null}
                </td>
                <td>{r.caseNo ? `${r.caseNo}（${t(`cases.status.${r.caseStatus}`, { defaultValue: r.caseStatus ?? "" })}）` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows && rows.length === 0 ? <p>{t('hallAgentRequests.none')}</p> : null}
      </div>
      {selected !== null ? <RequestDetail key={selected} id={selected} clerk={clerk} onChanged={() => setGeneration((g) => g + 1)} /> : null}
    </section>
  );
}
