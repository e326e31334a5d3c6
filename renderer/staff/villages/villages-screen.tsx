// 村/社区管理 (admin): the villages and communities of the township with their 12-digit division codes
// and grid paths, switched on and off (never deleted), and which villages each agent serves.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../shared/use-t';
import { fieldIssues } from '../../shared/contract';
import { FormMessages, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useStaff } from '../staff-context';
import { CreateVillageRequest, villagesApi, type VillageList } from './villages-api';
import './villages.css';

const FIELDS = ['code', 'name', 'grid'] as const;

/** "东部片区 / 东岭村 / 第一网格" ↔ ['东部片区', '东岭村', '第一网格']. */
export const gridFromText = (text: string): string[] => text.split(/[/／>＞→]/).map((s) => s.trim()).filter(Boolean);

function VillageCreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [grid, setGrid] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { code: code.trim(), name, grid: gridFromText(grid) };
    const parsed = CreateVillageRequest.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
    try {
      await villagesApi(api).create(parsed.data);
      setCode('');
      setName('');
      setGrid('');
      setErrors(NO_ERRORS);
      onCreated();
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate data-testid="village-create-form" aria-labelledby="village-create-title">
      <h2 id="village-create-title">{t('hallVillages.create')}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('hallVillages.code')} value={code} onValue={setCode} error={errors.fields.code} hint={t('hallVillages.codeHint')} inputMode="numeric" autoComplete="off" />
        <TextField label={t('hallVillages.name')} value={name} onValue={setName} error={errors.fields.name} autoComplete="off" />
        <TextField label={t('hallVillages.grid')} value={grid} onValue={setGrid} error={errors.fields.grid} hint={t('hallVillages.gridHint')} autoComplete="off" />
      </div>
      <div className="form-actions">
        <button type="submit">{t('hallVillages.createSubmit')}</button>
      </div>
    </form>
  );
}

export default function VillagesScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const calls = useMemo(() => villagesApi(api), [api]);
  const [data, setData] = useState<VillageList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(() => {
    calls.list().then(setData, () => setMessage(t('hallVillages.loadFailed')));
  }, [calls, t]);
  useEffect(reload, [reload]);

  const toggle = async (code: string, active: boolean) => {
    await calls.update(code, { active });
    reload();
  };
  const setServed = async (agentId: number, codes: string[]) => {
    await calls.setAgentVillages(agentId, codes);
    setMessage(t('hallVillages.agentSaved'));
    reload();
  };

  return (
    <section className="villages-screen">
      <h1>{t('nav.villages')}</h1>
      <p className="screen-intro">{t('hallVillages.intro')}</p>
      {message ? <p role="status">{message}</p> : null}
      <div className="panel">
        <table className="villages-table" data-testid="villages-table">
          <thead>
            <tr>
              <th>{t('hallVillages.code')}</th>
              <th>{t('hallVillages.name')}</th>
              <th>{t('hallVillages.grid')}</th>
              <th>{t('hallVillages.agents')}</th>
              <th>{t('hallVillages.state')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.rows ?? []).map((v) => (
              <tr key={v.code} className={v.active ? undefined : 'inactive'}>
                <td className="mono">{v.code}</td>
                <td>{v.name}</td>
                <td>{v.grid.join(' / ')}</td>
                <td>{v.agents.map((a) => a.displayName).join('、') || '—'}</td>
                <td>
                  {v.active ? t('hallVillages.active') : t('hallVillages.inactive')}{' '}
                  <button type="button" className="secondary" onClick={() => void toggle(v.code, !v.active)}>
                    {v.active ? t('hallVillages.deactivate') : t('hallVillages.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.rows.length === 0 ? <p>{t('hallVillages.none')}</p> : null}
      </div>
      <VillageCreateForm onCreated={reload} />
      <div className="panel" data-testid="agent-villages">
        <h2>{t('hallVillages.agentsTitle')}</h2>
        <p>{t('hallVillages.agentsIntro')}</p>
        {(data?.agents ?? []).map((agent) => (
          <fieldset key={agent.id} className="agent-villages">
            <legend>
              {agent.displayName} <span className="muted">({agent.username})</span>
            </legend>
            {(data?.rows ?? []).map((v) => {
              const served = agent.villageCodes.includes(v.code);
              return (
                <label key={v.code} className="agent-village-choice">
                  <input
                    type="checkbox"
                    checked={served}
                    onChange={() => void setServed(agent.id, served ? agent.villageCodes.filter((c) => c !== v.code) : [...agent.villageCodes, v.code])}
                  />{' '}
                  {v.name}
                </label>
              );
            })}
          </fieldset>
        ))}
        {data && data.agents.length === 0 ? <p>{t('hallVillages.noAgents')}</p> : null}
      </div>
    </section>
  );
}
