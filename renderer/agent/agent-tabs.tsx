// The agent's work by step: each tab lists the requests waiting for that step beside the step itself.
import { useEffect, useState } from 'react';
import { AGENT_LISTS, type AgentList, type AgentRequestRow } from '../../electron/contract/agent-node.js';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { AuthoriseScreen } from './authorise-screen';
import { CollectScreen } from './collect-screen';
import { DeliveryPanel } from './delivery-panel';
import { RequestPanel } from './request-panel';
import { newRequestId } from './request-id';
import { RequestTable } from './request-table';
import { rememberDraft, rememberedDraft } from './use-draft';
import { useRequest } from './use-request';

/** Rows of one list, reloaded whenever `version` moves (after a step, every few seconds). */
function useRows(list: AgentList, version: number, keep: (r: AgentRequestRow) => boolean = () => true): AgentRequestRow[] {
  const [rows, setRows] = useState<AgentRequestRow[]>([]);
  useEffect(() => {
    let live = true;
    agentApi.list(list).then((r) => live && setRows(r.filter(keep)), () => undefined);
    return () => {
      live = false;
    };
  }, [list, version]);
  return rows;
}

export function AuthoriseTab({ version, onAuthorised }: { version: number; onAuthorised: (id: string) => void }) {
  const { t } = useT();
  const [current, setCurrent] = useState(() => rememberedDraft() ?? newRequestId());
  const [saves, setSaves] = useState(0);
  const drafts = useRows('drafts', version + saves);
  return (
    <div className="agent-split">
      <aside>
        <button type="button" onClick={() => { const id = newRequestId(); rememberDraft(null); setCurrent(id); }}>{t('agent.authorise.new')}</button>
        <h3>{t('agent.lists.drafts')}</h3>
        <RequestTable rows={drafts} selected={current} onPick={(id) => { rememberDraft(id); setCurrent(id); }} />
      </aside>
      <AuthoriseScreen key={current} requestId={current} onSaved={() => setSaves((n) => n + 1)} onAuthorised={(id) => { setCurrent(newRequestId()); onAuthorised(id); }} />
    </div>
  );
}

export function CollectTab({ version, picked, onPick, onCollected }: { version: number; picked: string | null; onPick: (id: string) => void; onCollected: () => void }) {
  const { t } = useT();
  const rows = useRows('waiting', version, (r) => r.state === 'authorised');
  const [detail] = useRequest(picked, version);
  return (
    <div className="agent-split">
      <aside>
        <h3>{t('agent.collect.toCollect')}</h3>
        <RequestTable rows={rows} selected={picked} onPick={onPick} />
      </aside>
      {detail && detail.state === 'authorised' ? <CollectScreen key={detail.requestId} request={detail} onCollected={onCollected} /> : <p className="agent-empty">{t('agent.collect.pick')}</p>}
    </div>
  );
}

export function ProgressTab({ version, counts, onMoved }: { version: number; counts: Partial<Record<AgentList, number>>; onMoved: () => void }) {
  const { t } = useT();
  const [list, setList] = useState<AgentList>('in-progress');
  const [picked, setPicked] = useState<string | null>(null);
  const rows = useRows(list, version);
  const [detail, setDetail] = useRequest(picked, version);
  return (
    <div>
      <div className="agent-lists" role="group" aria-label={t('agent.lists.title')}>
        {AGENT_LISTS.map((l) => (
          <button key={l} type="button" className={l === list ? '' : 'secondary'} aria-pressed={l === list} onClick={() => setList(l)} data-testid={`list-${l}`}>
            {t(`agent.lists.${l}`)} <span className="agent-count">{counts[l] ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="agent-split">
        <aside><RequestTable rows={rows} selected={picked} onPick={setPicked} /></aside>
        {detail ? <RequestPanel key={`${detail.requestId}-${detail.state}`} request={detail} onChanged={(d) => { setDetail(d); onMoved(); }} /> : <p className="agent-empty">{t('agent.progress.pick')}</p>}
      </div>
    </div>
  );
}

export function DeliveryTab({ version, onMoved }: { version: number; onMoved: () => void }) {
  const { t } = useT();
  const [picked, setPicked] = useState<string | null>(null);
  const ready = useRows('ready', version);
  const delivered = useRows('delivered', version);
  const [detail, setDetail] = useRequest(picked, version);
  return (
    <div className="agent-split">
      <aside>
        <h3>{t('agent.lists.ready')}</h3>
        <RequestTable rows={ready} selected={picked} onPick={setPicked} />
        <h3>{t('agent.lists.delivered')}</h3>
        <RequestTable rows={delivered} selected={picked} onPick={setPicked} />
      </aside>
      {detail ? <DeliveryPanel key={`${detail.requestId}-${detail.state}-${detail.ratings.length}`} request={detail} onChanged={(d) => { setDetail(d); onMoved(); }} /> : <p className="agent-empty">{t('agent.delivery.pick')}</p>}
    </div>
  );
}
