// The agent's page on the village node: the status line, pairing when not paired, then the work by
// step — 委托 / 收件 / 移交 / 进度 / 送达回访.
import { useEffect, useState } from 'react';
import type { AgentList } from '../../electron/contract/agent-node.js';
import { LangSwitch } from '../shared/lang-switch';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { AuthoriseTab, CollectTab, DeliveryTab, ProgressTab } from './agent-tabs';
import { HandoverScreen } from './handover-screen';
import { NodeKeyForm } from './node-key-form';
import { PairingForm } from './pairing-form';
import { StatusLine } from './status-line';
import { useNodeHealth } from './use-node-health';

const TABS = ['authorise', 'collect', 'handover', 'progress', 'delivery'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEY = 'village-agent-tab';

function storedTab(): Tab {
  try {
    const v = localStorage.getItem(TAB_KEY);
    return (TABS as readonly string[]).includes(v ?? '') ? (v as Tab) : 'authorise';
  } catch {
    return 'authorise';
  }
}

export function AgentApp() {
  const { t } = useT();
  const [health, refresh] = useNodeHealth();
  const [tab, setTabState] = useState<Tab>(storedTab);
  const [version, setVersion] = useState(0);
  const [counts, setCounts] = useState<Partial<Record<AgentList, number>>>({});
  const [picked, setPicked] = useState<string | null>(null);
  const setTab = (next: Tab) => {
    setTabState(next);
    try {
      localStorage.setItem(TAB_KEY, next);
    } catch {
      // The tab is a convenience; without storage the page opens on 委托.
    }
  };
  // The hall's changes arrive in the background: lists and counts follow the health poll.
  const stamp = health.status === 'ok' ? `${health.health.lastContactAt}-${health.health.pending.records}` : health.status;
  useEffect(() => setVersion((v) => v + 1), [stamp]);
  useEffect(() => void agentApi.counts().then(setCounts, () => undefined), [version]);
  // A step of the agent's own changes what waits to go: the status line says so at once, not at the next poll.
  const moved = () => {
    setVersion((v) => v + 1);
    refresh();
  };

  const paired = health.status !== 'ok' || health.health.paired;
  return (
    <div className="agent-page">
      <header className="agent-header">
        <h1>{t('agent.title')}</h1>
        <LangSwitch />
      </header>
      <StatusLine health={health} onSyncNow={() => void agentApi.syncNow().finally(refresh)} />
      {health.status === 'locked' ? (
        <NodeKeyForm onKey={refresh} />
      ) : !paired ? (
        <PairingForm onPaired={refresh} />
      ) : (
        <>
          <nav className="agent-tabs" role="tablist">
            {TABS.map((k) => (
              <button key={k} type="button" role="tab" aria-selected={k === tab} className={k === tab ? 'active' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
                {t(`agent.tabs.${k}`)}
                {k === 'progress' && (counts.correction ?? 0) + (counts.overdue ?? 0) > 0 && <span className="agent-count alert">{(counts.correction ?? 0) + (counts.overdue ?? 0)}</span>}
                {k === 'delivery' && (counts.ready ?? 0) > 0 && <span className="agent-count">{counts.ready}</span>}
              </button>
            ))}
          </nav>
          <main>
            {tab === 'authorise' && <AuthoriseTab version={version} onAuthorised={(id) => { setPicked(id); moved(); setTab('collect'); }} />}
            {tab === 'collect' && <CollectTab version={version} picked={picked} onPick={setPicked} onCollected={() => { setPicked(null); moved(); }} />}
            {tab === 'handover' && <HandoverScreen onDone={moved} />}
            {tab === 'progress' && <ProgressTab version={version} counts={counts} onMoved={moved} />}
            {tab === 'delivery' && <DeliveryTab version={version} onMoved={moved} />}
          </main>
        </>
      )}
    </div>
  );
}
